"""Countries named in a post: flag emoji, bilateral hashtags and names in English or Russian.

Names and codes come from pycountry (with its Russian locale); `aliases.py` adds the few
everyday forms ISO does not list.
"""

from __future__ import annotations

import gettext
import re
from functools import cache

import pycountry

from sidelines.extract.aliases import COUNTRY_ALIASES, ORGANISATION_FLAGS
from sidelines.extract.fastre import compile_guarded

RUSSIA = "RUS"
REGIONAL_INDICATOR_A = 0x1F1E6
FLAG = re.compile("[\U0001f1e6-\U0001f1ff]{2}")
LEADING_FLAGS = re.compile("^\\s*((?:[\U0001f1e6-\U0001f1ff]{2})+)")
RUSSIA_PREFIX = re.compile(r"^(?:Russia|Россия|Russian|РФ)", re.I)
RUSSIAN_ENDING = re.compile(r"[аяоеиыйьуюё]+$")
FLEETING_VOWEL = re.compile(r"[ео][бвгджзклмнпрстфхцчшщ]$")
MIN_WORD = 5  # shorter Russian names (Мали, Чад, Куба) must match as written


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
def _russian() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)


@cache
def country_names() -> dict[str, str]:
    """Every known name of every country (English and Russian, ISO and everyday) -> alpha-3."""
    names: dict[str, str] = {}
    ru = _russian()
    for country in pycountry.countries:
        english = [
            country.name,
            getattr(country, "official_name", None),
            getattr(country, "common_name", None),
        ]
        for name in filter(None, english):
            if "," not in name:  # "Korea, Republic of" is an index form, not a name in text
                names[name] = country.alpha_3
                if name.startswith("Saint "):
                    names["St. " + name[len("Saint ") :]] = country.alpha_3
            translated = ru.gettext(name)
            if translated != name and "\n" not in translated:
                names[translated.replace("\u0301", "")] = country.alpha_3
    names.update(COUNTRY_ALIASES)
    return names


@cache
def _by_letters() -> dict[str, str]:
    keys = {_letters(name): code for name, code in country_names().items()}
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


def _name_pattern(name: str) -> str:
    """A regex for a name that also matches Russian case endings (Пакистана, Исламской)."""
    words = re.split(r"(\s+|-)", name)
    parts = []
    for word in words:
        if not word.strip() or word == "-":
            parts.append(r"\s+" if word.strip() == "" and word else re.escape(word))
            continue
        stem = RUSSIAN_ENDING.sub("", word) if re.search("[а-яё]", word, re.I) else ""
        if (stem == word and len(word) >= 4) or (len(word) >= MIN_WORD and len(stem) >= 3):
            forms = re.escape(stem) + r"[а-яё]{0,3}"
            if FLEETING_VOWEL.search(stem):  # Египет -> Египта
                forms += "|" + re.escape(stem[:-2] + stem[-1]) + r"[а-яё]{1,3}"
            parts.append(f"(?:{forms})")
        else:
            parts.append(re.escape(word).replace(r"\.", r"\.?"))
    return "".join(parts)


@cache
def _name_regex() -> re.Pattern[str]:
    names = sorted(country_names(), key=len, reverse=True)  # longest first: "Republic of Mali"
    alternatives = "|".join(_name_pattern(n) for n in names)
    return compile_guarded(rf"(?<!\w)(?:{alternatives})(?!\w)")


@cache
def _pattern_owner() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(rf"^(?:{_name_pattern(n)})$"), code) for n, code in country_names().items()]


def _code_of(matched: str) -> str | None:
    exact = country_names().get(matched)
    if exact:
        return exact
    for pattern, code in _pattern_owner():
        if pattern.match(matched):
            return code
    return None


def countries_named(text: str | None) -> list[str]:
    """Alpha-3 codes of the countries a text names, in order of first mention, Russia left out.

    >>> countries_named("встретился с Министром иностранных дел Исламской Республики Пакистан")
    ['PAK']
    >>> countries_named("Prime Minister of St. Vincent and the Grenadines and Mali")
    ['VCT', 'MLI']
    """
    found: list[str] = []
    for match in _name_regex().finditer(text or ""):
        code = _code_of(match.group())
        if code and code != RUSSIA and code not in found:
            found.append(code)
    return found


def country_spans(text: str | None) -> list[tuple[int, int]]:
    """(start, end) offsets of every country name in a text, Russia included.

    >>> country_spans("с Министром Королевства Саудовская Аравия Фейсалом")
    [(12, 41)]
    """
    return [m.span() for m in _name_regex().finditer(text or "") if _code_of(m.group())]
