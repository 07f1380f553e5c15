"""Invariants of the text parsers on arbitrary input: no crash, same result twice, and every
non-blank line in exactly one place (header, a post, or the unassigned list)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sidelines.parse.article import parse_article
from sidelines.parse.channel_dump import HEADER_LINES, segment_channel_dump
from sidelines.parse.dispatch import parse_source
from sidelines.records import InputError
from sidelines.sources import DecodedSource, UnknownFormat, detect_format

# Lines that exercise the cues: forwards, flag pairs, hashtag lines, blanks, plain text (of
# any characters a decoded file can hold: no lone surrogate, which no decoding gives).
LINE = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "Forwarded from МИД России 🇷🇺",
            "🇷🇺🇲🇱 Встреча.",
            "#РоссияМали #ГАООН78",
            "#Tag",
            "Текст поста.",
            "Forwarded from",
            "🇷🇺 one flag",
            "🗓 План на день.",
            "⚡️ Срочно",
            "▪️ пункт",
            "Обсудили:",
            "More to come!",
            "x" * 300,  # longer than any channel title or description
        ]
    ),
    st.text(st.characters(exclude_characters="\n\r", exclude_categories=["Cs"]), max_size=15),
)
DUMP = st.lists(LINE, max_size=25).map("\n".join)


@settings(max_examples=400)
@given(DUMP)
def test_channel_dump_accounts_for_every_line(text: str) -> None:
    dump = segment_channel_dump(text, "f.txt")
    assert dump == segment_channel_dump(text, "f.txt")
    lines = text.split("\n")
    assert dump.header_lines <= HEADER_LINES
    places: dict[int, int] = {}
    for n in [*range(1, dump.header_lines + 1), *dump.unassigned]:
        places[n] = places.get(n, 0) + 1
    for post in dump.posts:
        assert post.line_start is not None and post.line_end is not None
        assert post.text and post.text.strip()
        for n in range(post.line_start, post.line_end + 1):
            places[n] = places.get(n, 0) + 1
    non_blank = [n for n, line in enumerate(lines, start=1) if line.strip()]
    assert all(places.get(n) == 1 for n in non_blank), (non_blank, places)


@given(DUMP)
def test_article_keeps_every_line_once_per_copy(text: str) -> None:
    posts = parse_article(text, "a.txt")
    assert posts == parse_article(text, "a.txt")
    non_blank = [line.rstrip() for line in text.split("\n") if line.strip()]
    if not non_blank:
        assert posts == []
        return
    (post,) = posts
    assert post.text is not None
    body = [line for line in post.text.split("\n") if line.strip()]
    assert body * post.copies == non_blank


@given(st.text(max_size=300))
def test_any_text_is_parsed_or_refused_with_the_file_named(text: str) -> None:
    try:
        format_ = detect_format(text)
    except UnknownFormat:
        return
    source = DecodedSource("f.txt", text, "utf-8", format_)
    try:
        first = parse_source(source)
    except InputError as err:
        assert err.source_file == "f.txt"
        return
    assert first == parse_source(source)
    assert first.posts
