"""Which posts may state a date (`dates.may_date`), and the first year each names
(`dates.first_year`), for a column of texts at once.

Every post's day is looked for in its lead (`dates.event_day`), but only when the text has
a relative or weekday word or a date form (`date_forms.ANY_DATE`) somewhere: a test of the
whole text that took a third of the time of dating the posts in Python. Here it is one pass
of polars, a Rust regex for the words and one for the date forms. Python tests only the
texts with a character that casefolds to something else than a Latin or Cyrillic capital
does (`charclasses.folded_apart`).
"""

from __future__ import annotations

from functools import cache

import polars as pl

from sidelines.extract.charclasses import (
    caseless,
    folded_apart,
    folded_words,
    python_class,
    space,
    word,
)
from sidelines.extract.date_forms import EN_MONTHS, RU_ORDINAL_DAYS
from sidelines.extract.dates import RELATIVE_OR_WEEKDAY, first_year, may_date

# The Russian months of `date_forms._RU_MONTH`, its optional letters written out.
RU_MONTH_FORMS = (
    "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
    "октября", "ноября", "декабря", "янв", "февр", "фев", "мар", "апр", "июн", "июл", "авг",
    "сент", "сен", "окт", "нояб", "ноя", "дек",
)  # fmt: skip


def _any_of(words: tuple[str, ...] | list[str]) -> str:
    """The words, each letter as `re.I` takes it, as one group."""
    return "(?:" + "|".join(caseless(word) for word in words) + ")"


@cache
def any_date_pattern() -> str:
    """Where `date_forms.ANY_DATE` finds a match, in Rust's syntax: each of its patterns up
    to the last part every match needs (an optional year after is none), a look-behind or
    `\\b` before as the character before (or the text's start), a `\\b` or a look-ahead
    after as the character after (or its end); the classes and letters Python's."""
    w, s, d = word(), space(), python_class(r"\d")
    cyrillic = python_class(r"(?i:[а-яё])")
    en, ru = _any_of(sorted(EN_MONTHS)), _any_of(RU_MONTH_FORMS)
    suffix = f"(?:{_any_of(('st', 'nd', 'rd', 'th'))})?"
    days = f"[{d}]{{1,2}}"
    span = f"(?:[{s}]?[–—-][{s}]?{days})?"  # «20–21 мая»
    tens = _any_of(("двадцать", "тридцать"))
    ordinal = _any_of(sorted(RU_ORDINAL_DAYS))
    forms = [
        f"(?:^|[^{w}]){en}\\.?[{s}]+{days}{suffix}{span}(?:[^{w}]|$)",  # September 21
        f"(?:^|[^{w}]){days}{suffix}{span}[{s}]+(?:{caseless('of')}[{s}]+)?{en}(?:[^{w}]|$)",
        f"(?:^|[^{d}]){days}{span}[{s}]+{ru}(?:[^{cyrillic}]|$)",  # 21 сентября
        f"(?:^|[^{d}.])[0-3]?[{d}]\\.[01]?[{d}]\\.(?:19|20)[{d}]{{2}}(?:[^{d}.]|$)",  # 01.05.2017
        f"(?:^|[^{cyrillic}])(?:{tens}[{s}]+)?{ordinal}[{s}]+{ru}(?:[^{cyrillic}]|$)",
    ]
    return "|".join(f"(?:{form})" for form in forms)


def may_date_column(texts: pl.Series) -> list[bool]:
    """`dates.may_date` of every text (False for none)."""
    text = pl.col("text")
    found = pl.DataFrame({"text": texts.cast(pl.String)}).select(
        may=(
            text.str.contains(folded_words(RELATIVE_OR_WEEKDAY))
            | text.str.contains(any_date_pattern())
        ).fill_null(False),
        in_python=text.str.contains(f"[{folded_apart()}]").fill_null(False),
    )
    may: list[bool] = found["may"].to_list()
    for index in found["in_python"].arg_true().to_list():
        may[index] = may_date(texts[index] or "")
    return may


@cache
def year_pattern() -> str:
    """`date_forms.YEAR_DIGITS` in Rust's syntax, the year its group: the look-behind as
    the character before (or the text's start), the look-ahead as the one after (or its
    end), with Python's `\\d`."""
    d = python_class(r"\d")
    return f"(?:^|[^{d}])((?:19|20)[{d}]{{2}})(?:[^{d}]|$)"


def first_years(texts: pl.Series) -> list[int | None]:
    """`dates.first_year` of every text: the first year it names (None for none). A year
    of other digits than 0-9 is read by Python."""
    found = pl.DataFrame({"text": texts.cast(pl.String)}).select(
        year=pl.col("text").str.extract(year_pattern(), 1)
    )["year"]
    years: list[int | None] = found.cast(pl.Int64, strict=False).to_list()
    for index in (found.is_not_null() & ~found.str.contains("^[0-9]+$")).arg_true().to_list():
        years[index] = first_year(texts[index])
    return years
