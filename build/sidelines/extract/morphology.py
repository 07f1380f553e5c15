"""Russian inflection with pymorphy3: every case of a name, and a phrase back to the nominative.

Two jobs, both driven by the analyser's dictionary (and its guesses for unknown words, used
only where the grammatical case is known from the context):
- `case_forms`: a country's or organisation's name in all six cases («Объединённые Арабские
  Эмираты» -> «Объединённых Арабских Эмиратов», …), inflecting the head noun and the
  adjectives before it; words after the head (a genitive, an apposition) stay as written.
- `nominative_phrase` / `nominative_word` (`nominative.py`): an office or a person's name
  read in the instrumental, accusative or genitive, put back into the nominative.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import pymorphy3
from pymorphy3.analyzer import Parse

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
CYRILLIC = re.compile("[а-яё]", re.I)
# A case as the context names it; animate accusative is the genitive's form.
SAME_FORM = {"accs": ("accs", "gent")}
NAME_TAGS = ("Name", "Surn", "Patr")


@cache
def analyser() -> pymorphy3.MorphAnalyzer:
    """The one analyser of the process (loading the dictionaries takes a moment)."""
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=65536)
def parses(word: str) -> tuple[Parse, ...]:
    """The analyser's readings of a word, most probable first."""
    return tuple(analyser().parse(word))


def with_case_of(written: str, word: str) -> str:
    """`word` spelled with the capitals of `written` (first letter, or all of it), part by
    part when both are hyphenated alike (Южно-Африканской); with е for ё when the writer
    does not use ё («Моменом» -> «Момен», not the dictionary's «Момён»)."""
    if "ё" not in written.lower():
        word = word.replace("ё", "е").replace("Ё", "Е")
    parts, written_parts = word.split("-"), written.split("-")
    if len(parts) > 1 and len(parts) == len(written_parts):
        return "-".join(with_case_of(w, p) for w, p in zip(written_parts, parts, strict=True))
    if written.isupper() and len(written) > 1:
        return word.upper()
    if written[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _nominative_reading(word: str) -> Parse | None:
    """The word as the nominative head of a name: a noun (place first) or an adjective."""
    readings = [
        p for p in parses(word) if p.tag.case == "nomn" and p.tag.POS in ("NOUN", "ADJF", "PRTF")
    ]
    places = [p for p in readings if "Geox" in p.tag or "Orgn" in p.tag]
    return (places or readings or [None])[0]


def _inflect_all(
    reading: Parse, number: str, gender: str | None, animacy: str | None
) -> dict[str, str]:
    forms: dict[str, str] = {}
    for case in CASES:
        grammemes = {case, number}
        if reading.tag.POS != "NOUN" and gender in ("masc", "femn", "neut") and number == "sing":
            grammemes.add(gender)
        inflected = None
        if case == "accs" and animacy and reading.tag.POS != "NOUN":
            # «Европейский союз»: inanimate, so the accusative is the nominative's form
            inflected = reading.inflect(grammemes | {animacy})
        inflected = inflected or reading.inflect(grammemes)
        if inflected is not None:
            forms[case] = inflected.word
    return forms


def _word_forms(
    word: str, reading: Parse, number: str, gender: str | None, animacy: str | None = "inan"
) -> dict[str, str]:
    """The word's six cases, spelled like the word (capitals, ё kept as the dictionary has)."""
    if "Fixd" in reading.tag:
        return dict.fromkeys(CASES, word)
    forms = _inflect_all(reading, number, gender, animacy)
    return {case: with_case_of(word, form) for case, form in forms.items()}


def _hyphenated_forms(word: str, number: str, gender: str | None) -> dict[str, str] | None:
    """«Южно-Африканская» -> «Южно-Африканской», «Гвинея-Бисау» -> «Гвинеи-Бисау»: the parts
    the analyser knows as nouns or adjectives inflect, the others (Южно, Бисау) stay."""
    parts = word.split("-")
    cased = [dict.fromkeys(CASES, part) for part in parts]
    changed = False
    for k, part in enumerate(parts):
        reading = _nominative_reading(part.lower())
        if reading is None or not analyser().word_is_known(part.lower()):
            continue
        if reading.tag.POS == "NOUN" and "Geox" not in reading.tag:
            continue
        forms = _word_forms(part, reading, number, gender)
        if len(forms) == len(CASES):
            cased[k] = forms
            changed = True
    if not changed:
        return None
    return {case: "-".join(c[case] for c in cased) for case in CASES}


def case_forms(name: str) -> set[str]:
    """A Russian name in its six cases: the head noun, the adjectives before it and any
    noun joined to it by «и» inflect; the rest stays as written.

    >>> sorted(case_forms("Египет"))
    ['Египет', 'Египта', 'Египте', 'Египтом', 'Египту']
    >>> "Объединённых Арабских Эмиратов" in case_forms("Объединённые Арабские Эмираты")
    True
    >>> "Лиги арабских государств" in case_forms("Лига арабских государств")
    True
    """
    words = name.split()
    if not words or not CYRILLIC.search(name):
        return {name}
    head = None
    for i, word in enumerate(words):
        reading = _nominative_reading(word.lower().split("-")[-1])
        if reading is not None and reading.tag.POS == "NOUN":
            head = i
            break
    if head is None:
        head = len(words) - 1
    head_reading = _nominative_reading(words[head].lower().split("-")[-1])
    number = head_reading.tag.number or "sing" if head_reading else "sing"
    gender = head_reading.tag.gender if head_reading else None
    inflecting = list(range(head + 1))
    if head + 2 < len(words) and words[head + 1] == "и":
        inflecting.append(head + 2)  # «Босния и Герцеговина», «Сент-Винсент и Гренадины»
    cased: list[dict[str, str]] = [dict.fromkeys(CASES, w) for w in words]
    for i in inflecting:
        word = words[i]
        if "-" in word:
            whole = _nominative_reading(word.lower())
            hyphen_forms = (
                _word_forms(word, whole, number, gender)
                if whole is not None and analyser().word_is_known(word.lower())
                else _hyphenated_forms(word, number, gender)
            )
            if hyphen_forms and len(hyphen_forms) == len(CASES):
                cased[i] = hyphen_forms
            continue
        reading = _nominative_reading(word.lower())
        if reading is None:
            continue
        own_number = number if i != head + 2 else (reading.tag.number or "sing")
        forms = _word_forms(word, reading, own_number, gender if i < head else None)
        if len(forms) == len(CASES):
            cased[i] = forms
    return {name} | {" ".join(c[case] for c in cased) for case in CASES}


def adjective_forms(adjective: str) -> set[str]:
    """Every full form of a Russian adjective (genders, numbers, cases): «китайский» ->
    «китайского», «китайским», «китайской», «китайские», …"""
    readings = [p for p in parses(adjective.lower()) if p.tag.POS == "ADJF"]
    if not readings:
        return {adjective}
    return {form.word for form in readings[0].lexeme if form.tag.POS == "ADJF"} | {adjective}


# Surnames the dictionary lacks decline like a known one with the same ending (Рябков like
# Лавров); the model's forms are read from the dictionary, not written here.
SURNAME_MODELS = (("ов", "лавров"), ("ев", "лаврентьев"), ("ин", "путин"), ("ский", "полянский"))


def _surname_reading(word: str) -> Parse | None:
    for p in parses(word):
        if "Surn" in p.tag and p.tag.case == "nomn" and p.tag.gender in ("masc", "ms-f"):
            return p
    return None


def _singular_cases(reading: Parse) -> set[str]:
    if "Fixd" in reading.tag:
        return {reading.word}
    forms = {reading.word}
    for case in CASES:
        inflected = reading.inflect({case, "sing"})
        if inflected is not None:
            forms.add(inflected.word)
    return forms


def person_name_forms(name: str) -> set[str]:
    """A Russian person's name (surname, or given name and surname, or initials and surname)
    in its six cases, word by word, spelled as written.

    >>> sorted(person_name_forms("Рябков"))
    ['Рябков', 'Рябкова', 'Рябкове', 'Рябкову', 'Рябковым']
    >>> "А.И.Антонова" in person_name_forms("А.И.Антонов")
    True
    """
    *initials, last = name.rsplit(".", 1) if "." in name else ("", name)
    prefix = f"{initials[0]}." if initials and initials[0] else ""
    words = last.split()
    by_case = [_cases_of_name_word(w) for w in words]
    result = {name}
    for case in CASES:
        spelled = " ".join(forms.get(case, w) for w, forms in zip(words, by_case, strict=True))
        result.add(prefix + spelled)
    return result


def _cases_of_name_word(word: str) -> dict[str, str]:
    """case -> form of one word of a person's name (masculine where it is ambiguous)."""
    lower = word.lower()
    reading = _surname_reading(lower)
    if reading is None:
        names = [
            p
            for p in parses(lower)
            if p.tag.POS == "NOUN" and p.tag.case == "nomn" and ("Name" in p.tag)
        ]
        reading = names[0] if names else None
    if reading is not None:
        if "Fixd" in reading.tag:
            return dict.fromkeys(CASES, word)
        forms = {}
        for case in CASES:
            inflected = reading.inflect({case, "sing"})
            if inflected is not None:
                forms[case] = with_case_of(word, inflected.word)
        return forms
    for ending, model in SURNAME_MODELS:
        model_reading = _surname_reading(model)
        if lower.endswith(ending) and model_reading is not None:
            stem = lower[: -len(ending)]
            forms = {}
            for case in CASES:
                inflected = model_reading.inflect({case, "sing"})
                if inflected is not None:
                    tail = inflected.word[len(model) - len(ending) :]
                    forms[case] = with_case_of(word, stem + tail)
            return forms
    return dict.fromkeys(CASES, word)
