"""A city named in Russian, written as the package writes places: in English.

CLDR (through babel) names the cities of the time zones in both languages (Москва/Moscow,
Бишкек/Bishkek, Вьентьян/Vientiane); `aliases.RUSSIAN_CITIES` adds the few meeting places no
time zone is named after (Казань, Сочи, Рио-де-Жанейро).
"""

from __future__ import annotations

from functools import cache

from babel.dates import get_timezone_location
from babel.localedata import load

from sidelines.extract.aliases import RUSSIAN_CITIES


@cache
def _cldr_cities() -> dict[str, str]:
    """Russian exemplar city of every time zone CLDR names -> its English name."""
    cities: dict[str, str] = {}
    for zone in sorted(load("ru").get("time_zones", {})):
        try:
            russian = get_timezone_location(zone, locale="ru", return_city=True)
            english = get_timezone_location(zone, locale="en", return_city=True)
        except LookupError:  # a zone the installed tz database lacks
            continue
        cities.setdefault(russian.casefold(), english)
    return cities


def english_city(place: str) -> str:
    """The English name of a city named in Russian; any other name as it is.

    >>> english_city("Москва"), english_city("КАЗАНЬ"), english_city("New York")
    ('Moscow', 'Kazan', 'New York')
    """
    key = place.casefold()
    return RUSSIAN_CITIES.get(key) or _cldr_cities().get(key) or place
