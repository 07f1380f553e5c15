"""The gazetteer: every name of a country, a country's adjective, an organisation, in English
and in every Russian case, found in one pass over a text.

Sources, maintained data first: pycountry (ISO names, and Russian through its locale),
babel/CLDR territory names (English and Russian), pymorphy3 for the Russian cases; then the
small tables `aliases.py` (everyday names, organisations, regions) and `demonyms.py`.
Organisations and regions are matched in the same pass, so that a country inside their names
(«Лига арабских государств», "Latin America") is not a country hit.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache

import pycountry
from babel import Locale

from sidelines.extract.aliases import COUNTRY_ALIASES, ORGANISATIONS, REGIONS
from sidelines.extract.automaton import TOKEN, Automaton, CaseRule, Entry, Hit
from sidelines.extract.demonyms import compound_first_parts, demonyms
from sidelines.extract.memo import PHRASES
from sidelines.extract.morphology import adjective_forms, case_forms, parses

COUNTRY = "country"
DEMONYM = "demonym"
ORGANISATION = "org"
REGION = "region"
CYRILLIC = re.compile("[а-яё]", re.I)
PARENTHESES = re.compile(r"\s*\([^)]*\)")


def _abbreviation(name: str) -> bool:
    """US, U.S., ЕС, G20: every letter upper case."""
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters) and len(name) <= 8


@cache
def _russian_locale() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)


def _usable(name: str) -> str | None:
    """A name as text writes it: without CLDR's parenthesised notes, not an index form."""
    name = PARENTHESES.sub("", name).replace("\u0301", "").strip()
    if not name or "," in name or " - " in name or "\n" in name:
        return None
    return name


def country_names() -> Iterator[tuple[str, str]]:
    """(name, alpha-3) for every nominative name of every country, English and Russian:
    ISO's names, CLDR's, then the everyday aliases."""
    russian = _russian_locale()
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            english = getattr(country, attribute, None)
            if not english:
                continue
            for name in (english, russian.gettext(english)):
                usable = _usable(name)
                if usable:
                    yield usable, country.alpha_3
                    if usable.startswith("Saint "):
                        yield "St. " + usable[len("Saint ") :], country.alpha_3
    for language in ("en", "ru"):
        for code, name in sorted(Locale(language).territories.items()):
            known = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
            usable = _usable(name)
            if known is not None and usable:
                yield usable, known.alpha_3
    yield from COUNTRY_ALIASES.items()


def _is_common_word(form: str) -> bool:
    """A Russian country form that is mostly an everyday word («Того», «Перу»)."""
    if " " in form or not CYRILLIC.search(form):
        return False
    best = parses(form.lower())[0]
    return "Geox" not in best.tag and best.score > 0.5


def _rule(form: str) -> CaseRule:
    if _abbreviation(form):
        return "exact"
    return "title-inner" if _is_common_word(form) else "title"


def _forms(name: str) -> set[str]:
    return case_forms(name) if CYRILLIC.search(name) else {name}


def _country_entries() -> Iterator[Entry]:
    for name, code in country_names():
        for form in sorted(_forms(name)):
            yield Entry(COUNTRY, code, form, _rule(form))


def _demonym_entries() -> Iterator[Entry]:
    for row in demonyms():
        for english in row.english:
            yield Entry(DEMONYM, row.country, english, "title")
        for russian in row.russian:
            for form in sorted(adjective_forms(russian)):
                yield Entry(DEMONYM, row.country, form, "any")
        for first_part in compound_first_parts(row):
            yield Entry(DEMONYM, row.country, first_part, "any")


def _organisation_entries() -> Iterator[Entry]:
    for code, names in ORGANISATIONS.items():
        for name in names:
            rule: CaseRule = "exact" if _abbreviation(name) else "any"
            for form in sorted(_forms(name)):
                yield Entry(ORGANISATION, code, form, rule)


def _region_entries() -> Iterator[Entry]:
    for name in REGIONS:
        for form in sorted(_forms(name)):
            yield Entry(REGION, name, form, "any")


@cache
def automaton() -> Automaton:
    """The one automaton of every place and organisation name (built once per process).
    Organisations first: where one form is both, the organisation wins."""
    return Automaton(
        [*_organisation_entries(), *_region_entries(), *_country_entries(), *_demonym_entries()]
    )


@lru_cache(maxsize=PHRASES)  # the clauses of a channel repeat
def names_in(text: str) -> tuple[Hit, ...]:
    """Every country, adjective, organisation and region named in the text, left to right.

    >>> [(h.kind, h.code) for h in names_in("с главой МИД Объединённых Арабских Эмиратов")]
    [('country', 'ARE')]
    >>> [(h.kind, h.code) for h in names_in("his Chinese counterpart, Лиги арабских государств")]
    [('demonym', 'CHN'), ('org', 'LAS')]
    """
    return tuple(automaton().find(text))


def names_in_many(texts: Iterable[str]) -> list[tuple[Hit, ...]]:
    """`names_in` for many texts at once (each distinct text read once): the shape a
    column-first extraction calls with a column of clauses."""
    found: dict[str, tuple[Hit, ...]] = {}
    result = []
    for text in texts:
        if text not in found:
            found[text] = tuple(automaton().find(text))
        result.append(found[text])
    return result


def first_tokens() -> list[str]:
    """The folded first word of every name: a cheap column prefilter
    (`pl.col(...).str.to_lowercase().str.contains_any(first_tokens())`) before `names_in`."""
    return sorted({TOKEN.findall(e.form.casefold())[0] for e in automaton().forms})
