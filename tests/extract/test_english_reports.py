"""Meeting mentions in English reports: the shapes agency news and ministry posts take that
the first rules missed (issue 12, English slice).

Every text is written in our own words; the comment above each case names the public report
its shape is modelled on.
"""

from __future__ import annotations

from typing import Any

import pytest

from sidelines.extract.mentions import Mention, post_mentions


def post(text: str, **kw: Any) -> dict[str, Any]:
    return {
        "post_id": "p",
        "lang": "en",
        "source_file": "f",
        "line_start": 1,
        "text": text,
        "event_date": None,
        "unga_session": None,
        "published_at": None,
        "translation_id": None,
    } | kw


def found(text: str) -> list[tuple[Any, ...]]:
    return [(m.country or m.org, m.status, m.counterpart_name) for m in post_mentions(post(text))]


def test_an_organisation_name_holding_a_stop_word_is_one_side() -> None:
    # TASS, 26 Sep 2025, "Lavrov, OSCE Secretary General discuss ways of overcoming crisis":
    # the organisation is written out in full, its "in Europe" no place.
    assert found(
        "Sergey Lavrov held talks with the Secretary General of the Organization for Security "
        "and Cooperation in Europe Feridun Sinirlioglu in New York."
    ) == [("OSCE", "held", "Feridun Sinirlioglu")]


def test_two_titles_joined_by_a_dash_are_one_person() -> None:
    # Kazinform, 2019-10-07, "Sergey Lavrov to visit Kazakhstan", and Kazakh MFA releases
    # naming the "Deputy Prime Minister – Minister of Foreign Affairs".
    result: list[Mention] = post_mentions(
        post(
            "Sergey Lavrov had a conversation with Deputy Prime Minister – Minister of Foreign "
            "Affairs of Kazakhstan Murat Nurtleu, who chaired the ministerial council."
        )
    )
    assert [(m.country, m.counterpart_name) for m in result] == [("KAZ", "Murat Nurtleu")]
    assert result[0].counterpart_role is not None
    assert "Minister of Foreign Affairs" in result[0].counterpart_role


@pytest.mark.parametrize(
    "text",
    [
        # TASS, 2 Dec 2021, "Lavrov, OSCE Secretary General discuss …": a dash before a
        # topic still ends the other side's words.
        "Sergey Lavrov met the Foreign Minister of Sweden Ann Linde – talks on the agenda.",
    ],
)
def test_a_dash_before_other_words_still_ends_the_side(text: str) -> None:
    assert [c for c, _, _ in found(text)] == ["SWE"]
