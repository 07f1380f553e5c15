"""Plain-text Telegram channel dumps: a title line, a description line, then posts.

Posts follow one another with no fixed separator. A new post starts at a line
`Forwarded from NAME`, at a line that opens with a flag-emoji pair (🇷🇺🇧🇫), or at the
first text after a line made only of hashtags (which closes the post before it). Blank
lines inside a post belong to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sidelines.extract.hashtags import is_hashtag_line
from sidelines.records import RawPost

FORWARDED = re.compile(r"^Forwarded from\s+(?P<name>.+?)\s*$")
FLAG_PAIR_START = re.compile("^\\s*(?:[\U0001f1e6-\U0001f1ff]{2}){2}")
TRAILING_FLAGS = re.compile("(?:\\s*[\U0001f1e6-\U0001f1ff]{2})+\\s*$")
HEADER_LINES = 2


@dataclass
class _Open:
    start: int
    forwarded_from: str | None = None
    lines: list[tuple[int, str]] = field(default_factory=list)
    closed: bool = False  # a hashtag line ended it: the next text starts a new post

    @property
    def has_text(self) -> bool:
        return any(line.strip() for _, line in self.lines)


@dataclass(frozen=True)
class ChannelDump:
    """A parsed dump: its header and its posts, and the lines that fit neither."""

    channel: str | None
    description: str | None
    posts: list[RawPost]
    unassigned: list[int]  # non-blank line numbers outside header and posts


def is_post_cue(line: str) -> bool:
    """True for a line that can only start a post: a forward or a flag-pair opening."""
    return bool(FORWARDED.match(line) or FLAG_PAIR_START.match(line))


def forwarded_name(raw: str) -> str:
    """'Russian MFA 🇷🇺' -> 'Russian MFA': the channel name without its flag."""
    return TRAILING_FLAGS.sub("", raw).strip()


def _finish(post: _Open, source_file: str, channel: str | None) -> RawPost | None:
    numbered = [(n, line) for n, line in post.lines if line.strip()]
    if not numbered:
        return None
    first, last = numbered[0][0], numbered[-1][0]
    text = "\n".join(line for n, line in post.lines if first <= n <= last)
    return RawPost(
        source_file=source_file,
        kind="telegram",
        text=text,
        line_start=post.start,
        line_end=last,
        channel=channel,
        forwarded_from=post.forwarded_from,
    )


def segment_channel_dump(text: str, source_file: str) -> ChannelDump:
    """Split a channel dump into posts.

    >>> dump = "Channel\\nAbout it\\n🇷🇺🇲🇱 Talks.\\n#RussiaMali\\nForwarded from MFA 🇷🇺\\nHi"
    >>> posts = segment_channel_dump(dump, "f").posts
    >>> [(p.line_start, p.line_end, p.forwarded_from) for p in posts]
    [(3, 4, None), (5, 6, 'MFA')]
    """
    lines = text.split("\n")
    header = [line.strip() or None for line in lines[:HEADER_LINES]]
    header += [None] * (HEADER_LINES - len(header))
    if header[1] is not None and is_post_cue(header[1]):
        header[1] = None
    channel, description = header
    body_start = HEADER_LINES if description is not None else 1

    posts: list[RawPost] = []
    unassigned: list[int] = []
    current: _Open | None = None

    def close() -> None:
        nonlocal current
        if current is not None:
            finished = _finish(current, source_file, channel)
            if finished is not None:
                posts.append(finished)
            elif current.forwarded_from is not None:
                unassigned.append(current.start)  # a forward line with nothing after it
        current = None

    for number, line in enumerate(lines[body_start:], start=body_start + 1):
        forwarded = FORWARDED.match(line)
        if forwarded:
            close()
            current = _Open(start=number, forwarded_from=forwarded_name(forwarded.group("name")))
            continue
        if not line.strip():
            if current is not None:
                current.lines.append((number, line))
            continue
        starts_post = (
            current is None
            or current.closed
            or (FLAG_PAIR_START.match(line) is not None and current.has_text)
        )
        if starts_post:
            close()
            current = _Open(start=number)
        assert current is not None
        current.lines.append((number, line))
        if is_hashtag_line(line):
            current.closed = True
    close()
    return ChannelDump(channel, description, posts, unassigned)
