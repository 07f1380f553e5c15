"""General Assembly sessions and the high-level week."""

from __future__ import annotations

import re
from datetime import date

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sidelines.extract.charclasses import _taken_for_letters, caseless, python_members
from sidelines.extract.sessions import (
    general_debate_opening,
    session_year,
    unga_session,
    unga_sessions,
    weekday_in_high_level_week,
)
from tests.extract.test_post_columns import EVERY_CHARACTER


@pytest.mark.parametrize(
    ("text", "session"),
    [
        ("«На полях» 78-й сессии Генассамблеи ООН", 78),
        ("on the sidelines of the 79th session of the UN General Assembly", 79),
        ("the UN General Assembly’s 80th Session", 80),
        ("#UNGA77", 77),
        ("#ГАООН81", 81),
        ("the 52nd session of the Human Rights Council", None),
        ("on the margins of the 79th UN General Assembly session", 79),  # TASS, 26 Sep 2024
        ("no session here", None),
    ],
)
def test_unga_session(text: str, session: int | None) -> None:
    assert unga_session(text) == session
    assert unga_sessions(pl.Series([text, None, ""], dtype=pl.String)) == [session, None, None]


# Where Python's and Rust's regexes could part: what `re.I` takes for a letter (ſ for s,
# ı and İ for i, ᲂ for о), a word or a space character only one of them counts (², a
# combining mark, the file separator \x1c), digits of other scripts (٧٨), the tag's and
# the sessions' words in both scripts, numbers of every length, the Assembly named near.
PIECES = [
    "UNGA", "unga", "UnGa", "#", "ГАООН", "гаоон", "ГА", "ООН", "ᲂ", "га ооН", "ГА\u00a0ООН",
    "78", "7", "781", "2024", "٧٨", "-", "th", "-й", "ой", "session", "Session", "ſeſſıon",
    "sessİon", "сессии", "СЕССИЯ", "сеᲃсии", "General Assembly", "Генассамблеи", "UN", " ",
    "  ", "\n", "\x1c", "\u00a0", "²", "\u0345", "_", "x", "Ж", ".", "–", "🇷🇺",
]  # fmt: skip
texts = st.one_of(
    st.none(), st.lists(st.sampled_from(PIECES), max_size=14).map("".join), st.text(max_size=40)
)


@settings(max_examples=500, deadline=None)
@given(st.lists(texts, min_size=1, max_size=8))
def test_the_column_pass_finds_what_python_finds(batch: list[str | None]) -> None:
    assert unga_sessions(pl.Series(batch, dtype=pl.String)) == [
        unga_session(text) for text in batch
    ]


# One of each edge, where a regex ported carelessly would part from Python's: the
# character before the tag (a combining mark, ², _ , a letter, the text's start), the
# digits after the number, other digits, the spaces Python counts and Rust does not.
EDGES = [
    "\u0345UNGA78", "²UNGA78", "_UNGA78", "xUNGA78", "ЖГАООН78", "#UNGA78", ".#unga78",
    "UNGA7812", "UNGA781", "UNGA78x", "UNGA٧٨", "UNGA\x1c78", "ГА\x1cООН 78", "ГА\u00a0ООН-78",
    "ГᲀООН78", "гаᲂон 79", "ſeſſion 78 General Assembly",
    "the 78th sessİon of the UN General Assembly",
]  # fmt: skip


def test_the_column_pass_on_the_edges() -> None:
    assert unga_sessions(pl.Series(EDGES, dtype=pl.String)) == [
        unga_session(text) for text in EDGES
    ]


def test_caseless_letters_are_what_python_ignoring_case_takes() -> None:
    """Every character `caseless` lets stand for a letter is one `re.I` matches it with."""
    every = pl.Series(EVERY_CHARACTER)
    for letter in "UNGAГАОНsessionсесси":
        members = every.filter(every.str.contains(f"^{caseless(letter)}$")).to_list()
        assert "".join(members) == python_members(f"(?i:{re.escape(letter)})"), letter


def test_the_letters_classes_are_read_off_every_character_re_i_takes_for_one() -> None:
    """`caseless` reads the Latin and Cyrillic letters' classes off the characters a class
    of them takes under `re.I`: the same as those the letters take one by one."""
    letters = "abcdefghijklmnopqrstuvwxyzабвгдеёжзийклмнопрстуфхцчшщъыьэюя"
    one_by_one = python_members("(?i:" + "|".join(letters) + ")")
    assert _taken_for_letters() == one_by_one
    assert len(one_by_one) > 2 * len(letters)  # capitals, and ſ, K, ᲀ …


def test_the_column_pass_on_every_post_of_the_corpora(corpora_texts: list[str]) -> None:
    found = unga_sessions(pl.Series(corpora_texts, dtype=pl.String))
    assert found == [unga_session(text) for text in corpora_texts]
    assert sum(s is not None for s in found) > 1000  # the corpora name sessions


@pytest.mark.parametrize(
    ("session", "opening"),
    [
        (76, date(2021, 9, 21)),
        (77, date(2022, 9, 20)),
        (78, date(2023, 9, 19)),
        (79, date(2024, 9, 24)),
        (80, date(2025, 9, 23)),
    ],
)
def test_general_debate_opening(session: int, opening: date) -> None:
    assert general_debate_opening(session) == opening


def test_weekday_in_high_level_week() -> None:
    assert weekday_in_high_level_week(79, 2) == date(2024, 9, 25)  # Wednesday
    assert weekday_in_high_level_week(78, 3) == date(2023, 9, 21)  # Thursday


def test_session_year() -> None:
    assert session_year(78, 9) == 2023
    assert session_year(78, 6) == 2024
