"""What one post says about meetings: a held meeting it reports, engagements it announces.

A mention is one post's view of one meeting; `meetings.py` merges the mentions of the
same meeting from different posts into one row.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any, NamedTuple

import polars as pl

from sidelines.extract.countries import (
    countries_named,
    country_from_hashtag,
    leading_flags,
    partner_from_flags,
)
from sidelines.extract.dates import (
    DATE_PATTERNS,
    FUTURE,
    GENERAL_ASSEMBLY,
    StatedDate,
    month_number,
    resolve,
    weekday_in_high_level_week,
)
from sidelines.extract.fastre import compile_guarded
from sidelines.extract.hashtags import find_hashtags
from sidelines.extract.lang import LATIN, letters
from sidelines.extract.organisations import (
    names_head_of_organisation,
    organisations_named,
    without_organisations,
)
from sidelines.extract.people import (
    Counterpart,
    english_counterpart,
    russian_counterpart,
    russian_official,
    russian_participant,
)

SENTENCE_BREAK = compile_guarded(
    r"(?<=[.!?…])(?<!\b[A-ZА-ЯЁ]\.)(?<!\b[А-ЯЁ][а-яё]\.)(?<!\bSt\.)(?<!\bMr\.)(?<!\bDr\.)\s+|\n+"
)
HELD_BILATERAL = compile_guarded(
    r"\b(?:held|had|conducted)\s+(?:an?\s+)?(?:\w+\s+){0,2}?"
    r"(?:meeting|talks|conversation|discussion|consultations)\s+with\b"
    r"|\bmet\s+with\b|\bmet\s+(?=(?:the\s+)?[A-Z])|\bengaged\s+in\s+(?:\w+\s+)?talks\s+with\b"
    r"|\b(?:meeting|talks|conversation|consultations)\s+with\b"
    r"|(?<!\w)(?:встреч[аеиуы]|встретил\w*|переговор\w*|бесед[аеуы]|консультаци\w*)(?!\w)",
    re.I,
)
HELD_MULTILATERAL = compile_guarded(
    r"\b(?:took\s+part|participated)\s+in\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,4}?"
    r"(?:meeting|session|summit|conference|ministerial)\b"
    r"|\bministerial\s+meeting\b"
    r"|\bmeeting\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:ministers|leaders|heads)\b"
    r"|(?<!\w)(?:принял\w*\s+участие|участвовал\w*)\s+в\s+(?:[\w-]+\s+){0,4}?"
    r"(?:заседани\w*|встреч\w*|совещани\w*|саммит\w*|сесси\w*|конференци\w*)"
    r"|(?<!\w)(?:заседани\w*|совещани\w*|встреч\w*)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:министров|глав|лидеров|руководителей)(?!\w)",
    re.I,
)
REMOTE = compile_guarded(r"telephone|phone\s+call|by\s+phone|video\s*link|телефон|видеосвяз", re.I)
WITH_EN = compile_guarded(r"\b(?:with|met)\s+", re.I)
WITH_RU = compile_guarded(r"(?<!\w)(?:с|со)\s+")
STOP_EN = compile_guarded(
    r"\s(?:on|at|during|within|in|as|where|who|which|after|before|amid|via)\s|[;:(]|\s[-–—]\s"
)
STOP_RU = compile_guarded(
    r"\s(?:на\s+полях|в\s+рамках|в\s+ходе|в\s+кулуарах|по\s+случаю|по\s+итогам|где|котор\w*)\s"
    r"|\s(?:в|во)\s+[А-ЯЁ]|«|[;:]|\s[-–—]\s"
)
PLURAL_COUNTERPARTS = compile_guarded(
    r"\b(?:ministers|leaders|counterparts)\b|министрами|коллегами"
)
PROGRAMME = compile_guarded(r"\bprogramme\b|\bprogram\b|\bagenda\b|(?<!\w)в\s+программе", re.I)
ENGAGEMENT = compile_guarded(
    r"\b(?:address|take\s+part|participate|participation|meet|meetings?|talks|visit|attend)\b"
    r"|(?<!\w)(?:выступ\w*|участи\w*|встреч\w*|встрет\w*|переговор\w*|посет\w*|визит\w*)",
    re.I,
)
BILATERAL_PLAN = compile_guarded(r"\b(?:meet|talks)\s+with\b|встретится\s+с|переговоры\s+с", re.I)
MINISTER = compile_guarded(r"\bMinister\b|(?<!\w)Министр(?!\w)")
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
    r"\bon\s+(?P<en>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|(?<!\w)(?:в|во)\s+(?P<ru>понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)"
    r"(?!\w)",
    re.I,
)
YESTERDAY = compile_guarded(r"\byesterday\b|(?<!\w)вчера(?!\w)", re.I)
# After a pin, a place is the text up to a comma or the line's end, with no digit in it.
PIN_PLACE = re.compile(r"📍\s*+(?P<place>[^,\n\d]*+)")
IN_PLACE = compile_guarded(r"\bin\s+(?P<place>[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)?)\b")
NOT_PLACES = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|This|That)\b"
)
_SIDELINES_CUE = (
    r"«?на\s+полях»?|в\s+кулуарах|в\s+рамках|on\s+the\s+(?:sidelines|margins)\s+of|as\s+part\s+of"
)
_ASSEMBLY = r"(?:Ассамбле\w*|Генассамбле\w*|Assembly)(?:\s+ООН|\s+of\s+the\s+UN)?"
# A phrase naming the Assembly as the stage: a cue, then the Assembly before the next . or ;
# `blank_sidelines` applies it in linear time; the regex alone restarts at every cue.
SIDELINES = compile_guarded(rf"(?:{_SIDELINES_CUE})[^.;]*?{_ASSEMBLY}", re.I)
SIDELINES_CUE = compile_guarded(_SIDELINES_CUE, re.I)
ASSEMBLY_OR_STOP = compile_guarded(rf"(?P<assembly>{_ASSEMBLY})|[.;]", re.I)
RUSSIAN_LETTERS = re.compile("[а-яё]+", re.I)
UNGA_VENUE = "New York"  # the General Assembly sits at UN Headquarters


class Mention(NamedTuple):
    """One post's report (or announcement) of one meeting. A tuple: a million of them are
    built, sent between processes and cached, so they must be light and quick to pickle."""

    post_id: str
    lang: str | None
    source_file: str
    line_start: int
    translation_id: str | None
    published: date | None
    country: str | None
    org: str | None
    format: str
    status: str
    date: date | None
    date_precision: str
    unga_session: int | None
    russian_participant: str | None
    counterpart_name: str | None
    counterpart_role: str | None
    location: str | None


# The mentions of a file as a frame: how they travel between processes and sit in the cache.
MENTION_TYPES: dict[str, pl.DataType] = {
    "post_id": pl.String(),
    "lang": pl.String(),
    "source_file": pl.String(),
    "line_start": pl.Int64(),
    "translation_id": pl.String(),
    "published": pl.Date(),
    "country": pl.String(),
    "org": pl.String(),
    "format": pl.String(),
    "status": pl.String(),
    "date": pl.Date(),
    "date_precision": pl.String(),
    "unga_session": pl.Int64(),
    "russian_participant": pl.String(),
    "counterpart_name": pl.String(),
    "counterpart_role": pl.String(),
    "location": pl.String(),
}


def mentions_frame(mentions: list[Mention]) -> pl.DataFrame:
    """Mentions as a typed frame, one row each."""
    return pl.DataFrame(mentions, schema=MENTION_TYPES, orient="row")


def frame_mentions(frame: pl.DataFrame) -> list[Mention]:
    """The mentions of a frame made by `mentions_frame`, in its order."""
    return [Mention._make(row) for row in frame.iter_rows()]


@lru_cache(maxsize=4)  # a post's held and planned mentions read the same sentences
def sentences(text: str) -> tuple[str, ...]:
    """The text's sentences; initials (С.В.Лавров, St. Vincent) do not end one.

    >>> sentences("С.В.Лавров встретился с А. Бурханом. Talks in St. Vincent. Next")
    ('С.В.Лавров встретился с А. Бурханом.', 'Talks in St. Vincent.', 'Next')
    """
    return tuple(s.strip() for s in SENTENCE_BREAK.split(text) if s.strip())


def blank_sidelines(text: str) -> str:
    """`SIDELINES.sub(" ", text)` in one pass: a cue with no Assembly before the next stop
    fails, and so does every other cue before that stop, so the search resumes after it.

    >>> blank_sidelines("Talks on the sidelines of the General Assembly. On the sidelines of")
    'Talks  . On the sidelines of'
    """
    kept: list[str] = []
    done = resume = 0
    while (cue := SIDELINES_CUE.search(text, resume)) is not None:
        end = ASSEMBLY_OR_STOP.search(text, cue.end())
        if end is None:  # neither an Assembly nor a stop up to the end: no cue can match
            break
        if end.group("assembly") is not None:
            kept += [text[done : cue.start()], " "]
            done = end.end()
        resume = end.end()
    return "".join(kept) + text[done:]


def _clause(sentence: str, cue_end: int, cyrillic: bool) -> str:
    """The words naming the other side: after "with"/«с», up to a place or time phrase."""
    with_ = (WITH_RU if cyrillic else WITH_EN).search(sentence, max(cue_end - 6, 0))
    start = with_.end() if with_ else cue_end
    rest = sentence[start:]
    stop = (STOP_RU if cyrillic else STOP_EN).search(rest)
    return rest[: stop.start()] if stop else rest


def _is_cyrillic(text: str) -> bool:
    return letters(RUSSIAN_LETTERS, text) >= letters(LATIN, text)


@lru_cache(maxsize=4)  # asked once per meeting sentence of the post: read the post once
def _post_partner(post_text: str) -> tuple[str | None, str | None] | None:
    """The partner the whole post names: its opening flag pair, else its one bilateral
    hashtag; None when it names none."""
    country, org = partner_from_flags(leading_flags(post_text))
    if country or org:
        return country, org
    tagged = sorted({c for c in map(country_from_hashtag, find_hashtags(post_text)) if c})
    return (tagged[0], None) if len(tagged) == 1 else None


def _bilateral_partners(post_text: str, clause: str) -> list[tuple[str | None, str | None]]:
    """(country, org) pairs: the opening flag pair, else one bilateral hashtag, else the
    clause (an organisation whose head is met, else the countries it names)."""
    partner = _post_partner(post_text)
    if partner is not None:
        return [partner]
    orgs = organisations_named(clause)
    countries = countries_named(clause)
    if orgs and (names_head_of_organisation(clause) or not countries):
        return [(None, orgs[0])]
    if len(countries) > 1 and PLURAL_COUNTERPARTS.search(clause):
        return [(c, None) for c in countries]
    return [(countries[0], None)] if countries else []


def _weekday_date(text: str, session: int | None, published: date | None) -> date | None:
    for sentence in sentences(text):
        match = None if FUTURE.search(sentence) else WEEKDAY.search(sentence)
        if not match:
            continue
        weekday = WEEKDAYS[(match.group("en") or match.group("ru")).casefold()]
        if session is not None:
            return weekday_in_high_level_week(session, weekday)
        if published is not None:
            return published - timedelta(days=(published.weekday() - weekday) % 7)
    return None


def held_date(post: dict[str, Any], published: date | None) -> tuple[date | None, str]:
    """(date, precision) of the meeting a post reports: a stated day, a weekday in the
    session's high-level week (or the week before publication), the publication day."""
    if post.get("event_date"):
        return post["event_date"], "stated"
    text = post.get("text") or ""
    weekday = _weekday_date(text, post.get("unga_session"), published)
    if weekday is not None:
        return weekday, "inferred"
    if published is not None:
        if YESTERDAY.search(text):
            return published - timedelta(days=1), "inferred"
        return published, "published"
    return None, "unknown"


def pinned_place(text: str) -> str | None:
    """The place after the first 📍 that names one (up to a comma or the line's end, no
    digit). Each stretch is read once: pins before a digit all end at that digit.

    >>> pinned_place("📍 Нью-Йорк 22 сентября\\n📍 New York , USA")
    'New York'
    """
    resume = 0
    while (pin := PIN_PLACE.search(text, resume)) is not None:
        place, end = pin.group("place").strip(), pin.end()
        if place and (end == len(text) or text[end] in ",\n"):
            return place
        resume = max(end, pin.start() + 1)
    return None


_post_pinned_place = lru_cache(maxsize=4)(pinned_place)  # once per post, not per sentence


def _location(sentence: str, post_text: str, session: int | None) -> str | None:
    pinned = _post_pinned_place(post_text)
    if pinned:
        return pinned
    if not IN_PLACE.search(sentence):  # blanking organisations can only remove places
        return UNGA_VENUE if session is not None else None
    for match in IN_PLACE.finditer(without_organisations(sentence)):
        place = match.group("place")
        if not NOT_PLACES.match(place):
            return place
    return UNGA_VENUE if session is not None else None


def _published(post: dict[str, Any]) -> date | None:
    value = post.get("published_at")
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def _base(post: dict[str, Any]) -> dict[str, Any]:
    return {
        "post_id": post["post_id"],
        "lang": post.get("lang"),
        "source_file": post.get("source_file") or "",
        "line_start": post.get("line_start") or 0,
        "translation_id": post.get("translation_id"),
        "published": _published(post),
        "unga_session": post.get("unga_session"),
    }


def _counterpart(clause: str, cyrillic: bool) -> Counterpart:
    return russian_counterpart(clause) if cyrillic else english_counterpart(clause)


def held_mentions(post: dict[str, Any]) -> list[Mention]:
    """The meeting a post reports as held: the first sentence (not about the future, not a
    phone call) with a meeting cue, a Russian side and a counterpart."""
    text = post.get("text") or ""
    if not (HELD_BILATERAL.search(text) or HELD_MULTILATERAL.search(text)):
        return []  # no sentence can have a cue the whole text lacks
    dated: tuple[date | None, str] | None = None
    for sentence in sentences(text):
        multi = HELD_MULTILATERAL.search(sentence)
        bilateral = HELD_BILATERAL.search(sentence)
        if not (multi or bilateral) or FUTURE.search(sentence) or REMOTE.search(sentence):
            continue
        russian, participant = russian_participant(sentence, text)
        if not russian:
            continue
        cyrillic = _is_cyrillic(sentence)
        base = _base(post)
        if dated is None:  # the post's date, not the sentence's: found once
            dated = held_date(post, base["published"])
        when, precision = dated
        place = _location(sentence, text, post.get("unga_session"))
        common = base | {
            "status": "held",
            "date": when,
            "date_precision": precision,
            "russian_participant": participant,
            "location": place,
        }
        with_ = WITH_RU if cyrillic else WITH_EN
        if bilateral and with_.search(sentence, bilateral.start()):
            clause = _clause(sentence, bilateral.end(), cyrillic)
            partners = _bilateral_partners(text, clause)
            if partners:
                who = (
                    _counterpart(clause, cyrillic)
                    if len(partners) == 1
                    else Counterpart(None, None)
                )
                return [
                    Mention(
                        **common,
                        country=country,
                        org=org,
                        format="bilateral",
                        counterpart_name=who.name,
                        counterpart_role=who.role,
                    )
                    for country, org in partners
                ]
        if multi:
            clause = _clause(sentence, multi.start(), cyrillic)
            orgs = organisations_named(blank_sidelines(clause)) or organisations_named(
                blank_sidelines(sentence)
            )
            return [
                Mention(
                    **common,
                    country=None,
                    org=orgs[0] if orgs else None,
                    format="multilateral",
                    counterpart_name=None,
                    counterpart_role=None,
                )
            ]
    return []


def _sentence_date(sentence: str, session: int | None, published: date | None) -> date | None:
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(sentence):
            year = int(m.group("year")) if m.group("year") else None
            stated = StatedDate(int(m.group("day")), month_number(m.group("month")), year, 0)
            resolved = resolve(stated, session, published.year if published else None)
            if resolved:
                return resolved
    return None


def planned_mentions(post: dict[str, Any]) -> list[Mention]:
    """Engagements a post announces ("Lavrov will address the General Assembly",
    «С.В.Лавров примет участие в заседании СМИД ОДКБ»): status planned, one per counterpart."""
    text = post.get("text") or ""
    found: list[Mention] = []
    seen: set[tuple[str | None, str | None]] = set()
    if not ENGAGEMENT.search(text) or not (FUTURE.search(text) or PROGRAMME.search(text)):
        return found  # every planned mention needs an engagement word and a future or programme
    for sentence in sentences(text):
        if not (FUTURE.search(sentence) or PROGRAMME.search(sentence)):
            continue
        if not ENGAGEMENT.search(sentence) or REMOTE.search(sentence):
            continue
        if not (russian_official(sentence) or MINISTER.search(sentence)):
            continue
        stage = blank_sidelines(sentence)  # the session's margins are not the engagement
        orgs = organisations_named(stage)
        if not orgs and GENERAL_ASSEMBLY.search(stage):
            orgs = ["UN"]
        bilateral = BILATERAL_PLAN.search(sentence) is not None
        partners: list[tuple[str | None, str | None]] = [(None, o) for o in orgs]
        if bilateral:
            partners = [(c, None) for c in countries_named(sentence)] or partners[:1]
        base = _base(post)
        when = _sentence_date(sentence, post.get("unga_session"), base["published"])
        precision = "stated" if when else "unknown"
        if when is None and post.get("unga_session") is not None:
            weekday = WEEKDAY.search(sentence)
            if weekday:
                name = (weekday.group("en") or weekday.group("ru")).casefold()
                when = weekday_in_high_level_week(post["unga_session"], WEEKDAYS[name])
                precision = "inferred"
        _, participant = russian_participant(sentence, text)
        cyrillic = _is_cyrillic(sentence)
        for country, org in partners:
            if (country, org) in seen:
                continue
            seen.add((country, org))
            who = Counterpart(None, None)
            if bilateral and len(partners) == 1:
                cue = BILATERAL_PLAN.search(sentence)
                who = _counterpart(_clause(sentence, cue.end() if cue else 0, cyrillic), cyrillic)
            found.append(
                Mention(
                    **base,
                    country=country,
                    org=org,
                    format="bilateral" if bilateral else "multilateral",
                    status="planned",
                    date=when,
                    date_precision=precision,
                    russian_participant=participant,
                    counterpart_name=who.name,
                    counterpart_role=who.role,
                    location=None,
                )
            )
    return found


def post_mentions(post: dict[str, Any]) -> list[Mention]:
    """Every meeting a post reports as held or announces as planned."""
    return held_mentions(post) + planned_mentions(post)
