"""Dates stated in a post's text: the forms they take (day and month in words, numbers or
abbreviations, weekdays, "yesterday", «накануне») and the day each sentence, and each post,
gives its own event. Sessions live in `sessions.py`, datelines in `datelines.py`."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from sidelines.extract.cues import SENTENCES, is_planned
from sidelines.extract.date_anchors import Anchor, day_near
from sidelines.extract.fastre import compile_guarded
from sidelines.extract.literals import Literals
from sidelines.extract.sessions import session_year, weekday_in_high_level_week

RU_MONTHS = {  # genitive stems and abbreviations: «21 сентября», «23 сен.», «5 ноя»
    "январ": 1,
    "янв": 1,
    "феврал": 2,
    "фев": 2,
    "март": 3,
    "мар": 3,
    "апрел": 4,
    "апр": 4,
    "ма": 5,
    "июн": 6,
    "июл": 7,
    "август": 8,
    "авг": 8,
    "сентябр": 9,
    "сен": 9,
    "октябр": 10,
    "окт": 10,
    "ноябр": 11,
    "ноя": 11,
    "декабр": 12,
    "дек": 12,
}
EN_MONTHS = {name.casefold(): i for i, name in enumerate(calendar.month_name) if name}
EN_MONTHS |= {name.casefold(): i for i, name in enumerate(calendar.month_abbr) if name}
EN_MONTHS["sept"] = 9  # "Sept. 23", the news agencies' abbreviation
# Abbreviations written with a stop ("Dec. 5", «23 сен.»), as they are capitalised.
MONTH_ABBREVIATIONS = [name for name in calendar.month_abbr if name and name != "May"]
MONTH_ABBREVIATIONS += (
    ["Sept"]
    + [stem for stem in RU_MONTHS if len(stem) == 3 and stem != "мар"]
    + ["февр", "сент", "нояб"]
)

_EN_MONTH = "|".join(sorted(EN_MONTHS, key=len, reverse=True))
_RU_MONTH = (
    r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
    r"|янв|февр?|мар|апр|июн|июл|авг|сент?|окт|нояб?|дек)(?![а-яё])\.?"
)
_YEAR = r"(?:,?\s*(?P<{name}>(?:19|20)\d\d))?"
_RANGE = r"(?:\s?[–—-]\s?\d{1,2})?"  # «20–21 мая»: the meeting opens on the first day

# Ordinal day numbers in words, genitive (the form dates take: «двадцать второго сентября»).
_RU_ORDINALS = [
    "первого", "второго", "третьего", "четвёртого", "пятого", "шестого", "седьмого", "восьмого",
    "девятого", "десятого", "одиннадцатого", "двенадцатого", "тринадцатого", "четырнадцатого",
    "пятнадцатого", "шестнадцатого", "семнадцатого", "восемнадцатого", "девятнадцатого",
    "двадцатого",
]  # fmt: skip
RU_ORDINAL_DAYS = {word: i for i, word in enumerate(_RU_ORDINALS, start=1)}
RU_ORDINAL_DAYS["четвертого"] = 4
RU_ORDINAL_DAYS["тридцатого"] = 30
# The nominative too: «на двадцать второе сентября».
RU_ORDINAL_DAYS |= {
    word.removesuffix("ьего").removesuffix("ого") + ("ье" if word.endswith("ьего") else "ое"): n
    for word, n in list(RU_ORDINAL_DAYS.items())
}
RU_TENS = {"двадцать": 20, "тридцать": 30}
_RU_ORDINAL = "|".join(sorted(RU_ORDINAL_DAYS, key=len, reverse=True))

DATE_PATTERNS = [
    # September 21 / September 21, 2023 / Sept. 21
    compile_guarded(
        rf"\b(?P<month>{_EN_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?{_RANGE}\b"
        rf"{_YEAR.format(name='year')}",
        re.I,
    ),
    # 21 September 2023 / 20-21 May / the 22nd of September
    compile_guarded(
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?{_RANGE}\s+(?:of\s+)?(?P<month>{_EN_MONTH})\b"
        rf"{_YEAR.format(name='year')}",
        re.I,
    ),
    # 21 сентября / 21 сентября 2023 г. / 20–21 мая / 23 сен.
    compile_guarded(
        rf"(?<!\d)(?P<day>\d{{1,2}}){_RANGE}\s+(?P<month>{_RU_MONTH})(?:\s+(?P<year>(?:19|20)\d\d))?",
        re.I,
    ),
    # 01.05.2017
    compile_guarded(
        r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?![\d.])"
    ),
    # двадцать второго сентября
    compile_guarded(
        rf"(?<![а-яё])(?P<day>(?:(?:двадцать|тридцать)\s+)?(?:{_RU_ORDINAL}))\s+"
        rf"(?P<month>{_RU_MONTH})(?:\s+(?P<year>(?:19|20)\d\d))?",
        re.I,
    ),
]

DIGIT = re.compile(r"\d")
# A year of four digits, no digit around it. The century comes first and the look back
# after it ("(?<!\d..)": no digit before the "19"): led by literals, re scans for them
# instead of trying the look back at every offset, ten times faster.
YEAR_DIGITS = re.compile(r"(?:19|20)(?<!\d..)\d\d(?!\d)")
DOTTED = re.compile(r"\d\.\d")
ORDINAL_ENDINGS = Literals("ого ", "ое ", "ье ", "его ")

# Any of the date patterns: a cheap test that spares the sentence loop for dateless texts.
_GROUP_NAME = re.compile(r"\(\?P<\w+>")
ANY_DATE = compile_guarded(
    "|".join("(?:" + _GROUP_NAME.sub("(", p.pattern) + ")" for p in DATE_PATTERNS), re.I
)

# A sentence about what will happen: its dates are not the date of what the post reports.
FUTURE = compile_guarded(
    r"\b(?:will|shall|is\s+(?:scheduled|expected|due)|plans?\s+to)\b"
    r"|(?<!\w)(?:будет|будут|состоится|состоятся|планирует\w*|примет|проведёт|проведет)(?!\w)",
    re.I,
)
# A sentence ends at a stop before a capital or the line's end: "Sept. 23" and
# "01.05.2017" stay whole. (Each character is taken by one branch: linear time.)
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
OPENING = re.compile(r"[^\w]*(?:on\s+)?", re.I)  # flags, bullets, "On"
TITLE_END = re.compile(r"[.!?…:;]$")  # a line ending otherwise is a title, no lead
# A stop before a day's number ends a sentence too («прибыл в Бишкек. 12 октября он …»),
# unless it closes a month's abbreviation ("Sept. 23").
_NOT_MONTH = "".join(rf"(?<!\b{re.escape(a)}\.)" for a in MONTH_ABBREVIATIONS)
SENTENCE = re.compile(
    rf"(?:[^.!?\n]++|[.!?](?![ \t]+[A-ZА-ЯЁ«\"]|[ \t]*$|{_NOT_MONTH}[ \t]+\d))++(?:[.!?]+|$)",
    re.M,
)


@dataclass(frozen=True)
class StatedDate:
    """A day and month found in a text, with the year if the text gives one."""

    day: int
    month: int
    year: int | None
    start: int  # offset in the text


def month_number(name: str) -> int:
    """The month (1-12) of an English or Russian month name, abbreviation or number
    ("Sep.", «сен.», «сентября», "09").

    >>> month_number("Sep."), month_number("сентября"), month_number("сент."), month_number("09")
    (9, 9, 9, 9)
    """
    key = name.casefold().rstrip(".")
    if key.isdigit():
        return int(key)
    if key in EN_MONTHS:
        return EN_MONTHS[key]
    return next(
        n for stem, n in RU_MONTHS.items() if key.startswith(stem) and len(key) <= len(stem) + 2
    )


def day_number(text: str) -> int:
    """The day of a date written in digits or in Russian ordinal words.

    >>> day_number("22"), day_number("двадцать второго"), day_number("тридцатого")
    (22, 22, 30)
    """
    if text.isdigit():
        return int(text)
    words = text.casefold().split()
    tens = RU_TENS.get(words[0], 0) if len(words) > 1 else 0
    return tens + RU_ORDINAL_DAYS[words[-1]]


def stated_from_match(match: re.Match[str], offset: int = 0) -> StatedDate | None:
    """The StatedDate a match of one of `DATE_PATTERNS` spells, None if it is no calendar
    day (month 13 of a dotted date)."""
    month = month_number(match.group("month"))
    if not 1 <= month <= 12:
        return None
    year = int(match.group("year")) if match.group("year") else None
    return StatedDate(day_number(match.group("day")), month, year, offset + match.start())


def iter_stated_dates(text: str | None) -> Iterator[StatedDate]:
    """Day-and-month dates in the text, in order, skipping sentences about the future;
    lazily, so that a caller wanting the first one stops at it."""
    if not text or not ANY_DATE.search(text):
        return
    for sentence in SENTENCE.finditer(text):
        body = sentence.group()
        patterns = patterns_for(body)
        if not patterns or FUTURE.search(body):
            continue
        found = [
            stated
            for pattern in patterns
            for m in pattern.finditer(body)
            if (stated := stated_from_match(m, sentence.start()))
        ]
        yield from sorted(found, key=lambda d: d.start)


def patterns_for(text: str) -> list[re.Pattern[str]]:
    """The date patterns that can match the text: digits for most, a dot between digits for
    01.05.2017, a month in letters after an ordinal for «двадцать второго сентября»."""
    patterns: list[re.Pattern[str]] = []
    folded = text.casefold()
    russian_month = has_word(folded, RU_MONTH_WORDS)
    if DIGIT.search(text):
        if has_word(folded, EN_MONTH_WORDS):
            patterns += DATE_PATTERNS[:2]
        if russian_month:
            patterns.append(DATE_PATTERNS[2])
        if DOTTED.search(text):
            patterns.append(DATE_PATTERNS[3])
    if russian_month and has_word(folded, ORDINAL_ENDINGS):
        patterns.append(DATE_PATTERNS[4])
    return sorted(patterns, key=DATE_PATTERNS.index)  # the order of the list above


def stated_dates(text: str | None) -> list[StatedDate]:
    """Every day-and-month date in the text, in order, skipping sentences about the future."""
    return list(iter_stated_dates(text))


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


# Literals the patterns above need (casefolded): `in` rules a sentence out quickly.
# The ordinal dates need a month written in letters («мая», not any «ма…»).
RU_MONTH_WORDS = Literals(*(stem for stem in RU_MONTHS if stem != "ма"), "мая")
EN_MONTH_WORDS = Literals(*EN_MONTHS)
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
DIGIT = re.compile(r"\d")
RELATIVE_OR_WEEKDAY = Literals(*RELATIVE_WORDS, *WEEKDAY_WORDS)
# Without a digit, every date `sentence_date` reads needs one of these words.
DATE_WORDS = Literals(*RU_MONTH_WORDS, *RELATIVE_OR_WEEKDAY)


def has_word(folded: str, words: Literals) -> bool:
    """True when the casefolded text contains one of the literals."""
    return words.found_in(folded)


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
    folded = sentence.casefold()
    if not DIGIT.search(sentence) and not DATE_WORDS.found_in(folded):
        return None, "unknown"  # nothing below can match
    for pattern in patterns_for(sentence):
        for m in pattern.finditer(sentence):
            stated = stated_from_match(m)
            if stated is None:
                continue
            if stated.year is None and session is None and published is not None:
                resolved = _year_near(stated, published, ahead)
            else:
                resolved = resolve(stated, session, published.year if published else year, anchor)
            if resolved:
                return resolved, "stated"
    # "on the 24th": of the publication's month, else of the month the post itself dates
    month_of = published or (anchor.day if anchor is not None and anchor.side == "own" else None)
    nth = DAY_OF_MONTH.search(sentence) if month_of and "on the " in folded else None
    if nth and month_of:
        day = _day_of_month(int(nth.group("day")), month_of, ahead)
        if day:
            return day, "stated"
    if published is not None:
        relative = RELATIVE_DAY.search(sentence) if has_word(folded, RELATIVE_WORDS) else None
        if relative and relative.lastgroup:
            offset = RELATIVE_OFFSETS[relative.lastgroup]
            return published + timedelta(days=offset), "published" if offset == 0 else "inferred"
    weekday = WEEKDAY.search(sentence) if has_word(folded, WEEKDAY_WORDS) else None
    if weekday:
        number = weekday_number(weekday)
        if published is not None:  # the day it was written is the nearer evidence
            return _near_weekday(published, number, ahead), "inferred"
        if session is not None:
            return weekday_in_high_level_week(session, number), "inferred"
    return None, "unknown"


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
    if not text:
        return None, "unknown"
    folded = text.casefold()
    if not (  # the literal tests first: cheaper than the date patterns
        has_word(folded, RELATIVE_OR_WEEKDAY) or ANY_DATE.search(text)
    ):
        return None, "unknown"
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
