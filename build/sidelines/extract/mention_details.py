"""The fields of a meeting mention: counterpart, date, place and status, read from the
sentence that reports the meeting (or the heading of a list of meetings) and the post's
context. A date or place of a neighbouring sentence or clause is another event's.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from sidelines.extract.city_names import english_city
from sidelines.extract.cues import is_planned
from sidelines.extract.dates import sentence_date
from sidelines.extract.memo import PHRASES
from sidelines.extract.mention_rows import Mention
from sidelines.extract.people import Counterpart, english_counterpart, russian_counterpart
from sidelines.extract.places import UNGA_VENUE, sentence_place
from sidelines.extract.post_context import PostContext
from sidelines.extract.sessions import session_year
from sidelines.extract.sides import OFFICE, Partner, partner_of

DATELINE_SPAN = 40  # the day of a dateline comes within its first characters
DATELINE_DAY_FIRST = 8  # … or its month's name, when its place is cut off ("July 26 (")
DATELINE_END = re.compile(r"(?:[.)]|\s[-–—]|/)\s")
POSSESSIVE = re.compile(r"['’]s$")


@lru_cache(maxsize=PHRASES)  # once per distinct clause
def counterpart_of(words: str, cyrillic: bool) -> Counterpart:
    return russian_counterpart(words) if cyrillic else english_counterpart(words)


def is_person(name: str | None) -> bool:
    """A name, not an office in the plural ("the Presidents") or a possessive state."""
    return bool(name) and not OFFICE.fullmatch(name or "") and not POSSESSIVE.search(name or "")


def without_dateline(sentence: str, ctx: PostContext) -> str:
    """The sentence without the dateline it opens with ("KAZAN, October 23 (RIA Novosti) -"):
    the agency's day is not the sentence's own."""
    line = ctx.dateline
    if line is None:
        return sentence
    # "VIENTIANE. July 26 (Interfax) -": the place may stand as a sentence of its own
    placed = sentence.casefold().startswith(line.place.casefold()[:4])
    cut = sentence.find(str(line.stated.day), len(line.place) if placed else 0)
    if not placed and cut > DATELINE_DAY_FIRST:
        return sentence
    if cut < 0 or cut > DATELINE_SPAN:
        return sentence
    stop = DATELINE_END.search(sentence, cut)
    return sentence[stop.end() :] if stop else sentence


def _date(
    sentence: str, session: int | None, planned: bool, ctx: PostContext
) -> tuple[date | None, str]:
    """The sentence's own date; a held meeting without one takes the dateline's day, else
    the publication day. A date in a neighbouring sentence is another event's."""
    sentence = without_dateline(sentence, ctx)
    when, precision = sentence_date(sentence, session, ctx.published, planned, ctx.year, ctx.anchor)
    if planned and when is not None and ctx.published is not None and when < ctx.published:
        return None, "unknown"  # an announcement is of a day to come: this one is not
    if when is not None or planned:
        return when, precision
    if ctx.dateline_date is not None:
        return ctx.dateline_date, "stated"
    if ctx.published is not None:
        return ctx.published, "published"
    return None, "unknown"


def _place(sentence: str, cyrillic: bool, ctx: PostContext) -> tuple[str | None, int | None]:
    """(location, session): the sentence's city, the 📍 line, New York for the General
    Assembly, the dateline's city; a meeting placed away from New York is no session's."""
    place = sentence_place(sentence, cyrillic) or ctx.pinned
    session = ctx.session
    if place is not None:
        if session is not None and place not in (UNGA_VENUE, "Нью-Йорк"):
            session = None
        return place, session
    if session is not None:
        return UNGA_VENUE, session
    if ctx.dateline is not None and not partner_of(ctx.dateline.place)[0]:
        return ctx.dateline.place, session
    return None, session


def clause_around(sentence: str, at: int) -> str:
    """The clause of the sentence around `at`: the words between semicolons are each their
    own report ("… held talks with X; he first met X in Y on 11 October"), and a date or
    place of another clause is another event's."""
    start = sentence.rfind(";", 0, at) + 1
    end = sentence.find(";", at)
    return sentence[start : end if end >= 0 else len(sentence)]


def partner_mentions(
    partners: list[Partner],
    fmt: str,
    context: str,
    participant: str | None,
    ctx: PostContext,
    mode: str = "in_person",
) -> list[Mention]:
    """One mention per partner, dated, placed and given a status by the `context` sentence
    (the meeting's own, or the heading of a list of meetings), held in `mode`."""
    cyrillic = ctx.cyrillic
    planned = is_planned(context)
    place, session = _place(context, cyrillic, ctx)
    place = english_city(place) if place else None
    when, precision = _date(context, session, planned, ctx)
    if session is not None and when is not None and session_year(session, when.month) != when.year:
        session = None  # a meeting outside the session's year is no meeting of the session
    found = []
    for partner in partners:
        who = Counterpart(None, None)
        if partner.words and fmt == "bilateral":
            who = counterpart_of(partner.words, cyrillic)
        role = who.role if who.role and OFFICE.search(who.role) else None
        name = who.name if is_person(who.name) else None
        found.append(
            Mention(
                **ctx.base,
                country=partner.country,
                org=partner.org,
                format=fmt,
                status="planned" if planned else "held",
                mode=mode,
                date=when,
                date_precision=precision,
                unga_session=session,
                russian_participant=participant,
                counterpart_name=name,
                counterpart_role=role,
                location=place,
            )
        )
    return found
