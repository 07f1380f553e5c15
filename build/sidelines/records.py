"""The record every parser returns: one post as found in a raw file, before extraction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class RawPost:
    """A post as a parser finds it; extraction adds ids, language, dates and hashtags later."""

    source_file: str
    kind: str  # "telegram" | "article"
    text: str | None
    line_start: int | None = None
    line_end: int | None = None
    channel: str | None = None
    forwarded_from: str | None = None
    media_type: str | None = None
    published_at: datetime | None = None
    edited_at: datetime | None = None
    message_id: int | None = None
    url: str | None = None
    copies: int = 1
    # An export's channel beyond its name ("id:123", "@username"): two channels may share a
    # name, and their message ids must not collide.
    channel_key: str | None = None
    # 0 for a message id's first text in a file; 1, 2, … for other texts under the same id
    # (an export that repeats an id with different text keeps each as its own post).
    variant: int = 0


class InputError(Exception):
    """A raw file that cannot be read as any supported input; the message names file and place."""

    def __init__(self, source_file: str, reason: str, where: str | None = None) -> None:
        self.source_file = source_file
        self.reason = reason
        self.where = where
        place = f":{where}" if where else ""
        super().__init__(f"{source_file}{place}: {reason}")

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str, str | None]]:
        # Rebuilt from its parts when it crosses from a worker process to the build.
        return (InputError, (self.source_file, self.reason, self.where))
