"""News articles: one post per file, repeats collapsed."""

from __future__ import annotations

from sidelines.parse.article import parse_article, repeat_period


def test_three_copies_collapse() -> None:
    text = "Head line.\nBody one.\nBody two.\n" * 3
    (post,) = parse_article(text, "a.txt")
    assert post.copies == 3
    assert post.text == "Head line.\nBody one.\nBody two."
    assert (post.line_start, post.line_end) == (1, 3)


def test_distinct_paragraphs_are_one_copy() -> None:
    (post,) = parse_article("\nA.\n\nB.\n\nA.\n", "a.txt")
    assert post.copies == 1
    assert post.line_start == 2
    assert post.text == "A.\n\nB.\n\nA."


def test_empty_article_yields_nothing() -> None:
    assert parse_article("\n \n", "a.txt") == []


def test_repeat_period() -> None:
    assert repeat_period(["x"] * 4) == 1
    assert repeat_period(["a", "b", "a"]) == 3
