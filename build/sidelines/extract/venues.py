"""The state a meeting's place lies in: the cities CLDR names as time-zone exemplars (in
English and in Russian, read through babel), and a short table of the places meetings are
held in that name no time zone (Kazan, Astana, Rio de Janeiro, the Kremlin, …)."""

from __future__ import annotations

from functools import cache

import pycountry
from babel.core import get_global
from babel.dates import get_timezone_location

# Places of meetings that are no time zone's exemplar city, with the state they are in:
# a small table, kept to places the reports name (a test checks every entry is needed).
OTHER_PLACES = {
    "Kazan": "RUS", "Казань": "RUS", "Sochi": "RUS", "Сочи": "RUS",
    "St Petersburg": "RUS", "St. Petersburg": "RUS", "Saint Petersburg": "RUS",
    "Санкт-Петербург": "RUS", "Nizhny Novgorod": "RUS", "Нижний Новгород": "RUS",
    "Novo-Ogaryovo": "RUS", "Ново-Огарёво": "RUS", "Kremlin": "RUS", "Кремль": "RUS",
    "Astana": "KAZ", "Астана": "KAZ", "Rio de Janeiro": "BRA", "Рио-де-Жанейро": "BRA",
    "Brasilia": "BRA", "Бразилиа": "BRA", "Hanoi": "VNM", "Ханой": "VNM",
    "Geneva": "CHE", "Женева": "CHE", "New Delhi": "IND", "Нью-Дели": "IND",
    "Mumbai": "IND", "Мумбаи": "IND", "Beijing": "CHN", "Пекин": "CHN",
    "Washington": "USA", "Вашингтон": "USA", "Ankara": "TUR", "Анкара": "TUR",
    "Antalya": "TUR", "Анталья": "TUR", "Wonsan": "PRK", "Вонсан": "PRK",
    "Valletta": "MLT", "Валлетта": "MLT",
}  # fmt: skip


@cache
def _exemplar_cities() -> dict[str, str]:
    """Every time zone's exemplar city, in English and Russian, with its state's alpha-3
    code (a city two states' zones name is left out: it tells no state)."""
    states: dict[str, set[str]] = {}
    for zone, territory in sorted(get_global("zone_territories").items()):
        country = pycountry.countries.get(alpha_2=territory)
        if country is None:  # "001" and the like: no state
            continue
        for locale in ("en", "ru"):
            city = get_timezone_location(zone, locale=locale, return_city=True)
            states.setdefault(city, set()).add(country.alpha_3)
    return {city: codes.pop() for city, codes in states.items() if len(codes) == 1}


def place_country(place: str | None) -> str | None:
    """The ISO 3166-1 alpha-3 code of the state a place lies in, None when unknown.

    >>> place_country("Moscow"), place_country("Нью-Йорк"), place_country("Казань")
    ('RUS', 'USA', 'RUS')
    >>> place_country("Atlantis") is None
    True
    """
    if not place:
        return None
    return OTHER_PLACES.get(place) or _exemplar_cities().get(place)
