"""The forms a stated date takes in a post: a day and a month in words, numbers or
abbreviations («21 сентября», «23 сен.», "Sept. 23", "01.05.2017"), ordinal days in words
(«двадцать второго сентября»), with or without a year. `dates.py` resolves them into days.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass

from sidelines.extract.fastre import compile_guarded
from sidelines.extract.literals import Literals

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


# Literals the patterns above need (casefolded): `in` rules a sentence out quickly.
# The ordinal dates need a month written in letters («мая», not any «ма…»).
RU_MONTH_WORDS = Literals(*(stem for stem in RU_MONTHS if stem != "ма"), "мая")
EN_MONTH_WORDS = Literals(*EN_MONTHS)


def has_word(folded: str, words: Literals) -> bool:
    """True when the casefolded text contains one of the literals."""
    return words.found_in(folded)


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
