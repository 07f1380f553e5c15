"""Hashtags, language and translation links."""

from __future__ import annotations

import pytest

from sidelines.extract.hashtags import find_hashtags, is_hashtag_line
from sidelines.extract.lang import detect_lang
from sidelines.extract.translations import link_translations, signature


def test_find_hashtags() -> None:
    assert find_hashtags("A #One\n#Two #ГАООН78 (#Inline) x#no") == ["One", "Two", "ГАООН78"]
    assert find_hashtags(None) == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [("#A #B", True), ("  #РоссияМали  ", True), ("#A text", False), ("", False)],
)
def test_is_hashtag_line(line: str, expected: bool) -> None:
    assert is_hashtag_line(line) is expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Привет, мир", "ru"),
        ("Hello world", "en"),
        ("Встреча #UNGA78 #RussiaMali", "ru"),
        ("📌 🤝", None),
        ("", None),
    ],
)
def test_detect_lang(text: str, lang: str | None) -> None:
    assert detect_lang(text) == lang


def test_translations_need_same_flags_and_other_language() -> None:
    posts = [
        signature("a", "f", "ru", "🇷🇺🇵🇰 Встреча"),
        signature("b", "f", "en", "🇷🇺🇵🇰 Meeting"),
        signature("c", "f", "ru", "Видео встречи"),
        signature("d", "f", "en", "🇷🇺🇺🇳 Meeting"),
        signature("e", "f", "ru", "Встреча #РоссияМали"),
        signature("g", "f", "en", "Meeting #RussiaMali"),
        signature("h", "f", "en", "Another #RussiaMali"),
    ]
    links = link_translations(posts)
    assert links == {"a": "b", "b": "a", "e": "g", "g": "e"}
