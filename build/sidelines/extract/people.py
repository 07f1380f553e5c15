"""People in a meeting sentence: the Russian participant, and the counterpart's name and office.

The Russian side: the officials of `aliases.py` in every case and in initials style (found by
one automaton), else a Russian title ("Russian Ambassador to Egypt", «Посол России в
Египте»), kept when no name is given. The counterpart: read from the words naming the other
side, the office first, then the name; Russian ones are put back into the nominative by
pymorphy3 (`morphology.py`), foreign names it does not know kept as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

import emoji

from sidelines.extract.aliases import RUSSIAN_OFFICIALS
from sidelines.extract.automaton import Automaton, Entry, tokens_of
from sidelines.extract.fastre import compile_guarded
from sidelines.extract.gazetteer import names_in
from sidelines.extract.morphology import (
    case_of,
    nominative_phrase,
    nominative_word,
    parses,
    person_name_forms,
)

# Days and months: capitalised, never a name ("met Tillerson on Sunday").
CALENDAR_WORDS = (
    *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    *("january", "february", "march", "april", "may", "june", "july", "august"),
    *("september", "sept", "october", "november", "december"),
)
# Words of an office or an institution, never of a person's name (English, then Russian stems).
ROLE_WORDS = frozenset(
    [
        "minister",
        "ministers",
        "foreign",
        "affairs",
        "prime",
        "deputy",
        "first",
        "president",
        "vice",
        "vice-president",
        "secretary",
        "secretary-general",
        "general",
        "chairman",
        "councillor",
        "councilor",
        "headquarters",
        "central",
        "member",
        "mission",
        "bureau",
        "political",
        "control",
        "arms",
        "assistance",
        "committee",
        "commission",
        "agency",
        "ministry",
        "department",
        "delegation",
        "embassy",
        "secretariat",
        "summit",
        "conference",
        "session",
        "chairwoman",
        "chair",
        "chairperson",
        "head",
        "council",
        "government",
        "interim",
        "transitional",
        "sovereignty",
        "sovereign",
        "supreme",
        "state",
        "republic",
        "kingdom",
        "federation",
        "king",
        "queen",
        "crown",
        "prince",
        "emir",
        "sultan",
        "sheikh",
        "ambassador",
        "permanent",
        "representative",
        "special",
        "envoy",
        "high",
        "commissioner",
        "director",
        "director-general",
        "executive",
        "cooperation",
        "international",
        "regional",
        "abroad",
        "diaspora",
        "expatriates",
        "nationals",
        "defence",
        "defense",
        "trade",
        "economy",
        "economic",
        "external",
        "relations",
        "acting",
        "cabinet",
        "parliament",
        "speaker",
        "national",
        "assembly",
        "senate",
        "senator",
        "mr",
        "mrs",
        "ms",
        "dr",
        "his",
        "her",
        "excellency",
        "majesty",
        "highness",
        "royal",
        "chief",
        "commander",
        "federal",
        "union",
        "organisation",
        "organization",
        "united",
        "nations",
        "office",
        "affairs",
        "integration",
        "development",
        "commerce",
        "industry",
        "african",
        "asian",
        "arab",
        "european",
        "islamic",
        "democratic",
        "people's",
        "peoples",
        "the",
        "of",
        "and",
        "for",
        *CALENDAR_WORDS,
    ]
)
RU_ROLE_STEMS = (
    "министр",
    "председател",
    "генеральн",
    "генсек",
    "секретар",
    "верховн",
    "суверенн",
    "президент",
    "премьер",
    "вице",
    "заместител",
    "посл",
    "постоянн",
    "представител",
    "исламск",
    "республик",
    "королевств",
    "федеративн",
    "демократическ",
    "народн",
    "объединённ",
    "объединенн",
    "арабск",
    "соединённ",
    "соединенн",
    "штат",
    "корол",
    "принц",
    "наследн",
    "эмир",
    "султан",
    "шейх",
    "временн",
    "переходн",
    "государств",
    "совет",
    "правительств",
    "спецпредставител",
    "специальн",
    "высок",
    "комиссар",
    "директор",
    "исполнительн",
    "глав",
    "руководител",
    "спикер",
    "парламент",
    "сенат",
    "канцлер",
    "член",
    "политбюро",
    "министерств",
    "ведомств",
    "департамент",
    "управлени",
    "посольств",
    "аппарат",
    "губернатор",
    "мэр",
    "госсекретар",
    "советник",
    "помощник",
    "посланник",
    "консул",
    "делегаци",
    "генерал",
    "депутат",
)
NAME_PARTICLES = frozenset(
    [
        "al",
        "el",
        "bin",
        "ibn",
        "bint",
        "abu",
        "de",
        "da",
        "dos",
        "du",
        "di",
        "van",
        "von",
        "der",
        "le",
        "la",
        "бин",
        "бен",
        "ибн",
        "бинт",
        "абу",
        "аль",
        "эль",
        "де",
        "да",
        "дос",
        "дю",
        "ди",
        "ван",
        "фон",
        "дер",
        "ле",
        "ла",
    ]
)
ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|as|ash|at|ul)-[A-Z]")
CYRILLIC = re.compile("[а-яё]", re.I)
# «С.В.Лавров», «Дж.Джилани», «С.В. Лавров»; «Ф.бин Фархан»: initials, then the surname.
RU_INITIAL = r"(?:Дж|[А-ЯЁ])\.\s?"
RU_SURNAME = r"(?:(?:бин|бен|ибн|аль|ас|эль)[\s-])?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?"
RU_INITIALS_NAME = compile_guarded(rf"(?:{RU_INITIAL}){{1,2}}{RU_SURNAME}")
# The same, with the capitalised words that continue the name («А.Бу Хабибом»).
RU_INITIALS_FULL = compile_guarded(
    rf"(?:{RU_INITIAL}){{1,2}}{RU_SURNAME}(?:\s(?:(?:бин|бен|ибн|аль)\s)?[А-ЯЁ][а-яё]+){{0,3}}"
)
# Where an emoji can be: symbols, pictographs, regional indicators, joiners and selectors.
MAYBE_EMOJI = re.compile("[\u00a9\u00ae\u2000-\u3300\ufe0f\U0001f000-\U0001faff]")
# A person's name right after an office: two to four capitalised words.
EN_NAME_AFTER = re.compile(r"[\s,]*(?P<name>[A-Z][a-z]+(?:[\s-]+[A-Z][a-z]+){1,3})")
RU_NAME_AFTER = re.compile(r"[\s,]*(?P<name>[А-ЯЁ][а-яё]+(?:[\s-]+[А-ЯЁ][а-яё]+){1,3})")
WORD = "A-Za-zА-Яа-яЁё"
# A Russian office named with its country, in any case; the place it serves in follows
# («Посол России в Египте», «Постпреда РФ при ООН», «Замглавы МИД России»).
RU_RUSSIAN_TITLE = compile_guarded(
    rf"(?<![{WORD}])(?:Пос(?:ол|л)|Постпред|Постоянн[а-яё]*\s+представител|Министр|Замминистр"
    r"|Заместител|Президент|Спецпредставител|Специальн[а-яё]*\s+представител|Спецпосланник"
    r"|Замглавы|Глав|Директор|Премьер-министр|Председател)[а-яё]*"
    r"(?:\s+(?:[а-яё]+|МИД)){0,4}?\s+(?:России|Российской\s+Федерации|РФ)(?![а-яё])",
    re.I,
)
EN_RUSSIAN_TITLE = compile_guarded(
    r"(?:Russian|Russia['’]s)\s+(?:(?:First|Deputy|Foreign|Prime|Minister|Ambassador|President"
    r"|Presidential|Permanent|Representative|Special|Envoy)\s*){1,4}"
    r"|(?:Ambassador|Permanent\s+Representative|Envoy)\s+of\s+(?:Russia|the\s+Russian"
    r"\s+Federation)"
)
# Where a Russian office serves: "to Egypt", «в Египте», «при ООН».
POST_PLACE = re.compile(r"\s*(?:to|in|at|for|в|во|при|по)\s+(?:the\s+)?")


@dataclass(frozen=True)
class Counterpart:
    """The other side as a sentence writes it."""

    name: str | None
    role: str | None


def _official_entries() -> Iterator[Entry]:
    for canonical, forms in RUSSIAN_OFFICIALS.items():
        for form in forms:
            if CYRILLIC.search(form):
                for inflected in sorted(person_name_forms(form)):
                    yield Entry("official", canonical, inflected, "title")
            else:
                yield Entry("official", canonical, form, "title")
        yield Entry("official", canonical, canonical, "title")
        first, _, last = canonical.partition(" ")
        if first.endswith("y") and last:  # Sergei/Sergey, Andrei/Andrey
            yield Entry("official", canonical, f"{first[:-1]}i {last}", "title")


@cache
def _officials() -> Automaton:
    """Every form of every official in the table, one automaton."""
    return Automaton(_official_entries())


@lru_cache(maxsize=1024)  # a post's text is asked about once per meeting sentence
def russian_official(text: str) -> str | None:
    """Canonical name of the first Russian official in the table that the text names, in
    any case, in initials style, in English or Russian.

    >>> russian_official("встреча С.В.Лаврова с Министром"), russian_official("Sergei Lavrov met")
    ('Sergey Lavrov', 'Sergey Lavrov')
    >>> russian_official("Лаврова принял Председатель КНР"), russian_official("с Г.М.Гатиловым")
    ('Sergey Lavrov', 'Gennady Gatilov')
    """
    hit = _officials().first(text, _official_prefilter())
    return hit.code if hit else None


@cache
def _official_prefilter() -> re.Pattern[str]:
    """The first letters of every official's first word: most texts name none of them, and
    a regex says so faster than the automaton's walk over every word."""
    heads = {tokens_of(entry.form)[0][:4] for entry in _officials().forms}
    alternatives = "|".join(sorted(re.escape(h).replace("е", "[её]") for h in heads))
    return compile_guarded(f"(?:{alternatives})", re.I)


def _place_after(text: str, end: int) -> int:
    """The end of the place an office serves in, right after `end` ("to Egypt", «при
    ООН»), or `end` when none follows."""
    place = POST_PLACE.match(text, end)
    if place is None:
        return end
    for hit in names_in(text[place.end() : place.end() + 80]):
        return place.end() + hit.end if hit.start == 0 else end
    return end


def _title_match(sentence: str) -> tuple[int, int] | None:
    """(start, end) of a Russian office and the place it serves in, if the sentence has one."""
    match = RU_RUSSIAN_TITLE.search(sentence) or EN_RUSSIAN_TITLE.search(sentence)
    if match is None:
        return None
    return match.start(), _place_after(sentence, match.end())


def russian_title(sentence: str) -> str | None:
    """A Russian office the sentence names, with the place it serves in, in the nominative
    ("Russian Ambassador to Egypt", «Посол России в Египте»), else None.

    >>> russian_title("Послом России в Египте Г.Е.Борисенко была вручена")
    'Посол России в Египте'
    >>> russian_title("Russia's Permanent Representative to the UN met")
    "Russia's Permanent Representative to the UN"
    """
    span = _title_match(sentence)
    if span is None:
        return None
    title = sentence[span[0] : span[1]].strip()
    if CYRILLIC.search(title):
        title = nominative_phrase(title, case_of(title) or "nomn")
        title = title[:1].upper() + title[1:]
    return title


def _name_after_title(sentence: str, end: int, case: str) -> str | None:
    """The name written right after a Russian office: initials style, or capitalised words
    that are not a place or an organisation."""
    start = end + len(sentence[end : end + 8]) - len(sentence[end : end + 8].lstrip(" ,"))
    initials = RU_INITIALS_NAME.match(sentence, start)
    if initials:
        return nominative_name(initials.group(), case)
    pattern = RU_NAME_AFTER if CYRILLIC.search(sentence[max(0, end - 20) : end]) else EN_NAME_AFTER
    written = pattern.match(sentence, end)
    if written is None or names_in(written.group("name")):
        return None
    name = written.group("name")
    return nominative_name(name, case) if CYRILLIC.search(name) else name


def russian_participant(sentence: str, post_text: str) -> tuple[bool, str | None]:
    """(a Russian side is named, who): an official of the table (canonical English name), in
    the sentence, else in the post; else a Russian title ("Russian Ambassador to Egypt",
    «Посол России в Египте») with the name written after it, or the title alone."""
    for text in (sentence, post_text):
        official = russian_official(text)
        if official:
            return True, official
    span = _title_match(sentence)
    if span is None:
        return False, None
    title = sentence[span[0] : span[1]]
    case = (case_of(title) or "nomn") if CYRILLIC.search(title) else "nomn"
    name = _name_after_title(sentence, span[1], case)
    return True, name or russian_title(sentence)


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


@lru_cache(maxsize=8192)  # the same clauses come back post after post
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
    return Counterpart(name or None, _office(clean_role(role)))


def clean_role(role: str) -> str | None:
    """An office as a table shows it: no emoji (🇺🇳), no leading article or possessive, no
    stray punctuation or doubled spaces.

    >>> clean_role("🇺🇳 the UN Secretary-General,")
    'UN Secretary-General'
    """
    if MAYBE_EMOJI.search(role):  # the emoji library is slow: only where one may be
        role = emoji.replace_emoji(role, " ")
    role = re.sub(r"\s+", " ", role).strip(" ,.;:-–—")
    role = re.sub(r"^(?:the|his|her|their)\s+", "", role, flags=re.I)
    return role or None


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


@lru_cache(maxsize=8192)  # the same clauses come back post after post
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
        joined.append(group)
    return [clause[group[0].start : group[-1].end] for group in joined]


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


@lru_cache(maxsize=8192)  # and so do names
def nominative_name(name: str, case: str = "ablt") -> str:
    """A Russian name read in `case` back in the nominative, word by word (initials and
    name particles kept; words pymorphy3 cannot read in that case, such as «Цой Сон Хи»,
    kept as written).

    >>> nominative_name("А.С.Мирзояном"), nominative_name("Риядом Хаддадом")
    ('А.С.Мирзоян', 'Рияд Хаддад')
    >>> nominative_name("аль-Будейви"), nominative_name("Цой Сон Хи")
    ('аль-Будейви', 'Цой Сон Хи')
    """
    head, _, last = name.rpartition(".") if "." in name else ("", "", name)
    words = []
    for word in last.split():
        parts = [
            part if part.casefold() in NAME_PARTICLES else nominative_word(part, case)
            for part in word.split("-")
        ]
        words.append("-".join(parts))
    fixed = " ".join(words)
    return f"{head}.{fixed}" if head else fixed


@lru_cache(maxsize=8192)  # offices repeat: «Министром иностранных дел …»
def nominative_role(role: str, case: str = "ablt") -> str | None:
    """An office read in `case` (Генеральным секретарем ООН) with its leading words in the
    nominative (Генеральный секретарь ООН); what follows them is already genitive. Emoji
    and stray punctuation are cleaned."""
    cleaned = clean_role(role)
    if cleaned is None:
        return None
    if not CYRILLIC.search(cleaned):
        return cleaned
    # «Заместителем Премьер-министра, Министром иностранных дел»: each office in turn
    parts = cleaned.split(", ")
    return ", ".join(nominative_phrase(part, case_of(part) or case) for part in parts)
