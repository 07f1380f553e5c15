"""Dates and UN General Assembly sessions stated in a post's text."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from sidelines.extract.fastre import compile_guarded

FIRST_SESSION_YEAR = 1945  # session N opens in September of 1945 + N

RU_MONTHS = {  # genitive stems: «21 сентября»; nominative «в сентябре» is a month, not a day
    "январ": 1,
    "феврал": 2,
    "март": 3,
    "апрел": 4,
    "ма": 5,
    "июн": 6,
    "июл": 7,
    "август": 8,
    "сентябр": 9,
    "октябр": 10,
    "ноябр": 11,
    "декабр": 12,
}
EN_MONTHS = {name.casefold(): i for i, name in enumerate(calendar.month_name) if name}
EN_MONTHS |= {name.casefold(): i for i, name in enumerate(calendar.month_abbr) if name}

_EN_MONTH = "|".join(sorted(EN_MONTHS, key=len, reverse=True))
_RU_MONTH = r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
_YEAR = r"(?:,?\s*(?P<{name}>(?:19|20)\d\d))?"
DATE_PATTERNS = [
    # September 21 / September 21, 2023 / Sept. 21
    compile_guarded(
        rf"\b(?P<month>{_EN_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b{_YEAR.format(name='year')}",
        re.I,
    ),
    # 21 September 2023
    compile_guarded(
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_EN_MONTH})\b{_YEAR.format(name='year')}",
        re.I,
    ),
    # 21 сентября / 21 сентября 2023 г.
    compile_guarded(
        rf"(?<!\d)(?P<day>\d{{1,2}})\s+(?P<month>{_RU_MONTH})(?:\s+(?P<year>(?:19|20)\d\d))?", re.I
    ),
]

# Any of the date patterns: a cheap test that spares the sentence loop for dateless texts.
_GROUP_NAME = re.compile(r"\(\?P<\w+>")
ANY_DATE = compile_guarded(
    "|".join("(?:" + _GROUP_NAME.sub("(", p.pattern) + ")" for p in DATE_PATTERNS), re.I
)

SESSION_PATTERNS = [
    compile_guarded(r"(?<!\w)#?(?:UNGA|ГАООН|ГА\s?ООН)\s?-?(\d{2,3})(?!\d)", re.I),
    compile_guarded(
        r"(?<!\d)(\d{2,3})(?:\s?-?(?:th|st|nd|rd|я|й|ой|ая|ую))?\s+(?:session|сесси[ияюей])", re.I
    ),
]
GENERAL_ASSEMBLY = compile_guarded(
    r"General\s+Assembly|Генеральн\w*\s+Ассамбле\w*|Генассамбле\w*|UNGA|ГА\s?ООН", re.I
)
SESSION_CONTEXT = 90  # characters either side of "78th session" in which the Assembly is named

# A sentence about what will happen: its dates are not the date of what the post reports.
FUTURE = compile_guarded(
    r"\b(?:will|shall|is\s+(?:scheduled|expected|due)|plans?\s+to)\b"
    r"|(?<!\w)(?:будет|будут|состоится|состоятся|планирует\w*|примет|проведёт|проведет)(?!\w)",
    re.I,
)
SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)", re.M)


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


@dataclass(frozen=True)
class StatedDate:
    """A day and month found in a text, with the year if the text gives one."""

    day: int
    month: int
    year: int | None
    start: int  # offset in the text


def month_number(name: str) -> int:
    """The month (1-12) of an English or Russian month name or abbreviation ("Sep.", «сентября»).

    >>> month_number("Sep."), month_number("сентября"), month_number("September")
    (9, 9, 9)
    """
    key = name.casefold().rstrip(".")
    if key in EN_MONTHS:
        return EN_MONTHS[key]
    return next(
        n for stem, n in RU_MONTHS.items() if key.startswith(stem) and len(key) <= len(stem) + 2
    )


def iter_stated_dates(text: str | None) -> Iterator[StatedDate]:
    """Day-and-month dates in the text, in order, skipping sentences about the future;
    lazily, so that a caller wanting the first one stops at it."""
    if not text or not ANY_DATE.search(text):
        return
    for sentence in SENTENCE.finditer(text):
        body = sentence.group()
        if not ANY_DATE.search(body) or FUTURE.search(body):
            continue
        found = [
            StatedDate(
                int(m.group("day")),
                month_number(m.group("month")),
                int(m.group("year")) if m.group("year") else None,
                sentence.start() + m.start(),
            )
            for pattern in DATE_PATTERNS
            for m in pattern.finditer(body)
        ]
        yield from sorted(found, key=lambda d: d.start)


def stated_dates(text: str | None) -> list[StatedDate]:
    """Every day-and-month date in the text, in order, skipping sentences about the future."""
    return list(iter_stated_dates(text))


def resolve(stated: StatedDate, session: int | None, fallback_year: int | None) -> date | None:
    """A full date: the stated year, else the session's year, else `fallback_year`, else None."""
    year = stated.year
    if year is None and session is not None:
        year = session_year(session, stated.month)
    year = year or fallback_year
    if year is None:
        return None
    try:
        return date(year, stated.month, stated.day)
    except ValueError:  # "31 September": not a date
        return None


def event_date(
    text: str | None, session: int | None, fallback_year: int | None = None
) -> date | None:
    """The first date the text states for what it reports (not what it announces).

    >>> event_date("21 сентября С.В.Лавров провёл встречу", 78)
    datetime.date(2023, 9, 21)
    >>> event_date("Lavrov will address the Assembly on September 28.", 79) is None
    True
    """
    for stated in iter_stated_dates(text):
        resolved = resolve(stated, session, fallback_year)
        if resolved is not None:
            return resolved
    return None
