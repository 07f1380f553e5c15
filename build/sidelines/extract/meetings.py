"""Meetings reported by posts: who met whom, when, where, and from which posts."""

from __future__ import annotations

from typing import Any


def meeting_rows(posts: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(meetings, meeting_sources) for post rows. Not yet implemented: no meetings."""
    return [], []
