"""A post's sentences."""

from __future__ import annotations

from sidelines.extract.sentences import sentences


def test_sentences_keep_initials() -> None:
    assert sentences("Встреча с Дж. Джилани. Next one!") == ["Встреча с Дж. Джилани.", "Next one!"]
