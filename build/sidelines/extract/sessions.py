"""UN General Assembly sessions: which one a text names, and its calendar."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import cache

import polars as pl

from sidelines.extract.charclasses import caseless, python_class, space, word
from sidelines.extract.fastre import compile_guarded

FIRST_SESSION_YEAR = 1945  # session N opens in September of 1945 + N

SESSION_PATTERNS = [
    compile_guarded(r"(?<!\w)#?(?:UNGA|ГАООН|ГА\s?ООН)\s?-?(\d{2,3})(?!\d)", re.I),
    compile_guarded(
        r"(?<!\d)(\d{2,3})(?:\s?-?(?:th|st|nd|rd|я|й|ой|ая|ую))?\s+"
        r"(?:(?:UN\s+|U\.N\.\s+)?General\s+Assembly(?:['’]s)?\s+)?(?:session|сесси[ияюей])",
        re.I,
    ),
]
GENERAL_ASSEMBLY = compile_guarded(
    r"General\s+Assembly|Генеральн\w*\s+Ассамбле\w*|Генассамбле\w*|UNGA|ГА\s?ООН", re.I
)
SESSION_CONTEXT = 90  # characters either side of "78th session" in which the Assembly is named


def unga_session(text: str | None) -> int | None:
    """The General Assembly session a text names ("78th session of the UN General Assembly",
    «78-й сессии Генассамблеи», #UNGA78), or None.

    >>> unga_session("«На полях» 78-й сессии Генассамблеи ООН"), unga_session("#ГАООН78")
    (78, 78)
    >>> unga_session("the 52nd session of the Human Rights Council") is None
    True
    """
    if not text:
        return None
    for match in SESSION_PATTERNS[0].finditer(text):
        return int(match.group(1))
    for match in SESSION_PATTERNS[1].finditer(text):
        window = text[max(0, match.start() - SESSION_CONTEXT) : match.end() + SESSION_CONTEXT]
        if GENERAL_ASSEMBLY.search(window):
            return int(match.group(1))
    return None


@cache
def _column_patterns() -> tuple[str, str]:
    """(SESSION_PATTERNS[0] in Rust's syntax, what every text SESSION_PATTERNS[1] matches
    holds). The look-behind becomes the character before (or the text's start), the
    look-ahead the character after (or its end); the classes and the letters are read off
    Python's `re` (its `\\w`, `\\s`, `\\d`, and what `re.I` takes for each letter), so that
    both find the same first match and the same number."""
    w, s, d = word(), space(), python_class(r"\d")
    assembly = f"(?:{caseless('UNGA')}|{caseless('ГАООН')}|{caseless('ГА')}[{s}]?{caseless('ООН')})"
    named = f"(?:^|[^{w}])#?{assembly}[{s}]?-?([{d}]{{2,3}})(?:[^{d}]|$)"
    return named, f"{caseless('session')}|{caseless('сесси')}"


def unga_sessions(texts: pl.Series) -> list[int | None]:
    """`unga_session` of every text. The tag or abbreviation with its number (#UNGA78, «ГА
    ООН 78») is found in one pass over the column; Python reads only the texts left that
    say "session" (the Assembly may be named within SESSION_CONTEXT characters of it,
    which Rust's regexes cannot look back to), and a number in other digits than 0-9."""
    named, session = _column_patterns()
    text, number = pl.col("text"), pl.col("number")
    ascii_number = number.str.contains("^[0-9]+$")
    column = pl.DataFrame({"text": texts.cast(pl.String)})
    found = column.with_columns(number=text.str.extract(named, 1)).select(  # extracted once
        session=pl.when(ascii_number).then(number.cast(pl.Int64)),
        in_python=(
            (number.is_not_null() & ~ascii_number) | (number.is_null() & text.str.contains(session))
        ).fill_null(False),
    )
    sessions: list[int | None] = found["session"].to_list()
    for index in found["in_python"].arg_true().to_list():
        sessions[index] = unga_session(texts[index])
    return sessions


def session_year(session: int, month: int) -> int:
    """Calendar year of a month within session N, which runs from September 1945+N."""
    opening = FIRST_SESSION_YEAR + session
    return opening if month >= 9 else opening + 1


def general_debate_opening(session: int) -> date:
    """First day of the general debate (high-level week) of session N.

    It opens on the Tuesday that falls between 19 and 25 September of the session's year,
    true of every session since the 71st (2016).

    >>> general_debate_opening(78), general_debate_opening(79)
    (datetime.date(2023, 9, 19), datetime.date(2024, 9, 24))
    """
    day = date(FIRST_SESSION_YEAR + session, 9, 19)
    return day + timedelta(days=(calendar.TUESDAY - day.weekday()) % 7)


def weekday_in_high_level_week(session: int, weekday: int) -> date:
    """The day with `weekday` (Monday=0) in the week, Monday to Sunday, of the general debate."""
    opening = general_debate_opening(session)
    monday = opening - timedelta(days=opening.weekday())
    return monday + timedelta(days=weekday)
