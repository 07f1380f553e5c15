"""Meetings whose sides a report names indirectly: a guest described before their office, an
envoy "to" the host state, a courtesy call, the channel's own official named by office alone,
and a meeting that "took place" between the sides of the post's flag pair.

Every text is written in our own words; the comment above each case names the public report
its shape is modelled on.
"""

from __future__ import annotations

from typing import Any

import pytest

from sidelines.extract.mentions import post_mentions
from tests.extract import rows


def post(text: str, lang: str = "en") -> dict[str, Any]:
    return rows.post(text, lang=lang)


CASES = [
    # UrduPoint/Sputnik, 7 Feb 2020, "Russia's Morgulov, US Ambassador discuss situation in
    # North Korea, Afghanistan": a new ambassador received, described before his office.
    pytest.param(
        "Deputy Foreign Minister Igor Morgulov received the newly accredited Ambassador of "
        "Canada to Russia Alison LeClaire.",
        "en",
        ("CAN", "Alison LeClaire", "held"),
        id="received-the-newly-accredited",
    ),
    # the same report: an envoy "to Russia" keeps the name that follows.
    pytest.param(
        "Sergey Lavrov met with Brazil's Ambassador to Russia Rodrigo Baena Soares.",
        "en",
        ("BRA", "Rodrigo Baena Soares", "held"),
        id="ambassador-to-russia-name",
    ),
    # Ada Derana, 2022: the Russian Ambassador "called on" the newly appointed Foreign
    # Minister; the Russian form «нанёс визит вежливости» (embassy channels).
    pytest.param(
        "Посол России в Кении Д.Е.Макаров нанёс визит вежливости Министру иностранных дел "
        "Кении М.Мудавади.",
        "ru",
        ("KEN", "М.Мудавади", "held"),
        id="courtesy-visit-ru",
    ),
    # RT, 2021, «Богданов провёл встречу с послом Саудовской Аравии», written as a noun: the
    # embassy's own ambassador named by office alone before «с».
    pytest.param(
        "В Найроби состоялась встреча Посла Д.Е.Макарова с председателем Сената Кении А.Кинги.",
        "ru",
        ("KEN", "А.Кинги", "held"),
        id="nominal-meeting-own-ambassador",
    ),
    # MFA of Russia consultations reports: «состоялись межмидовские консультации» with the
    # two flags, the delegation heads named only in the next sentence.
    pytest.param(
        "🇷🇺🇬🇪 5 марта 2021 г. в Женеве состоялись консультации. Грузинскую делегацию "
        "возглавил спецпредставитель премьер-министра Грузии, российскую — Г.Б.Карасин.",
        "ru",
        ("GEO", None, "held"),
        id="took-place-between-the-flags",
    ),
]


@pytest.mark.parametrize(("text", "lang", "expected"), CASES)
def test_side_named_indirectly(text: str, lang: str, expected: tuple[Any, ...]) -> None:
    found = post_mentions(post(text, lang))
    assert [(m.country, m.counterpart_name, m.status) for m in found][:1] == [expected]


def test_an_event_with_flags_but_no_meeting_word_is_no_meeting() -> None:
    # a concert "took place" in a post with a flag pair: no meeting word, no meeting
    assert post_mentions(post("🇷🇺🇬🇪 В Тбилиси прошёл концерт русской музыки.", "ru")) == []


def test_an_official_of_another_state_is_no_russian_side() -> None:
    # «встреча посла Египта с …»: the first side is Egypt's, not the channel's own
    text = "В Найроби состоялась встреча посла Египта с председателем Сената Кении А.Кинги."
    assert post_mentions(post(text, "ru")) == []


@pytest.mark.parametrize(
    "text",
    [
        # MFA press release, 21 Apr 2022: talks by video with the Chinese minister "ahead
        # of" the BRICS ministerial; the ministerial is when, not a meeting attended here.
        "On 20 May 2024 Sergey Lavrov held talks with Foreign Minister of India S.Jaishankar "
        "ahead of the SCO ministerial meeting in Astana.",
        # TASS, 20 May 2024, «Главы МИД России и КНР провели встречу в Астане накануне СМИД
        # ШОС»: the same shape in Russian.
        "С.В.Лавров провёл переговоры с Министром иностранных дел Индии С.Джайшанкаром "
        "накануне заседания СМИД ШОС.",
    ],
)
def test_a_gathering_named_as_a_time_is_not_attended(text: str) -> None:
    lang = "ru" if "Лавров" in text else "en"
    assert [(m.country, m.org) for m in post_mentions(post(text, lang))] == [("IND", None)]


def test_a_second_infinitive_is_a_second_planned_meeting() -> None:
    # TASS, 27 Jul 2022, "Lavrov will meet with his Ethiopian counterpart … and the African
    # Union leadership": one subject and one "is expected to" governing two meetings.
    text = (
        "Deputy Foreign Minister Andrey Rudenko is expected to hold consultations with the "
        "Foreign Minister of Laos Saleumxay Kommasith and to call on the President of Laos "
        "Thongloun Sisoulith."
    )
    found = post_mentions(post(text))
    assert [(m.country, m.counterpart_name, m.status) for m in found] == [
        ("LAO", "Saleumxay Kommasith", "planned"),
        ("LAO", "Thongloun Sisoulith", "planned"),
    ]
