"""The forms a stated date takes."""

from __future__ import annotations

import pytest

from sidelines.extract.date_forms import stated_dates


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
