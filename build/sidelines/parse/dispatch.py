"""Pick the parser for a decoded source by its format."""

from __future__ import annotations

from dataclasses import dataclass, field

from sidelines.parse.article import parse_article
from sidelines.parse.channel_dump import segment_channel_dump
from sidelines.records import InputError, RawPost
from sidelines.sources import DecodedSource


@dataclass(frozen=True)
class ParsedSource:
    """What one raw file yielded: its posts and what the build reports about it."""

    name: str
    format: str
    encoding: str
    posts: list[RawPost]
    channel: str | None = None
    header_lines: int = 0
    unassigned_lines: list[int] = field(default_factory=list)


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
            1 + (dump.description is not None),
            dump.unassigned,
        )
    elif source.format == "article":
        parsed = ParsedSource(
            source.name, source.format, source.encoding, parse_article(source.text, source.name)
        )
    else:
        raise InputError(source.name, f"no parser for format {source.format!r}")
    if not parsed.posts:
        raise InputError(source.name, "no posts found")
    return parsed
