"""The meetings one sentence reports or announces: a meeting cue (`cues.py`), a Russian
side (named, or the post's official) and another side (`sides.py`), or a gathering of an
organisation the Russian side attends. Several states met one by one give one mention each.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from sidelines.extract.cues import (
    BOTH_SIDES,
    PAIR_ACTION,
    PAIR_ACTION_WORDS,
    contact_mode,
    is_negated,
    search,
    took_place,
)
from sidelines.extract.fastre import compile_guarded
from sidelines.extract.literals import Literals
from sidelines.extract.memo import SENTENCES
from sidelines.extract.mention_details import (
    clause_around,
    counterpart_of,
    is_person,
    partner_mentions,
)
from sidelines.extract.mention_rows import Mention
from sidelines.extract.officials import russian_participant
from sidelines.extract.organisations import names_head_of_organisation, organisations_named
from sidelines.extract.post_context import PostContext
from sidelines.extract.sentence_cues import attended_gathering, meeting_cue
from sidelines.extract.sentences import GENERAL_ASSEMBLY, SIDELINES_CUE, blank_sidelines
from sidelines.extract.sides import (
    OFFICE,
    WITH_EN,
    WITH_RU,
    Partner,
    other_side,
    pair_subject,
    partner_of,
    russia_paired,
)

# Several states met together rather than one by one.
JOINT = compile_guarded(
    r"\b(?:trilateral|joint|multilateral|format|quadrilateral)\b"
    r"|(?<!\w)(?:тр[её]хсторонн\w*|совместн\w*|многосторонн\w*|формат\w*|четыр[её]хсторонн\w*)",
    re.I,
)
RUSSIAN_OBJECT = compile_guarded(
    r"\bwith\s+(?:the\s+|his\s+|her\s+)?Russian\s+(?:\w+\s+){0,2}?"
    r"(?:minister|counterpart|colleague|ambassador|president|diplomat)"
    r"|(?<!\w)с\s+российск\w+\s+(?:\w+\s+){0,2}?(?:министр|коллег|посл|президент|дипломат)\w*",
    re.I,
)
# A subject that is a pronoun: the post's official, named before or not at all.
PRONOUN = compile_guarded(r"\b(?:he|she)\b|(?<!\w)(?:он|она)(?!\w)", re.I)
COUNTERPART = compile_guarded(r"\b(?:counterpart|colleague)s?\b|(?<!\w)коллег\w*", re.I)
PAIR = Literals("and", " и")  # a pair of sides is joined by one of these


def _unnamed(partner: Partner, cyrillic: bool) -> bool:
    """True when the words name no person and no head of the organisation."""
    if not partner.words or names_head_of_organisation(partner.words):
        return not partner.words
    return not counterpart_of(partner.words, cyrillic).name


def _someone(words: str, cyrillic: bool) -> bool:
    """True when the words name a person, or call them a counterpart («с коллегой»)."""
    return COUNTERPART.search(words) is not None or is_person(counterpart_of(words, cyrillic).name)


class SubjectSide(NamedTuple):
    """What a sentence's own words say of its Russian side, before the post is asked."""

    named: bool  # the sentence names a Russian official (`participant`)
    participant: str | None
    paired: bool  # the subject pairs the Russian side with another: the post's official
    other_state: bool  # another state's official is the subject …
    with_russian: bool  # … meeting "the Russian minister" as the object
    office: bool  # an office of no state is the subject («Министр провёл …»)
    own_first: bool  # a meeting noun names an office of no state first («встреча Посла …»)
    pronoun: bool  # "He also met …"


@lru_cache(maxsize=SENTENCES)  # once per distinct sentence: the post's part is `russian_side`'s
def subject_side(sentence: str, cue_start: int, cyrillic: bool) -> SubjectSide:
    """The Russian side as the sentence's words tell it, read only as far as it is told."""
    named, participant = russian_participant(sentence, "")
    if named:
        return SubjectSide(True, participant, False, False, False, False, False, False)
    subject = sentence[:cue_start]
    if pair_subject(subject, cyrillic):  # "the Russian minister and X had talks"
        return SubjectSide(False, None, True, False, False, False, False, False)
    if partner_of(subject)[0] and OFFICE.search(subject):
        with_russian = RUSSIAN_OBJECT.search(sentence, cue_start) is not None
        return SubjectSide(False, None, False, True, with_russian, False, False, False)
    return SubjectSide(
        False,
        None,
        False,
        False,
        False,
        OFFICE.search(subject) is not None,
        _own_official_named_first(sentence[cue_start:], cyrillic),
        PRONOUN.search(subject) is not None,
    )


def russian_side(sentence: str, cue_start: int, ctx: PostContext) -> tuple[bool, str | None]:
    """(the Russian side takes part, its name): named in the sentence, else the post's
    official when the sentence's subject is no other state's ("He also met …", "The
    minister will hold talks …", «Затем глава МИД провёл переговоры …»)."""
    side = subject_side(sentence, cue_start, ctx.cyrillic)
    if side.named:
        return True, side.participant
    if side.paired:
        return True, ctx.official
    if side.other_state:  # a meeting only "with the Russian minister"
        return (True, ctx.official) if side.with_russian else (False, None)
    if ctx.official:
        return True, ctx.official
    if ctx.russian_flag or side.office or side.own_first or side.pronoun:
        return True, None  # the post's own official, unnamed
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


def _multilateral_orgs(sentence: str) -> list[str]:
    """The organisations whose gathering the sentence's Russian side attends. The General
    Assembly is a session, not a meeting with the UN: neither its margins nor the session
    itself ("to lead the delegation at the 76th session of the UN General Assembly")."""
    stage = GENERAL_ASSEMBLY.sub(" ", blank_sidelines(sentence))
    return organisations_named(stage)


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


class Reading(NamedTuple):
    """What a meeting sentence says by its own words (`reading`); the post adds the rest."""

    cue: re.Match[str] | None  # the meeting word, or what a pair does ("… and … discussed")
    first: re.Match[str]  # the cue, else the gathering attended
    compound: tuple[str | None, str | None] | None  # «российско-вьетнамские»: Russia and X
    partners: tuple[Partner, ...]  # the other sides the words name
    words: str  # the words naming the other side, kept for a name and office
    gatherings: tuple[str, ...]  # organisations whose meeting the Russian side attends
    fmt: str  # bilateral, or multilateral when several states meet together


@lru_cache(maxsize=SENTENCES)  # once per distinct sentence, not once per post
def reading(sentence: str, cyrillic: bool) -> Reading | None:
    """The sentence's cue, sides and format as its words give them; None when it reports
    no meeting (no cue, or a denial)."""
    cue = meeting_cue(sentence)
    multi = attended_gathering(sentence)
    pair_only = False
    folded = sentence.casefold()
    if cue is None and multi is None and PAIR.found_in(folded):
        action = search(PAIR_ACTION, PAIR_ACTION_WORDS, sentence, folded)
        if action and pair_subject(sentence[: action.start()], cyrillic):
            cue, pair_only = action, True  # "Lavrov and Wang Yi discussed …"
    first = cue or multi
    if first is None or is_negated(sentence):
        return None
    compound = russia_paired(sentence, cue) if cue is not None else None
    partners: list[Partner] = []
    words = ""
    if cue is not None:
        partners, words = other_side(sentence, cue, cyrillic, pair_only)
    fmt = "bilateral"
    gatherings: list[str] = []
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
    return Reading(cue, first, compound, tuple(partners), words, tuple(gatherings), fmt)


def sentence_mentions(sentence: str, ctx: PostContext, known: bool = False) -> list[Mention]:
    """The meetings one sentence reports or announces (several when it names several
    states met one by one: "met A, B and C"). `known`: the sentence is a later clause of
    one that named its people in full, so a surname alone names one of them."""
    cyrillic = ctx.cyrillic
    read = reading(sentence, cyrillic)
    if read is None:
        return []
    russian, participant = russian_side(sentence, read.first.start(), ctx)
    if not russian and read.compound is None:  # «в формате Россия – ССАГПЗ» names Russia too
        return []
    cue, first, words, fmt = read.cue, read.first, read.words, read.fmt
    partners, gatherings = list(read.partners), list(read.gatherings)
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
        before = ctx.named_before(counterpart_of(words, cyrillic).name)
        if before is not None:  # a person the post named in full before
            partners = [Partner(before.country, before.org, words)]
    if cue is not None and not partners and not gatherings and _takes_part(ctx):
        # "The BRICS foreign ministers held their meeting … Lavrov took part"
        gatherings = organisations_named(blank_sidelines(sentence[: cue.start()]))
    if fmt == "bilateral" and partners and all(p.org and _unnamed(p, cyrillic) for p in partners):
        fmt = "multilateral"  # a gathering of an organisation, no one of it named
    clause = clause_around(sentence, first.start()) if ";" in sentence else sentence
    mode = contact_mode(sentence)
    found = partner_mentions(partners, fmt, clause, participant, ctx, mode) if partners else []
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
        found += partner_mentions(held_together, "multilateral", clause, participant, ctx, mode)
    return found


def _head_of_named_organisation(sentence: str, words: str) -> list[Partner]:
    """The other side as the head of an organisation the sentence named before ("…
    of the Arab League, then met with the organisation's Secretary-General"), a flag pair
    of the host state notwithstanding."""
    if not names_head_of_organisation(words):
        return []
    orgs = organisations_named(sentence)
    return [Partner(None, orgs[0], words)] if orgs else []
