"""Pick the parser for a decoded source by its format."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sidelines.parse.article import parse_article
from sidelines.parse.channel_dump import segment_channel_dump
from sidelines.parse.telegram_html import parse_telegram_html
from sidelines.parse.telegram_json import TelegramExport, parse_telegram_json
from sidelines.records import InputError, RawPost
from sidelines.sources import DecodedSource


@dataclass(frozen=True)
class ParsedSource:
    """What one raw file yielded: its posts and what the build reports about it.

    Text sources account for their lines (header, posts, unassigned); exports for their
    messages (posts plus `skipped_messages`, counted by reason such as 'service').
    """

    name: str
    format: str
    encoding: str
    posts: list[RawPost]
    channel: str | None = None
    header_lines: int = 0
    unassigned_lines: list[int] = field(default_factory=list)
    messages: int | None = None
    skipped_messages: dict[str, int] = field(default_factory=dict)
    # Anything else `sources` records for the file: values set aside and repairs, by kind
    notes: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SkippedSource:
    """A raw file set aside by `--skip-bad`, with the one-line reason it could not be read."""

    name: str
    reason: str


def from_export(source: DecodedSource, export: TelegramExport) -> ParsedSource:
    """A parsed Telegram export as the build's per-file record."""
    return ParsedSource(
        source.name,
        source.format,
        source.encoding,
        export.posts,
        export.channel,
        messages=export.messages,
        skipped_messages=export.skipped,
        notes=export.notes,
    )


def parse_source(source: DecodedSource) -> ParsedSource:
    """Parse one decoded file; a file that yields no post is an input error."""
    if source.format == "channel_dump":
        dump = segment_channel_dump(source.text, source.name)
        parsed = ParsedSource(
            source.name,
            source.format,
            source.encoding,
            dump.posts,
            dump.channel,
            dump.header_lines,
            dump.unassigned,
        )
    elif source.format == "article":
        parsed = ParsedSource(
            source.name, source.format, source.encoding, parse_article(source.text, source.name)
        )
    elif source.format == "telegram_json":
        parsed = from_export(source, parse_telegram_json(source.text, source.name))
    elif source.format == "telegram_html":
        parsed = from_export(source, parse_telegram_html(source.text, source.name))
    else:
        raise InputError(source.name, f"no parser for format {source.format!r}")
    if not parsed.posts:
        skipped = ", ".join(f"{n} {why}" for why, n in parsed.skipped_messages.items())
        raise InputError(
            source.name, "no posts found" + (f" ({skipped} skipped)" if skipped else "")
        )
    return parsed
