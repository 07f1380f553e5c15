"""Where a meeting took place: a city the sentence names ("in Kazan", «в Казани»), the
post's 📍 line, or the dateline; never an event named after a city ("St Petersburg
International Economic Forum"), never a country."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from sidelines.extract.countries import countries_named
from sidelines.extract.fastre import compile_guarded
from sidelines.extract.memo import SENTENCES
from sidelines.extract.organisations import without_organisations

# After a pin, a place is the text up to a comma or the line's end, with no digit in it.
PIN_PLACE = re.compile(r"📍\s*+(?P<place>[^,\n\d]*+)")
# "in Kazan", "in New York", "in St Petersburg", "in Rio de Janeiro" — but not when a
# capitalised word follows (then the city names an event: "in St Petersburg International").
IN_PLACE_EN = compile_guarded(
    r"\bin\s+(?:the\s+city\s+of\s+)?(?P<place>(?:St\.?\s)?[A-Z][a-z]+(?:[\s-](?:de\s|da\s)?[A-Z][a-z]+)?)"
    r"(?![\w-]|\s+[A-Z])"
)
IN_PLACE_RU = compile_guarded(
    r"(?<!\w)(?:[Вв]|[Вв]о)\s+(?:городе\s+)?(?P<place>[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+){0,3})"
    r"(?![\w-]|\s+[А-ЯЁ])"
)
NOT_PLACES = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|This|That"
    r"|Russian|Russia|English|Addition|Particular|General|Turn|Order|Line|Light|Charge)\b"
)
# Everyday short forms of city names.
CITY_ALIASES = {"Rio": "Rio de Janeiro", "Рио": "Рио-де-Жанейро", "NY": "New York"}
UNGA_VENUE = "New York"  # the General Assembly sits at UN Headquarters


@cache
def _morph() -> Any:
    import pymorphy3  # loaded once per process, when a Russian place is first read

    return pymorphy3.MorphAnalyzer()


@cache
def russian_city(word: str) -> str | None:
    """A Russian place name in the locative put back into the nominative («Казани» ->
    «Казань», «Нью-Йорке» -> «Нью-Йорк»), None for a word that is no place.

    >>> russian_city("Нью-Йорке"), russian_city("Москве"), russian_city("Сочи")
    ('Нью-Йорк', 'Москва', 'Сочи')
    """
    parses = [p for p in _morph().parse(word) if "loct" in p.tag or "Fixd" in p.tag]
    places = [p for p in parses if "Geox" in p.tag] or [
        p for p in parses if "Name" not in p.tag and "Surn" not in p.tag
    ]
    if not places:
        return None
    normal = places[0].normal_form
    segments = normal.split("-")
    original = word.split("-")
    if len(segments) == len(original):
        pairs = zip(segments, original, strict=True)
        segments = [s.capitalize() if o[:1].isupper() else s for s, o in pairs]
    else:
        segments[0] = segments[0].capitalize()
    return "-".join(segments)


def _is_country(name: str) -> bool:
    return bool(countries_named(name))


@lru_cache(maxsize=SENTENCES)  # once per distinct clause
def sentence_place(sentence: str, cyrillic: bool) -> str | None:
    """The city a sentence says a meeting was in, or None."""
    if cyrillic:
        for match in IN_PLACE_RU.finditer(sentence):
            city = russian_city(match.group("place"))
            if city and not _is_country(city) and not _is_country(match.group("place")):
                return CITY_ALIASES.get(city, city)
        return None
    if not IN_PLACE_EN.search(sentence):
        return None
    for match in IN_PLACE_EN.finditer(without_organisations(sentence)):
        place = match.group("place")
        if not NOT_PLACES.match(place) and not _is_country(place):
            return CITY_ALIASES.get(place, place)
    return None


def pinned_place(text: str) -> str | None:
    r"""The place after the first 📍 that names one (up to a comma or the line's end, no
    digit). Each stretch is read once: pins before a digit all end at that digit.

    >>> pinned_place("📍 Нью-Йорк 22 сентября\n📍 New York , USA")
    'New York'
    """
    resume = 0
    while (pin := PIN_PLACE.search(text, resume)) is not None:
        place, end = pin.group("place").strip(), pin.end()
        if place and (end == len(text) or text[end] in ",\n"):
            return CITY_ALIASES.get(place, place)
        resume = max(end, pin.start() + 1)
    return None
