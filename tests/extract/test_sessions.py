"""General Assembly sessions and the high-level week."""

from __future__ import annotations

from datetime import date

import pytest

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
