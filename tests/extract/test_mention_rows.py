"""Mentions travel between processes and sit in the cache as frames, unchanged."""

from __future__ import annotations

from datetime import date, datetime

from sidelines.extract.mention_rows import MENTION_TYPES, Mention, frame_mentions, mentions_frame
from sidelines.extract.mentions import post_mentions


def test_mentions_travel_as_frames_unchanged() -> None:
    assert list(MENTION_TYPES) == list(Mention._fields)  # one column per field, in order
    found = post_mentions(
        {
            "post_id": "p1",
            "text": "21 сентября С.В.Лавров провёл встречу с Министром иностранных дел Египта.",
            "lang": "ru",
            "source_file": "a.txt",
            "line_start": 3,
            "unga_session": 78,
            "event_date": date(2023, 9, 21),
            "published_at": datetime(2023, 9, 22, 8, 0),
        }
    )
    assert found and frame_mentions(mentions_frame(found)) == found
    assert frame_mentions(mentions_frame([])) == []
