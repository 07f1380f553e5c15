"""Dates stated in a post's text: the forms they take (day and month in words, numbers or
abbreviations, weekdays, "yesterday", «накануне») and the day each sentence, and each post,
gives its own event. Sessions live in `sessions.py`, datelines in `datelines.py`."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from sidelines.extract.cues import is_planned
from sidelines.extract.date_anchors import Anchor, day_near
from sidelines.extract.date_forms import (
    ANY_DATE,
    DIGIT,
    OPENING,
    PARAGRAPH_BREAK,
    RU_MONTH_WORDS,
    SENTENCE,
    TITLE_END,
    YEAR_DIGITS,
    StatedDate,
    has_word,
    patterns_for,
    stated_from_match,
)
from sidelines.extract.fastre import compile_guarded
from sidelines.extract.literals import Literals
from sidelines.extract.memo import SENTENCES
from sidelines.extract.sessions import session_year, weekday_in_high_level_week


def resolve(
    stated: StatedDate,
    session: int | None,
    fallback_year: int | None,
    anchor: Anchor | None = None,
) -> date | None:
    """A full date: the stated year, else the session's year, else the year the post's
    `anchor` points to, else `fallback_year`, else None."""
    year = stated.year
    if year is None and session is not None:
        year = session_year(session, stated.month)
    if year is None and anchor is not None:
        return day_near(stated.day, stated.month, anchor)
    year = year or fallback_year
    if year is None:
        return None
    try:
        return date(year, stated.month, stated.day)
    except ValueError:  # "31 September": not a date
        return None


# Days named relative to the publication: (pattern group, days from the publication day).
RELATIVE_DAY = compile_guarded(
    r"\b(?:(?P<today>today|this\s+(?:morning|afternoon|evening)|tonight)"
    r"|(?P<yesterday>yesterday)|(?P<tomorrow>tomorrow))\b"
    r"|(?<!\w)(?:(?P<segodnya>сегодня)|(?P<pozavchera>позавчера)|(?P<zavtra>завтра)"
    r"|(?P<vchera>вчера|накануне(?!\s+(?:визит|саммит|переговор|встреч|заседани|форум|сесси"
    r"|конференц|открыти|начал|праздн|поездк|выбор|дн[яе]))))(?!\w)",
    re.I,
)
RELATIVE_OFFSETS = {
    "today": 0,
    "segodnya": 0,
    "yesterday": -1,
    "vchera": -1,
    "pozavchera": -2,
    "tomorrow": 1,
    "zavtra": 1,
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    "понедельник": 0,
    "вторник": 1,
    "среду": 2,
    "четверг": 3,
    "пятницу": 4,
    "субботу": 5,
    "воскресенье": 6,
}
WEEKDAY = compile_guarded(
    r"\b(?P<en>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|(?<!\w)(?:в|во|на)\s+(?P<ru>понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)"
    r"(?!\w)",
    re.I,
)
# "on the 22nd": a day of the publication's month (or the one before).
DAY_OF_MONTH = compile_guarded(r"\bon\s+the\s+(?P<day>[1-3]?\d)(?:st|nd|rd|th)\b(?!\s+of\b)", re.I)


RELATIVE_WORDS = Literals(
    "today",
    "this",
    "tonight",
    "yesterday",
    "tomorrow",
    "сегодня",
    "завтра",
    "вчера",
    "накануне",
)
# Every English weekday ends in "day"; the Russian ones are the table's own keys.
WEEKDAY_WORDS = Literals("day", *(name for name in WEEKDAYS if not name.isascii()))
RELATIVE_OR_WEEKDAY = Literals(*RELATIVE_WORDS, *WEEKDAY_WORDS)
# Without a digit, every date `sentence_date` reads needs one of these words.
DATE_WORDS = Literals(*RU_MONTH_WORDS, *RELATIVE_OR_WEEKDAY)


def weekday_number(match: re.Match[str]) -> int:
    """Monday=0 … Sunday=6 for a match of `WEEKDAY`."""
    return WEEKDAYS[(match.group("en") or match.group("ru")).casefold()]


def _near_weekday(published: date, weekday: int, ahead: bool) -> date:
    """The day with `weekday` on or before the publication (after it, when `ahead`)."""
    if ahead:
        return published + timedelta(days=(weekday - published.weekday()) % 7)
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def _day_of_month(day: int, published: date, ahead: bool) -> date | None:
    month_start = published.replace(day=1)
    if ahead and day < published.day:
        month_start = (month_start + timedelta(days=32)).replace(day=1)
    elif not ahead and day > published.day:
        month_start = (month_start - timedelta(days=1)).replace(day=1)
    try:
        return month_start.replace(day=day)
    except ValueError:
        return None


def _year_near(stated: StatedDate, published: date, ahead: bool) -> date | None:
    """A year-less day next to the publication: "28 December" published in January is
    last year's (next year's, for an announcement published in December)."""
    resolved = resolve(stated, None, published.year)
    if resolved is None:
        return None
    if not ahead and resolved > published + timedelta(days=1):
        return resolve(stated, None, published.year - 1)
    if ahead and resolved < published - timedelta(days=180):
        return resolve(stated, None, published.year + 1)
    return resolved


@lru_cache(maxsize=SENTENCES)  # the post's day and its mentions' read the same sentences
def sentence_date(
    sentence: str,
    session: int | None,
    published: date | None,
    ahead: bool = False,
    year: int | None = None,
    anchor: Anchor | None = None,
) -> tuple[date | None, str]:
    """(date, precision) a sentence gives its own event: a stated day ("stated"), a weekday,
    "yesterday", «накануне», "on the 22nd" resolved against the session or the publication
    ("inferred"; "today" is "published"), else (None, "unknown"). `ahead`: the sentence
    announces, so weekdays and year-less days lie after the publication. `year`: the year
    a day without one falls in when there is no publication date (the post's own);
    `anchor`, when there is one, tells it better (`date_anchors.py`).

    >>> sentence_date("Вчера С.В.Лавров встретился с послом", None, date(2024, 3, 6))
    (datetime.date(2024, 3, 5), 'inferred')
    >>> sentence_date("Lavrov met Fidan on Thursday evening.", 79, None)
    (datetime.date(2024, 9, 26), 'inferred')
    """
    words = date_words(sentence)
    if words is None:
        return None, "unknown"  # nothing below can match
    for stated in words.stated:
        if stated.year is None and session is None and published is not None:
            resolved = _year_near(stated, published, ahead)
        else:
            resolved = resolve(stated, session, published.year if published else year, anchor)
        if resolved:
            return resolved, "stated"
    # "on the 24th": of the publication's month, else of the month the post itself dates
    month_of = published or (anchor.day if anchor is not None and anchor.side == "own" else None)
    if words.nth_day is not None and month_of:
        day = _day_of_month(words.nth_day, month_of, ahead)
        if day:
            return day, "stated"
    if published is not None and words.relative is not None:
        offset = words.relative
        return published + timedelta(days=offset), "published" if offset == 0 else "inferred"
    if words.weekday is not None:
        if published is not None:  # the day it was written is the nearer evidence
            return _near_weekday(published, words.weekday, ahead), "inferred"
        if session is not None:
            return weekday_in_high_level_week(session, words.weekday), "inferred"
    return None, "unknown"


class DateWords(NamedTuple):
    """What a sentence's words say of its date before any day is resolved (`date_words`)."""

    stated: tuple[StatedDate, ...]  # days and months, in the order they are tried
    nth_day: int | None  # "on the 24th"
    relative: int | None  # days from the publication: "yesterday" -1, «завтра» 1
    weekday: int | None  # Monday=0 … Sunday=6


@lru_cache(maxsize=SENTENCES)  # once per distinct sentence: the days it gives vary by post
def date_words(sentence: str) -> DateWords | None:
    """The date forms a sentence states, None when it has none (`sentence_date` resolves
    them against a post's session, publication and anchor)."""
    folded = sentence.casefold()
    if not DIGIT.search(sentence) and not DATE_WORDS.found_in(folded):
        return None
    stated = tuple(
        found
        for pattern in patterns_for(sentence)
        for m in pattern.finditer(sentence)
        if (found := stated_from_match(m)) is not None
    )
    nth = DAY_OF_MONTH.search(sentence) if "on the " in folded else None
    relative = RELATIVE_DAY.search(sentence) if has_word(folded, RELATIVE_WORDS) else None
    weekday = WEEKDAY.search(sentence) if has_word(folded, WEEKDAY_WORDS) else None
    return DateWords(
        stated,
        int(nth.group("day")) if nth else None,
        RELATIVE_OFFSETS[relative.lastgroup] if relative and relative.lastgroup else None,
        weekday_number(weekday) if weekday else None,
    )


def event_date(
    text: str | None,
    session: int | None,
    fallback_year: int | None = None,
    anchor: Anchor | None = None,
    published: date | None = None,
) -> date | None:
    """`event_day`'s day alone."""
    return event_day(text, session, fallback_year, anchor, published)[0]


def event_day(
    text: str | None,
    session: int | None,
    fallback_year: int | None = None,
    anchor: Anchor | None = None,
    published: date | None = None,
) -> tuple[date | None, str]:
    """The day the post states for its event, held or announced: that of its lead (its
    first sentence that ends in a stop, after any title lines), when it dates it (a day, a
    weekday, "yesterday", «накануне», against the session, the publication or the post's
    anchor); a later sentence's day is another event's ("Tomorrow the minister will …").
    A sentence that reports rather than announces cannot be of a day after its publication:
    such a day is another event's too ("discussed the summit on November 18-19").

    >>> event_date("21 сентября С.В.Лавров провёл встречу", 78)
    datetime.date(2023, 9, 21)
    >>> event_date("Lavrov will address the Assembly on September 28.", 79)
    datetime.date(2024, 9, 28)
    >>> event_date("Yesterday's talks in Kazan. BRICS grew on 1 January.", None, 2024,
    ...            published=date(2024, 10, 23))
    datetime.date(2024, 10, 22)
    >>> event_date("Talks in Kazan. Tomorrow he will meet Xi.", None, published=date(2024, 10, 22))

    """
    if not text or not may_date(text):
        return None, "unknown"
    return lead_day(text, session, fallback_year, anchor, published)


def may_date(text: str) -> bool:
    """True when the text has a relative or weekday word or a date form (`ANY_DATE`): a
    test of the whole text that spares `lead_day` for texts that date nothing (but for
    "on the 24th", which it reads only in a text with another date)."""
    return has_word(text.casefold(), RELATIVE_OR_WEEKDAY) or ANY_DATE.search(text) is not None


def lead_day(
    text: str,
    session: int | None,
    fallback_year: int | None = None,
    anchor: Anchor | None = None,
    published: date | None = None,
) -> tuple[date | None, str]:
    """`event_day` of a text that may date (`may_date`): its lead's day."""
    lead_read = False
    for paragraph in PARAGRAPH_BREAK.split(text):
        for sentence in SENTENCE.finditer(paragraph):
            body = sentence.group().strip()
            if lead_read and not _opens_with_day(body):
                return None, "unknown"  # the lead dates nothing: the post is of its publication day
            ahead = is_planned(body)
            when, precision = sentence_date(body, session, published, ahead, fallback_year, anchor)
            if when is not None and (ahead or published is None or not _after(when, published)):
                return when, precision
            if lead_read or TITLE_END.search(body):
                # only a body that opens with its day, after a one-paragraph summary, may
                # still date the post (the MFA's "Talks with X.\n\n21 September, …")
                lead_read = True
                break
    return None, "unknown"


def _opens_with_day(sentence: str) -> bool:
    """True when the sentence opens with a day and month («21 сентября …», "On 21 Sept.")."""
    opening = OPENING.match(sentence)
    start = opening.end() if opening else 0
    return any(p.match(sentence, start) for p in patterns_for(sentence[:40]))


def _after(day: date, published: date) -> bool:
    """True when the day, or its date a year later if that is nearer the publication (a
    year-less day a report took for last year's), falls after the publication's next day."""
    try:
        later = day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        later = day
    nearest = min(day, later, key=lambda d: abs(d - published))
    return nearest > published + timedelta(days=1)


def first_year(text: str | None) -> int | None:
    """The first year the text names ("met for the third time in 2024"), else None."""
    found = YEAR_DIGITS.search(text or "")
    return int(found.group()) if found else None
