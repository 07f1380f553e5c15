"""Agency datelines: the place and day a report opens with."""

from __future__ import annotations

import pytest

from sidelines.extract.datelines import dateline


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
