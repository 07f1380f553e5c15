"""Which texts may state a date, as one pass over the column: the same as Python's."""

from __future__ import annotations

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from sidelines.extract.date_columns import any_date_pattern, first_years, may_date_column
from sidelines.extract.date_forms import ANY_DATE
from sidelines.extract.dates import first_year, may_date

# Where the column pass could part from Python: months in both scripts and cases (and
# the letters `re.I` takes for theirs: ſ, K, ᲀ), days of one to three digits and of
# digits only one engine knows (٥; U+10D40 is of Unicode 16), ordinal suffixes, ranges,
# "of", ordinal days in words, dotted dates, what stands before and after (a word
# character only Python counts, ², a combining mark), the blanks Python counts and Rust
# does not, the relative and weekday words.
PIECES = [
    "September", "SEPT", "Sept.", "sep", "may", "MAY", "ſeptember", "Dec", "marcH", "21", "1",
    "123", "5th", "ND", "of", "OF", " ", "  ", "\u00a0", "\x1c", "\n", "–", "-", "—", "20",
    "сентября", "СЕНТЯБРЯ", "сен.", "сент", "мая", "маяк", "ᲀ", "феврᲀля", "двадцать",
    "второго", "тридцатого", "ВТОРОЕ", "01.05.2017", ".", "2017", "19", "٥", "\U00010d40",
    "²", "_", "x", "ж", "\u0301", "today", "ВЧЕРА", "Monday", "day", "ß", "İ",
]  # fmt: skip
texts = st.one_of(
    st.none(), st.lists(st.sampled_from(PIECES), max_size=10).map("".join), st.text(max_size=40)
)


@settings(max_examples=500, deadline=None)
@given(st.lists(texts, min_size=1, max_size=8))
def test_the_column_pass_finds_what_python_finds(batch: list[str | None]) -> None:
    assert may_date_column(pl.Series(batch, dtype=pl.String)) == [
        bool(text) and may_date(text or "") for text in batch
    ]
    # the date forms alone, every text (those Python reads for the words too)
    found = pl.Series(batch, dtype=pl.String).str.contains(any_date_pattern()).to_list()
    assert found == [None if t is None else ANY_DATE.search(t) is not None for t in batch]


# One of each edge, written for this test, where a careless port would part from Python:
# the character before a month or a day (a word character only Python counts, a digit, a
# stop); a day of three digits; the letter after a Russian month, or before an ordinal, in
# either case; a suffix then a letter; digits only Rust knows; blanks only Python counts;
# a dotted date with more digits.
EDGES = [
    "²September 21", "\u0301September 21", "xSeptember 21", "September 21x", "September 211",
    "September 21st,", "September 21stx", "September\x1c21", "5 of May", "5\x1cof May",
    "Met on 5th of Mayday", "1221 сентября", "21 сентябряx", "21 сентябряж", "21 сентябрЯ",
    "21 маяК", "21 маяᲀ", "Жвторого мая", "21 сен.", "21–22 мая", "21 - 22 мая",
    "\U00010d4021 мая", "٥ мая", "двадцать второго мая", "ждвадцать второго мая",
    "ДВАДЦАТЬ ВТОРОГО МАЯ", "x01.05.2017", ".01.05.2017", "01.05.20171", "01.05.2017.",
    "1.5.1999", "41.05.2017", "in ſeptember 5", "KK 5 ᲀ",
]  # fmt: skip


def test_the_column_pass_on_the_edges() -> None:
    assert may_date_column(pl.Series(EDGES, dtype=pl.String)) == [may_date(text) for text in EDGES]
    found = pl.Series(EDGES).str.contains(any_date_pattern()).to_list()
    assert found == [ANY_DATE.search(text) is not None for text in EDGES]


def test_the_column_pass_on_every_post_of_the_corpora(corpora_texts: list[str]) -> None:
    found = may_date_column(pl.Series(corpora_texts, dtype=pl.String))
    assert found == [bool(text) and may_date(text) for text in corpora_texts]
    assert 1000 < sum(found) < len(found)  # many posts state a date, and not all


# Years and what stands around them (written for this test): one at the start and the
# end, after and before a digit (of 0-9, of other scripts, of Unicode 16 only), of other
# digits, of five digits, two in a row, none.
YEAR_PIECES = [
    "2019",
    "1999",
    "2100",
    "20",
    "19",
    "٢٠٢٤",
    "20٢٤",
    "5",
    "٥",
    "\U00010d40",
    " ",
    "x",
    "-",
]
years_texts = st.one_of(
    st.none(), st.lists(st.sampled_from(YEAR_PIECES), max_size=8).map("".join), st.text(max_size=20)
)


@settings(max_examples=500, deadline=None)
@given(st.lists(years_texts, min_size=1, max_size=8))
def test_the_first_year_of_each_text_as_python_finds_it(batch: list[str | None]) -> None:
    assert first_years(pl.Series(batch, dtype=pl.String)) == list(map(first_year, batch))


def test_the_first_years_on_every_post_of_the_corpora(corpora_texts: list[str]) -> None:
    found = first_years(pl.Series(corpora_texts, dtype=pl.String))
    assert found == list(map(first_year, corpora_texts))
    assert sum(year is not None for year in found) > 30  # some posts of the corpora name one
