"""The Russian side of a meeting: an official of `aliases.py` in any case, in initials style,
in English or Russian (one automaton), else a Russian office ("Russian Ambassador to Egypt",
«Посол России в Египте») with the name written after it, or the office alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from sidelines.extract.aliases import RUSSIAN_OFFICIALS
from sidelines.extract.automaton import WORD_START, Automaton, Entry, tokens_of
from sidelines.extract.fastre import compile_guarded
from sidelines.extract.gazetteer import names_in
from sidelines.extract.memo import SENTENCES
from sidelines.extract.morphology import person_name_forms
from sidelines.extract.nominative import case_of, nominative_phrase
from sidelines.extract.person_names import CYRILLIC, RU_INITIALS_NAME, nominative_name

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
    # Only where a word begins: initials' single letters («А.», «М.») would stop at every
    # а and м inside words, each a check in Python that `Automaton.first` then drops.
    return compile_guarded(f"{WORD_START}(?:{alternatives})", re.I)


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


@lru_cache(maxsize=4)
def _post_official(post_text: str) -> str | None:
    # Asked once per sentence of the post: searched once, so a long post stays linear.
    return russian_official(post_text)


@lru_cache(maxsize=SENTENCES)  # once per distinct sentence
def russian_participant(sentence: str, post_text: str) -> tuple[bool, str | None]:
    """(a Russian side is named, who): an official of the table (canonical English name), in
    the sentence, else in the post; else a Russian title ("Russian Ambassador to Egypt",
    «Посол России в Египте») with the name written after it, or the title alone."""
    official = russian_official(sentence) or _post_official(post_text)
    if official:
        return True, official
    span = _title_match(sentence)
    if span is None:
        return False, None
    title = sentence[span[0] : span[1]]
    case = (case_of(title) or "nomn") if CYRILLIC.search(title) else "nomn"
    name = _name_after_title(sentence, span[1], case)
    return True, name or russian_title(sentence)
