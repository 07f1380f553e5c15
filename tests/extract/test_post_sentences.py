"""Posts' sentences and their cues as one pass over the column: the same as Python's."""

from __future__ import annotations

import re

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from sidelines.extract.charclasses import folded_apart, folded_words
from sidelines.extract.cues import AGREED_WORDS, SAME_DAY
from sidelines.extract.literals import Literals
from sidelines.extract.post_sentences import post_sentences, text_sentences
from sidelines.extract.sentences import MARK, sentences, split_sentences
from tests.extract.test_post_columns import EVERY_CHARACTER


def column_split(texts: list[str | None]) -> list[list[str] | None]:
    frame = pl.DataFrame({"text": texts}, schema={"text": pl.String})
    return frame.select(split_sentences(pl.col("text"))).to_series().to_list()


def test_outside_the_folded_apart_characters_casefolding_lowers_the_capitals() -> None:
    apart = pl.Series(EVERY_CHARACTER).str.contains(f"^[{folded_apart()}]$").to_list()
    for char, listed in zip(EVERY_CHARACTER, apart, strict=True):
        capital = re.fullmatch("[A-ZА-ЯЁ]", char) is not None
        assert listed == (char.casefold() != char and not capital), hex(ord(char))
    assert [char.casefold() for char in "AZАЯЁ"] == list("azаяё")


# Where the column pass could part from Python: the stops and what stands before them
# (initials, titles, «г.», months' abbreviations after a day or before one), the blanks
# Python counts and Rust does not (\x1c, \x85) or both (no-break space, \u2028), word
# characters only one of them counts (², a combining mark), digits of other scripts (٥),
# letters that lower otherwise than they casefold (ß, ſ, Σ), MARK, the cue words and a
# pair's action before or after "and", the words of agreeing and of the same day.
PIECES = [
    ".", "!", "?", "…", " ", "  ", "\n", "\n\n", "\x1c", "\x85", "\u00a0", "\u2028", "\t",
    "A", "Ан", "Ж", "St", "Mr", "Dr", "г", "гг", "x", "Dec", "Sept", "сен", "нояб", "May",
    "5", "٥", "²", "\u0301", "_", "ß", "ſ", "Σ", "ΑΣ", MARK, "met", "MET", "встреч",
    "Встретился", "talks", "discussed", " and ", " и ", "обсудили", "Lavrov", "Wang Yi", "🇷🇺",
    "agreed", "ДОГОВОРИЛИСЬ", "условлено", "same day", "Same\u00a0day", "в тот же день",
    "ТОГО ЖЕ ДНЯ",
]  # fmt: skip
texts = st.one_of(
    st.none(), st.lists(st.sampled_from(PIECES), max_size=24).map("".join), st.text(max_size=60)
)


@settings(max_examples=500, deadline=None)
@given(st.lists(texts, min_size=1, max_size=8))
def test_the_column_pass_reads_what_python_reads(batch: list[str | None]) -> None:
    assert post_sentences(pl.Series(batch, dtype=pl.String)) == list(map(text_sentences, batch))
    plain = [text for text in batch if text is not None and MARK not in text]
    assert column_split(plain) == [sentences(text) for text in plain]


@given(st.lists(st.sampled_from(["met", "вчера", "won’t", " and ", "day"]), min_size=1), texts)
def test_folded_words_find_the_first_word_where_python_does(
    words: list[str], text: str | None
) -> None:
    literals = Literals(*words)
    text = text or ""
    found = pl.Series([text]).str.find(folded_words(literals)).item()
    if not pl.Series([text]).str.contains(f"[{folded_apart()}]").item():
        first = literals.first_in(text.casefold())
        assert (found is None) == (first < 0)
        assert found is None or text.encode()[:found].decode() == text[:first]


# One of each edge a careless port would get wrong (written for these tests): an initial
# after a word character only Python counts; a month's abbreviation before a day (of digits
# Python knows, and of digits only Rust knows: U+10D40 is of Unicode 16), at the end,
# before a letter and after a day; «г.» and «гг.»; a stop before blanks only Python counts;
# a cue only casefolding finds (ſ is s, ß is ss); MARK in a text.
EDGES = [
    "Встреча с А. Петровым. Далее", "²A. Next", "\u0301A. Next", "xA. Next", "Talks on Dec. 5.",
    "Talks on Dec.", "Talks in Dec. Then", "Met 5 Dec. The end", "Met 5\u00a0Dec. Then",
    "Met ٥ Dec. Then", "Met 5\U00010D40 Dec. Then", "Stop.\x1cNext", "Stop.\x85Next",
    "Stop.\u2028Next", "Г. Москва. Met", "в 2024 г. встретились",
    "в 2023–2024 гг. стороны встречались", "Mr. Smith met Dr. Jones. St. Vincent talks.",
    "MEEſT", "Meßt", "They held talkſ.", "Lavrov and Wang DISCUß it.", "ΜΕΤ ΑΣ met",
    "Lavrov and Wang discussed", "They discussed it and met", "a.\x00 b. met",
]  # fmt: skip


# Each word of agreeing and of the same day, in capitals, in a sentence after a cued one.
LISTED = [f"Lavrov met Wang. {word.upper()} x." for word in (*AGREED_WORDS, *SAME_DAY)]


def test_the_column_pass_on_the_edges() -> None:
    assert post_sentences(pl.Series(EDGES)) == list(map(text_sentences, EDGES))
    assert post_sentences(pl.Series(LISTED)) == list(map(text_sentences, LISTED))
    assert all(
        read and read.cued[0] and (read.agreed[1] or read.same_day[1])
        for read in map(text_sentences, LISTED)
    )
    plain = [text for text in EDGES if MARK not in text]
    assert column_split(plain) == [sentences(text) for text in plain]


def test_the_column_pass_on_every_post_of_the_corpora(corpora_texts: list[str]) -> None:
    found = post_sentences(pl.Series(corpora_texts, dtype=pl.String))
    assert found == list(map(text_sentences, corpora_texts))
    assert sum(read is not None for read in found) > 2000  # the corpora report meetings
