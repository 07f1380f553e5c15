"""What one post says about meetings: every meeting it reports as held or announces.

A mention is one post's view of one meeting; `meetings.py` merges the mentions of the
same meeting from different posts into one row. Every sentence is read: a sentence with a
meeting cue (`cues.py`), a Russian side and another side (`sides.py`) is a mention, dated
by its own words (`dates.sentence_date`), placed by its own words (`places.py`). Mentions
of one meeting within a post (a headline and its body) are combined into one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from functools import cached_property, lru_cache
from typing import Any, NamedTuple

import polars as pl

from sidelines.extract.city_names import english_city
from sidelines.extract.clauses import CLAUSE_WORDS, later_clauses
from sidelines.extract.countries import country_from_hashtag, leading_flags, partner_from_flags
from sidelines.extract.cues import (
    BOTH_SIDES,
    LIST_HEADING,
    MEETING,
    MEETING_WORDS,
    PAIR_ACTION,
    PAIR_ACTION_WORDS,
    RECEIVED,
    RECEIVED_WORDS,
    agreed_to_meet,
    any_cue,
    contact_mode,
    fold,
    has_any,
    is_negated,
    is_planned,
    is_remote,
    search,
    took_place,
)
from sidelines.extract.date_anchors import Anchor
from sidelines.extract.datelines import Dateline, dateline, dateline_day, header_date
from sidelines.extract.dates import (
    MONTH_ABBREVIATIONS,
    YEAR_DIGITS,
    StatedDate,
    sentence_date,
    session_year,
)
from sidelines.extract.fastre import compile_guarded
from sidelines.extract.hashtags import find_hashtags
from sidelines.extract.identity import same_counterpart, surname, title_only
from sidelines.extract.lang import LATIN, letters
from sidelines.extract.literals import Literals
from sidelines.extract.organisations import names_head_of_organisation, organisations_named
from sidelines.extract.people import (
    Counterpart,
    english_counterpart,
    russian_counterpart,
    russian_official,
    russian_participant,
)
from sidelines.extract.places import UNGA_VENUE, pinned_place, sentence_place
from sidelines.extract.sentence_cues import attended_gathering, meeting_cue
from sidelines.extract.sides import (
    OFFICE,
    WITH_EN,
    WITH_RU,
    Partner,
    other_side,
    pair_subject,
    partner_of,
    partners_in,
    russia_paired,
)

# A month's abbreviation ends no sentence before a day ("on Dec. 5", «20 фев. 2018») or
# after one («23 сен. С.В.Лавров …»).
_NOT_AFTER_MONTH = "".join(rf"(?<!\b{re.escape(a)}\.)" for a in MONTH_ABBREVIATIONS)
_NOT_AFTER_DAY_MONTH = "".join(rf"(?<!\d\s{re.escape(a)}\.)" for a in MONTH_ABBREVIATIONS)
SENTENCE_BREAK = compile_guarded(
    r"(?<=[.!?…])(?<!\b[A-ZА-ЯЁ]\.)(?<!\b[А-ЯЁ][а-яё]\.)(?<!\bSt\.)(?<!\bMr\.)(?<!\bDr\.)"
    rf"(?<!\bг\.)(?<!\bгг\.){_NOT_AFTER_DAY_MONTH}(?:{_NOT_AFTER_MONTH}|(?=\s+[^\s\d]))\s+"
    r"|\n+"
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
# The General Assembly named with its organisation: «ГА ООН», "the UN General Assembly".
GENERAL_ASSEMBLY = compile_guarded(
    r"(?:Генеральн\w*\s+Ассамбле\w*|Генассамбле\w*|ГА)\s+ООН"
    r"|(?:UN|U\.N\.|United\s+Nations)\s+General\s+Assembly"
    r"|General\s+Assembly\s+of\s+the\s+(?:UN|United\s+Nations)",
    re.I,
)
# Several states met together rather than one by one.
JOINT = compile_guarded(
    r"\b(?:trilateral|joint|multilateral|format|quadrilateral)\b"
    r"|(?<!\w)(?:тр[её]хсторонн\w*|совместн\w*|многосторонн\w*|формат\w*|четыр[её]хсторонн\w*)",
    re.I,
)
RUSSIAN_LETTERS = re.compile("[а-яё]+", re.I)
BULLET = re.compile(r"^[ \t]*(?:[▪▫•◾◽🔹🔸►▶✅☑➖*·–—-]|\d{1,2}[.)])[\ufe0f]?[ \t]*")
RUSSIAN_OBJECT = compile_guarded(
    r"\bwith\s+(?:the\s+|his\s+|her\s+)?Russian\s+(?:\w+\s+){0,2}?"
    r"(?:minister|counterpart|colleague|ambassador|president|diplomat)"
    r"|(?<!\w)с\s+российск\w+\s+(?:\w+\s+){0,2}?(?:министр|коллег|посл|президент|дипломат)\w*",
    re.I,
)
# A subject that is a pronoun: the post's official, named before or not at all.
PRONOUN = compile_guarded(r"\b(?:he|she)\b|(?<!\w)(?:он|она)(?!\w)", re.I)
COUNTERPART = compile_guarded(r"\b(?:counterpart|colleague)s?\b|(?<!\w)коллег\w*", re.I)
DATELINE_SPAN = 40  # the day of a dateline comes within its first characters
DATELINE_DAY_FIRST = 8  # … or its month's name, when its place is cut off ("July 26 (")
DATELINE_END = re.compile(r"(?:[.)]|\s[-–—]|/)\s")
PAIR = Literals("and", " и")  # a pair of sides is joined by one of these
POSSESSIVE = re.compile(r"['’]s$")
RUSSIAN_FLAG = "\U0001f1f7\U0001f1fa"
YEAR = YEAR_DIGITS  # a year of four digits
PRECISION_RANK = {"stated": 0, "inferred": 1, "published": 2, "unknown": 3}


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
    mode: str
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
    "mode": pl.String(),
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


@lru_cache(maxsize=4)  # a post's sentences are read once per call of post_mentions
def sentences(text: str) -> tuple[str, ...]:
    """The text's sentences; initials (С.В.Лавров, St. Vincent) do not end one.

    >>> sentences("С.В.Лавров встретился с А. Бурханом. Talks in St. Vincent. Next")
    ('С.В.Лавров встретился с А. Бурханом.', 'Talks in St. Vincent.', 'Next')
    """
    return tuple(s.strip() for s in SENTENCE_BREAK.split(text) if s.strip())


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of `sentences(text)`, blanks included."""
    start = 0
    for gap in SENTENCE_BREAK.finditer(text):
        yield start, gap.start()
        start = gap.end()
    yield start, len(text)


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
        stated = StatedDate(
            *(self.post[f"dateline_{part}"] for part in ("day", "month", "year", "start"))
        )
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


def _context(post: dict[str, Any]) -> PostContext:
    return PostContext(post)


@lru_cache(maxsize=4096)  # once per distinct clause
def _counterpart(words: str, cyrillic: bool) -> Counterpart:
    return russian_counterpart(words) if cyrillic else english_counterpart(words)


def _unnamed(partner: Partner, cyrillic: bool) -> bool:
    """True when the words name no person and no head of the organisation."""
    if not partner.words or names_head_of_organisation(partner.words):
        return not partner.words
    return not _counterpart(partner.words, cyrillic).name


def _someone(words: str, cyrillic: bool) -> bool:
    """True when the words name a person, or call them a counterpart («с коллегой»)."""
    return COUNTERPART.search(words) is not None or _is_person(_counterpart(words, cyrillic).name)


def _is_person(name: str | None) -> bool:
    """A name, not an office in the plural ("the Presidents") or a possessive state."""
    return bool(name) and not OFFICE.fullmatch(name or "") and not POSSESSIVE.search(name or "")


def _russian_side(sentence: str, cue_start: int, ctx: PostContext) -> tuple[bool, str | None]:
    """(the Russian side takes part, its name): named in the sentence, else the post's
    official when the sentence's subject is no other state's ("He also met …", "The
    minister will hold talks …", «Затем глава МИД провёл переговоры …»)."""
    named, participant = russian_participant(sentence, "")
    if named:
        return True, participant
    subject = sentence[:cue_start]
    if pair_subject(subject, ctx.cyrillic):  # "the Russian minister and X had talks"
        return True, ctx.official
    if partner_of(subject)[0] and OFFICE.search(subject):
        # another state's official is the subject: a meeting only "with the Russian minister"
        with_russian = RUSSIAN_OBJECT.search(sentence, cue_start)
        return (True, ctx.official) if with_russian else (False, None)
    if ctx.official:
        return True, ctx.official
    if ctx.russian_flag or OFFICE.search(subject):  # «Министр провёл переговоры …»
        return True, None
    if _own_official_named_first(sentence[cue_start:], ctx.cyrillic):
        return True, None
    if PRONOUN.search(subject):  # "He also met with …": the post's own official, unnamed
        return True, None
    return False, None


def _own_official_named_first(cued: str, cyrillic: bool) -> bool:
    """True when a meeting noun names its first side by an office of no other state before
    «с»/"with" («встреча Посла Д.Ю.Алипова с …», "the meeting of Ambassador X with …"): in a
    Russian channel or agency report an official of no stated country is Russia's own."""
    joined = (WITH_RU if cyrillic else WITH_EN).search(cued)
    if joined is None:
        return False
    first = cued[: joined.start()]
    return OFFICE.search(first) is not None and partner_of(first) == (None, None)


def _without_dateline(sentence: str, ctx: PostContext) -> str:
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
    sentence = _without_dateline(sentence, ctx)
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


def _clause(sentence: str, at: int) -> str:
    """The clause of the sentence around `at`: the words between semicolons are each their
    own report ("… held talks with X; he first met X in Y on 11 October"), and a date or
    place of another clause is another event's."""
    start = sentence.rfind(";", 0, at) + 1
    end = sentence.find(";", at)
    return sentence[start : end if end >= 0 else len(sentence)]


def _multilateral_orgs(sentence: str) -> list[str]:
    """The organisations whose gathering the sentence's Russian side attends. The General
    Assembly is a session, not a meeting with the UN: neither its margins nor the session
    itself ("to lead the delegation at the 76th session of the UN General Assembly")."""
    stage = GENERAL_ASSEMBLY.sub(" ", blank_sidelines(sentence))
    return organisations_named(stage)


# What the Russian side does at a gathering of an organisation named as the subject.
TAKES_PART = Literals(
    "took part", "take part", "takes part", "taking part", "participat", "attended",
    "co-chaired", "chaired", "принял участие", "приняли участие", "участвовал",
    "председательствовал",
)  # fmt: skip
GATHERING_NOUN = compile_guarded(
    r"^(?:ministerial|meeting|заседани|совещани|встреч)", re.I
)  # a match that opens with its noun: the organisation comes just before it
NOUN_PHRASE = 40  # characters before such a noun its organisation may stand


def _takes_part(ctx: PostContext) -> bool:
    """The post names a Russian official and says that someone takes part or chairs."""
    return ctx.official is not None and ctx.takes_part


def _organisation_before(sentence: str, multi: re.Match[str]) -> list[str]:
    """The organisation just before a gathering's noun ("co-chaired the Russia-ASEAN
    ministerial meeting"), unless those words are the margins of something else."""
    if not GATHERING_NOUN.match(multi.group()):
        return []
    before = sentence[max(0, multi.start() - NOUN_PHRASE) : multi.start()]
    return [] if SIDELINES_CUE.search(before) else organisations_named(before)[-1:]


def sentence_mentions(sentence: str, ctx: PostContext, known: bool = False) -> list[Mention]:
    """The meetings one sentence reports or announces (several when it names several
    states met one by one: "met A, B and C"). `known`: the sentence is a later clause of
    one that named its people in full, so a surname alone names one of them."""
    cue = meeting_cue(sentence)
    multi = attended_gathering(sentence)
    pair_only = False
    folded = sentence.casefold()
    if cue is None and multi is None and PAIR.found_in(folded):
        action = search(PAIR_ACTION, PAIR_ACTION_WORDS, sentence, folded)
        if action and pair_subject(sentence[: action.start()], ctx.cyrillic):
            cue, pair_only = action, True  # "Lavrov and Wang Yi discussed …"
    first = cue or multi
    if first is None or is_negated(sentence):
        return []
    russian, participant = _russian_side(sentence, first.start(), ctx)
    compound = russia_paired(sentence, cue) if cue is not None else None
    if not russian and compound is None:  # «в формате Россия – ССАГПЗ» names Russia too
        return []
    cyrillic = ctx.cyrillic
    partners: list[Partner] = []
    words = ""
    if cue is not None:
        partners, words = other_side(sentence, cue, cyrillic, pair_only)
    fmt = "bilateral"
    gatherings: list[str] = []  # organisations whose meeting the Russian side attends
    if multi is not None:
        gatherings = (
            _multilateral_orgs(sentence[multi.start() :])
            or _organisation_before(sentence, multi)
            or [p.org for p in partners if p.org]
        )
        partners = [p for p in partners if not (p.org and p.org in gatherings)]
    if len(partners) > 1 and JOINT.search(sentence):
        fmt = "multilateral"  # "a trilateral meeting with the ministers of A and B"
    if not partners and not gatherings and cue is not None and words.strip():
        partners = _head_of_named_organisation(sentence, words)
    if not partners and not gatherings and compound is not None:
        partners = [Partner(*compound, "")]  # «прошли российско-вьетнамские консультации»
    fallback = not partners and not gatherings and ctx.fallback != (None, None)
    subject = sentence[: cue.start()] if cue is not None else None
    fallback = fallback and subject is not None
    if fallback and words.strip() and _someone(words, cyrillic):
        partners = [Partner(*ctx.fallback, words)]  # someone of the flag's or tag's state
    elif fallback and not ctx.mentions_call and BOTH_SIDES.match(subject or ""):
        partners = [Partner(*ctx.fallback, "")]  # "The ministers agreed to meet again"
    elif fallback and not ctx.mentions_call and not words.strip(" .,;") and took_place(sentence):
        partners = [Partner(*ctx.fallback, "")]  # «🇷🇺🇦🇲 В Москве состоялись консультации»
    before: Mention | None = None
    if not partners and not gatherings and cue is not None and words.strip() and known:
        before = ctx.named_before(_counterpart(words, cyrillic).name)
        if before is not None:  # a person the post named in full before
            partners = [Partner(before.country, before.org, words)]
    if cue is not None and not partners and not gatherings and _takes_part(ctx):
        # "The BRICS foreign ministers held their meeting … Lavrov took part"
        gatherings = organisations_named(blank_sidelines(sentence[: cue.start()]))
    if fmt == "bilateral" and partners and all(p.org and _unnamed(p, cyrillic) for p in partners):
        fmt = "multilateral"  # a gathering of an organisation, no one of it named
    clause = _clause(sentence, first.start()) if ";" in sentence else sentence
    mode = contact_mode(sentence)
    found = _mentions(partners, fmt, clause, participant, ctx, mode) if partners else []
    if before is not None:  # the person's full name and office, as first given
        found = [
            m._replace(
                counterpart_name=before.counterpart_name,
                counterpart_role=m.counterpart_role or before.counterpart_role,
            )
            for m in found
        ]
    if gatherings:
        held_together = [Partner(None, org, "") for org in dict.fromkeys(gatherings)]
        found += _mentions(held_together, "multilateral", clause, participant, ctx, mode)
    return found


def _head_of_named_organisation(sentence: str, words: str) -> list[Partner]:
    """The other side as the head of an organisation the sentence named before ("…
    of the Arab League, then met with the organisation's Secretary-General"), a flag pair
    of the host state notwithstanding."""
    if not names_head_of_organisation(words):
        return []
    orgs = organisations_named(sentence)
    return [Partner(None, orgs[0], words)] if orgs else []


def _mentions(
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
            who = _counterpart(partner.words, cyrillic)
        role = who.role if who.role and OFFICE.search(who.role) else None
        name = who.name if _is_person(who.name) else None
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


def list_mentions(item: str, heading: str, ctx: PostContext) -> list[Mention]:
    """The meeting one item of a list names ("▪️ Foreign Minister of Malta Ian Borg") under a
    heading that announces meetings ("September 25: the Minister's bilateral contacts")."""
    russian, participant = _russian_side(heading, len(heading), ctx)
    if not russian:
        return []
    words = BULLET.sub("", item)
    partners = list(partners_in(words, ctx.cyrillic))
    return _mentions(partners, "bilateral", heading, participant, ctx) if partners else []


def _rank(mention: Mention, ctx: PostContext) -> int:
    """How well the mention's date is told: a dateline's day dates the report, not the
    meeting, so a day the body gives itself ("met on Thursday evening") is better."""
    if mention.date_precision == "stated" and mention.date == ctx.dateline_date:
        return PRECISION_RANK["published"]
    return PRECISION_RANK[mention.date_precision]


def _combine(kept: Mention, other: Mention, ctx: PostContext) -> Mention:
    """Two mentions of one meeting in one post (a headline and its body): the better date,
    and every detail either gives."""
    better, worse = (other, kept) if _rank(other, ctx) < _rank(kept, ctx) else (kept, other)
    return better._replace(
        counterpart_name=better.counterpart_name or worse.counterpart_name,
        counterpart_role=better.counterpart_role or worse.counterpart_role,
        location=better.location or worse.location,
        russian_participant=_named_first(better.russian_participant, worse.russian_participant),
        unga_session=better.unga_session if better.unga_session is not None else worse.unga_session,
    )


def _named_first(a: str | None, b: str | None) -> str | None:
    """The Russian side by name rather than by office alone («Сергей Лавров» over «Глава
    МИД России»)."""
    if a and b and title_only(a) and not title_only(b):
        return b
    return a or b


# "The same day": the day of an earlier sentence of the post ("On September 23 … Also in the
# Minister's schedule for the day are meetings with …", «Ранее в тот же день …»).
SAME_DAY = Literals(
    "same day", "that day", "for the day", "в тот же день", "в этот же день", "в этот день",
    "в тот день", "того же дня", "этого же дня", "later in the day", "earlier in the day",
)  # fmt: skip
LOOK_BACK = 3  # sentences a "same day" may point back over: a bound, not a scan


def _same_day(found: list[Mention], earlier: list[str], ctx: PostContext) -> list[Mention]:
    """The mentions of a "same day" sentence, given the day the nearest earlier sentence
    states when they have none of their own."""
    for sentence in reversed(earlier):
        stated = _without_dateline(sentence, ctx)
        when, precision = sentence_date(
            stated, ctx.session, ctx.published, is_planned(stated), ctx.year, ctx.anchor
        )
        if when is not None and precision in ("stated", "inferred"):
            return [
                m._replace(date=when, date_precision=precision)
                if m.date_precision in ("published", "unknown")
                else m
                for m in found
            ]
    return found


def _dated_by_post(found: list[Mention], ctx: PostContext) -> list[Mention]:
    """The held meetings of a post's opening sentence (its title or summary: «Встреча
    С.В.Лаврова с …», then «24 сентября Министр и … обсудили …») take the post's own day
    when their sentence gives none: the post is about them."""
    day, precision = ctx.event
    if day is None:
        return found
    return [
        m._replace(date=day, date_precision=precision)
        if m.status == "held" and m.date_precision in ("published", "unknown")
        else m
        for m in found
    ]


def _meet_again(sentence: str, found: list[Mention], ctx: PostContext) -> list[Mention]:
    """The planned meeting of a sentence in which both sides agree to meet again: with the
    side of the post's last meeting, else of its flags or tag («Следующую встречу лидеры
    условились провести в Казани»)."""
    side = (found[-1].country, found[-1].org) if found else ctx.fallback
    if side == (None, None):
        return []
    russian, participant = _russian_side(sentence, len(sentence), ctx)
    if not russian and not found:
        return []
    if not found:
        return _mentions([Partner(*side, "")], "bilateral", sentence, participant, ctx)
    last = found[-1]  # the same two people meet again
    return [
        m._replace(counterpart_name=last.counterpart_name, counterpart_role=last.counterpart_role)
        for m in _mentions(
            [Partner(*side, "")],
            "bilateral",
            sentence,
            participant or last.russian_participant,
            ctx,
        )
    ]


def post_mentions(post: dict[str, Any]) -> list[Mention]:
    """Every meeting a post reports as held or announces as planned, one mention each."""
    text = post.get("text") or ""
    if not text or not any_cue(text):
        return []  # no sentence can have a cue the whole text lacks
    ctx = _context(post)
    found: list[Mention] = []
    by_side: dict[tuple[str | None, str | None, str, str, str], list[int]] = {}
    heading: str | None = None  # the sentence a list of meetings hangs from
    earlier: list[str] = []  # the last few sentences, for "the same day"
    for start, end in sentence_spans(text):
        sentence = text[start:end].strip()
        if not sentence:
            continue
        if heading is not None and BULLET.match(sentence):
            found_here = list_mentions(sentence, heading, ctx)
        elif any_cue(sentence):
            found_here = sentence_mentions(sentence, ctx)
            for clause in later_clauses(sentence, _cue_start(sentence)):
                if any_cue(clause):  # a second meeting joined to the first ("…, adding that")
                    for m in found_here:
                        ctx.remember(m)
                    found_here += sentence_mentions(clause, ctx, known=True)
            heading = sentence if not found_here and LIST_HEADING.search(sentence) else None
            if not found_here and found and _another_official(sentence, found[-1]):
                found_here = _anaphoric(sentence, found[-1], ctx)  # "the Minister was received"
            elif not found_here and ANAPHOR.search(sentence) and (found or ctx.fallback[0]):
                found_here = _anaphoric(sentence, found[-1] if found else None, ctx)
        else:
            found_here, heading = [], None
        if not found_here and agreed_to_meet(sentence):
            found_here = _meet_again(sentence, found, ctx)
        if found_here and SAME_DAY.found_in(sentence.casefold()):
            found_here = _same_day(found_here, earlier, ctx)
        if found_here and not earlier:
            found_here = _dated_by_post(found_here, ctx)
        earlier = [*earlier[1 - LOOK_BACK :], sentence]
        for m in found_here:
            key = (m.country, m.org, m.status, m.format, m.mode)
            recent = by_side.get(key, [])[-8:]  # a bound: repeated sentences cost no more
            same = next((i for i in recent if _same_meeting(found[i], m)), None)
            if same is None:
                by_side.setdefault(key, []).append(len(found))
                found.append(m)
            else:
                found[same] = _combine(found[same], m, ctx)
            ctx.remember(m)
    return found


# The two sides named by a pronoun: "It was their first meeting", "The two top diplomats
# previously met in …", "they agreed to meet again", «Стороны договорились о встрече».
ANAPHOR = compile_guarded(
    r"\b(?:their|they|the\s+two|both\s+(?:sides|ministers|leaders|diplomats)|each\s+other)\b"
    r"|(?<!\w)(?:они|стороны|обе\s+стороны)(?!\w)",
    re.I,
)


def _another_official(sentence: str, last: Mention) -> bool:
    """True when a meeting sentence names a Russian official other than the one of the
    post's last mention: the guest met before is now met by another ("On the same day, the
    Minister was received by President Putin")."""
    if last.russian_participant is None or last.format != "bilateral":
        return False
    folded = sentence.casefold()
    if not (has_any(folded, RECEIVED_WORDS) or has_any(folded, MEETING_WORDS)):
        return False
    named, who = russian_participant(sentence, "")
    return named and who is not None and surname(who) != surname(last.russian_participant)


def _anaphoric(sentence: str, last: Mention | None, ctx: PostContext) -> list[Mention]:
    """The meeting a sentence reports of the sides named before it: those of the post's last
    mention, else of its flag pair; the sentence's own date, else the earlier meeting's."""
    cue = MEETING.search(sentence) or RECEIVED.search(sentence)
    if cue is None or is_negated(sentence):
        return []
    mode = contact_mode(sentence)
    _, participant = russian_participant(sentence, "")
    if last is None:
        partner, fmt = Partner(*ctx.fallback, ""), "bilateral"
        participant = participant or ctx.official
    else:
        partner = Partner(last.country, last.org, "")
        fmt, participant = last.format, participant or last.russian_participant
    found = _mentions([partner], fmt, sentence, participant, ctx, mode)
    if last is None:
        return found
    named = [
        m._replace(counterpart_name=last.counterpart_name, counterpart_role=last.counterpart_role)
        for m in found
    ]
    return [
        m._replace(date=last.date, date_precision=last.date_precision)
        if m.date_precision in ("published", "unknown") and m.status == last.status
        else m
        for m in named
    ]


def _cue_start(sentence: str) -> int:
    """Where the sentence's first meeting word starts (0 when it has no joint to read past):
    the clauses after it are read again, the one holding it is the sentence's own."""
    if not CLAUSE_WORDS.found_in(sentence.casefold()):
        return 0
    cue = meeting_cue(sentence)
    return cue.start() if cue else 0


def _same_meeting(one: Mention, other: Mention) -> bool:
    """True when two mentions of one post can be one meeting: the same counterpart, and no
    two different days each of them states ("held talks with X; first met X on 11 October")."""
    own = ("stated", "inferred")
    dated = one.date_precision in own and other.date_precision in own
    return same_counterpart(one, other) and not (dated and one.date != other.date)
