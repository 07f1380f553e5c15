"""Whether two mentions can be of the same person on the other side (and the same Russian
official): the test that keeps a deputy prime minister's meeting apart from a foreign
minister's on the same day, with the same country."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol

from sidelines.extract.memo import PHRASES

# Kinds of office, told apart in either language: two mentions naming different kinds
# are different people.
OFFICE_KINDS = [
    ("deputy", re.compile(r"deputy|vice|first\s+deputy|замест|вице|замглав|замминистр", re.I)),
    ("head_of_state", re.compile(r"president|king|emir|sultan|президент|корол|эмир|султан", re.I)),
    ("head_of_government", re.compile(r"prime\s+minister|premier|премьер", re.I)),
    ("ambassador", re.compile(r"ambassador|посол|посл[аоу]", re.I)),
    (
        "secretary_general",
        re.compile(r"secretary[\s-]+general|генсек|генеральн\w*\s+секретар", re.I),
    ),
    (
        "foreign_minister",
        re.compile(
            r"foreign|external\s+affairs|secretary\s+of\s+state|иностранных|госсекретар|глав\w*\s+МИД",
            re.I,
        ),
    ),
    ("minister", re.compile(r"minister|министр", re.I)),
]
INITIALS = re.compile(r"^(?:\w{1,2}\.\s?)+")
CYRILLIC = re.compile("[а-яё]", re.I)
# A person's name beside a title: initials («С.В.Лавров») or a word no title starts with.
NAMED = re.compile(
    r"\b\w\.|\b(?!(?:Russian|Russia|России|РФ|МИД|Foreign|Minister)\b)[A-ZА-ЯЁ][a-zа-яё]+\s+[A-ZА-ЯЁ][a-zа-яё]+$"
)


class Sided(Protocol):
    """What the test reads of a mention."""

    @property
    def counterpart_name(self) -> str | None: ...
    @property
    def counterpart_role(self) -> str | None: ...
    @property
    def russian_participant(self) -> str | None: ...


@lru_cache(maxsize=PHRASES)
def office_kind(role: str | None) -> str | None:
    """The kind of office a role names, in either language, or None.

    >>> office_kind("Deputy Prime Minister of Iraq"), office_kind("Министр иностранных дел")
    ('deputy', 'foreign_minister')
    """
    if not role:
        return None
    return next((kind for kind, pattern in OFFICE_KINDS if pattern.search(role)), None)


@lru_cache(maxsize=PHRASES)
def surname(name: str | None) -> str | None:
    """The last word of a name without initials, casefolded (script kept)."""
    if not name:
        return None
    words = INITIALS.sub("", name.strip()).split()
    return words[-1].casefold() if words else None


@lru_cache(maxsize=PHRASES)
def title_only(participant: str) -> bool:
    """True when the Russian side is named by its office alone («Глава МИД России», "the
    Russian Foreign Minister"): that is anyone holding it, no rival to a name."""
    return office_kind(participant) is not None and not NAMED.search(participant)


def same_counterpart(a: Sided, b: Sided) -> bool:
    """False when the two clearly name different people: different Russian officials,
    different kinds of office, or different surnames in the same script."""
    officials = {a.russian_participant, b.russian_participant} - {None}
    officials = {p for p in officials if not title_only(p)}
    if len(officials) > 1:
        return False
    kind_a, kind_b = office_kind(a.counterpart_role), office_kind(b.counterpart_role)
    if kind_a and kind_b and kind_a != kind_b:
        return False
    name_a, name_b = surname(a.counterpart_name), surname(b.counterpart_name)
    if name_a and name_b and bool(CYRILLIC.search(name_a)) == bool(CYRILLIC.search(name_b)):
        return name_a == name_b or name_a in name_b or name_b in name_a
    return True
