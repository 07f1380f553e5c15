"""Python's `\\w` and `\\s` as explicit character classes for polars' (Rust) regexes.

Rust's `\\w` is not Python's: it takes in every combining mark, connector punctuation and
the zero-width joiner, and leaves out numbers such as `²`; its Unicode tables are also a
different version than this Python's. So that an expression finds exactly what the Python
pattern it replaces found, the classes are read off Python's own `re`, once per process.
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np
import polars as pl

# Every code point but the surrogates, which are no characters and no regex can hold
PLANES = (range(0xD800), range(0xE000, 0x110000))


@cache
def _characters(plane: range) -> str:
    return np.arange(plane.start, plane.stop, dtype="<u4").tobytes().decode("utf-32-le")


def _escaped(code_point: int) -> str:
    return f"\\x{{{code_point:X}}}"


@cache
def python_class(pattern: str) -> str:
    """The members (ranges, no brackets) of a class matching the characters that the
    one-character Python pattern matches.

    >>> print(python_class(r"[\\t a-c]"))
    \\x{9}\\x{20}\\x{61}-\\x{63}
    """
    members = []
    for plane in PLANES:
        for run in re.finditer(f"(?:{pattern})+", _characters(plane)):
            first, last = plane.start + run.start(), plane.start + run.end() - 1
            members.append(
                _escaped(first) if first == last else f"{_escaped(first)}-{_escaped(last)}"
            )
    return "".join(members)


@cache
def python_members(pattern: str) -> str:
    """Every character the one-character Python pattern matches, in order.

    >>> python_members(r"[\\t a-c]")
    '\\t abc'
    """
    return "".join(m for plane in PLANES for m in re.findall(pattern, _characters(plane)))


def word() -> str:
    """Python's `\\w` (letters, digits, numbers, `_`) as class members."""
    return python_class(r"\w")


def space() -> str:
    """Python's `\\s` (`str.isspace`) as class members."""
    return python_class(r"\s")


def caseless(literal: str) -> str:
    """The literal as classes that match, for each of its characters, what Python's `re.I`
    takes for it (`ſ` for s, `ı` and `İ` for i, `ᲂ` for о), outside any case-blind group of
    Rust's, whose case folding is of another Unicode version.

    >>> print(caseless("Os"))
    [\\x{4F}\\x{6F}][\\x{53}\\x{73}\\x{17F}]
    """
    return "".join(f"[{python_class(f'(?i:{re.escape(char)})')}]" for char in literal)


@cache
def unlike_casefold() -> str:
    """The members of a class of the characters that polars' `to_lowercase` does not turn
    into what Python's `casefold` does (ß, ſ, the Cherokee letters, characters of another
    Unicode version), and Σ, which Rust lowers by its place in the word: a text without
    them, lowered in polars, is the text Python casefolds."""
    every = "".join(_characters(plane) for plane in PLANES)
    single = pl.Series([every]).str.split("").explode()
    lowered_by_rust = single.filter(single.str.to_lowercase() != single).to_list()
    folded_by_python = [char for char in every if char.casefold() != char]
    either = sorted({*lowered_by_rust, *folded_by_python})
    lowered = pl.Series(either, dtype=pl.String).str.to_lowercase().to_list()
    unlike = {char for char, low in zip(either, lowered, strict=True) if low != char.casefold()}
    return "".join(_escaped(ord(char)) for char in sorted(unlike | {"Σ"}))
