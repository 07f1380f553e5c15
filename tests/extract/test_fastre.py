import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sidelines.extract import cues, date_forms, dates, officials, places, sentences, sessions, sides
from sidelines.extract.fastre import compile_guarded, first_characters


@pytest.mark.parametrize(
    ("pattern", "flags", "expected"),
    [
        (r"\b(?:will|shall)\b|(?<!\w)будет", 0, {"w", "s", "б"}),
        (r"(?:a|b)?c", 0, {"a", "b", "c"}),  # an optional start: what follows can begin too
        (r"x*", 0, None),  # can match nothing: no guard
        (r"(?<!\d)\d{2}", 0, {r"\d"}),
        (r"[A-C]z", re.I, {"A-C"}),
        (r".a", 0, None),
        (r"[^a]", 0, None),
        (r"(?i)ab", 0, None),  # a leading inline flag can't follow the lookahead
        (r"(?i:a)b", 0, None),
    ],
)
def test_first_characters(pattern: str, flags: int, expected: set[str] | None) -> None:
    assert first_characters(pattern, flags) == expected


def test_guard_is_a_lookahead_and_keeps_the_flags() -> None:
    guarded = compile_guarded(r"\bwill\b", re.I)
    assert guarded.pattern == r"(?=[w])(?:\bwill\b)"
    assert guarded.flags & re.I
    assert guarded.search("They WILL meet").span() == (5, 9)
    assert compile_guarded(r".+").pattern == r".+"


# The extraction's own patterns, guarded, against the same patterns compiled plainly.
GUARDED = [
    cues.MEETING,
    cues.RECEIVED,
    cues.MULTILATERAL,
    cues.PLANNED,
    cues.REMOTE,
    cues.NEGATED,
    sentences.SIDELINES,
    sides.STOP_RU,
    sides.STOP_EN,
    sides.SEPARATOR_RU,
    places.IN_PLACE_RU,
    dates.WEEKDAY,
    dates.RELATIVE_DAY,
    date_forms.FUTURE,
    sessions.GENERAL_ASSEMBLY,
    sessions.SESSION_PATTERNS[0],
    officials.RU_RUSSIAN_TITLE,
    officials.EN_RUSSIAN_TITLE,
]  # names (countries, organisations, officials) are an automaton now, not a regex
WORDS = [
    "held talks with", "met with", "Minister", "will", "встреча с", "переговоры", "Sept. 21",
    "Египта", "Republic of Mali", "ООН", "CSTO", "Генассамблеи", "UNGA78", "on Monday",
    "в среду", "on the sidelines of the General Assembly", "Lavrov", "С.В.Лавров", "Mali",
    "Russian Foreign Minister Sergey Lavrov", "приняли участие в заседании министров", "#",
]  # fmt: skip
TEXT = st.lists(
    st.one_of(st.sampled_from(WORDS), st.text(alphabet="aMwsбвС .,-«»\n#1", max_size=4)),
    max_size=12,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(text=TEXT)
def test_guarded_patterns_find_what_plain_ones_find(text: str) -> None:
    for guarded in GUARDED:
        assert guarded.pattern.startswith("(?=[")
        plain = re.compile(guarded.pattern.split(")(?:", 1)[1][:-1], guarded.flags)
        assert [m.span() for m in guarded.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], (plain.pattern[:40], text)
