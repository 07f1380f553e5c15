"""Organisations named in a text (UN, LAS, GCC, IAEA, …) in English and any Russian case, and
the heads of organisations ("the IAEA Director General", «Генсеком ЛАГ»).

The names are data (`aliases.ORGANISATIONS`), found by the gazetteer's one pass.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache

from sidelines.extract.aliases import ORGANISATIONS
from sidelines.extract.fastre import compile_guarded
from sidelines.extract.gazetteer import ORGANISATION, names_in

WORD = "A-Za-zА-Яа-яЁё"
# The head of an organisation: a meeting with them is a meeting with the organisation.
HEAD_TITLE = compile_guarded(
    rf"(?<![{WORD}])(?:"
    # the President of the General Assembly heads a UN body: «Председатель 76-й сессии ГА
    # ООН», "President of the 78th session of the UN General Assembly"
    r"Председател[а-яё]*\s+(?:\d+-?[а-яё]*\s+)?(?:сесси[а-яё]*\s+)?"
    r"(?:Генеральн[а-яё]*\s+Ассамбле[а-яё]*|Генассамбле[а-яё]*|ГА)"
    r"|President\s+of\s+the\s+(?:\d+(?:st|nd|rd|th)\s+)?(?:session\s+of\s+the\s+)?"
    r"(?:UN\s+|United\s+Nations\s+)?General\s+Assembly"
    r"|Secretary[\s-]+General|Director[\s-]+General|High\s+Commissioner|High\s+Representative"
    r"|Executive\s+Secretary|President|Chair(?:man|woman|person)?|Head"
    r"|Генсек[а-яё]*|Генеральн[а-яё]*\s+секретар[а-яё]*|Генеральн[а-яё]*\s+директор[а-яё]*"
    r"|Верховн[а-яё]*\s+комиссар[а-яё]*|Исполнительн[а-яё]*\s+секретар[а-яё]*"
    r"|Президент[а-яё]*|Председател[а-яё]*|Глав[а-яё]{0,2}"
    rf")(?![{WORD}])",
    re.I,
)
# Titles that only an organisation's head holds (a president can be a state's).
OWN_HEAD_TITLE = compile_guarded(
    rf"(?<![{WORD}])(?:Secretary[\s-]+General|Director[\s-]+General|High\s+Commissioner"
    r"|Генсек[а-яё]*|Генеральн[а-яё]*\s+секретар[а-яё]*|Генеральн[а-яё]*\s+директор[а-яё]*"
    rf"|Верховн[а-яё]*\s+комиссар[а-яё]*)(?![{WORD}])",
    re.I,
)
RUSSIA_PREFIX = re.compile(r"^(?:Russia|Россия|РФ)[-_]?", re.I)
NEAR = 24  # characters between a title and the organisation it heads ("of the", «Комиссии»)


def organisations_named(text: str | None) -> list[str]:
    """Short names of the organisations a text names, in order of first mention.

    >>> organisations_named("с Генсеком ООН; встреча министров СВМДА (#CICA)")
    ['UN', 'CICA']
    >>> organisations_named("Генсеком Лиги арабских государств и главой ЕС")
    ['LAS', 'EU']
    """
    found: list[str] = []
    for hit in names_in(text or ""):
        if hit.kind == ORGANISATION and hit.code not in found:
            found.append(hit.code)
    return found


def without_organisations(text: str) -> str:
    """The text with every organisation's name blanked out (so "in Asia" of CICA's name is
    not read as a place)."""
    pieces = []
    last = 0
    for hit in names_in(text):
        if hit.kind == ORGANISATION:
            pieces.append(text[last : hit.start] + " ")
            last = hit.end
    return "".join(pieces) + text[last:]


def organisation_headed(text: str) -> str | None:
    """The organisation whose head the text names: a head's title next to an organisation's
    name, either side ("UN Secretary-General", "President of the ICRC", «Генсеком ЛАГ»).

    >>> organisation_headed("the IAEA Director General Rafael Grossi")
    'IAEA'
    >>> organisation_headed("президентом Международного комитета Красного Креста")
    'ICRC'
    >>> organisation_headed("President of Egypt") is None
    True
    """
    titles = [m.span() for m in HEAD_TITLE.finditer(text)]
    if not titles:
        return None
    starts = [start for start, _ in titles]
    for hit in names_in(text):
        if hit.kind != ORGANISATION:
            continue
        # the title nearest before the name, and the one right after it (titles are sorted)
        before = bisect_right(starts, hit.start) - 1
        if before >= 0 and 0 <= hit.start - titles[before][1] <= NEAR:
            return hit.code
        after = bisect_left(starts, hit.end)
        if after < len(titles) and titles[after][0] - hit.end <= 2:
            return hit.code
    return None


def names_head_of_organisation(text: str) -> bool:
    """True when the text names the head of an organisation ("UN Secretary-General",
    «Генсек», "the President of the ICRC")."""
    return OWN_HEAD_TITLE.search(text) is not None or organisation_headed(text) is not None


def _letters(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalpha())


@cache
def _organisations_by_letters() -> dict[str, str]:
    return {_letters(name): code for code, names in ORGANISATIONS.items() for name in names}


@cache  # a channel uses the same few tags
def organisation_from_hashtag(tag: str) -> str | None:
    """The organisation of a bilateral tag, as `countries.country_from_hashtag` gives the
    state: '#RussiaArabLeague' -> 'LAS', '#РоссияАСЕАН' -> 'ASEAN', '#RussiaOIC' -> 'OIC'.

    >>> organisation_from_hashtag("#RussiaArabLeague"), organisation_from_hashtag("РоссияАСЕАН")
    ('LAS', 'ASEAN')
    >>> organisation_from_hashtag("#UNGA78") is None, organisation_from_hashtag("#RussiaMali")
    (True, None)
    """
    tag = tag.lstrip("#")
    rest = RUSSIA_PREFIX.sub("", tag, count=1)
    if rest == tag or not rest:
        return None
    return _organisations_by_letters().get(_letters(rest))
