"""The per-post columns as expressions find exactly what the per-post Python functions find."""

from __future__ import annotations

import re

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sidelines.extract.charclasses import space, word
from sidelines.extract.hashtags import find_hashtags
from sidelines.extract.lang import detect_lang
from sidelines.extract.post_columns import hashtag_rows, lang, leading_flags, translation_ids
from sidelines.extract.posts import POST_FIELDS
from sidelines.extract.translations import link_translations, signature
from sidelines.records import RawPost

EVERY_CHARACTER = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000]


@pytest.mark.parametrize(
    ("members", "python"), [(word, re.compile(r"\w")), (space, re.compile(r"\s"))]
)
def test_the_classes_are_pythons_for_every_character(members, python) -> None:  # type: ignore[no-untyped-def]
    found = pl.Series(EVERY_CHARACTER).str.contains(f"^[{members()}]$").to_list()
    assert found == [python.match(ch) is not None for ch in EVERY_CHARACTER]


# Pieces where Python's and Rust's ideas of a word or a space differ (², a combining acute,
# the zero-width joiner, the file separator \x1c), tags, links, flags, both scripts.
PIECES = [
    "#", "#RussiaMali", "#РоссияМали", "#UNGA80", "#ООН", "#Russia", "#РФ", "#SCO",
    "https://mid.ru/x", "http://t.me/a", " ", "\n", "\t", "\x1c", "\u00a0", "²", "\u0301",
    "\u200d", "_", "C#", "(#", "🇷🇺", "🇲🇱", "🇺🇳", "🇷🇺🇲🇱", "🤝", "Talks", "переговоры",
    "Lavrov", "Лавров", "42", "ё", "й", ".", ",",
]  # fmt: skip
texts = st.one_of(
    st.none(), st.lists(st.sampled_from(PIECES), max_size=12).map("".join), st.text(max_size=30)
)


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, min_size=1, max_size=8))
def test_language_is_detect_lang(batch: list[str | None]) -> None:
    found = pl.select(lang(pl.Series(batch, dtype=pl.String))).to_series().to_list()
    assert found == [detect_lang(text) for text in batch]


def posts_frame(texts: list[str | None], langs: list[str | None] | None = None) -> pl.DataFrame:
    ids = [f"p{i}" for i in range(len(texts))]
    frame = pl.DataFrame(
        {"post_id": ids, "source_file": ["f"] * len(texts), "text": texts},
        schema={"post_id": pl.String, "source_file": pl.String, "text": pl.String},
    )
    langs = langs if langs is not None else [detect_lang(t) for t in texts]
    return frame.with_columns(lang=pl.Series(langs, dtype=pl.String))


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, min_size=1, max_size=8))
def test_hashtags_are_find_hashtags(batch: list[str | None]) -> None:
    rows = hashtag_rows(posts_frame(batch))
    expected = [
        (f"p{i}", position, tag, tag.casefold())
        for i, text in enumerate(batch)
        for position, tag in enumerate(find_hashtags(text), start=1)
    ]
    assert rows.select("post_id", "position", "tag", "tag_norm").rows() == expected


def test_tag_countries_come_from_the_tags() -> None:
    rows = hashtag_rows(posts_frame(["Текст. #РоссияМали #ООН #RussiaMali"]))
    assert rows["country"].to_list() == ["MLI", None, "MLI"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["ru", "en", None]),
            st.lists(st.sampled_from(["🇷🇺", "🇲🇱", "🇺🇳", " "]), max_size=3).map("".join),
            st.lists(st.sampled_from(["#RussiaMali", "#РоссияМали", "#RussiaChina", "#UN"])),
        ),
        min_size=1,
        max_size=10,
    )
)
def test_translation_links_are_link_translations(
    batch: list[tuple[str | None, str, list[str]]],
) -> None:
    texts = [f"{flags}Text {' '.join(tags)}" for _, flags, tags in batch]
    langs = [post_lang for post_lang, _, _ in batch]
    frame = posts_frame(texts, langs)
    found = translation_ids(frame, hashtag_rows(frame)).to_list()
    links = link_translations(
        [signature(f"p{i}", "f", langs[i], text) for i, text in enumerate(texts)]
    )
    assert found == [links.get(f"p{i}") for i in range(len(texts))]


def test_a_run_of_candidate_pairs_links_every_other_pair() -> None:
    # Four posts that could each be the next one's twin: the first two pair, then the last two.
    texts = ["🇷🇺🇲🇱 А", "🇷🇺🇲🇱 B", "🇷🇺🇲🇱 В", "🇷🇺🇲🇱 D"]
    frame = posts_frame(texts, ["ru", "en", "ru", "en"])
    assert translation_ids(frame, hashtag_rows(frame)).to_list() == ["p1", "p0", "p3", "p2"]


def test_leading_flags_are_the_opening_run() -> None:
    found = pl.select(leading_flags(pl.Series([" 🇷🇺🇲🇱 Talks", "Talks 🇷🇺🇲🇱", None])))
    assert found.to_series().to_list() == ["🇷🇺🇲🇱", None, None]


def test_every_parsed_field_is_a_column() -> None:
    assert list(POST_FIELDS) == [f for f in RawPost.__dataclass_fields__]
