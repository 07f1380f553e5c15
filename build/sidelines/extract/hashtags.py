"""Hashtags: `#word` preceded by the start of a line or white space, as Telegram shows them."""

from __future__ import annotations

import re

from sidelines.extract.fastre import compile_guarded

HASHTAG = compile_guarded(r"(?<!\S)#(\w+)")
HASHTAG_ONLY_LINE = re.compile(r"^\s*#\w+(?:\s+#\w+)*\s*$")


def find_hashtags(text: str | None) -> list[str]:
    """Tags in order of appearance, without '#'.

    >>> find_hashtags("Talks held. #RussiaMali #UNGA78 (#CICA) C#")
    ['RussiaMali', 'UNGA78']
    """
    return HASHTAG.findall(text) if text else []


def is_hashtag_line(line: str) -> bool:
    """True for a line made only of hashtags: the line that closes a channel post."""
    return bool(HASHTAG_ONLY_LINE.match(line))
