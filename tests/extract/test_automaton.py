"""The word-level automaton: leftmost-longest names, case rules, gaps, linear cost, and the
column pass that must never miss what it finds."""

from __future__ import annotations

import time

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sidelines.extract.automaton import Automaton, Entry, tokens_of

NAMES = Automaton(
    [
        Entry("country", "MLI", "Mali", "title"),
        Entry("country", "SOM", "Somalia", "title"),
        Entry("country", "GNB", "Guinea-Bissau", "title"),
        Entry("country", "GIN", "Guinea", "title"),
        Entry("country", "PNG", "Papua New Guinea", "title"),
        Entry("country", "VCT", "St. Vincent and the Grenadines", "title"),
        Entry("country", "USA", "US", "exact"),
        Entry("country", "TGO", "Того", "title-inner"),
        Entry("org", "LAS", "Лиги арабских государств"),
        Entry("demonym", "CHN", "китайским"),
    ]
)


def found(text: str) -> list[tuple[str, str]]:
    return [(text[h.start : h.end], h.code) for h in NAMES.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Papua New Guinea and Guinea",
            [("Papua New Guinea", "PNG"), ("Guinea", "GIN")],
            id="longest-wins",
        ),
        pytest.param("Guinea-Bissau", [("Guinea-Bissau", "GNB")], id="hyphen-gap"),
        pytest.param("Guinea, Bissau", [("Guinea", "GIN")], id="comma-breaks-a-name"),
        pytest.param(
            "St. Vincent and the Grenadines",
            [("St. Vincent and the Grenadines", "VCT")],
            id="dot-gap",
        ),
        pytest.param("Malian and Somalian", [], id="word-edges"),
        pytest.param("talks with us; the US side", [("US", "USA")], id="exact-abbreviation"),
        pytest.param("mali", [], id="proper-noun-needs-a-capital"),
        pytest.param(
            "Того же дня. Министр Того прибыл",
            [("Того", "TGO")],
            id="common-word-at-sentence-start",
        ),
        pytest.param(
            "генсеком ЛИГИ АРАБСКИХ ГОСУДАРСТВ",
            [("ЛИГИ АРАБСКИХ ГОСУДАРСТВ", "LAS")],
            id="any-case",
        ),
        pytest.param("с Китайским коллегой", [("Китайским", "CHN")], id="adjective-any-case"),
    ],
)
def test_find(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_folding() -> None:
    assert tokens_of("Объединённых Арабских Эмиратов") == ("объединенных", "арабских", "эмиратов")


def test_cost_grows_linearly_with_repeats() -> None:
    """A long run of a name's first words (the «на полях» shape of issue 11) stays linear."""
    unit = "Papua New Mali Papua New "
    times = []
    for repeats in (1_000, 10_000):
        text = unit * repeats
        best = float("inf")
        for _ in range(5):  # the best of a few runs: one run of a few ms is at the mercy of load
            start = time.process_time()
            NAMES.find(text)
            best = min(best, time.process_time() - start)
        times.append(best / repeats)
    assert times[1] / times[0] < 3


WORDS = ["Mali", "Somalia", "Guinea", "Bissau", "Papua", "New", "and", "the", "Malian", "с"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=10))
def test_column_pass_finds_everything_find_finds(words: list[str]) -> None:
    text = " ".join(words)
    in_column = NAMES.column_keys(pl.Series([text])).to_list()[0]
    for hit in NAMES.find(text):
        assert " ".join(tokens_of(text[hit.start : hit.end])) in in_column
