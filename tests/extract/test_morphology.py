"""Russian inflection with pymorphy3: a name or an adjective in every case.

Names and phrases are modelled on the reports named beside each case.
"""

from __future__ import annotations

import pytest

from sidelines.extract.morphology import adjective_forms, case_forms, person_name_forms


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("Египет", "Египтом"),
        ("Объединённые Арабские Эмираты", "Объединённых Арабских Эмиратов"),
        ("Южно-Африканская Республика", "Южно-Африканской Республикой"),
        (
            "Соединённое Королевство Великобритании и Северной Ирландии",
            "Соединённым Королевством Великобритании и Северной Ирландии",
        ),
        ("Лига арабских государств", "Лиги арабских государств"),
        ("Европейский союз", "Европейского союза"),
        ("Сент-Винсент и Гренадины", "Сент-Винсента и Гренадин"),
    ],
)
def test_case_forms(name: str, form: str) -> None:
    assert form in case_forms(name)


@pytest.mark.parametrize("name", ["Мали", "Того", "Буркина-Фасо", "КНДР", "Сьерра-Леоне"])
def test_indeclinable_names_keep_one_form(name: str) -> None:
    assert case_forms(name) == {name}


def test_inanimate_accusative_is_the_nominative() -> None:
    assert "Европейского союз" not in case_forms("Европейский союз")


def test_adjective_forms() -> None:
    forms = adjective_forms("словацкий")
    assert {"словацким", "словацкой", "словацкие", "словацкого"} <= forms


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("Лавров", "Лавровым"),
        ("Рябков", "Рябкова"),  # not in the dictionary: declined like Лавров
        ("Небензя", "Небензей"),
        ("А.И.Антонов", "А.И.Антонова"),
        ("Сергей Лавров", "Сергея Лаврова"),
    ],
)
def test_person_name_forms(name: str, form: str) -> None:
    assert form in person_name_forms(name)


def test_indeclinable_surname_has_one_form() -> None:
    assert person_name_forms("Руденко") == {"Руденко"}
