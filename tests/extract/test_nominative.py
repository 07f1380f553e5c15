"""Offices and names read in another case, put back into the nominative (pymorphy3)."""

from __future__ import annotations

import pytest

from sidelines.extract.nominative import case_of, nominative_phrase, nominative_word


@pytest.mark.parametrize(
    ("word", "case", "nominative"),
    [
        # RIA/lenta: «с главой МИД Ливана ... Абдаллой Бу Хабибом» (the analyser knows Abdalla)
        pytest.param("Абдаллой", "ablt", "Абдалла", id="dictionary-name"),
        # issue 12's «с … Риядом Хаддадом»: a name the dictionary lacks
        pytest.param("Хаддадом", "ablt", "Хаддад", id="guessed-masculine"),
        pytest.param("Риядом", "ablt", "Рияд", id="guessed-given-name"),
        # Rambler: «с ... Фейсалом бен Фарханом Аль Саудом»
        pytest.param("Фейсалом", "ablt", "Фейсал", id="declined-like-a-model-name"),
        # Trend: «с министром иностранных дел Турции Хаканом Фиданом»
        pytest.param("Фиданом", "ablt", "Фидан", id="surname"),
        # BelTA: «президентом МККК Мирьяной Сполярич»
        pytest.param("Мирьяной", "ablt", "Мирьяна", id="feminine-given-name"),
        pytest.param("Сполярич", "ablt", "Сполярич", id="feminine-surname-indeclinable"),
        # issue 12's «принял … Т.Хакалу»
        pytest.param("Хакалу", "accs", "Хакала", id="accusative"),
        # Interfax: «Ким Чен Ын принял министра ... Сергея Лаврова» and Kim in the instrumental
        pytest.param("Ыном", "ablt", "Ын", id="korean-with-ending"),
        pytest.param("Лаврова", "gent", "Лавров", id="genitive-surname"),
        # Lenta: «с главой МИД КНДР Цой Сон Хи»; «Ле Тхи Тху Ханг»; «Ван И»
        pytest.param("Цой", "ablt", "Цой", id="korean-surname-untouched"),
        pytest.param("Сон", "ablt", "Сон", id="korean-name-untouched"),
        pytest.param("Тху", "ablt", "Тху", id="vietnamese-untouched"),
        pytest.param("Ханг", "ablt", "Ханг", id="vietnamese-untouched-2"),
        pytest.param("Ван", "ablt", "Ван", id="chinese-untouched"),
        pytest.param("Шукри", "ablt", "Шукри", id="vowel-final-untouched"),
        pytest.param("Rubio", "ablt", "Rubio", id="latin-untouched"),
    ],
)
def test_nominative_word(word: str, case: str, nominative: str) -> None:
    assert nominative_word(word, case) == nominative


@pytest.mark.parametrize(
    ("phrase", "nominative"),
    [
        # MFA posts: «с Министром иностранных дел Египта»
        ("Министром иностранных дел Египта", "Министр иностранных дел Египта"),
        ("Чрезвычайным и Полномочным Послом", "Чрезвычайный и Полномочный Посол"),
        # BelTA: «исполняющим обязанности министра иностранных дел Вьетнама»
        (
            "исполняющим обязанности министра иностранных дел Вьетнама",
            "исполняющий обязанности министра иностранных дел Вьетнама",
        ),
        # lenta.ru: «Рябков встретился с послом США в Москве Джоном Салливаном»
        ("послом США в Москве", "посол США в Москве"),
        ("посла Египта", "посол Египта"),
        ("главой МИД Словакии", "глава МИД Словакии"),
    ],
)
def test_nominative_phrase(phrase: str, nominative: str) -> None:
    assert nominative_phrase(phrase, case_of(phrase) or "ablt") == nominative


@pytest.mark.parametrize(
    ("word", "case", "kept"),
    [
        # Kremlin/TASS, «визит Премьер-министра Индии Н.Моди»: a guessed «Модя» is wrong
        ("Моди", "gent", "Моди"),
        # MFA Egypt posts, «встреча ... С.Шукри»
        ("Шукри", "gent", "Шукри"),
        # ASEAN posts, «переговоры ... Р.Марсуди»
        ("Марсуди", "gent", "Марсуди"),
        # but a masculine's -а in the genitive is unambiguous: «визит ... Ахмеда Аттафа»
        ("Аттафа", "gent", "Аттаф"),
    ],
)
def test_guesses_outside_the_instrumental_only_where_the_ending_is_clear(
    word: str, case: str, kept: str
) -> None:
    assert nominative_word(word, case) == kept
