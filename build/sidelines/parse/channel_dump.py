"""Plain-text Telegram channel dumps: a title line, a description line, then posts.

Posts follow one another with no fixed separator: one post's last line is followed directly
by the next post's first, while paragraphs inside a post are parted by blank lines. A new
post starts at a line `Forwarded from NAME`, at a line that opens with a flag-emoji pair
(🇷🇺🇧🇫), at a line that opens with another emoji marker (🗓, ⚡️, 🎙 …) right after a line
of text (not after a blank line, not as the next item of a list), or at the first text
after a line made only of hashtags (which closes the post before it) — except a short
remark such as "More to come!" followed by the next post's opening line: that remark is
the closed post's last line. Blank lines inside a post belong to it.

The header is there only when it can be one: a title is at most 128 characters and a
description at most 255 (Telegram's own limits), neither is a post cue or a hashtag line,
and no hashtag line closes them as a post.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

import emoji

from sidelines.extract.hashtags import is_hashtag_line
from sidelines.parse.dump_lines import EMOJI_FIRST, dump_lines
from sidelines.records import RawPost

# The name runs to the line's end (greedy, trimmed later): a lazy name before `\s*$` would
# retry the trailing run of spaces at every character of the name.
FORWARDED = re.compile(r"^Forwarded from\s+(?P<name>.+)$")
FLAG_PAIR_START = re.compile("^\\s*(?:[\U0001f1e6-\U0001f1ff]{2}){2}")
REGIONAL = re.compile("[\U0001f1e6-\U0001f1ff]")
REGIONAL_INDICATORS = range(0x1F1E6, 0x1F1FF + 1)  # two of them make a flag
HEADER_LINES = 2
TITLE_MAX = 128  # Telegram's limit on a channel's name
DESCRIPTION_MAX = 255  # and on its description
# Emoji as people type them (fully or minimally qualified); an unqualified one only outside
# the Basic Multilingual Plane (🗓 without its variation selector), not text symbols (© ™ ▶)
MARKER_STATUSES = {emoji.STATUS["fully_qualified"], emoji.STATUS["minimally_qualified"]}
UNQUALIFIED = emoji.STATUS["unqualified"]
EMOJI_LONGEST = max(len(e) for e in emoji.EMOJI_DATA)
REMARK_MAX_WORDS = 4  # "More to come!", «Подробнее — на сайте»: a closing remark, not a post
WORD = re.compile(r"\w+")


@dataclass
class _Open:
    start: int  # the post's first line number (its forward line, if any)
    forwarded_from: str | None = None
    closed: bool = False  # a hashtag line ended it: the next text starts a new post
    text_lines: int = 0  # its non-blank lines so far
    first: int = 0  # the number of its first non-blank line (0: none yet)
    last: int = 0  # and of its last

    def add_text(self, number: int) -> None:
        """Add a non-blank line (a post's lines run on from one another: blank lines
        between its text lines are in its text, those around it are not)."""
        self.text_lines += 1
        self.first = self.first or number
        self.last = number


@dataclass(frozen=True)
class ChannelDump:
    """A parsed dump: its header and its posts, and the lines that fit neither."""

    channel: str | None
    description: str | None
    posts: list[RawPost]
    unassigned: list[int]  # non-blank line numbers outside header and posts
    header_lines: int = 0  # lines 1..header_lines are the title and description


def is_post_cue(line: str) -> bool:
    """True for a line that can only start a post: a forward or a flag-pair opening."""
    return bool(FORWARDED.match(line) or FLAG_PAIR_START.match(line))


def leading_marker(line: str) -> str | None:
    """The emoji a line opens with, if it is a post marker: any emoji in the emoji package's
    data except a flag (flags have their own rule) and text symbols.

    >>> leading_marker("🗓 21 сентября"), leading_marker("⚡️ Срочно"), leading_marker("Текст 🗓")
    ('🗓', '⚡', None)
    >>> leading_marker("🇷🇺 Россия"), leading_marker("© ТАСС")
    (None, None)
    """
    head = line.lstrip()[:EMOJI_LONGEST]
    if not head or head[0] not in EMOJI_FIRST:
        return None
    # the longest emoji of the package's data the line opens with (⚡️ is ⚡ and a selector)
    marker = next((head[:k] for k in range(len(head), 0, -1) if head[:k] in emoji.EMOJI_DATA), "")
    data = emoji.EMOJI_DATA.get(marker)
    if data is None or REGIONAL.match(marker):
        return None
    pictograph = data["status"] == UNQUALIFIED and ord(marker[0]) > 0xFFFF
    return marker if data["status"] in MARKER_STATUSES or pictograph else None


def _more_words(line: str, most: int) -> bool:
    """True when the line has more than `most` words (read no further than that)."""
    return len(list(islice(WORD.finditer(line), most + 1))) > most


@lru_cache(maxsize=4096)  # a dump forwards from a few channels, many times
def forwarded_name(raw: str) -> str:
    """'Russian MFA 🇷🇺' -> 'Russian MFA': the channel name without its trailing flags.

    Read from the end, not searched with a regex: a search would rescan a long run of spaces
    inside the name from each of its characters.

    >>> forwarded_name("  MFA Russia 🇷🇺 🇲🇱🇸🇳  "), forwarded_name("🇷🇺")
    ('MFA Russia', '')
    """
    end = len(raw)
    while True:
        while end and raw[end - 1].isspace():
            end -= 1
        if end < 2 or not all(ord(c) in REGIONAL_INDICATORS for c in raw[end - 2 : end]):
            return raw[:end].strip()
        end -= 2


def _finish(post: _Open, lines: list[str], source_file: str, channel: str | None) -> RawPost | None:
    if not post.text_lines:
        return None
    return RawPost(
        source_file=source_file,
        kind="telegram",
        text="\n".join(lines[post.first - 1 : post.last]),
        line_start=post.start,
        line_end=post.last,
        channel=channel,
        forwarded_from=post.forwarded_from,
    )


def dump_header(lines: list[str]) -> tuple[str | None, str | None]:
    """(title, description) at the top of a dump, each None when the line cannot be one: a
    dump may start straight with its first post.

    >>> dump_header(["Embassy", "News of the embassy.", "🇷🇺🇲🇱 Talks."])
    ('Embassy', 'News of the embassy.')
    >>> dump_header(["Talks held today.", "#RussiaMali"]), dump_header(["🇷🇺🇲🇱 Talks."])
    ((None, None), (None, None))
    """

    def can_be(line: str | None, limit: int) -> bool:
        return bool(line) and len(line or "") <= limit and not is_post_cue(line or "")

    top = [line.strip() or None for line in lines[:HEADER_LINES]]
    title, description = (top + [None] * HEADER_LINES)[:HEADER_LINES]
    if not can_be(title, TITLE_MAX) or is_hashtag_line(title or ""):
        return None, None
    if description is not None and is_hashtag_line(description):
        return None, None  # a one-line post closed by its hashtags
    if not can_be(description, DESCRIPTION_MAX):
        return title, None
    following = next((line for line in lines[HEADER_LINES:] if line.strip()), "")
    if is_hashtag_line(following):
        return None, None  # two lines of a post closed by its hashtags
    return title, description


def segment_channel_dump(text: str, source_file: str) -> ChannelDump:
    """Split a channel dump into posts.

    >>> dump = "Channel\\nAbout it\\n🇷🇺🇲🇱 Talks.\\n#RussiaMali\\nForwarded from MFA 🇷🇺\\nHi"
    >>> posts = segment_channel_dump(dump, "f").posts
    >>> [(p.line_start, p.line_end, p.forwarded_from) for p in posts]
    [(3, 4, None), (5, 6, 'MFA')]
    """
    lines = text.split("\n")
    kinds = dump_lines(text)  # the tests of every line, in one pass
    channel, description = dump_header(lines)
    body_start = 0 if channel is None else 1 + (description is not None)

    posts: list[RawPost] = []
    unassigned: list[int] = []
    current: _Open | None = None

    def close() -> None:
        nonlocal current
        if current is not None:
            finished = _finish(current, lines, source_file, channel)
            if finished is not None:
                posts.append(finished)
            elif current.forwarded_from is not None:
                unassigned.append(current.start)  # a forward line with nothing after it
        current = None

    def marker(index: int) -> str | None:
        return leading_marker(lines[index]) if kinds.may_mark[index] else None

    def opens_post(index: int, open_lines: int) -> bool:
        """A line that starts a post after `open_lines` lines of text of the open one: a
        forward, a flag pair, or another emoji marker right after a line of text, unless
        that line announces a list (ends with a colon…) or is an item of a list in the open
        post with the same marker (a one-line post followed by one with its marker is no
        list: live reports come as "⚡️ …" lines one after another)."""
        if kinds.cue[index]:
            return True
        if not kinds.after_text[index]:
            return False
        opening = marker(index)
        return opening is not None and not (
            lines[index - 1].strip().startswith(opening) and open_lines > 1
        )

    def closing_remark(index: int) -> bool:
        """A short line after a closed post, followed by the next post's opening line: the
        closed post's last words, not a post of its own. (At the end of the dump nothing
        tells a remark from a short last post, which it stays.)"""
        if _more_words(lines[index], REMARK_MAX_WORDS) or kinds.hashtags[index]:
            return False
        if marker(index) is not None:
            return False
        after = next((n for n in range(index + 1, len(lines)) if not kinds.blank[n]), None)
        return after is not None and (kinds.cue[after] or marker(after) is not None)

    body = zip(kinds.forward, kinds.blank, kinds.hashtags, strict=True)
    for index, (forward, blank, hashtags) in enumerate(islice(body, body_start, None), body_start):
        number = index + 1
        if forward:
            close()
            forwarded = FORWARDED.match(lines[index])
            assert forwarded is not None  # the column pass found it
            current = _Open(start=number, forwarded_from=forwarded_name(forwarded.group("name")))
            continue
        if blank:
            continue  # inside a post, in its text if more text follows (`_Open.add_text`)
        if current is not None and current.closed and closing_remark(index):
            current.add_text(number)
            continue
        starts_post = (
            current is None
            or current.closed
            or (current.text_lines > 0 and opens_post(index, current.text_lines))
        )
        if starts_post:
            close()
            current = _Open(start=number)
        assert current is not None
        current.add_text(number)
        current.closed = current.closed or hashtags
    close()
    return ChannelDump(channel, description, posts, unassigned, body_start)
