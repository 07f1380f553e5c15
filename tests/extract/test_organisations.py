"""Organisations in English and every Russian case, their heads, and bilateral tags.

Phrases are our own, modelled on the reports named beside each case.
"""

from __future__ import annotations

import pytest

from sidelines.extract.organisations import (
    names_head_of_organisation,
    organisation_from_hashtag,
    organisations_named,
    without_organisations,
)


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        # sputnikglobe, Aboul Gheit's visit: «Лиги арабских государств», "Arab League", ЛАГ
        pytest.param("с Генсеком Лиги Арабских государств", ["LAS"], id="las-capitalised"),
        pytest.param("генеральный секретарь ЛАГ", ["LAS"], id="las-abbreviation"),
        # Rambler (Riyadh): the Gulf council written out, then as ССАГПЗ
        pytest.param("министерская встреча Россия – ССАГПЗ", ["GCC"], id="gcc-russian"),
        pytest.param("the Russia-Gulf Cooperation Council dialogue", ["GCC"], id="gcc-compound"),
        # TASS (Bali): «на полях саммита Группы двадцати»; "the G20 summit"
        pytest.param("на полях саммита Группы двадцати и G20", ["G20"], id="g20"),
        pytest.param("с представителями Европейского союза и ЕС", ["EU"], id="eu-inflected"),
        pytest.param("в Шанхайской организации сотрудничества", ["SCO"], id="sco-locative"),
        pytest.param("Восточноазиатского саммита (ВАС) и АСЕАН", ["EAS", "ASEAN"], id="eas"),
        pytest.param("СВМДА, ОДКБ, СНГ, ЕАЭС", ["CICA", "CSTO", "CIS", "EAEU"], id="eurasian"),
        pytest.param(
            "the OSCE, the OIC, BRICS and the ICRC",
            ["OSCE", "OIC", "BRICS", "ICRC"],
            id="english-abbreviations",
        ),
        # common words that look like abbreviations in lower case are not them
        pytest.param("вас ждут; ес ли", [], id="lower-case-is-not-an-abbreviation"),
    ],
)
def test_organisations_named(text: str, orgs: list[str]) -> None:
    assert organisations_named(text) == orgs


@pytest.mark.parametrize(
    ("text", "head"),
    [
        # TASS, "Lavrov met with the IAEA Director General"
        ("the IAEA Director General", True),
        # BelTA: «президентом МККК Мирьяной Сполярич»
        ("президентом МККК", True),
        ("the Egyptian President", False),
    ],
)
def test_names_head_of_organisation(text: str, head: bool) -> None:
    assert names_head_of_organisation(text) is head


def test_without_organisations_keeps_the_rest() -> None:
    text = "met in Astana at the Conference on Interaction and Confidence-Building Measures in Asia"
    assert without_organisations(text) == "met in Astana at the  "


@pytest.mark.parametrize(
    ("tag", "org"),
    [
        ("#RussiaArabLeague", "LAS"),
        ("РоссияАСЕАН", "ASEAN"),
        ("#RussiaGCC", "GCC"),
        ("#RussiaOIC", "OIC"),
        ("#RussiaMali", None),
        ("#BRICS", None),
    ],
)
def test_organisation_from_hashtag(tag: str, org: str | None) -> None:
    assert organisation_from_hashtag(tag) == org
