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


def members(characters: str) -> str:
    """Class members matching exactly these characters, every one escaped.

    >>> print(members("b-a"))
    \\x{2D}\\x{61}-\\x{62}
    """
    return _ranges(sorted({ord(c) for c in characters}))


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
    return "".join(f"[{_caseless_class(char)}]" for char in literal)


# The letters whose caseless classes are read off the few characters `re.I` takes for any
# of them (one scan of every code point), not off a scan of their own.
LETTERS = re.compile("[a-zа-яё]", re.I)


@cache
def _caseless_class(char: str) -> str:
    if not LETTERS.fullmatch(char):
        return python_class(f"(?i:{re.escape(char)})")
    taken = re.compile(f"(?i:{re.escape(char)})")
    return _ranges([ord(c) for c in _taken_for_letters() if taken.fullmatch(c)])


@cache
def _taken_for_letters() -> str:
    """Every character `re.I` takes for some letter of `LETTERS`."""
    return "".join(python_members(f"(?i:{LETTERS.pattern})"))


def _ranges(code_points: list[int]) -> str:
    """Class members of the code points, in order: runs as ranges, as `python_class` gives."""
    members, start = [], 0
    for i, point in enumerate(code_points):
        if i + 1 == len(code_points) or code_points[i + 1] != point + 1:
            first = code_points[start]
            members.append(
                _escaped(first) if first == point else f"{_escaped(first)}-{_escaped(point)}"
            )
            start = i + 1
    return "".join(members)


# Letters a Rust pattern lets stand in either case (`folded_words`): each casefolds to one
# letter, the same in both engines' Unicode versions.
CAPITALS = re.compile("[A-ZА-ЯЁ]")


@cache
def folded_apart() -> str:
    """The members of a class of every character that casefolds to something else, but
    `CAPITALS`: in a text without them, casefolding lowers a capital, nothing else."""
    every = "".join(_characters(plane) for plane in PLANES)
    return _ranges([ord(c) for c in every if c.casefold() != c and not CAPITALS.fullmatch(c)])


def folded_words(words: tuple[str, ...]) -> str:
    """A Rust pattern that finds, in a text without `folded_apart` characters, where one of
    the casefolded words begins in the text casefolded: each letter with its capital.

    >>> folded_words(("met", "в"))
    '[mM][eE][tT]|[вВ]'
    """
    return "|".join("".join(_either_case(char) for char in word) for word in words)


def _either_case(char: str) -> str:
    capital = char.upper()
    if CAPITALS.fullmatch(capital) and capital.casefold() == char:
        return f"[{char}{capital}]"
    return char if char.isalnum() else _escaped(ord(char))
