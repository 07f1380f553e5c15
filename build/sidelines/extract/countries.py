"""Countries named in a post: flag emoji, bilateral hashtags, names and adjectives.

Names come from the gazetteer (pycountry, CLDR, pymorphy3's cases, the small alias and
demonym tables), found in one pass with organisations, so that «Лига арабских государств»
names no state.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

import pycountry

from sidelines.extract.aliases import ORGANISATION_FLAGS
from sidelines.extract.automaton import Hit
from sidelines.extract.demonyms import demonyms
from sidelines.extract.gazetteer import COUNTRY, DEMONYM, country_names, names_in, names_in_many

RUSSIA = "RUS"
REGIONAL_INDICATOR_A = 0x1F1E6
FLAG = re.compile("[\U0001f1e6-\U0001f1ff]{2}")
LEADING_FLAGS = re.compile("^\\s*((?:[\U0001f1e6-\U0001f1ff]{2})+)")
RUSSIA_PREFIX = re.compile(r"^(?:Russia|Россия|Russian|РФ)", re.I)


def flag_code(flag: str) -> str:
    """The two letters a flag emoji spells: '🇵🇰' -> 'PK'."""
    return "".join(chr(ord(ch) - REGIONAL_INDICATOR_A + ord("A")) for ch in flag)


@cache  # a channel uses the same few flags again and again
def country_from_flag(flag: str) -> str | None:
    """ISO alpha-3 for a flag emoji, None for non-country flags such as 🇺🇳."""
    found = pycountry.countries.get(alpha_2=flag_code(flag))
    return found.alpha_3 if found else None


def leading_flags(text: str | None) -> list[str]:
    """The flag emoji a post opens with (🇷🇺🇵🇰 -> ['🇷🇺', '🇵🇰'])."""
    match = LEADING_FLAGS.match(text or "")
    return FLAG.findall(match.group(1)) if match else []


def partner_from_flags(flags: list[str]) -> tuple[str | None, str | None]:
    """(country, organisation) a bilateral flag pair names besides Russia."""
    for flag in flags:
        code = flag_code(flag)
        if code in ORGANISATION_FLAGS:
            return None, ORGANISATION_FLAGS[code]
        country = country_from_flag(flag)
        if country and country != RUSSIA:
            return country, None
    return None, None


def _letters(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalpha())


@cache
def _by_letters() -> dict[str, str]:
    keys = {_letters(name): code for name, code in country_names()}
    for row in demonyms():  # #RussianChinese is rare, but #РоссияКитай is a name anyway
        keys.update({_letters(name): row.country for name in row.english})
    keys.update({c.alpha_3.casefold(): c.alpha_3 for c in pycountry.countries})
    return keys


@cache  # and the same few tags
def country_from_hashtag(tag: str) -> str | None:
    """Partner of a bilateral tag: '#RussiaMali' -> 'MLI', 'РоссияБуркинаФасо' -> 'BFA'."""
    tag = tag.lstrip("#")
    rest = RUSSIA_PREFIX.sub("", tag, count=1)
    if rest == tag or not rest:
        return None
    code = _by_letters().get(_letters(rest))
    return code if code != RUSSIA else None


def country_hits(text: str | None) -> list[Hit]:
    """Every country a text names, by name or by adjective («китайским», "Hungarian"),
    Russia included, with its offsets; a country inside an organisation's or a region's
    name is not one.

    >>> [(h.code, h.kind) for h in country_hits("с китайским коллегой и главой МИД Словакии")]
    [('CHN', 'demonym'), ('SVK', 'country')]
    """
    return [h for h in names_in(text or "") if h.kind in (COUNTRY, DEMONYM)]


def _codes(hits: Iterable[Hit]) -> list[str]:
    found: list[str] = []
    for hit in hits:
        if hit.kind in (COUNTRY, DEMONYM) and hit.code != RUSSIA and hit.code not in found:
            found.append(hit.code)
    return found


def countries_named(text: str | None) -> list[str]:
    """Alpha-3 codes of the countries a text names (by name or adjective, in any case), in
    order of first mention, Russia left out.

    >>> countries_named("встретился с Министром иностранных дел Исламской Республики Пакистан")
    ['PAK']
    >>> countries_named("Prime Minister of St. Vincent and the Grenadines and Mali")
    ['VCT', 'MLI']
    >>> countries_named("российско-египетские консультации; Лига арабских государств")
    ['EGY']
    """
    return _codes(names_in(text or ""))


def countries_named_many(texts: Iterable[str]) -> list[list[str]]:
    """`countries_named` for many texts at once (a column of clauses)."""
    return [_codes(hits) for hits in names_in_many(texts)]


def country_spans(text: str | None) -> list[tuple[int, int]]:
    """(start, end) offsets of every country name or adjective in a text, Russia included.

    >>> country_spans("с Министром Королевства Саудовская Аравия Фейсалом")
    [(12, 41)]
    """
    return [(h.start, h.end) for h in country_hits(text)]
