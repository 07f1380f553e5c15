"""The year of a day stated without one ("14 July", «1 августа»), told from the nearest
evidence of when a post was written: its publication, a full date it states, its General
Assembly session, else the nearest post of its file that has one.

A channel dump or an article carries no publication time, and its posts rarely repeat the
year; the reader takes it from the neighbouring posts. Dumps list posts oldest first: a
year-less day in a post after an anchored one falls on or after the anchor (less a month for
a day the post looks back to), and one in a post before it on or before the anchor.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

LOOK_BACK = timedelta(days=31)  # how far before its anchor a day may still fall
Side = Literal["own", "after", "before"]  # where the day lies from the anchor


@dataclass(frozen=True)
class Anchor:
    """A day a post was written near, and where its year-less days lie from it: `own`
    (the post's own evidence: the nearest such day), `after` (the anchor is an earlier
    post's), `before` (a later post's)."""

    day: date
    side: Side = "own"


def file_anchors(own: list[date | None]) -> list[Anchor | None]:
    """Each post's anchor, from the posts' own evidence in file order: its own, else the
    nearest earlier post's, else the nearest later post's.

    >>> [a.side for a in file_anchors([None, date(2025, 7, 11), None])]
    ['before', 'own', 'after']
    """
    anchors: list[Anchor | None] = [Anchor(day) if day else None for day in own]
    earlier: date | None = None
    for i, day in enumerate(own):
        if day is not None:
            earlier = day
        elif earlier is not None:
            anchors[i] = Anchor(earlier, "after")
    later: date | None = None
    for i in range(len(own) - 1, -1, -1):
        if own[i] is not None:
            later = own[i]
        elif later is not None and anchors[i] is None:
            anchors[i] = Anchor(later, "before")
    return anchors


def day_near(day: int, month: int, anchor: Anchor) -> date | None:
    """The calendar day `day`.`month` in the year the anchor points to; None if there is no
    such day ("31 September").

    >>> day_near(14, 7, Anchor(date(2025, 7, 11), "after"))
    datetime.date(2025, 7, 14)
    >>> day_near(20, 2, Anchor(date(2025, 11, 22), "before"))
    datetime.date(2025, 2, 20)
    >>> day_near(5, 1, Anchor(date(2024, 12, 28)))
    datetime.date(2025, 1, 5)
    """
    candidates = []
    for year in (anchor.day.year - 1, anchor.day.year, anchor.day.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    if anchor.side == "after":
        return min((c for c in candidates if c >= anchor.day - LOOK_BACK), default=None)
    if anchor.side == "before":
        return max((c for c in candidates if c <= anchor.day + LOOK_BACK), default=None)
    return min(candidates, key=lambda c: abs(c - anchor.day))
