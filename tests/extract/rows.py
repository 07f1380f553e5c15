"""A post row as the meeting mentions read it, for tests that give only its text."""

from __future__ import annotations

from typing import Any


def post(text: str, **kw: Any) -> dict[str, Any]:
    """An English post's row holding `text`; `kw` overrides any field."""
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


def ru(text: str, **kw: Any) -> dict[str, Any]:
    """A Russian post's row holding `text`."""
    return post(text, **({"lang": "ru"} | kw))
