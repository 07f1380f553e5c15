"""When and where a report was written: an agency's dateline ("KAZAN, October 24. /TASS/."),
an article's time-stamp line, and a post's own evidence of its day (`own_anchor`)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from babel.dates import get_day_names

from sidelines.extract.date_anchors import Anchor
from sidelines.extract.date_forms import (
    DATE_PATTERNS,
    DIGIT,
    YEAR_DIGITS,
    StatedDate,
    patterns_for,
    stated_from_match,
)
from sidelines.extract.dates import WEEKDAY, WEEKDAYS, resolve, weekday_number
from sidelines.extract.sessions import general_debate_opening


@dataclass(frozen=True)
class Dateline:
    """The place and day an agency report opens with ("KAZAN, October 24. /TASS/.")."""

    place: str
    stated: StatedDate


DATELINE_PLACE = re.compile(r"^[^\w\n]{0,8}(?P<place>[A-ZА-ЯЁ][\w'’ -]{1,30}?)\s?[,.]\s")
DATELINE_DATE_FIRST = re.compile(r"^[^\w\n]{0,8}(?=\d)")
DATELINE_PLACE_AFTER = re.compile(
    r"[,.]?\s+(?P<place>[A-ZА-ЯЁ][\w'’-]{1,30}(?:\s[A-ZА-ЯЁ][\w-]+)?)"
)


def _place_name(raw: str) -> str:
    """A dateline's place as a name: "KAZAN" -> "Kazan", «РИО-ДЕ-ЖАНЕЙРО» -> «Рио-де-Жанейро»."""
    name = raw.strip()
    if not name.isupper():
        return name
    words = re.split(r"([\s-])", name)
    return "".join(w.capitalize() if len(w) > 2 else w.lower() for w in words)


# Words that open a sentence as a dateline's place would ("Today, 25 September"): days.
NOT_PLACES = frozenset(
    [
        *(name.casefold() for name in calendar.day_name),
        *WEEKDAYS,
        *get_day_names("wide", locale="ru", context="stand-alone").values(),
        *("today", "yesterday", "tomorrow", "сегодня", "завтра", "вчера", "накануне"),
    ]
)
HEADER_LENGTH = 60  # a time-stamp line is short
HEADER_LINES = 4  # a headline and a time stamp may come before the dateline
CLOCK = re.compile(r"^\s*(?:\d{1,2}:\d{2}\s+)?")


def header_date(text: str | None) -> date | None:
    r"""The day of an article's time-stamp line ("26 Jul 2024 12:41", "15:47 23.10.2024",
    «9 июля 2024 года, 14:10, Москва, Кремль») among its first lines: when it came out.

    >>> header_date("Talks in Moscow\n15:47 23.10.2024\nKAZAN, October 23 (RIA Novosti) –")
    datetime.date(2024, 10, 23)
    """
    for line in (text or "")[:400].split("\n", HEADER_LINES)[:HEADER_LINES]:
        if len(line) > HEADER_LENGTH or not DIGIT.search(line):
            continue
        start = CLOCK.match(line)
        for pattern in DATE_PATTERNS:
            m = pattern.match(line, start.end() if start else 0)
            stated = stated_from_match(m) if m else None
            if stated and stated.year:
                return resolve(stated, None, None)
    return None


def dateline(text: str | None, agency: bool = True) -> Dateline | None:
    """The dateline a report opens with: "KAZAN, October 24. /TASS/.", «Москва. 12 июля.
    INTERFAX.RU», «24 сентября, Минск /Корр. БЕЛТА/.» (that one only in an `agency`'s
    article); None when the text has none.

    >>> dateline("KAZAN, October 24. /TASS/. Talks.")
    Dateline(place='Kazan', stated=StatedDate(day=24, month=10, year=None, start=7))
    >>> dateline("Москва. 12 июля. INTERFAX.RU - Глава МИД").place
    'Москва'
    """
    if not text:
        return None
    for line in text[:400].split("\n", HEADER_LINES)[:HEADER_LINES]:
        found = _dateline_of(line[:80], agency)
        if found is not None:
            return found
    return None


def _dateline_of(head: str, agency: bool) -> Dateline | None:
    if not DIGIT.search(head):
        return None
    found = DATELINE_PLACE.match(head)
    if found and found.group("place").casefold() in NOT_PLACES:
        found = None  # «Завтра, 25 сентября, …», "Tuesday, 24 September": a day, no place
    if found:
        for pattern in DATE_PATTERNS:
            m = pattern.match(head, found.end())
            stated = stated_from_match(m) if m else None
            if stated:
                return Dateline(_place_name(found.group("place")), stated)
    first = DATELINE_DATE_FIRST.match(head) if agency else None  # BELTA's date-first form
    if first:
        for pattern in DATE_PATTERNS:
            m = pattern.match(head, first.end())
            stated = stated_from_match(m) if m else None
            after = DATELINE_PLACE_AFTER.match(head, m.end()) if m else None
            if stated and after and "/" in head[after.end() : after.end() + 4]:
                return Dateline(_place_name(after.group("place")), stated)
    return None


def first_full_date(text: str | None) -> date | None:
    """The first day the text states with its year, in any sentence (an announcement too):
    evidence of when the post was written.

    >>> first_full_date("Greetings. On 24-25 April 2023 the minister will chair the Council.")
    datetime.date(2023, 4, 24)
    """
    if not text or not YEAR_DIGITS.search(text):
        return None
    found = [
        (m.start(), stated)
        for pattern in patterns_for(text)
        for m in pattern.finditer(text)
        if (stated := stated_from_match(m)) and stated.year
    ]
    return resolve(min(found, key=lambda f: f[0])[1], None, None) if found else None


def own_anchor(
    text: str | None, published: date | None, session: int | None, article: bool
) -> date | None:
    """The day a post itself shows it was written near: its publication (an article's
    time-stamp line), else the first full date it states, else its session's high-level week."""
    if published is not None:
        return published
    stamped = header_date(text) if article else None
    return (
        stamped
        or first_full_date(text)
        or (general_debate_opening(session) if session is not None else None)
    )


LEAD_SPAN = 600  # characters of an article's headline, dateline and lead


def dateline_day(
    line: Dateline, text: str, session: int | None, year: int | None, anchor: Anchor | None
) -> date | None:
    """The day of a dateline: its year the session's, the anchor's, else `year` (the first
    year the text names) moved to the one next to it in which the day falls on the weekday
    the lead gives («Москва. 21 января. … Лавров во вторник приступил к переговорам …», in
    an article that recalls "February 2024": 2025).

    >>> line = dateline("Москва. 21 января. INTERFAX.RU - Лавров во вторник провёл переговоры")
    >>> dateline_day(line, "Москва. 21 января. … во вторник", None, 2024, None)
    datetime.date(2025, 1, 21)
    """
    stated = line.stated
    if stated.year is not None or session is not None or anchor is not None or year is None:
        return resolve(stated, session, year, anchor)
    weekday = WEEKDAY.search(text[:LEAD_SPAN])
    if weekday is not None:
        for candidate in (year, year + 1, year - 1):
            day = resolve(stated, None, candidate)
            if day is not None and day.weekday() == weekday_number(weekday):
                return day
    return resolve(stated, None, year)
