"""The sides of a meeting sentence: where the other side is written, split one per state.

A sentence names the other side after "with"/«с» ("held talks with X"), after the verb of
receiving ("received X", «принял X»; "was received by X"), as the subject when the Russian
side is received ("X received Lavrov", «Лаврова принял X»), or as the other member of a pair
("X and Lavrov held talks", "talks between X and Y", «встреча X и Y»). Whatever the form,
the words are cut before a place, a time or a topic, split at commas and "and"/«и» where
each part names another state ("met A, B and C" is three meetings), and the parts that
are the Russian side are dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from sidelines.extract.countries import countries_named
from sidelines.extract.fastre import compile_guarded
from sidelines.extract.gazetteer import ORGANISATION, names_in
from sidelines.extract.memo import PHRASES, SENTENCES
from sidelines.extract.officials import russian_official, russian_participant
from sidelines.extract.organisations import names_head_of_organisation, organisations_named

WITH_EN = compile_guarded(r"\b(?:with|between|by)\s+", re.I)
WITH_RU = compile_guarded(r"(?<!\w)(?:с|со|между)\s+")
# A dash between two titles of one person joins them ("Deputy Prime Minister – Minister of
# Foreign Affairs", «Заместитель Председателя Правительства – министр иностранных дел»).
SECOND_TITLE = (
    r"(?!(?i:the\s+)?(?i:Foreign|Minister|Secretary|Deputy|Vice|Chair|Head|President|Prime"
    r"|министр|глав|председател|заместител|генеральн|секретар|руководител))"
)
# Where the words about the other side end: a place, a time, a topic, a purpose.
STOP_EN = compile_guarded(
    r"\s(?:on|at|during|within|in|as|where|who|which|after|before|amid|via|to\s+discuss"
    r"|discussed|focused|about|regarding|concerning|over|from\s+\d|held|took|has|have"
    r"|had|was|were|is|are|will|the\s+sides|the\s+parties|including)\s|[;:]"
    rf"|\s[-–—]\s{SECOND_TITLE}"
    # "to" ends the words unless it names where an envoy serves ("Ambassador to Russia X")
    r"|\sto\s(?!(?:the\s+)?[A-Z])"
    r"|,\s+[^,]{0,40}?\b(?:said|told|noted|added|stressed|announced|reported)\b"
)
STOP_RU = compile_guarded(
    r"\s(?:на\s+полях|в\s+рамках|в\s+ходе|в\s+кулуарах|по\s+случаю|по\s+итогам|где|котор\w*"
    r"|обсудил\w*|обсуждал\w*|обменял\w*|о\s|об\s|для\s"
    r"|состоял\w*|состоявш\w*|прош[лё]\w*|провел\w*|провёл\w*|проведет|проведёт|пройд\w*|состоится|состоятся"
    r"|прибыл\w*|накануне|сегодня|вчера|был\w*|обсужд\w*|стороны|включая|подтвер\w*|отмет\w*"
    r"|выразил\w*|рассмотр\w*|затрон\w*|сообщил\w*|заявил\w*|сказал\w*|\d(?!\d*-[а-яё]))"
    rf"|\s(?:в|во)\s+[А-ЯЁ]|«|[;:]|\s[-–—]\s{SECOND_TITLE}"
)
# Before the cue, the sides are the last words: what comes first is time and place
# ("On 22 October, on the sidelines of the summit in Kazan, X and Putin held talks").
SUBJECT_VERB_EN = compile_guarded(
    r"\s(?:held|had|has|have|was|were|is|are|will|met|sat|began|started|took|conducted"
    r"|engaged|also|then)\b"
)
SUBJECT_SCENE_EN = re.compile(r"(?:^|\s)(?:on|at|in|during|within|after|before|amid)\s", re.I)
SEPARATOR_EN = compile_guarded(r",\s+(?:and\s+|as\s+well\s+as\s+)?|\s+(?:and|as\s+well\s+as)\s+")
SEPARATOR_RU = compile_guarded(r",\s+(?:и\s+|а\s+также\s+)?|\s+(?:и|а\s+также)\s+")
MAX_WITH = 4  # "with" clauses read after a cue: a bound that keeps a sentence linear
LEADING_WITH = re.compile(r"^\s*(?:[-–—:]\s*)?(?:(?:with|between|by|с|со|между)\s+)?", re.I)
# A place between the verb and its object («принял в Кремле Посла …», «принял на Смоленской
# площади …»): the scene, not the other side.
LEADING_PLACE_RU = re.compile(
    r"^\s*(?:в|во|на)\s+(?:[А-ЯЁ][\w-]*(?:ой|ом|ей|ем|ых|их)\s+[а-яё][\w-]*|[А-ЯЁ][\w-]*)(?=\s)"
)
# A participial clause set off by commas says more about the subject («Лавров, возглавляющий
# делегацию на сессии ГА ООН, …»): what it names is no other side.
PARTICIPLE_CLAUSE = re.compile(
    r",\s+[а-яё]+(?:ющ|ящ|ащ|ущ|вш)(?:ий|ая|ее|ие|его|ей|им|ими|их|его|ую)\s[^,]*,"
)
# The words before a delegation's head («делегации во главе с», "delegations led by"): the
# scene, not the head's office.
LED_BY = re.compile(r"^.*?(?:во\s+главе\s+с|\b(?:led|headed)\s+by)\s+", re.I)
LEADING_CONNECTIVE = re.compile(
    r"^(?:earlier|before\s+that|later|then|also|meanwhile|in\s+addition|besides|"
    r"ранее|до\s+этого|перед\s+этим|затем|позднее|также|кроме\s+того)[,\s]+",
    re.I,
)


# The other side is a person or a body, not a state named as a topic ("the situation
# around Ukraine"): its words carry an office, a delegation, a ministry or a counterpart.
OFFICE = compile_guarded(
    r"\b(?:minister|ministers|president|presidents|secretary|secretaries|chair\w*|head|heads"
    r"|director|ambassador|ambassadors|envoy|representative|commissioner|counterparts?"
    r"|colleagues?|king|queen|emir|sultan|sheikh|prince|premier|leader|leaders|chancellor"
    r"|speaker|delegation|ministry|ministries|government|FM|FMs|governor|mayor|chief"
    r"|officials?|leadership|deputy|vice|top\s+diplomat|foreign\s+affairs)\b"
    r"|(?<!\w)(?:министр\w*|президент\w*|секретар\w*|генсек\w*|председател\w*|глав[аеуыо]\w*"
    r"|директор\w*|посол|посл[аеуо]?м?|посольств\w*|послами|посланник\w*|представител\w*"
    r"|спецпредставител\w*|комиссар\w*|коллег\w*|корол\w*|эмир\w*|султан\w*|шейх\w*|принц\w*"
    r"|премьер\w*|лидер\w*|канцлер\w*|спикер\w*|делегаци\w*|МИД|министерств\w*|правительств\w*"
    r"|замминистр\w*|заместител\w*|замглав\w*|вице\w*|губернатор\w*|мэр\w*|руководит\w*|руководств\w*"
    r"|внешнеполитическ\w*|ведомств\w*|генерал\w*)(?!\w)",
    re.I,
)


RUSSIAN = compile_guarded(r"\bRussian\b|\bRussia['’]s\b|(?<!\w)(?:российск\w+|России|РФ)(?!\w)")


class Partner(NamedTuple):
    """One other side: its state or organisation, and the words that name it."""

    country: str | None
    org: str | None
    words: str


@lru_cache(maxsize=PHRASES)
def partner_of(words: str) -> tuple[str | None, str | None]:
    """(country, organisation) the words name as the other side: an organisation whose head
    is named (or that alone is named), else the first state, else (None, None)."""
    orgs = organisations_named(words)
    countries = countries_named(words)
    if orgs and (names_head_of_organisation(words) or not countries):
        return None, orgs[0]
    if countries:
        return countries[0], None
    return None, None


@lru_cache(maxsize=PHRASES)
def is_russian_side(words: str) -> bool:
    """True when the words name the Russian side: an official of the table, or a Russian
    title naming no other state ("Russia's Foreign Minister", «Посол России», «с российским
    министром»)."""
    if russian_official(words):
        return True
    named, _ = russian_participant(words, "")
    if not named:
        named = RUSSIAN.search(words) is not None and OFFICE.search(words) is not None
    return named and partner_of(words) == (None, None)


NAME_SPAN = 90  # characters after a stop an organisation's name may still run on


CAPITAL = re.compile(r"[A-ZА-ЯЁ]")


def _after_a_capital(words: str, stop: re.Match[str]) -> bool:
    """True when a capitalised word stands shortly before the stop ("Co-operation in
    Europe", «Организации по безопасности и сотрудничеству в Европе»): only then can the
    stop lie inside an organisation's name."""
    return CAPITAL.search(words, max(0, stop.start() - NAME_SPAN), stop.start()) is not None


@lru_cache(maxsize=PHRASES)  # the words after a "with" repeat where whole sentences do not
def _cut(words: str, stop: re.Pattern[str]) -> str:
    """The words up to the first stop that is not inside an organisation's name ("the
    Organization for Security and Co-operation in Europe": its "in" is no place)."""
    found = stop.search(words)
    while found is not None:
        if not _after_a_capital(words, found):
            return words[: found.start()]  # a name runs on only after a capital
        window = words[: found.end() + NAME_SPAN]
        inside = next(
            (
                h
                for h in names_in(window)
                if h.kind == ORGANISATION and h.start < found.start() < h.end
            ),
            None,
        )
        if inside is None:
            return words[: found.start()]
        found = stop.search(words, inside.end)
    return words


def split_parts(words: str, cyrillic: bool) -> list[str]:
    """The words split where each part names a state or organisation of its own.

    >>> split_parts("the foreign ministers of Egypt, Syria and Slovakia", False)
    ['the foreign ministers of Egypt', 'Syria', 'Slovakia']
    >>> split_parts("Minister of Foreign Affairs and International Cooperation of Italy", False)
    ['Minister of Foreign Affairs and International Cooperation of Italy']
    """
    separator = SEPARATOR_RU if cyrillic else SEPARATOR_EN
    parts: list[str] = []
    start = 0
    current_partner: tuple[str | None, str | None] = (None, None)
    for sep in separator.finditer(words):
        piece = words[start : sep.start()]
        # The piece after this separator, up to the next one (or the end).
        nxt = separator.search(words, sep.end())
        following = words[sep.end() : nxt.start() if nxt else len(words)]
        mine = partner_of(piece)
        if mine != (None, None):
            current_partner = mine
        theirs = partner_of(following)
        russian_next = is_russian_side(following)
        # a person of no named state before the Russian side is still the other one
        # («… заместитель Государственного секретаря У.Шерман и … С.А.Рябков»)
        someone = current_partner != (None, None) or OFFICE.search(piece) is not None
        if (
            current_partner != (None, None) and theirs != (None, None) and theirs != current_partner
        ) or (someone and russian_next):
            parts.append(words[start : sep.start()])
            start = sep.end()
            current_partner = (None, None)
        elif is_russian_side(piece) and not russian_next:
            parts.append(piece)
            start = sep.end()
    parts.append(words[start:])
    parts = [LEADING_WITH.sub("", p.strip(" ,.;")) for p in parts]
    return [p for p in parts if p]


@lru_cache(maxsize=PHRASES)  # once per distinct clause: reports repeat their phrasing
def partners_in(words: str, cyrillic: bool) -> tuple[Partner, ...]:
    """The other sides the words name, one per state or organisation (none when the words
    name no office, delegation or organisation: a state named as a topic)."""
    orgs = organisations_named(words)
    if not orgs and not OFFICE.search(words):
        return ()  # a state named as a topic or a place, not as a side
    countries = countries_named(words)
    if not orgs and not countries:
        return ()
    if len(orgs) + len(countries) == 1 and not russian_official(words):
        country, org = partner_of(words)  # one side, nothing to split off
        return (Partner(country, org, LEADING_WITH.sub("", words.strip(" ,.;"))),)
    found: list[Partner] = []
    for part in split_parts(words, cyrillic):
        if is_russian_side(part):
            continue
        country, org = partner_of(part)
        if country or org:
            found.append(Partner(country, org, part))
    return tuple(found)


def pair_subject(subject: str, cyrillic: bool) -> bool:
    """True when the words before the cue join the Russian side and another with "and"
    ("Lavrov and the Venezuelan minister held talks", «Лавров и Фидан провели переговоры»,
    "the Russian minister and the Saudi foreign minister had a conversation")."""
    joined = SEPARATOR_RU if cyrillic else SEPARATOR_EN
    if joined.search(subject) is None:
        return False
    # a title ("the Russian minister") is the Russian side only in its own part
    return is_russian_side(subject) or any(
        is_russian_side(part) for part in split_parts(subject, cyrillic)
    )


def _paired(subject: str, cyrillic: bool) -> list[Partner]:
    """The other members of a pair subject, the Russian side's part and the scene before
    it dropped ("On Monday, the Russian minister and his Omani counterpart")."""
    found = []
    stop = STOP_RU if cyrillic else STOP_EN
    for words in split_parts(subject, cyrillic):
        part = _cut(" " + words, stop).strip()  # «… Омана провели»: the verb is not a title
        if part and not is_russian_side(part):
            country, org = partner_of(part)
            if country or org:
                found.append(Partner(country, org, part))
    return found


def other_side(
    sentence: str, cue: re.Match[str], cyrillic: bool, subject_only: bool = False
) -> tuple[list[Partner], str]:
    """The other side's parts in a meeting sentence whose cue is `cue`, and the words that
    name it (kept for a name and office even when no state is found). The words after
    each "with" come first ("talks with X, and then with Y"), then the words after the cue;
    the subject only when the Russian side is the object or one of a pair.

    >>> [p.country for p in other_side("Lavrov met the ministers of Egypt and Peru.",
    ...     re.search("met", "Lavrov met the ministers of Egypt and Peru."), False)[0]]
    ['EGY', 'PER']
    """
    partners, words = _other_side(sentence, cue.start(), cue.end(), cyrillic, subject_only)
    return list(partners), words


@lru_cache(maxsize=SENTENCES)  # Python once per distinct sentence: reports repeat their sentences
def _other_side(
    sentence: str, cue_start: int, cue_end: int, cyrillic: bool, subject_only: bool
) -> tuple[tuple[Partner, ...], str]:
    stop = STOP_RU if cyrillic else STOP_EN
    withs = (WITH_RU if cyrillic else WITH_EN).finditer(sentence, max(cue_start - 2, 0))
    after = [_cut(sentence[w.end() :], stop) for w, _ in zip(withs, range(MAX_WITH), strict=False)]
    # The space put back lets a place or time right after the cue end the words too
    # ("are meeting at the UN Headquarters": the UN is the venue, not a side).
    object_words = LEADING_WITH.sub("", sentence[cue_end:])
    if cyrillic:
        object_words = LEADING_PLACE_RU.sub("", object_words)
    after.append(_cut(" " + object_words, stop).lstrip())
    subject = LEADING_CONNECTIVE.sub("", sentence[:cue_start].strip())
    if cyrillic:
        subject = PARTICIPLE_CLAUSE.sub(",", subject)
    if not cyrillic:
        subject = _cut(subject, SUBJECT_VERB_EN)
        scenes = list(SUBJECT_SCENE_EN.finditer(subject))
        if scenes:  # the scene ends at the comma after the last "on/at/in …"
            comma = subject.find(",", scenes[-1].end())
            subject = subject[comma + 1 :] if comma >= 0 else subject
    found: list[Partner] = []
    russian_object = False
    if subject_only:  # "X and Lavrov discussed relations with Y": Y is a topic
        after = [""]
    elif len(after) == 1 and pair_subject(subject, cyrillic):
        # no "with": a pair as subject names the other side, and what follows the cue is
        # a scene («Лавров и X провели встречу в Постпредстве при ООН»)
        paired = _paired(subject, cyrillic)
        if paired:
            return tuple(paired), paired[0].words
        others = [p for p in split_parts(subject, cyrillic) if not is_russian_side(p)]
        if others:  # «делегации во главе с У.Шерман и С.А.Рябковым», "Ryabkov and Billingslea
            # are to sit down": a person whose state is unnamed
            return (), _cut(" " + LED_BY.sub("", others[-1]), stop).strip()
    for i, words in enumerate(after):
        if found and i == len(after) - 1:
            break  # the cue's own words only when no "with" names a side
        their = partners_in(words, cyrillic)  # the Russian side's parts dropped
        if not their and is_russian_side(words):
            others = [p for p in split_parts(words, cyrillic) if not is_russian_side(p)]
            if others:  # «переговоры В.В.Путина и Н.Моди»: the other one, state unnamed
                return (), others[0]
            russian_object = True
            continue
        for partner in their:
            if (partner.country, partner.org) not in {(p.country, p.org) for p in found}:
                found.append(partner)
    if not found and (russian_object or pair_subject(subject, cyrillic)):
        found = list(partners_in(subject, cyrillic))
    if found:
        return tuple(found), found[0].words
    # Nobody identified: the words after "with" or the cue may still carry a name.
    named = next((words for words in after if words.strip()), after[-1])
    return (), (subject if russian_object else named)


# Russia joined to the other side in one word or by a dash: «российско-вьетнамские
# консультации», "Russian-Egyptian talks", «в формате Россия – ССАГПЗ», "the Russia-GCC
# dialogue". Such a compound names both sides of the meeting whose word it stands beside.
RUSSIA_COMPOUND = compile_guarded(
    r"(?<!\w)(?:российско|русско|Россия|РФ)\s*[-–—]\s*(?P<ru>[А-ЯЁа-яё]+)"
    r"|\b(?:Russian|Russia)\s*[-–—]\s*(?P<en>[A-Z][\w]+)",
    re.I,
)
COMPOUND_REACH = 40  # characters between a compound and the meeting word it describes


def russia_paired(sentence: str, cue: re.Match[str]) -> tuple[str | None, str | None] | None:
    """(country, organisation) a Russia-and-X compound next to the cue names, or None.

    >>> russia_paired("Прошли российско-вьетнамские консультации.", re.search("консульт",
    ...     "Прошли российско-вьетнамские консультации."))
    ('VNM', None)
    """
    window_start = max(cue.start() - COMPOUND_REACH, 0)
    window = sentence[window_start : cue.end() + COMPOUND_REACH]
    for found in RUSSIA_COMPOUND.finditer(window):
        other = found.group("ru") or found.group("en") or ""
        side = partner_of(other)
        if side != (None, None):
            return side
    return None
