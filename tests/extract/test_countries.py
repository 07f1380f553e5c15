"""Countries from flags, bilateral hashtags and names in English and Russian."""

from __future__ import annotations

import pytest

from sidelines.extract.aliases import COUNTRY_ALIASES, ORGANISATIONS
from sidelines.extract.countries import (
    countries_named,
    country_from_flag,
    country_from_hashtag,
    leading_flags,
    partner_from_flags,
)


@pytest.mark.parametrize(
    ("tag", "code"),
    [
        ("RussiaMali", "MLI"),
        ("#RussiaBurkinaFaso", "BFA"),
        ("РоссияБуркинаФасо", "BFA"),
        ("РоссияСудан", "SDN"),
        ("RussiaUSA", "USA"),
        ("РоссияСША", "USA"),
        ("RussiaEgypt", "EGY"),
        ("РоссияЕгипет", "EGY"),
        ("RussiaSaintVincentandtheGrenadines", "VCT"),
        ("UNGA78", None),
        ("Russia", None),
        ("RussiaRussia", None),
        ("RussiaAtlantis", None),
    ],
)
def test_country_from_hashtag(tag: str, code: str | None) -> None:
    assert country_from_hashtag(tag) == code


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Министром иностранных дел Пакистана", ["PAK"]),
        ("Исламской Республики Пакистан", ["PAK"]),
        ("Председателем совета Судана", ["SDN"]),
        ("с коллегой из Египта и Сирии", ["EGY", "SYR"]),
        ("Minister of Foreign Affairs of the Republic of Mali", ["MLI"]),
        ("Prime Minister of St. Vincent and the Grenadines", ["VCT"]),
        ("talks with the United States and Russia", ["USA"]),
        ("Малой группой министров", []),
        ("Nigeria and Niger", ["NGA", "NER"]),
    ],
)
def test_countries_named(text: str, codes: list[str]) -> None:
    assert countries_named(text) == codes


def test_flags() -> None:
    assert leading_flags("🇷🇺🇵🇰 Встреча 🇺🇸") == ["🇷🇺", "🇵🇰"]
    assert country_from_flag("🇵🇰") == "PAK"
    assert country_from_flag("🇺🇳") is None
    assert partner_from_flags(["🇷🇺", "🇵🇰"]) == ("PAK", None)
    assert partner_from_flags(["🇷🇺", "🇺🇳"]) == (None, "UN")
    assert partner_from_flags(["🇷🇺"]) == (None, None)


def test_alias_table_points_at_real_codes() -> None:
    import pycountry

    for name, code in COUNTRY_ALIASES.items():
        assert pycountry.countries.get(alpha_3=code) is not None, name
    assert all(names for names in ORGANISATIONS.values())
