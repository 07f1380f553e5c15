"""Dates a meeting or post takes from its context: abbreviations, the file, the weekday."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sidelines.extract.mentions import post_mentions


def post(text: str, **kw: Any) -> dict[str, Any]:
    return {
        "post_id": "p",
        "lang": "en",
        "source_file": "f",
        "line_start": 1,
        "text": text,
        "event_date": None,
        "unga_session": None,
        "published_at": None,
        "translation_id": None,
    } | kw


def test_a_month_abbreviation_before_the_day_ends_no_sentence() -> None:
    # Modelled on the MFA's notes of Grushko's talks at the OSCE Ministerial Council in
    # Valletta (5 Dec 2024) and on its 2018 notes dated «20 фев. 2018 —».
    english = post(
        "Deputy Minister Alexander Grushko met OSCE Secretary General Feridun Sinirlioglu "
        "in Valletta on Dec. 5. Grushko said the OSCE must stay a platform for dialogue.",
        published_at=datetime(2024, 12, 6, 8),
    )
    russian = post(
        "20 фев. 2018 — Заместитель Министра иностранных дел А.В.Грушко принял Главу "
        "Представительства Европейского союза М.Эдерера. Обсуждены отношения Россия – ЕС.",
        lang="ru",
    )
    assert [m.date for m in post_mentions(english)] == [date(2024, 12, 5)]
    assert [m.date for m in post_mentions(russian)] == [date(2018, 2, 20)]
