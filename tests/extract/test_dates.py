"""Dates, General Assembly sessions and the high-level week."""

from __future__ import annotations

from datetime import date

import pytest

from sidelines.extract.date_forms import stated_dates
from sidelines.extract.datelines import dateline
from sidelines.extract.dates import event_date
from sidelines.extract.sessions import (
    general_debate_opening,
    session_year,
    unga_session,
    weekday_in_high_level_week,
)


@pytest.mark.parametrize(
    ("text", "session"),
    [
        ("«На полях» 78-й сессии Генассамблеи ООН", 78),
        ("on the sidelines of the 79th session of the UN General Assembly", 79),
        ("the UN General Assembly’s 80th Session", 80),
        ("#UNGA77", 77),
        ("#ГАООН81", 81),
        ("the 52nd session of the Human Rights Council", None),
        ("on the margins of the 79th UN General Assembly session", 79),  # TASS, 26 Sep 2024
        ("no session here", None),
    ],
)
def test_unga_session(text: str, session: int | None) -> None:
    assert unga_session(text) == session


@pytest.mark.parametrize(
    ("text", "session", "expected"),
    [
        ("21 сентября С.В.Лавров провёл встречу", 78, date(2023, 9, 21)),
        ("On September 21, Lavrov met", 78, date(2023, 9, 21)),
        ("New York, September 21, 2023", None, date(2023, 9, 21)),
        ("25 September 2024 talks", None, date(2024, 9, 25)),
        ("3 марта министры встретились", 78, date(2024, 3, 3)),  # March of session 78 is 2024
        ("On September 21, Lavrov met", None, None),  # no year to be had
        ("Lavrov will address the Assembly on September 28.", 79, date(2024, 9, 28)),
        ("Министр примет участие 25 сентября.", 79, date(2024, 9, 25)),  # announced: its day
        ("31 сентября", 78, None),
    ],
)
def test_event_date(text: str, session: int | None, expected: date | None) -> None:
    assert event_date(text, session) == expected


def test_event_date_falls_back_to_publication_year() -> None:
    assert event_date("On May 9 the parade", None, 2024) == date(2024, 5, 9)


@pytest.mark.parametrize(
    ("session", "opening"),
    [
        (76, date(2021, 9, 21)),
        (77, date(2022, 9, 20)),
        (78, date(2023, 9, 19)),
        (79, date(2024, 9, 24)),
        (80, date(2025, 9, 23)),
    ],
)
def test_general_debate_opening(session: int, opening: date) -> None:
    assert general_debate_opening(session) == opening


def test_weekday_in_high_level_week() -> None:
    assert weekday_in_high_level_week(79, 2) == date(2024, 9, 25)  # Wednesday
    assert weekday_in_high_level_week(78, 3) == date(2023, 9, 21)  # Thursday


def test_session_year() -> None:
    assert session_year(78, 9) == 2023
    assert session_year(78, 6) == 2024


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # tass.com datelines ("KAZAN, October 24. /TASS/.")
        ("KAZAN, October 24. /TASS/. Vladimir Putin held talks", ("Kazan", 10, 24)),
        # interfax.ru («Москва. 8 апреля. INTERFAX.RU — …»)
        ("Москва. 8 апреля. INTERFAX.RU — Дипломаты", ("Москва", 4, 8)),
        # ria.ru («ВАШИНГТОН, 5 ноя - РИА Новости.»): an abbreviated month
        ("ВАШИНГТОН, 5 ноя - РИА Новости. Представители", ("Вашингтон", 11, 5)),
        # BELTA via mail.ru («24 сентября, Минск /Корр. БЕЛТА/.»): the date first
        ("24 сентября, Минск /Корр. БЕЛТА/. Глава МИД", ("Минск", 9, 24)),
        ("MOSCOW (Reuters) - Russia's foreign ministry said", None),
        ("Sergey Lavrov met the minister on 21 September.", None),
    ],
)
def test_dateline(text: str, expected: tuple[str, int, int] | None) -> None:
    found = dateline(text)
    got = (found.place, found.stated.month, found.stated.day) if found else None
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("двадцать второго сентября 2023 года", (22, 9, 2023)),
        ("на двадцать второе сентября", (22, 9, None)),
        ("23 сен. министр", (23, 9, None)),
        ("01.05.2017 встреча", (1, 5, 2017)),
        ("Sept. 23, 2024", (23, 9, 2024)),
        ("20–21 мая 2024 года", (20, 5, 2024)),
        ("the 22nd of September 2020", (22, 9, 2020)),
        ("13.13.2020", None),
    ],
)
def test_date_forms(text: str, expected: tuple[int, int, int | None] | None) -> None:
    found = stated_dates(text)
    assert ((found[0].day, found[0].month, found[0].year) if found else None) == expected
