"""A meeting sentence is read once by its words (`reading`, `subject_side`); each post then
adds what only it tells: its official, its flags, its days."""

from __future__ import annotations

from datetime import datetime

from sidelines.extract.mentions import post_mentions
from sidelines.extract.sentence_mentions import reading, subject_side
from tests.extract.rows import post

# Modelled on MFA summaries of a minister's day ("He also met …" after a first meeting
# named the minister); the words are this test's own.
LATER = "He also held talks with the Foreign Minister of Malta."


def test_a_sentence_is_read_once_whatever_post_it_is_in() -> None:
    assert reading(LATER, False) is reading(LATER, False)
    read = reading(LATER, False)
    assert read is not None
    assert [p.country for p in read.partners] == ["MLT"]
    side = subject_side(LATER, read.first.start(), False)
    assert side.pronoun and not side.named  # the post says who "he" is


def test_each_post_gives_the_same_sentence_its_own_official_and_day() -> None:
    lavrov = post(
        "Sergey Lavrov met the Foreign Minister of Chile. " + LATER,
        published_at=datetime(2024, 9, 25, 10),
    )
    ryabkov = post(
        "Sergei Ryabkov met the Deputy Foreign Minister of Chile. " + LATER,
        published_at=datetime(2023, 9, 20, 10),
    )
    malta = {
        row["text"]: next(m for m in post_mentions(row) if m.country == "MLT")
        for row in (lavrov, ryabkov)
    }
    first, second = malta[lavrov["text"]], malta[ryabkov["text"]]
    assert first.russian_participant == "Sergey Lavrov"
    assert second.russian_participant == "Sergey Ryabkov"
    assert (first.date, second.date) == (
        datetime(2024, 9, 25).date(),
        datetime(2023, 9, 20).date(),
    )
