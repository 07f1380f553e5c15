"""An office or a person's name read in the instrumental, accusative or genitive, put back
into the nominative with pymorphy3 («Министром иностранных дел» -> «Министр иностранных дел»,
«с Ван И» kept); a word the analyser cannot place in the case its context gives (an
indeclinable «Цой Сон Хи») is kept as written, an unknown name declines like a known one.
"""

from __future__ import annotations

from functools import lru_cache

from pymorphy3.analyzer import Parse

from sidelines.extract.memo import PHRASES
from sidelines.extract.morphology import (
    CYRILLIC,
    NAME_TAGS,
    SAME_FORM,
    analyser,
    parses,
    with_case_of,
)


def _reading_in_case(word: str, case: str) -> Parse | None:
    """The most likely reading of a name word in the given case: dictionary names first,
    then the analyser's guesses; None when an indeclinable reading is as good."""
    wanted = SAME_FORM.get(case, (case,))
    readings = [
        p
        for p in parses(word.lower())
        if p.tag.POS == "NOUN" and p.tag.case in wanted and p.tag.number != "plur"
    ]
    if not readings:
        return None

    def rank(p: Parse) -> tuple[int, int, float]:
        named = any(tag in p.tag for tag in NAME_TAGS)
        return (int(named and "Fixd" not in p.tag), int(p.tag.animacy == "anim"), p.score)

    best = max(readings, key=rank)
    if "Fixd" in best.tag or best.tag.gender == "neut":  # a person is not a neuter noun
        return None
    if case != "ablt" and not analyser().word_is_known(word.lower()):
        # A guess outside the instrumental only where the ending leaves no doubt: «Аттафа»
        # (a masculine's -а), «Хакалу» (-у of an -а name); «Моди», «Шукри» may be
        # indeclinable, whatever a guessed paradigm says.
        nominative = best.inflect({"nomn"})
        lower = word.lower()
        if nominative is None or not _unambiguous_ending(lower, nominative.word, case):
            return None
    return best


def _unambiguous_ending(word: str, nominative: str, case: str) -> bool:
    if case in ("gent", "accs") and nominative == word[:-1] and word[-1] in "ая":
        return True
    return (
        case == "accs" and word[-1] in "ую" and nominative == word[:-1] + "ая"["ую".index(word[-1])]
    )


def _nominative_by_paradigm(word: str, case: str) -> str | None:
    """A nominative whose paradigm, as the analyser builds it, spells `word` in `case`
    («Фейсалом» <- «Фейсал»): tried when the analyser's own reading of `word` fails."""
    lower = word.lower()
    wanted = SAME_FORM.get(case, (case,))
    for cut in (2, 1, 3):
        for ending in ("", "а", "я", "й", "ь"):
            candidate = lower[:-cut] + ending
            if len(candidate) < 3:  # «Цой» is not «Ца» in the instrumental
                continue
            if case != "ablt" and not _unambiguous_ending(lower, candidate, case):
                continue  # «Моди» is not «Модя» in the genitive
            for p in parses(candidate):
                tag = p.tag
                if tag.POS != "NOUN" or tag.case != "nomn" or tag.number != "sing":
                    continue
                if "Fixd" in tag or tag.gender not in ("masc", "femn"):
                    continue
                if any((form := p.inflect({c})) is not None and form.word == lower for c in wanted):
                    return candidate
            # a guessed paradigm only where the ending leaves no doubt: the instrumental,
            # or a masculine's -а (Аттафа); «Шукри», «Накамицу» may be indeclinable
            models = None if case == "ablt" else MASCULINE_MODELS
            if any(_like_model(candidate, c, models) == lower for c in wanted):
                return candidate
    return None


# Given names the dictionary knows, one per ending: an unknown name declines like the one
# that ends as it does (Фейсал like Ахмед, Гутерреш like Лукаш).
NAME_MODELS = {
    "hard": "ахмед",
    "жшчщц": "лукаш",
    "й": "сергей",
    "ь": "игорь",
    "а": "никита",
    "я": "илья",
}
MASCULINE_MODELS = frozenset(["hard", "жшчщц"])
VOWELS = "аеёиоуыэюя"


def _like_model(nominative: str, case: str, models: frozenset[str] | None) -> str | None:
    """`nominative` in `case`, declined like the dictionary's model name for its ending
    (if that model is among `models`; None: any)."""
    last = nominative[-1]
    if last in VOWELS and last not in "ая":
        return None
    key = next((k for k in NAME_MODELS if k != "hard" and last in k), "hard")
    if models is not None and key not in models:
        return None
    model = NAME_MODELS[key]
    readings = [p for p in parses(model) if "Name" in p.tag and p.tag.case == "nomn"]
    form = readings[0].inflect({case}) if readings else None
    if form is None:
        return None
    keep = len(model) if key in ("hard", "жшчщц") else len(model) - 1
    stem = nominative if key in ("hard", "жшчщц") else nominative[:-1]
    return stem + form.word[keep:]


@lru_cache(maxsize=PHRASES)
def nominative_word(word: str, case: str = "ablt") -> str:
    """A name's word back in the nominative when the analyser can read it in `case`;
    otherwise as written.

    >>> nominative_word("Хаддадом"), nominative_word("Руамбой"), nominative_word("Ханг")
    ('Хаддад', 'Руамба', 'Ханг')
    >>> nominative_word("Хакалу", "accs"), nominative_word("Гатилова", "gent")
    ('Хакала', 'Гатилов')
    """
    if case == "nomn" or not CYRILLIC.search(word) or not word[:1].isalpha():
        return word
    reading = _reading_in_case(word, case)
    if reading is None:
        by_paradigm = _nominative_by_paradigm(word, case)
        return with_case_of(word, by_paradigm) if by_paradigm else word
    nominative = reading.inflect({"nomn"})
    if nominative is None:
        return word
    return with_case_of(word, nominative.word)


def _role_reading(word: str, case: str) -> Parse | None:
    wanted = SAME_FORM.get(case, (case,))
    for p in parses(word.lower()):
        if p.tag.case in wanted and p.tag.POS in ("NOUN", "ADJF", "PRTF"):
            return p
    return None


def _cases(word: str) -> set[str]:
    return {
        str(p.tag.case)
        for p in parses(word)
        if p.tag.POS in ("NOUN", "ADJF", "PRTF") and p.tag.case
    }


@lru_cache(maxsize=PHRASES)
def case_of(phrase: str) -> str | None:
    """The case a phrase is in, read off its first noun, adjective or participle (a country
    in the genitive skipped: it hangs on the word that gives the case): the instrumental
    when that word can be in it (the case after «с», with distinctive endings), else its
    most likely case («посла Египта» -> 'accs').

    >>> case_of("исполняющим обязанности министра"), case_of("Чрезвычайным и Полномочным Послом")
    ('ablt', 'ablt')
    >>> case_of("Малайзии Мохамадом Хасаном"), case_of("посла Египта"), case_of("Председатель КНР")
    ('ablt', 'accs', 'nomn')
    """
    for word in phrase.split():
        if not CYRILLIC.search(word):
            continue
        readings = [
            p
            for p in parses(word.strip(",.;:()«»").lower())
            if p.tag.POS in ("NOUN", "ADJF", "PRTF") and p.tag.case
        ]
        if not readings or "Geox" in readings[0].tag:
            continue
        if any(p.tag.case == "ablt" for p in readings):
            return "ablt"
        return str(readings[0].tag.case)
    return None


@lru_cache(maxsize=PHRASES)
def nominative_phrase(phrase: str, case: str = "ablt") -> str:
    """An office read in `case` with its leading words in the nominative, up to and
    including its head noun; what follows is already genitive and stays.

    >>> nominative_phrase("Генеральным секретарем ООН")
    'Генеральный секретарь ООН'
    >>> nominative_phrase("Министром иностранных дел Египта")
    'Министр иностранных дел Египта'
    >>> nominative_phrase("исполняющим обязанности министра иностранных дел Вьетнама")
    'исполняющий обязанности министра иностранных дел Вьетнама'
    """
    words = phrase.split()
    if case == "nomn":
        return phrase
    readings: list[Parse] = []
    for word in words:
        if word in ("и",) and readings:
            readings.append(parses(word)[0])
            continue
        reading = _role_reading(word.strip(",.;:"), case) if CYRILLIC.search(word) else None
        if reading is None:
            break
        readings.append(reading)
        if reading.tag.POS == "NOUN":
            break
    head = readings[-1] if readings and readings[-1].tag.POS == "NOUN" else None
    gender = head.tag.gender if head is not None else None
    number = head.tag.number if head is not None else None
    for i, reading in enumerate(readings):
        if reading.tag.POS not in ("NOUN", "ADJF", "PRTF"):
            continue
        grammemes = {"nomn"}
        if reading.tag.POS != "NOUN" and number:
            grammemes.add(number)
            if number == "sing" and gender in ("masc", "femn", "neut"):
                grammemes.add(gender)
        inflected = reading.inflect(grammemes)
        if inflected is not None:
            words[i] = with_case_of(words[i], inflected.word)
    return " ".join(words)
