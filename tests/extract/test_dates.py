"""The day a post states for its event."""

from __future__ import annotations

from datetime import date

import pytest

from sidelines.extract.dates import event_date


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
