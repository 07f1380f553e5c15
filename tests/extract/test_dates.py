"""The day a post states for its event."""

from __future__ import annotations

from datetime import date

import pytest

from sidelines.extract.dates import date_words, event_date, sentence_date


@pytest.mark.parametrize(
    ("text", "session", "expected"),
    [
        ("21 сентября С.В.Лавров провёл встречу", 78, date(2023, 9, 21)),
        ("On September 21, Lavrov met", 78, date(2023, 9, 21)),
        ("New York, September 21, 2023", None, date(2023, 9, 21)),
        ("25 September 2024 talks", None, date(2024, 9, 25)),
        ("3 марта министры встретились", 78, date(2024, 3, 3)),  # March of session 78 is 2024
        ("On September 21, Lavrov met", None, None),  # no year to be had
        ("Lavrov will address the Assembly on September 28.", 79, date(2024, 9, 28)),
        ("Министр примет участие 25 сентября.", 79, date(2024, 9, 25)),  # announced: its day
        ("31 сентября", 78, None),
    ],
)
def test_event_date(text: str, session: int | None, expected: date | None) -> None:
    assert event_date(text, session) == expected


def test_event_date_falls_back_to_publication_year() -> None:
    assert event_date("On May 9 the parade", None, 2024) == date(2024, 5, 9)


# Modelled on the MFA's day-after reports («Вчера … провёл переговоры с …») and on agency
# reports that name a weekday ("On Thursday, Lavrov met …"); written here, not copied.
@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("Накануне глава МИД России провёл переговоры с коллегой из Омана.", date(2024, 3, 6),
         (date(2024, 3, 5), "inferred")),
        ("Накануне глава МИД России провёл переговоры с коллегой из Омана.", date(2024, 4, 10),
         (date(2024, 4, 9), "inferred")),
        ("On Thursday, the Russian minister met his Malaysian counterpart.", date(2024, 9, 28),
         (date(2024, 9, 26), "inferred")),
        ("On Thursday, the Russian minister met his Malaysian counterpart.", date(2024, 10, 5),
         (date(2024, 10, 3), "inferred")),
        ("Talks were held on 24 September.", date(2024, 9, 25), (date(2024, 9, 24), "stated")),
        ("Talks were held on 24 September.", date(2023, 9, 30), (date(2023, 9, 24), "stated")),
    ],
)  # fmt: skip
def test_a_sentence_read_once_is_dated_anew_for_each_post(
    sentence: str, published: date, expected: tuple[date, str]
) -> None:
    # The forms are read once per distinct sentence; each post resolves them against its own
    # publication day.
    assert date_words(sentence) is date_words(sentence)
    assert sentence_date(sentence, None, published) == expected


def test_date_words_keeps_every_form_a_sentence_states() -> None:
    words = date_words("On Monday, after the talks of 24 September and 2 October, on the 5th")
    assert words is not None
    assert [(s.day, s.month) for s in words.stated] == [(24, 9), (2, 10)]
    assert (words.weekday, words.nth_day, words.relative) == (0, 5, None)
    assert date_words("The ministers discussed the agenda.") is None
