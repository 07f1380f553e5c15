"""People in a meeting sentence: the Russian participant, and the counterpart's name and office.

The Russian side is matched against the small table of officials in `aliases.py`; the
counterpart is read from the words after "with" / «с»: the office first, then the name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from sidelines.extract.aliases import ORGANISATIONS, RUSSIAN_OFFICIALS
from sidelines.extract.countries import countries_named, country_names, country_spans
from sidelines.extract.fastre import compile_guarded
from sidelines.extract.organisations import organisations_named

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
RU_INITIALS_NAME = compile_guarded(r"(?:[А-ЯЁ][а-яё]?\.\s?){1,2}[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?")
EN_RUSSIAN_SIDE = compile_guarded(
    r"\b(?:Russian|Russia['’]s)\s+(?:(?:Deputy|First|Foreign|Prime|Minister|Ambassador|President"
    r"|Permanent|Representative|Special|Envoy|to|the|of|UN|USA|United|States)\s+)*"
    r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)"
)
RU_RUSSIAN_TITLE = compile_guarded(
    r"(?<!\w)(?:Посол\w*|Министр\w*|Постпред\w*|Президент\w*|Замминистр\w*|Заместител\w*)"
    r"(?:\s+[а-яё]+){0,3}\s+(?:России|Российской\s+Федерации)",
    re.I,
)
EN_RUSSIAN_TITLE = compile_guarded(
    r"\bRussia['’]?s?\s+(?:Deputy\s+)?(?:Foreign\s+Minister|Ambassador|President|Prime Minister"
    r"|Permanent\s+Representative|Minister)|\bRussian\s+(?:Deputy\s+)?(?:Foreign\s+Minister"
    r"|Ambassador|President|Prime\s+Minister|Permanent\s+Representative|Minister)",
)


@dataclass(frozen=True)
class Counterpart:
    """The other side as a sentence writes it."""

    name: str | None
    role: str | None


@cache
def _officials() -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex for every form of every official (a named group each) and group -> name."""
    names: dict[str, str] = {}
    alternatives = []
    for canonical, forms in RUSSIAN_OFFICIALS.items():
        for form in forms:
            group = f"o{len(names)}"
            names[group] = canonical
            alternatives.append(f"(?P<{group}>{re.escape(form)})")
    pattern = compile_guarded(rf"(?<!\w)(?:{'|'.join(alternatives)})\w{{0,3}}(?!\w)")
    return pattern, names


def russian_official(text: str) -> str | None:
    """Canonical name of the first Russian official in the table that the text names.

    >>> russian_official("встреча С.В.Лаврова с Министром"), russian_official("Sergei Lavrov met")
    ('Sergey Lavrov', 'Sergey Lavrov')
    """
    pattern, names = _officials()
    match = pattern.search(text)
    return names[match.lastgroup or ""] if match else None


@lru_cache(maxsize=4)
def _post_official(post_text: str) -> str | None:
    # Asked once per sentence of the post: searched once, so a long post stays linear.
    return russian_official(post_text)


def russian_participant(sentence: str, post_text: str) -> tuple[bool, str | None]:
    """(a Russian side is named, its name): the table first, then "Russian Minister Name"
    or initials before the verb in Russian; a title alone ("Посол России") gives no name."""
    official = russian_official(sentence) or _post_official(post_text)
    if official:
        return True, official
    english = EN_RUSSIAN_SIDE.search(sentence)
    if english:
        return True, english.group("name")
    if EN_RUSSIAN_TITLE.search(sentence) or RU_RUSSIAN_TITLE.search(sentence):
        initials = RU_INITIALS_NAME.search(sentence)
        return True, initials.group() if initials else None
    return False, None


@cache
def _country_words() -> frozenset[str]:
    words: set[str] = set()
    for name in country_names():
        words.update(w.casefold().strip(".,") for w in name.split())
    for names in ORGANISATIONS.values():
        for name in names:
            words.update(w.casefold() for w in name.split())
    return frozenset(words)


def _is_name_token(token: str) -> bool:
    word = token.strip(",.;:()«»\"'")
    if not word or word.casefold() in ROLE_WORDS or word.casefold() in _country_words():
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
    """Name and office from the words after "with": the last run of capitalised words that
    are neither an office nor a country, nor an adjective before "counterpart".

    >>> english_counterpart("Prime Minister Ralph Gonsalves of St. Vincent and the Grenadines")
    Counterpart(name='Ralph Gonsalves', role='Prime Minister of St. Vincent and the Grenadines')
    >>> english_counterpart("UN Secretary-General Antonio Guterres.")
    Counterpart(name='Antonio Guterres', role='UN Secretary-General')
    >>> english_counterpart("his Malian counterpart Abdoulaye Diop")
    Counterpart(name='Abdoulaye Diop', role=None)
    """
    tokens = clause.split()
    runs = [r for r in _runs(tokens, _is_name_token) if not _before_counterpart(tokens, r[1])]
    span = _best_run(runs)
    if span is None:
        return Counterpart(None, _office(_clean_role(" ".join(tokens))))
    start, end = span
    name = " ".join(tokens[start:end]).strip(",.;:()")
    role = " ".join(tokens[:start])
    after = " ".join(tokens[end:])
    if re.match(r"of\s", after):
        role = f"{role} {after}"
    return Counterpart(name or None, _office(_clean_role(role)))


def _clean_role(role: str) -> str | None:
    role = re.sub(r"^(?:the|his|her|their)\s+", "", role.strip(" ,.;:"), flags=re.I)
    return role or None


COUNTRY_PLACEHOLDER = "·"


def _tokens_outside_countries(clause: str) -> list[str]:
    """The clause's words, each word of a country's name replaced by a placeholder."""
    spans = country_spans(clause)
    return [
        COUNTRY_PLACEHOLDER if any(a < m.end() and m.start() < b for a, b in spans) else m.group()
        for m in re.finditer(r"\S+", clause)
    ]


def _is_ru_name_token(token: str) -> bool:
    word = token.strip(",.;:()«»\"'")
    if not word or not re.match(r"[А-ЯЁ]", word):
        return False
    folded = word.casefold()
    if word.isupper() or folded.startswith(RU_ROLE_STEMS) or organisations_named(word):
        return False
    return not _names_country(word)


def _names_country(word: str) -> bool:
    return bool(countries_named(word))


def russian_counterpart(clause: str) -> Counterpart:
    """Name and office from the words after «с», put back into the nominative as best a
    suffix rule can (Руамбой -> Руамба, Председателем -> Председатель).

    >>> russian_counterpart("Министром иностранных дел Пакистана Дж.Джилани")
    Counterpart(name='Дж.Джилани', role='Министр иностранных дел Пакистана')
    >>> russian_counterpart("Генеральным секретарем ООН А.Гутеррешем")
    Counterpart(name='А.Гутерреш', role='Генеральный секретарь ООН')
    """
    initials = list(RU_INITIALS_NAME.finditer(clause))
    if initials:
        last = initials[-1]
        name = nominative_name(last.group())
        return Counterpart(name, _office(nominative_role(clause[: last.start()])))
    tokens = _tokens_outside_countries(clause)
    span = _best_run(_runs(tokens, _is_ru_name_token))
    if span is None:
        return Counterpart(None, _office(nominative_role(clause)))
    start, end = span
    name = " ".join(nominative_name(t.strip(",.;:()")) for t in tokens[start:end])
    role_words = clause.split()[:start]  # the clause as written: countries kept
    return Counterpart(name, _office(nominative_role(" ".join(role_words))))


NAME_ENDINGS = [  # instrumental -> nominative, for surnames and given names
    (re.compile(r"(ов|ев|ёв|ин|ын)ым$"), r"\1"),
    (re.compile(r"ским$"), "ский"),
    (re.compile(r"(ов|ев|ин)ой$"), r"\1а"),
    (re.compile(r"([аеиоуыэюя])ем$"), r"\1й"),
    (re.compile(r"([жшщчц])ем$"), r"\1"),
    (re.compile(r"ем$"), "ь"),
    (re.compile(r"ом$"), ""),
    (re.compile(r"ой$"), "а"),
    (re.compile(r"ью$"), "ь"),
]
ROLE_ENDINGS = [
    (re.compile(r"ым$"), "ый"),
    (re.compile(r"им$"), "ий"),
    (re.compile(r"([жшщчц])ем$"), r"\1"),
    (re.compile(r"ем$"), "ь"),
    (re.compile(r"ом$"), ""),
]


def _nominative(word: str, endings: list[tuple[re.Pattern[str], str]]) -> str | None:
    for pattern, replacement in endings:
        if pattern.search(word):
            return pattern.sub(replacement, word)
    return None


def nominative_name(name: str) -> str:
    """The last word of a Russian name in the instrumental case, back in the nominative."""
    head, _, last = name.rpartition(".") if "." in name else ("", "", name)
    fixed = _nominative(last, NAME_ENDINGS) or last
    return f"{head}.{fixed}" if head else fixed


def nominative_role(role: str) -> str | None:
    """An office in the instrumental (Генеральным секретарем ООН) with its leading words in
    the nominative (Генеральный секретарь ООН); what follows them is already genitive."""
    words = role.strip(" ,.;:").split()
    for i, word in enumerate(words):
        fixed = _nominative(word, ROLE_ENDINGS)
        if fixed is None:
            break
        words[i] = fixed
    return " ".join(words) or None
