"""People and organisations in meeting sentences."""

from __future__ import annotations

import pytest

from sidelines.extract.aliases import RUSSIAN_OFFICIALS
from sidelines.extract.organisations import organisations_named
from sidelines.extract.people import (
    english_counterpart,
    nominative_name,
    russian_counterpart,
    russian_official,
    russian_participant,
)


@pytest.mark.parametrize(
    ("clause", "name", "role"),
    [
        pytest.param(
            "Minister of Foreign Affairs of Pakistan Jalil Abbas Jilani.",
            "Jalil Abbas Jilani",
            "Minister of Foreign Affairs of Pakistan",
            id="role-then-name",
        ),
        pytest.param(
            "Chairman of the Transitional Sovereignty Council of Sudan Abdel Fattah al-Burhan",
            "Abdel Fattah al-Burhan",
            "Chairman of the Transitional Sovereignty Council of Sudan",
            id="arabic-article",
        ),
        pytest.param(
            "Foreign Minister of the Republic of Kenya Musalia Mudavadi",
            "Musalia Mudavadi",
            "Foreign Minister of the Republic of Kenya",
            id="long-country-form",
        ),
        pytest.param("the press", None, "press", id="no-name"),
        pytest.param(
            "his Malian counterpart Abdoulaye Diop", "Abdoulaye Diop", None, id="counterpart"
        ),
        pytest.param("his counterpart from Mali", None, None, id="counterpart-no-name"),
    ],
)
def test_english_counterpart(clause: str, name: str | None, role: str | None) -> None:
    got = english_counterpart(clause)
    assert (got.name, got.role) == (name, role)


@pytest.mark.parametrize(
    ("clause", "name", "role"),
    [
        pytest.param(
            "Председателем Верховного (Суверенного) совета Судана А.Бурханом",
            "А.Бурхан",
            "Председатель Верховного (Суверенного) совета Судана",
            id="initials",
        ),
        pytest.param(
            "Министром иностранных дел Буркина-Фасо О.Р.Руамбой",
            "О.Р.Руамба",
            "Министр иностранных дел Буркина-Фасо",
            id="feminine-instrumental",
        ),
        pytest.param(
            "Министром иностранных дел Исламской Республики Пакистан Джалилом Аббасом Джилани",
            "Джалил Аббас Джилани",
            "Министр иностранных дел Исламской Республики Пакистан",
            id="full-name-after-long-country-form",
        ),
        pytest.param("малийским коллегой А.Диопом", "А.Диоп", None, id="colleague"),
        pytest.param("коллегой", None, None, id="colleague-no-name"),
    ],
)
def test_russian_counterpart(clause: str, name: str | None, role: str | None) -> None:
    got = russian_counterpart(clause)
    assert (got.name, got.role) == (name, role)


@pytest.mark.parametrize(
    ("word", "nominative"),
    [("Лавровым", "Лавров"), ("Сергеем", "Сергей"), ("Гутеррешем", "Гутерреш"), ("Шукри", "Шукри")],
)
def test_nominative_name(word: str, nominative: str) -> None:
    assert nominative_name(word) == nominative


@pytest.mark.parametrize(
    ("text", "official"),
    [
        ("С.В.Лавров встретился", "Sergey Lavrov"),
        ("переговоры Сергея Лаврова", "Sergey Lavrov"),
        ("Deputy Foreign Minister Sergey Ryabkov met", "Sergey Ryabkov"),
        ("встреча с А.Ю.Руденко", "Andrey Rudenko"),
        ("the Antonov aircraft", None),
    ],
)
def test_russian_official(text: str, official: str | None) -> None:
    assert russian_official(text) == official


def test_russian_participant_outside_the_table() -> None:
    assert russian_participant("Russian Ambassador Ivan Petrov met with", "") == (
        True,
        "Ivan Petrov",
    )
    # No name given: the title is kept (issue 12), not dropped.
    assert russian_participant("Посол России встретился с Министром", "") == (True, "Посол России")
    assert russian_participant("Biden met with the Chancellor", "") == (False, None)


def test_officials_table_is_small_and_canonical() -> None:
    assert len(RUSSIAN_OFFICIALS) < 30
    assert all(len(name.split()) == 2 for name in RUSSIAN_OFFICIALS)


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("Генсеком ООН", ["UN"]),
        ("встреча министров иностранных дел государств – членов ШОС", ["SCO"]),
        ("Совещания по взаимодействию и мерам доверия в Азии", ["CICA"]),
        ("#UNGA78 UNESCO", ["UNESCO"]),  # UN is not found inside UNESCO
    ],
)
def test_organisations_named(text: str, orgs: list[str]) -> None:
    assert organisations_named(text) == orgs
