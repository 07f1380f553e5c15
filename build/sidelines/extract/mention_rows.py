"""One post's view of one meeting (a mention) and the frame the mentions of a file travel in.

`mentions.py` finds them, `meetings.py` merges them; the frame is how they cross between
processes and sit in the build cache.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

import polars as pl

PRECISION_RANK = {"stated": 0, "inferred": 1, "published": 2, "unknown": 3}


class Mention(NamedTuple):
    """One post's report (or announcement) of one meeting. A tuple: a million of them are
    built, sent between processes and cached, so they must be light and quick to pickle."""

    post_id: str
    lang: str | None
    source_file: str
    line_start: int
    translation_id: str | None
    published: date | None
    country: str | None
    org: str | None
    format: str
    status: str
    mode: str
    date: date | None
    date_precision: str
    unga_session: int | None
    russian_participant: str | None
    counterpart_name: str | None
    counterpart_role: str | None
    location: str | None


# The mentions of a file as a frame: how they travel between processes and sit in the cache.
MENTION_TYPES: dict[str, pl.DataType] = {
    "post_id": pl.String(),
    "lang": pl.String(),
    "source_file": pl.String(),
    "line_start": pl.Int64(),
    "translation_id": pl.String(),
    "published": pl.Date(),
    "country": pl.String(),
    "org": pl.String(),
    "format": pl.String(),
    "status": pl.String(),
    "mode": pl.String(),
    "date": pl.Date(),
    "date_precision": pl.String(),
    "unga_session": pl.Int64(),
    "russian_participant": pl.String(),
    "counterpart_name": pl.String(),
    "counterpart_role": pl.String(),
    "location": pl.String(),
}


def mentions_frame(mentions: list[Mention]) -> pl.DataFrame:
    """Mentions as a typed frame, one row each."""
    return pl.DataFrame(mentions, schema=MENTION_TYPES, orient="row")


def frame_mentions(frame: pl.DataFrame) -> list[Mention]:
    """The mentions of a frame made by `mentions_frame`, in its order."""
    return [Mention._make(row) for row in frame.iter_rows()]
