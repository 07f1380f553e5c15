"""What every sentence of a post shares when its meetings are read: its dates, its
language, its official, its flags and tags, its dateline, and the people it named before.
Each is found at most once per post, and only when a sentence needs it.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cached_property
from typing import Any

from sidelines.extract.countries import country_from_hashtag, leading_flags, partner_from_flags
from sidelines.extract.cues import fold, is_remote
from sidelines.extract.date_anchors import Anchor
from sidelines.extract.date_forms import YEAR_DIGITS, StatedDate
from sidelines.extract.datelines import Dateline, dateline, dateline_day, header_date
from sidelines.extract.hashtags import find_hashtags
from sidelines.extract.lang import LATIN, letters
from sidelines.extract.literals import Literals
from sidelines.extract.mention_rows import Mention
from sidelines.extract.officials import russian_official
from sidelines.extract.places import pinned_place
from sidelines.extract.sessions import session_year

RUSSIAN_LETTERS = re.compile("[а-яё]+", re.I)
RUSSIAN_FLAG = "\U0001f1f7\U0001f1fa"
YEAR = YEAR_DIGITS  # a year of four digits
DATELINE_PARTS = ("day", "month", "year", "start")
# The columns of a post row a context reads: rows are built with these alone, and the
# time-stamp as its day (only the day counts; a zoned datetime is slow to build in Python).
READS = (
    "post_id", "source_file", "line_start", "kind", "lang", "text", "translation_id",
    "published_at", "event_date", "event_precision", "unga_session", "anchor_day",
    "anchor_side", "dateline_place", *(f"dateline_{part}" for part in DATELINE_PARTS),
)  # fmt: skip


# What the Russian side does at a gathering of an organisation named as the subject.
TAKES_PART = Literals(
    "took part", "take part", "takes part", "taking part", "participat", "attended",
    "co-chaired", "chaired", "принял участие", "приняли участие", "участвовал",
    "председательствовал",
)  # fmt: skip


def _is_cyrillic(text: str) -> bool:
    return letters(RUSSIAN_LETTERS, text) >= letters(LATIN, text)


def _published(post: dict[str, Any]) -> date | None:
    value = post.get("published_at")
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


class PostContext:
    """What every sentence of a post shares, found at most once per post (so that a post of
    many sentences costs time in proportion to its length), and only when a sentence needs
    it."""

    def __init__(self, post: dict[str, Any]) -> None:
        self.post = post
        self.text: str = post.get("text") or ""
        # An article's time-stamp line dates it when no export did.
        self.published = _published(post)
        self.article = post.get("kind") == "article"
        if self.published is None and self.article:
            self.published = header_date(self.text)
        if self.published is None and not self.article and isinstance(post.get("event_date"), date):
            # a dump's post carries no time-stamp: the date line it opens with stands for it
            self.published = post["event_date"]
        self.session: int | None = post.get("unga_session")
        anchor_day = post.get("anchor_day")  # when the file says the post was written
        self.anchor = Anchor(anchor_day, post["anchor_side"]) if anchor_day else None
        # the post's own day and how it is told (`dates.event_day`), when extraction gave both
        precision = post.get("event_precision")
        self.event = (post.get("event_date"), precision) if precision else (None, "unknown")
        self.base: dict[str, Any] = {
            "post_id": post["post_id"],
            "lang": post.get("lang"),
            "source_file": post.get("source_file") or "",
            "line_start": post.get("line_start") or 0,
            "translation_id": post.get("translation_id"),
            "published": self.published,
        }
        lang = post.get("lang")
        self.cyrillic = lang == "ru" if lang else _is_cyrillic(self.text)
        # The sides of the post's earlier mentions by their people's surnames: a report names
        # a person in full once, then by surname ("Putin first met Pezeshkian in Ashgabat").
        self.known: dict[str, Mention] = {}

    def remember(self, m: Mention) -> None:
        """Keep a mention found, under its counterpart's surname."""
        if m.counterpart_name and m.format == "bilateral" and (m.country or m.org):
            surname = m.counterpart_name.split()[-1].strip(".,").casefold()
            if len(surname) > 2:
                self.known.setdefault(surname, m)

    def named_before(self, name: str | None) -> Mention | None:
        """The mention of a person the post named earlier, found by surname."""
        return self.known.get(name.split()[-1].strip(".,").casefold()) if name else None

    @cached_property
    def official(self) -> str | None:
        """The first Russian official of the table the post names."""
        return russian_official(self.text)

    @cached_property
    def takes_part(self) -> bool:
        """Some sentence says that someone takes part or chairs (read once per post)."""
        return TAKES_PART.found_in(fold(self.text))

    @cached_property
    def flags(self) -> list[str]:
        return leading_flags(self.text)

    @cached_property
    def russian_flag(self) -> bool:
        """The post opens with the Russian flag: a Russian channel's report."""
        return RUSSIAN_FLAG in self.flags

    @cached_property
    def fallback(self) -> tuple[str | None, str | None]:
        """The partner of the opening flag pair, else of the post's one bilateral tag."""
        found = partner_from_flags(self.flags)
        if found == (None, None):
            tagged = sorted({c for c in map(country_from_hashtag, find_hashtags(self.text)) if c})
            if len(tagged) == 1:
                found = (tagged[0], None)
        return found

    @cached_property
    def mentions_call(self) -> bool:
        """Some sentence of the post is about a call ("the ministers" may then be on it)."""
        return is_remote(self.text)

    @cached_property
    def pinned(self) -> str | None:
        return pinned_place(self.text) if "📍" in self.text else None

    @cached_property
    def dateline(self) -> Dateline | None:
        """The report's dateline: as extraction found it for the post's day, when it gave it."""
        if "dateline_place" not in self.post:
            return dateline(self.text, agency=self.article)
        if self.post["dateline_place"] is None:
            return None
        stated = StatedDate(*(self.post[f"dateline_{part}"] for part in DATELINE_PARTS))
        return Dateline(self.post["dateline_place"], stated)

    @cached_property
    def year(self) -> int | None:
        """The publication's year, else the first year the text states, else its session's."""
        if self.published:
            return self.published.year
        stated = YEAR.search(self.text)
        if stated:
            return int(stated.group())
        # the General Assembly session's opening year ("the 80th session": 2025)
        return session_year(self.session, 9) if self.session is not None else None

    @cached_property
    def dateline_date(self) -> date | None:
        line = self.dateline
        if line is None:
            return None
        return dateline_day(line, self.text, self.session, self.year, self.anchor)


def post_context(post: dict[str, Any]) -> PostContext:
    return PostContext(post)
