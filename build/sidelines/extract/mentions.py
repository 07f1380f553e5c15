"""What one post says about meetings: every meeting it reports as held or announces.

A mention is one post's view of one meeting; `meetings.py` merges the mentions of the
same meeting from different posts into one row. Every sentence is read: a sentence with a
meeting cue (`cues.py`), a Russian side and another side (`sides.py`) is a mention, dated
by its own words (`dates.sentence_date`), placed by its own words (`places.py`). Mentions
of one meeting within a post (a headline and its body) are combined into one.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from sidelines.extract.clauses import CLAUSE_WORDS, later_clauses
from sidelines.extract.cues import (
    LIST_HEADING,
    MEETING,
    MEETING_WORDS,
    RECEIVED,
    RECEIVED_WORDS,
    agreed_to_meet,
    any_cue,
    contact_mode,
    has_any,
    is_negated,
    is_planned,
)
from sidelines.extract.dates import sentence_date
from sidelines.extract.fastre import compile_guarded
from sidelines.extract.identity import same_counterpart, surname, title_only
from sidelines.extract.memo import SENTENCES
from sidelines.extract.mention_details import partner_mentions, without_dateline
from sidelines.extract.mention_rows import PRECISION_RANK, Mention
from sidelines.extract.officials import russian_participant
from sidelines.extract.post_context import PostContext, post_context
from sidelines.extract.post_sentences import PostSentences, text_sentences
from sidelines.extract.sentence_cues import meeting_cue
from sidelines.extract.sentence_mentions import russian_side, sentence_mentions
from sidelines.extract.sides import Partner, partners_in

BULLET = re.compile(r"^[ \t]*(?:[▪▫•◾◽🔹🔸►▶✅☑➖*·–—-]|\d{1,2}[.)])[\ufe0f]?[ \t]*")


def list_mentions(item: str, heading: str, ctx: PostContext) -> list[Mention]:
    """The meeting one item of a list names ("▪️ Foreign Minister of Malta Ian Borg") under a
    heading that announces meetings ("September 25: the Minister's bilateral contacts")."""
    russian, participant = russian_side(heading, len(heading), ctx)
    if not russian:
        return []
    words = BULLET.sub("", item)
    partners = list(partners_in(words, ctx.cyrillic))
    return partner_mentions(partners, "bilateral", heading, participant, ctx) if partners else []


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


LOOK_BACK = 3  # sentences a "same day" may point back over: a bound, not a scan


def _same_day(found: list[Mention], earlier: list[str], ctx: PostContext) -> list[Mention]:
    """The mentions of a "same day" sentence, given the day the nearest earlier sentence
    states when they have none of their own."""
    for sentence in reversed(earlier):
        stated = without_dateline(sentence, ctx)
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
    russian, participant = russian_side(sentence, len(sentence), ctx)
    if not russian and not found:
        return []
    if not found:
        return partner_mentions([Partner(*side, "")], "bilateral", sentence, participant, ctx)
    last = found[-1]  # the same two people meet again
    return [
        m._replace(counterpart_name=last.counterpart_name, counterpart_role=last.counterpart_role)
        for m in partner_mentions(
            [Partner(*side, "")],
            "bilateral",
            sentence,
            participant or last.russian_participant,
            ctx,
        )
    ]


def post_mentions(post: dict[str, Any]) -> list[Mention]:
    """Every meeting a post reports as held or announces as planned, one mention each."""
    return sentences_mentions(post, text_sentences(post.get("text")))


def sentences_mentions(post: dict[str, Any], read: PostSentences | None) -> list[Mention]:
    """`post_mentions` from the post's sentences and their cues, read before
    (`post_sentences`; None: the text has no cue)."""
    if read is None:
        return []  # no sentence can have a cue the whole text lacks
    ctx = post_context(post)
    found: list[Mention] = []
    by_side: dict[tuple[str | None, str | None, str, str, str], list[int]] = {}
    heading: str | None = None  # the sentence a list of meetings hangs from
    earlier: list[str] = []  # the last few sentences, for "the same day"
    for sentence, cued, agreed, same_day in zip(
        read.sentences, read.cued, read.agreed, read.same_day, strict=True
    ):
        if heading is not None and BULLET.match(sentence):
            found_here = list_mentions(sentence, heading, ctx)
        elif cued:
            found_here = sentence_mentions(sentence, ctx)
            for clause in cued_clauses(sentence):  # a second meeting joined to the first
                for m in found_here:
                    ctx.remember(m)
                found_here += sentence_mentions(clause, ctx, known=True)
            heading = sentence if not found_here and LIST_HEADING.search(sentence) else None
            if not found_here and found and _another_official(sentence, found[-1]):
                found_here = _anaphoric(sentence, found[-1], ctx)  # "the Minister was received"
            elif not found_here and refers_to_both(sentence) and (found or ctx.fallback[0]):
                found_here = _anaphoric(sentence, found[-1] if found else None, ctx)
        else:
            found_here, heading = [], None
        if not found_here and agreed and agreed_to_meet(sentence):
            found_here = _meet_again(sentence, found, ctx)
        if found_here and same_day:
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


@lru_cache(maxsize=SENTENCES)  # once per distinct sentence
def refers_to_both(sentence: str) -> bool:
    """True when the sentence names the two sides by a pronoun (`ANAPHOR`)."""
    return ANAPHOR.search(sentence) is not None


@lru_cache(maxsize=SENTENCES)  # once per distinct sentence
def official_meeting(sentence: str) -> str | None:
    """The Russian official a sentence with a meeting or reception word names, else None."""
    folded = sentence.casefold()
    if not (has_any(folded, RECEIVED_WORDS) or has_any(folded, MEETING_WORDS)):
        return None
    named, who = russian_participant(sentence, "")
    return who if named else None


@lru_cache(maxsize=SENTENCES)  # once per distinct sentence
def reports_meeting(sentence: str) -> bool:
    """True when the sentence has a meeting or reception word and denies no meeting."""
    cue = MEETING.search(sentence) or RECEIVED.search(sentence)
    return cue is not None and not is_negated(sentence)


def _another_official(sentence: str, last: Mention) -> bool:
    """True when a meeting sentence names a Russian official other than the one of the
    post's last mention: the guest met before is now met by another ("On the same day, the
    Minister was received by President Putin")."""
    if last.russian_participant is None or last.format != "bilateral":
        return False
    who = official_meeting(sentence)
    return who is not None and surname(who) != surname(last.russian_participant)


def _anaphoric(sentence: str, last: Mention | None, ctx: PostContext) -> list[Mention]:
    """The meeting a sentence reports of the sides named before it: those of the post's last
    mention, else of its flag pair; the sentence's own date, else the earlier meeting's."""
    if not reports_meeting(sentence):
        return []
    mode = contact_mode(sentence)
    _, participant = russian_participant(sentence, "")
    if last is None:
        partner, fmt = Partner(*ctx.fallback, ""), "bilateral"
        participant = participant or ctx.official
    else:
        partner = Partner(last.country, last.org, "")
        fmt, participant = last.format, participant or last.russian_participant
    found = partner_mentions([partner], fmt, sentence, participant, ctx, mode)
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


@lru_cache(maxsize=SENTENCES)  # once per distinct sentence, not once per post
def cued_clauses(sentence: str) -> tuple[str, ...]:
    """The clauses after the one holding the sentence's meeting word that have a cue of
    their own ("…, adding that he will meet X"): each may report another meeting."""
    return tuple(c for c in later_clauses(sentence, _cue_start(sentence)) if any_cue(c))


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
