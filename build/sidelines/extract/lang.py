"""Language of a post from its script: the corpus is Russian and English."""

from __future__ import annotations

import re

CYRILLIC = re.compile(r"[\u0400-\u04FF]+")  # runs, not letters: fewer matches to count
LATIN = re.compile(r"[A-Za-z]+")
HASHTAG_OR_URL = re.compile(r"#\w+|https?://\S+")


def letters(script: re.Pattern[str], text: str) -> int:
    """How many of the text's characters the script's pattern matches."""
    return sum(map(len, script.findall(text)))


def detect_lang(text: str | None) -> str | None:
    """ISO 639-1 code ("ru" or "en") by the majority script of the letters; None without letters.

    Hashtags and links are left out: a Russian post often carries Latin tags.

    >>> [detect_lang(t) for t in ("Встреча С.В.Лаврова #UNGA78", "Talks in New York", "🤝")]
    ['ru', 'en', None]
    """
    if not text:
        return None
    body = HASHTAG_OR_URL.sub(" ", text)
    cyrillic = letters(CYRILLIC, body)
    latin = letters(LATIN, body)
    if cyrillic == latin == 0:
        return None
    return "ru" if cyrillic >= latin else "en"
