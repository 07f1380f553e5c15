"""People in a meeting sentence: the counterpart's name and office, one per person named.

The counterpart is read from the words naming the other side, the office first, then the
name; Russian ones are put back into the nominative by pymorphy3 (`person_names.py`), foreign
names it does not know kept as written. The Russian side lives in `officials.py`, the
words that are never a name in `role_words.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from sidelines.extract.fastre import compile_guarded
from sidelines.extract.gazetteer import names_in
from sidelines.extract.memo import PHRASES
from sidelines.extract.morphology import parses
from sidelines.extract.nominative import case_of
from sidelines.extract.person_names import (
    NAME_PARTICLES,
    RU_INITIALS_FULL,
    clean_role,
    nominative_name,
    nominative_role,
)
from sidelines.extract.role_words import ROLE_WORDS, RU_ROLE_STEMS

ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|as|ash|at|ul)-[A-Z]")


@dataclass(frozen=True)
class Counterpart:
    """The other side as a sentence writes it."""

    name: str | None
    role: str | None


def _is_name_token(token: str) -> bool:
    word = token.strip(",.;:()«»\"'")
    if not word or word.casefold() in ROLE_WORDS:
        return False
    if word.isupper() and len(word) > 1:  # an acronym: CPC, IAEA (countries are placeholders)
        return False
    return word[0].isupper() or bool(ARABIC_ARTICLE.match(word))


def _runs(tokens: list[str], is_name: Callable[[str], bool]) -> list[tuple[int, int]]:
    """(start, end) spans of consecutive name tokens; a particle may sit inside a run."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for i, token in enumerate([*tokens, ""]):
        inside = start is not None and token.casefold() in NAME_PARTICLES
        if token and (is_name(token) or inside):
            start = i if start is None else start
            if token[-1] in ",.;:)":
                runs.append((start, i + 1))
                start = None
            continue
        if start is not None:
            runs.append((start, i))
            start = None
    return [(a, b) for a, b in runs if tokens[b - 1].casefold() not in NAME_PARTICLES]


def _best_run(runs: list[tuple[int, int]]) -> tuple[int, int] | None:
    longer = [r for r in runs if r[1] - r[0] >= 2]
    chosen = longer or runs
    return chosen[-1] if chosen else None


# "Counterpart", «коллега»: the other side's office is the Russian side's, not stated.
COUNTERPART_WORD = compile_guarded(r"(?<!\w)(?:counterparts?|коллег\w*)(?!\w)", re.I)


def _office(role: str | None) -> str | None:
    """The role unless it only calls the person a counterpart (his Malian counterpart)."""
    return None if role is None or COUNTERPART_WORD.search(role) else role


def _before_counterpart(tokens: list[str], end: int) -> bool:
    """True when the word after a run is "counterpart": the run is an adjective (Malian)."""
    return end < len(tokens) and bool(COUNTERPART_WORD.fullmatch(tokens[end].strip(",.;:()")))


def english_counterpart(clause: str) -> Counterpart:
    """Name and office of the first counterpart a clause names (see `english_counterparts`).

    >>> english_counterpart("Iranian Foreign Minister Mohammad Javad Zarif and Wang Yi")
    Counterpart(name='Mohammad Javad Zarif', role='Iranian Foreign Minister')
    """
    return english_counterparts(clause)[0]


def english_counterparts(clause: str) -> list[Counterpart]:
    """One counterpart per segment of the clause (`counterpart_segments`), in order."""
    return list(_english_counterparts(clause))


@lru_cache(maxsize=PHRASES)  # the same clauses come back post after post
def _english_counterparts(clause: str) -> tuple[Counterpart, ...]:
    return tuple(_english_one(segment) for segment in counterpart_segments(clause, False))


def _english_one(clause: str) -> Counterpart:
    """Name and office from the words after "with": the last run of capitalised words that
    are neither an office nor a country, nor an adjective before "counterpart".

    >>> english_counterpart("Prime Minister Ralph Gonsalves of St. Vincent and the Grenadines")
    Counterpart(name='Ralph Gonsalves', role='Prime Minister of St. Vincent and the Grenadines')
    >>> english_counterpart("UN Secretary-General Antonio Guterres.")
    Counterpart(name='Antonio Guterres', role='UN Secretary-General')
    >>> english_counterpart("his Malian counterpart Abdoulaye Diop")
    Counterpart(name='Abdoulaye Diop', role=None)
    """
    written = clause.split()
    tokens = _tokens_outside_countries(clause, EN_PLACE_PREPOSITIONS)
    runs = [r for r in _runs(tokens, _is_name_token) if not _before_counterpart(tokens, r[1])]
    span = _best_run(runs)
    if span is None:
        return Counterpart(None, _office(clean_role(" ".join(written))))
    start, end = span
    name = " ".join(tokens[start:end]).strip(",.;:()")
    role = " ".join(written[:start])
    after = " ".join(written[end:])
    if re.match(r"of\s", after):
        role = f"{role} {after}"
    elif not role.strip() and written[end - 1].endswith(",") and after:
        role = APPOSITION.sub("", after)  # "Milorad Dodik, the president of Republika Srpska"
        role = role[:1].upper() + role[1:]
    return Counterpart(name or None, _office(clean_role(role)))


# An office after the name, set off by a comma: "Name, the foreign minister of X".
APPOSITION = re.compile(r"^the\s+", re.I)


COUNTRY_PLACEHOLDER = "·"


PLACE_PREPOSITIONS = frozenset(["в", "во", "на", "из", "при"])  # «посла Египта в Москве»
EN_PLACE_PREPOSITIONS = frozenset(["in", "at", "from"])  # "met Rubio in Riyadh"


def _tokens_outside_countries(
    clause: str, prepositions: frozenset[str] = PLACE_PREPOSITIONS
) -> list[str]:
    """The clause's words, each word of a country's or an organisation's name, and a word
    after «в», «на», «из» (a city), replaced by a placeholder."""
    spans = [(h.start, h.end) for h in names_in(clause)]  # in order: one pointer walks them
    tokens: list[str] = []
    previous = ""
    k = 0
    for m in re.finditer(r"\S+", clause):
        while k < len(spans) and spans[k][1] <= m.start():
            k += 1
        in_country = k < len(spans) and spans[k][0] < m.end()
        tokens.append(COUNTRY_PLACEHOLDER if in_country or previous in prepositions else m.group())
        previous = m.group().casefold()
    return tokens


RU_ARABIC_ARTICLE = re.compile(r"^(?:аль|ал|ас|ад|аш|ат|эль|ибн|бин|бен)-[А-ЯЁ]")


def _ru_runs(tokens: list[str]) -> list[tuple[int, int]]:
    """Runs of Russian name words; a lone preposition or conjunction opening a sentence
    («По», «На», «В») is no name, though «И» of «Ван И» is one inside a run."""
    return [
        (a, b)
        for a, b in _runs(tokens, _is_ru_name_token)
        if b - a > 1 or not _function_word(tokens[a].strip(",.;:()«»\"'"))
    ]


def _function_word(word: str) -> bool:
    readings = parses(word.lower())
    return bool(readings) and readings[0].tag.POS in ("PREP", "CONJ", "PRCL", "NPRO")


def _is_ru_name_token(token: str) -> bool:
    word = token.strip(",.;:()«»\"'")
    if RU_ARABIC_ARTICLE.match(word):  # «аль-Будейви»
        return True
    if not word or not re.match(r"[А-ЯЁ]", word):
        return False
    folded = word.casefold()
    abbreviation = word.isupper() and len(word) > 1  # «И» of «Ван И» is a name
    # (countries and organisations are placeholders already: `_tokens_outside_countries`)
    return not (abbreviation or folded.startswith(RU_ROLE_STEMS))


def russian_counterpart(clause: str, case: str | None = None) -> Counterpart:
    """Name and office of the first counterpart a clause names, put back into the nominative
    by pymorphy3. `case` is the case the clause is in: 'ablt' after «с», 'accs' after
    «принял», 'gent' after «встреча», 'nomn' for a subject; by default the case of the
    office's noun, else the instrumental.

    >>> russian_counterpart("Министром иностранных дел Пакистана Дж.Джилани")
    Counterpart(name='Дж.Джилани', role='Министр иностранных дел Пакистана')
    >>> russian_counterpart("Генеральным секретарем ООН А.Гутеррешем")
    Counterpart(name='А.Гутерреш', role='Генеральный секретарь ООН')
    >>> russian_counterpart("посла Египта Т.Хакалу")
    Counterpart(name='Т.Хакала', role='посол Египта')
    """
    return russian_counterparts(clause, case)[0]


def russian_counterparts(clause: str, case: str | None = None) -> list[Counterpart]:
    """One counterpart per segment of the clause (`counterpart_segments`), in order:
    «Президентом Египта А.Ф.Ас-Сиси и Премьер-министром Египта М.Мадбули» gives two."""
    return list(_russian_counterparts(clause, case or case_of(clause) or "ablt"))


@lru_cache(maxsize=PHRASES)  # the same clauses come back post after post
def _russian_counterparts(clause: str, case: str) -> tuple[Counterpart, ...]:
    return tuple(_russian_one(segment, case) for segment in counterpart_segments(clause, True))


def _initials_name(clause: str) -> re.Match[str] | None:
    """The first name in initials style, with the name words that follow it («А.Бу Хабибом»)."""
    return RU_INITIALS_FULL.search(clause)


def _russian_one(clause: str, case: str) -> Counterpart:
    initials = _initials_name(clause)
    if initials:
        name = nominative_name(initials.group(), case)
        return Counterpart(name, _office(nominative_role(clause[: initials.start()], case)))
    tokens = _tokens_outside_countries(clause)
    span = _best_run(_ru_runs(tokens))
    if span is None:
        return Counterpart(None, _office(nominative_role(clause, case)))
    start, end = span
    name = " ".join(nominative_name(t.strip(",.;:()"), case) for t in tokens[start:end])
    role_words = clause.split()[:start]  # the clause as written: countries kept
    return Counterpart(name, _office(nominative_role(" ".join(role_words), case)))


# Where one counterpart ends and the next begins: a comma, "and", «и», "as well as».
SEGMENT_BREAK = compile_guarded(
    r"(?:,\s+(?:and\s+|as\s+well\s+as\s+|и\s+|а\s+также\s+)?"
    r"|\s+(?:and|as\s+well\s+as|и|а\s+также)\s+)(?:(?:with|с|со)\s+)?"
)


def _names_someone(segment: str, cyrillic: bool) -> bool:
    if names_in(segment) or (cyrillic and _initials_name(segment)):
        return True
    if cyrillic:
        return bool(_ru_runs(_tokens_outside_countries(segment)))
    return bool(_runs(_tokens_outside_countries(segment, EN_PLACE_PREPOSITIONS), _is_name_token))


def counterpart_segments(clause: str, cyrillic: bool) -> list[str]:
    """The clause cut into one piece per counterpart: at commas, "and", «и», "as well as",
    never inside a country's or organisation's name ("Trinidad and Tobago"); a piece that
    names no one and no country ("Deputy Prime Minister", «Министром иностранных дел»)
    stays with the piece after it (the last one with the piece before).

    >>> counterpart_segments("Egyptian Foreign Minister Sameh Shoukry and Wang Yi", False)
    ['Egyptian Foreign Minister Sameh Shoukry', 'Wang Yi']
    >>> counterpart_segments("Minister of Foreign Affairs and Trade of Hungary", False)
    ['Minister of Foreign Affairs and Trade of Hungary']
    """
    protected = [(h.start, h.end) for h in names_in(clause)]
    cuts = []
    k = 0
    for m in SEGMENT_BREAK.finditer(clause):  # breaks and names both in order: one pointer
        while k < len(protected) and protected[k][1] <= m.start():
            k += 1
        if not (k < len(protected) and protected[k][0] < m.end()):
            cuts.append(m.span())
    if not cuts:
        return [clause]
    starts = [0] + [b for _, b in cuts]
    ends = [a for a, _ in cuts] + [len(clause)]
    pieces = [Piece(a, b, clause[a:b], cyrillic) for a, b in zip(starts, ends, strict=True)]
    merged: list[list[Piece]] = []
    pending: list[Piece] = []
    for piece in pieces:  # a piece naming no one waits for the next
        pending.append(piece)
        if piece.names_someone:
            merged.append(pending)
            pending = []
    if pending:
        if merged:
            merged[-1].extend(pending)
        else:
            merged.append(pending)
    joined: list[list[Piece]] = []
    for group in merged:  # "the Foreign Minister of Argentina, Santiago Cafiero"
        apposition = joined and len(group) == 1 and group[0].only_a_person
        if apposition and not any(p.has_person for p in joined[-1]):
            joined[-1].extend(group)
            continue
        if joined and len(group) == 1 and _office_after_name(joined[-1], group[0], clause):
            joined[-1].extend(group)  # "Milorad Dodik, the president of Republika Srpska"
            continue
        joined.append(group)
    return [clause[group[0].start : group[-1].end] for group in joined]


def _office_after_name(before: list[Piece], piece: Piece, clause: str) -> bool:
    """True when the piece is an office set off after a name alone ("…, the president of X")."""
    text = clause[piece.start : piece.end]
    return (
        not piece.has_person
        and THE_OFFICE.match(text) is not None
        and all(p.only_a_person for p in before)
    )


THE_OFFICE = re.compile(
    r"^\s*the\s+(?:\w+\s+){0,3}?(?:president|minister|secretary|head|chair\w*|king)\b", re.I
)


class Piece:
    """A piece of a clause between two breaks, with what it names (each read once)."""

    def __init__(self, start: int, end: int, text: str, cyrillic: bool) -> None:
        self.start, self.end = start, end
        self.names_someone = _names_someone(text, cyrillic)
        self.has_person = _has_person(text, cyrillic)
        self.only_a_person = _only_a_person(text, cyrillic)


def _person_tokens(segment: str, cyrillic: bool) -> tuple[list[str], list[tuple[int, int]]]:
    tokens = _tokens_outside_countries(
        segment, PLACE_PREPOSITIONS if cyrillic else EN_PLACE_PREPOSITIONS
    )
    return tokens, _ru_runs(tokens) if cyrillic else _runs(tokens, _is_name_token)


def _has_person(segment: str, cyrillic: bool) -> bool:
    return bool(cyrillic and _initials_name(segment)) or bool(_person_tokens(segment, cyrillic)[1])


def _only_a_person(segment: str, cyrillic: bool) -> bool:
    """The piece is nothing but a person's name (an apposition to the piece before)."""
    if names_in(segment):
        return False
    initials = _initials_name(segment) if cyrillic else None
    if initials is not None and initials.group() == segment.strip():
        return True
    tokens, runs = _person_tokens(segment, cyrillic)
    return len(runs) == 1 and runs[0] == (0, len(tokens))
