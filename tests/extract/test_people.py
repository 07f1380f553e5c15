"""People and organisations in meeting sentences."""

from __future__ import annotations

import re

import pytest

from sidelines.extract.aliases import RUSSIAN_OFFICIALS
from sidelines.extract.officials import russian_official, russian_participant
from sidelines.extract.organisations import organisation_headed, organisations_named
from sidelines.extract.people import (
    english_counterpart,
    english_counterparts,
    russian_counterpart,
    russian_counterparts,
)
from sidelines.extract.person_names import nominative_name


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


@pytest.mark.parametrize(
    ("clause", "case", "name", "role"),
    [
        # Trend/TASS: «провел переговоры с министром иностранных дел Турции Хаканом Фиданом»
        pytest.param(
            "министром иностранных дел Турции Хаканом Фиданом",
            None,
            "Хакан Фидан",
            "министр иностранных дел Турции",
            id="instrumental-full-name",
        ),
        # issue 12's «с … Риядом Хаддадом»
        pytest.param(
            "Министром иностранных дел Сирии Риядом Хаддадом",
            None,
            "Рияд Хаддад",
            "Министр иностранных дел Сирии",
            id="names-the-dictionary-lacks",
        ),
        # issue 12's «А.С.Мирзояном»; Tsargrad on Lavrov and Mirzoyan
        pytest.param(
            "Министром иностранных дел Армении А.С.Мирзояном",
            None,
            "А.С.Мирзоян",
            "Министр иностранных дел Армении",
            id="initials-first",
        ),
        # issue 12's «принял … Т.Хакалу»: the accusative, read off «посла»
        pytest.param("посла Египта Т.Хакалу", None, "Т.Хакала", "посол Египта", id="accusative"),
        # Lenta: «переговоры ... с главой МИД КНДР Цой Сон Хи»
        pytest.param(
            "главой МИД КНДР Цой Сон Хи",
            None,
            "Цой Сон Хи",
            "глава МИД КНДР",
            id="korean-name-untouched",
        ),
        # issue 12's «Ле Тхи Тху Ханг»; BelTA's «исполняющим обязанности министра ... Вьетнама»
        pytest.param(
            "заместителем министра иностранных дел Вьетнама Ле Тхи Тху Ханг",
            None,
            "Ле Тхи Тху Ханг",
            "заместитель министра иностранных дел Вьетнама",
            id="vietnamese-name-untouched",
        ),
        # TASS (G20 Bali): «с китайским коллегой Ван И»
        pytest.param("китайским коллегой Ван И", None, "Ван И", None, id="chinese-name-untouched"),
        # Rambler: «с генеральным секретарем ССАГПЗ Джасемом Мохамедом аль-Будейви»
        pytest.param(
            "генеральным секретарем ССАГПЗ Джасемом Мохамедом аль-Будейви",
            None,
            "Джасем Мохамед аль-Будейви",
            "генеральный секретарь ССАГПЗ",
            id="arabic-article",
        ),
        # lenta.ru: «Рябков встретился с послом США в Москве Джоном Салливаном»
        pytest.param(
            "послом США в Москве Джоном Салливаном",
            None,
            "Джон Салливан",
            "посол США в Москве",
            id="city-is-not-a-name",
        ),
        # Interfax: «Председатель Государственных дел КНДР Ким Чен Ын принял …» (the subject)
        pytest.param(
            "Председатель Государственных дел КНДР Ким Чен Ын",
            "nomn",
            "Ким Чен Ын",
            "Председатель Государственных дел КНДР",
            id="foreign-side-receives",
        ),
        # a channel post whose role line carries the UN flag
        pytest.param(
            "🇺🇳 Генеральным секретарем ООН А.Гутеррешем",
            None,
            "А.Гутерреш",
            "Генеральный секретарь ООН",
            id="emoji-cleaned",
        ),
    ],
)
def test_russian_counterpart_in_every_case(
    clause: str, case: str | None, name: str, role: str | None
) -> None:
    got = russian_counterpart(clause, case)
    assert (got.name, got.role) == (name, role)


@pytest.mark.parametrize(
    ("clause", "name", "role"),
    [
        # TASS, "held talks with Egyptian Foreign Minister Sameh Shoukry"
        pytest.param(
            "Egyptian Foreign Minister Sameh Shoukry",
            "Sameh Shoukry",
            "Egyptian Foreign Minister",
            id="adjective-is-not-a-name",
        ),
        # TBS/Reuters, "met North Korean leader Kim Jong Un": "Un" is not "UN"
        pytest.param(
            "North Korean leader Kim Jong Un",
            "Kim Jong Un",
            "North Korean leader",
            id="un-in-a-name",
        ),
        # Pledge Times, "met with UN Secretary General Antonio Guterres"; emoji from a dump
        pytest.param(
            "🇺🇳 UN Secretary-General António Guterres",
            "António Guterres",
            "UN Secretary-General",
            id="emoji-cleaned",
        ),
        # BelTA, talks with "the Hungarian foreign minister" before he is named
        pytest.param(
            "the Hungarian foreign minister", None, "Hungarian foreign minister", id="role-only"
        ),
    ],
)
def test_english_counterpart_more(clause: str, name: str | None, role: str | None) -> None:
    got = english_counterpart(clause)
    assert (got.name, got.role) == (name, role)


@pytest.mark.parametrize(
    ("text", "official"),
    [
        # Interfax: «Ким Чен Ын принял министра иностранных дел России Сергея Лаврова»
        pytest.param("Лаврова принял Председатель Госсовета", "Sergey Lavrov", id="object"),
        # Kommersant: «С.В.Лавровым была подчеркнута важность …»
        pytest.param("С.В.Лавровым была подчеркнута", "Sergey Lavrov", id="initials-instrumental"),
        # Kommersant: «Постоянный представитель России при ООН Василий Небензя встретился»
        pytest.param("постпред Василий Небензя встретился", "Vassily Nebenzia", id="nebenzia"),
        pytest.param("с В.А.Небензей", "Vassily Nebenzia", id="nebenzia-instrumental"),
        # lenta.ru: «заместитель министра ... Сергей Рябков встретился с послом США»
        pytest.param("с Сергеем Рябковым", "Sergey Ryabkov", id="surname-the-dictionary-lacks"),
        # tass.com: "Trump would receive Lavrov in the Oval Office"
        pytest.param("Trump received Lavrov", "Sergey Lavrov", id="english-object"),
        pytest.param("лавровый венок", None, id="common-word-is-no-official"),
    ],
)
def test_russian_official_in_every_case(text: str, official: str | None) -> None:
    assert russian_official(text) == official


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        # mid.ru embassy posts: «Посол России в Египте Г.Е.Борисенко встретился с …»
        pytest.param(
            "Посол России в Египте Г.Е.Борисенко встретился с",
            "Г.Е.Борисенко",
            id="ambassador-initials",
        ),
        # TASS, "Russian Ambassador to the US Anatoly Antonov" style, a name outside the table
        pytest.param(
            "Russian Ambassador to Egypt Georgy Borisenko met",
            "Georgy Borisenko",
            id="ambassador-english-name",
        ),
        pytest.param(
            "Посол России в Республике Мали встретился с",
            "Посол России в Республике Мали",
            id="title-kept-without-a-name",
        ),
        pytest.param(
            "Послом России в Египте была вручена",
            "Посол России в Египте",
            id="title-in-the-nominative",
        ),
        pytest.param(
            "Russia's Permanent Representative to the UN met",
            "Russia's Permanent Representative to the UN",
            id="english-title-kept",
        ),
    ],
)
def test_russian_participant_by_title(sentence: str, who: str) -> None:
    assert russian_participant(sentence, "") == (True, who)


@pytest.mark.parametrize(
    ("text", "headed"),
    [
        # sputnikglobe, "Secretary General of the League of Arab States (LAS) Ahmed Aboul Gheit"
        ("Secretary General of the League of Arab States Ahmed Aboul Gheit", "LAS"),
        # TASS, Lavrov and "the IAEA Director General"
        ("the IAEA Director General Rafael Grossi", "IAEA"),
        # BelTA: «президентом МККК Мирьяной Сполярич»
        ("президентом МККК Мирьяной Сполярич", "ICRC"),
        ("Генсеком ЛАГ", "LAS"),
        ("President of Egypt", None),
    ],
)
def test_organisation_headed(text: str, headed: str | None) -> None:
    assert organisation_headed(text) == headed


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # news.az (ASEAN, Singapore): "held talks with Iranian Foreign Minister Mohammad Javad
        # Zarif, Chinese Foreign Minister Wang Yi, as well as the ministers of …"
        pytest.param(
            "Iranian Foreign Minister Javad Zarif, Chinese Foreign Minister Wang Yi",
            [("Javad Zarif", "Iranian Foreign Minister"), ("Wang Yi", "Chinese Foreign Minister")],
            id="english-list",
        ),
        # an agency's "met the Foreign Minister of Argentina, Santiago Cafiero"
        pytest.param(
            "the Foreign Minister of Argentina, Santiago Cafiero",
            [("Santiago Cafiero", "Foreign Minister of Argentina")],
            id="apposition-after-a-comma",
        ),
        pytest.param(
            "Prime Minister of Trinidad and Tobago Keith Rowley",
            [("Keith Rowley", "Prime Minister of Trinidad and Tobago")],
            id="and-inside-a-country",
        ),
    ],
)
def test_english_counterparts(clause: str, expected: list[tuple[str, str]]) -> None:
    assert [(c.name, c.role) for c in english_counterparts(clause)] == expected


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # RIA (G20 Rio): Lavrov met the Indian, Malaysian and Egyptian ministers one after another
        pytest.param(
            "Министром иностранных дел Индии С.Джайшанкаром, Министром иностранных дел Малайзии"
            " С.Абдуллой и Министром иностранных дел Египта Б.Абдельати",
            [
                ("С.Джайшанкар", "Министр иностранных дел Индии"),
                ("С.Абдулла", "Министр иностранных дел Малайзии"),
                ("Б.Абдельати", "Министр иностранных дел Египта"),
            ],
            id="three-ministers",
        ),
        # Rambler (Riyadh): the Saudi minister, then «с главой МИД ОАЭ»
        pytest.param(
            "Министром иностранных дел Саудовской Аравии Ф.бин Фарханом Аль Саудом и с главой"
            " МИД ОАЭ А.бин Заидом",
            [
                ("Ф.бин Фархан Аль Сауд", "Министр иностранных дел Саудовской Аравии"),
                ("А.бин Заид", "глава МИД ОАЭ"),
            ],
            id="second-with",
        ),
        # MFA posts on Jordan: two offices, one person
        pytest.param(
            "Заместителем Премьер-министра, Министром иностранных дел и по делам эмигрантов"
            " Иордании Айманом Сафади",
            [
                (
                    "Айман Сафади",
                    "Заместитель Премьер-министра, Министр иностранных дел и по делам эмигрантов"
                    " Иордании",
                )
            ],
            id="two-offices-one-person",
        ),
        # Hungary embassy posts: «Государственным секретарем Министерства иностранных дел и
        # внешней торговли Венгрии»: «и» inside an office, «Министерства» is not a name
        pytest.param(
            "Государственным секретарем Министерства иностранных дел и внешней торговли Венгрии"
            " Т.Менцером",
            [
                (
                    "Т.Менцер",
                    "Государственный секретарь Министерства иностранных дел и внешней торговли"
                    " Венгрии",
                )
            ],
            id="and-inside-an-office",
        ),
        # RIA/lenta, «с главами МИД Ливана и Индонезии Абдаллой Бу Хабибом»: a two-word surname
        pytest.param(
            "Министром иностранных дел Ливана А.Бу Хабибом",
            [("А.Бу Хабиб", "Министр иностранных дел Ливана")],
            id="initials-two-word-surname",
        ),
        # MFA (UNGA78): «с Министром иностранных дел Бангладеш А.К.Абдул Моменом» (no ё written)
        pytest.param(
            "Министром иностранных дел Бангладеш А.К.Абдул Моменом",
            [("А.К.Абдул Момен", "Министр иностранных дел Бангладеш")],
            id="writer-spelling-kept",
        ),
    ],
)
def test_russian_counterparts(clause: str, expected: list[tuple[str, str]]) -> None:
    assert [(c.name, c.role) for c in russian_counterparts(clause)] == expected


@pytest.mark.parametrize(
    ("clause", "name"),
    [
        # a dump's "Sergey Lavrov met Marco Rubio in Riyadh": the city is no name
        pytest.param("US Secretary of State Marco Rubio in Riyadh", "Marco Rubio", id="city"),
        # MFA (deputies), "with Deputy Foreign Minister of Viet Nam Do Hung Viet"
        pytest.param(
            "Deputy Foreign Minister of Viet Nam Do Hung Viet",
            "Do Hung Viet",
            id="name-word-that-is-in-a-country-name",
        ),
        pytest.param("the UN Assistance Mission in Afghanistan", None, id="institution"),
    ],
)
def test_english_names_not_places(clause: str, name: str | None) -> None:
    assert english_counterpart(clause).name == name


def test_a_lone_preposition_is_no_name() -> None:
    # MFA India posts: «На 12 сентября запланирована его беседа …» opens with «На»
    assert russian_counterpart("На 12 сентября запланирована его беседа").name is None


def test_a_country_first_does_not_set_the_case() -> None:
    # MFA ASEAN digest: «с главами МИД … Индонезии Р.Марсуди и Малайзии Мохамадом Хасаном»
    assert russian_counterpart("Малайзии Мохамадом Хасаном").name == "Мохамад Хасан"


def test_acronyms_are_not_names() -> None:
    # MFA (Astana): "Member of the Political Bureau of the CPC Central Committee, Minister of
    # Foreign Affairs of China Wang Yi"
    clause = "Member of the CPC Central Committee, Minister of Foreign Affairs of China Wang Yi"
    assert english_counterpart(clause).name == "Wang Yi"


def test_every_official_is_found_by_every_form_in_every_case() -> None:
    from sidelines.extract.morphology import person_name_forms

    for canonical, forms in RUSSIAN_OFFICIALS.items():
        assert russian_official(canonical) == canonical
        for form in forms:
            variants = person_name_forms(form) if re.search("[а-яё]", form, re.I) else {form}
            for variant in variants:
                assert russian_official(f"встреча с {variant} прошла") == canonical, variant


@pytest.mark.parametrize(
    "clause",
    [
        # Kommersant (UNGA72): «на полях Генассамблеи ООН» is a venue, not a person
        "участниками Генассамблеи ООН",
        # mission posts: «в Постпредстве России при ООН»
        "Постпредстве России при ООН",
    ],
)
def test_venues_are_not_names(clause: str) -> None:
    assert russian_counterpart(clause).name is None
