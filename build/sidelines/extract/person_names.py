"""Person names and offices as a table writes them: Russian ones back in the nominative
(pymorphy3, through `morphology.py`), initials kept, emoji and stray punctuation removed.

Shared by the Russian side (`officials.py`) and the counterpart (`people.py`).
"""

from __future__ import annotations

import re
from functools import lru_cache

import emoji

from sidelines.extract.fastre import compile_guarded
from sidelines.extract.memo import PHRASES
from sidelines.extract.nominative import case_of, nominative_phrase, nominative_word

CYRILLIC = re.compile("[а-яё]", re.I)
# Words inside a name, never its end: al-, bin, van, de, «бин», «аль».
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


@lru_cache(maxsize=PHRASES)  # and so do names
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


@lru_cache(maxsize=PHRASES)  # offices repeat: «Министром иностранных дел …»
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
