"""What one post says about meetings."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from sidelines.extract.mentions import post_mentions
from tests.extract.rows import post


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        pytest.param(
            post("🇷🇺🇰🇪 Sergey Lavrov held talks with Foreign Minister Musalia Mudavadi."),
            [("KEN", None, "bilateral", "held")],
            id="flag-pair",
        ),
        pytest.param(
            post("С.В.Лавров провёл встречу с Генеральным секретарём ОДКБ И.Тасмагамбетовым."),
            [(None, "CSTO", "bilateral", "held")],
            id="head-of-organisation",
        ),
        pytest.param(
            post("Sergey Lavrov will meet with the Foreign Minister of Chile on Monday."),
            [("CHL", None, "bilateral", "planned")],
            id="will-meet-is-planned",
        ),
        pytest.param(
            post("Россия примет участие в дискуссиях в рамках ООН."),
            [],
            id="no-official-no-engagement",
        ),
        pytest.param(
            post("Sergey Lavrov had a telephone conversation with the Foreign Minister of Peru."),
            [("PER", None, "bilateral", "held")],
            id="phone-call-is-a-contact",
        ),
        pytest.param(
            post("Lavrov said that talks with Kyiv are impossible."),
            [],
            id="no-meeting-cue-with-a-country",
        ),
    ],
)
def test_post_mentions(row: dict[str, Any], expected: list[tuple[Any, ...]]) -> None:
    got = [(m.country, m.org, m.format, m.status) for m in post_mentions(row)]
    assert got == expected


def test_dates_of_a_held_meeting() -> None:
    text = "Sergey Lavrov met with the Foreign Minister of Chile on Tuesday."
    on_session = post_mentions(post(text, unga_session=80))[0]
    assert (on_session.date, on_session.date_precision) == (date(2025, 9, 23), "inferred")
    published = post_mentions(post(text, published_at=datetime(2025, 3, 6, 10)))[0]
    assert (published.date, published.date_precision) == (date(2025, 3, 4), "inferred")
    plain = post_mentions(post("Sergey Lavrov met with the Foreign Minister of Chile."))[0]
    assert (plain.date, plain.date_precision) == (None, "unknown")
    stamped = post_mentions(
        post(
            "Sergey Lavrov met with the Foreign Minister of Chile.",
            published_at=datetime(2025, 3, 6),
        )
    )[0]
    assert (stamped.date, stamped.date_precision) == (date(2025, 3, 6), "published")


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        # modelled on MID, "Foreign Minister Sergey Lavrov's telephone conversation with ..."
        pytest.param(
            post("Sergey Lavrov spoke by phone with the Foreign Minister of Peru."),
            [("PER", "held", "phone")],
            id="spoke-by-phone",
        ),
        pytest.param(
            post("Sergey Lavrov will have a phone call with the Foreign Minister of Peru."),
            [("PER", "planned", "phone")],
            id="planned-phone-call",
        ),
        # modelled on TASS, «Лавров провёл телефонный разговор с главой МИД Египта»
        pytest.param(
            post(
                "С.В.Лавров провёл телефонный разговор с Министром иностранных дел Египта.",
                lang="ru",
            ),
            [("EGY", "held", "phone")],
            id="telefonnyi-razgovor",
        ),
        pytest.param(
            post(
                "С.В.Лавров переговорил по телефону с Министром иностранных дел Египта.", lang="ru"
            ),
            [("EGY", "held", "phone")],
            id="pogovoril-po-telefonu",
        ),
        # modelled on MID, «переговоры в режиме видеоконференции»
        pytest.param(
            post(
                "С.В.Лавров провёл переговоры в режиме видеоконференции с Министром иностранных"
                " дел Египта.",
                lang="ru",
            ),
            [("EGY", "held", "video")],
            id="videokonferentsiya",
        ),
        pytest.param(
            post(
                "С.В.Лавров провёл встречу по видеосвязи с Министром иностранных дел Египта.",
                lang="ru",
            ),
            [("EGY", "held", "video")],
            id="po-videosvyazi",
        ),
        pytest.param(
            post("Sergey Lavrov held a video call with the Foreign Minister of Peru."),
            [("PER", "held", "video")],
            id="video-call",
        ),
        # a call in a relative clause is another contact: this one was in person
        pytest.param(
            post(
                "Sergey Lavrov met the Foreign Minister of Peru, with whom he had spoken by phone."
            ),
            [("PER", "held", "in_person")],
            id="call-in-relative-clause",
        ),
        pytest.param(
            post(
                "Sergey Lavrov met with the Foreign Minister of Peru. Later he had a telephone "
                "conversation with the Foreign Minister of Chile."
            ),
            [("PER", "held", "in_person"), ("CHL", "held", "phone")],
            id="mode-per-sentence",
        ),
        pytest.param(
            post(
                "Sergey Lavrov said there are no talks with the Foreign Minister of Peru by phone."
            ),
            [],
            id="denied-call",
        ),
    ],
)
def test_contact_mode(row: dict[str, Any], expected: list[tuple[Any, ...]]) -> None:
    got = [(m.country, m.status, m.mode) for m in post_mentions(row)]
    assert got == expected
