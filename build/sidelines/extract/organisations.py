"""Organisations named in a text (UN, CICA, CSTO, …), in English and inflected Russian."""

from __future__ import annotations

import re
from functools import cache

from sidelines.extract.aliases import ORGANISATIONS
from sidelines.extract.fastre import compile_guarded

CYRILLIC_WORD = re.compile(r"[а-яё]{5,}", re.I)
# The head of an organisation: a meeting with them is a meeting with the organisation.
HEAD_OF_ORGANISATION = compile_guarded(
    r"Secretary[\s-]+General|Director[\s-]+General|High\s+Commissioner"
    r"|Генсек\w*|Генеральн\w*\s+секретар\w*|Генеральн\w*\s+директор\w*|Верховн\w*\s+комиссар\w*",
    re.I,
)


def _form_pattern(name: str) -> str:
    """A name as a regex; long Russian words also match their case endings."""
    pattern = re.escape(name.strip("«»"))
    for word in set(CYRILLIC_WORD.findall(name)):
        pattern = pattern.replace(word, word[:-2] + r"\w{0,4}")
    return pattern


@cache
def _org_regex() -> re.Pattern[str]:
    forms = sorted(
        ((name, code) for code, names in ORGANISATIONS.items() for name in names),
        key=lambda pair: len(pair[0]),
        reverse=True,
    )
    groups = "|".join(f"(?P<g{i}>{_form_pattern(name)})" for i, (name, _) in enumerate(forms))
    return compile_guarded(rf"(?<![\w-])(?:{groups})(?![\w-])")


@cache
def _group_codes() -> dict[str, str]:
    forms = sorted(
        ((name, code) for code, names in ORGANISATIONS.items() for name in names),
        key=lambda pair: len(pair[0]),
        reverse=True,
    )
    return {f"g{i}": code for i, (_, code) in enumerate(forms)}


def organisations_named(text: str | None) -> list[str]:
    """Acronyms of the organisations a text names, in order of first mention.

    >>> organisations_named("с Генсеком ООН; встреча министров СВМДА (#CICA)")
    ['UN', 'CICA']
    >>> organisations_named("#UNGA78 and the Collective Security Treaty Organization")
    ['CSTO']
    """
    found: list[str] = []
    codes = _group_codes()
    for match in _org_regex().finditer(text or ""):
        code = codes[match.lastgroup or ""]
        if code not in found:
            found.append(code)
    return found


def without_organisations(text: str) -> str:
    """The text with every organisation's name blanked out (so "in Asia" of CICA's name is
    not read as a place)."""
    return _org_regex().sub(" ", text)


def names_head_of_organisation(text: str) -> bool:
    """True when the text names the head of an organisation ("UN Secretary-General", «Генсек»)."""
    return HEAD_OF_ORGANISATION.search(text) is not None
