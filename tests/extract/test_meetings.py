"""Meetings on fixtures in the seeds' styles: other countries, sessions and languages."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sidelines.extract.clusters import cluster_mentions
from sidelines.extract.meetings import meeting_rows
from sidelines.extract.mention_rows import Mention
from sidelines.pipeline import BuildConfig, build
from tests.conftest import SCHEMAS, read_table

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "meetings"

# (country or org, date, precision, session, name, status, format, number of sources)
EXPECTED = [
    pytest.param(
        ("IND", "2024-09-24", "stated", 79, "Subrahmanyam Jaishankar", "held", "bilateral", 2),
        id="russian-post-and-english-twin",
    ),
    pytest.param(
        ("EGY", "2024-09-25", "inferred", 79, "Б.Абдельатти", "held", "bilateral", 1),
        id="russian-only-weekday-in-high-level-week",
    ),
    pytest.param(
        ("TUR", "2024-09-23", "stated", 79, "Х.Фидан", "held", "bilateral", 1),
        id="same-country-first-day",
    ),
    pytest.param(
        ("TUR", "2024-09-26", "stated", 79, "Хакан Фидан", "held", "bilateral", 2),
        id="same-country-second-day-with-video-caption",
    ),
    pytest.param(
        ("BRICS", "2024-09-26", "stated", 79, None, "held", "multilateral", 1),
        id="multilateral-english",
    ),
    pytest.param(
        ("CSTO", "2024-09-27", "stated", 79, None, "planned", "multilateral", 1),
        id="planned-russian",
    ),
    pytest.param(
        ("BRA", "2023-09-21", "inferred", 78, "Mauro Vieira", "held", "bilateral", 1),
        id="article-on-thursday",
    ),
    pytest.param(
        ("ARG", "2023-09-22", "inferred", 78, "Santiago Cafiero", "planned", "bilateral", 1),
        id="article-planned-on-friday",
    ),
    pytest.param(
        ("SAU", None, "unknown", None, "Фейсал бин Фархан Аль Сауд", "held", "bilateral", 1),
        id="hashtag-only-no-date",
    ),
]


@pytest.fixture(scope="module")
def fixture_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("meetings") / "datapackage"
    build(BuildConfig(raw_dir=FIXTURES, out_dir=out, schemas_dir=SCHEMAS))
    return out


def _rows(package: Path, mode: str = "in_person") -> list[dict[str, Any]]:
    rows = read_table(package, "meetings").iter_rows(named=True)
    return [r for r in rows if r["mode"] == mode]


@pytest.mark.parametrize("expected", EXPECTED)
def test_fixture_meeting(fixture_package: Path, expected: tuple[Any, ...]) -> None:
    who, when, precision, session, name, status, fmt, n_sources = expected
    rows = [
        r
        for r in _rows(fixture_package)
        if who in (r["counterpart_country"], r["counterpart_org"]) and r["date"] == when
    ]
    assert len(rows) == 1, rows
    row = rows[0]
    got_session = int(row["unga_session"]) if row["unga_session"] else None
    assert (row["date_precision"], got_session) == (precision, session)
    assert (row["counterpart_name"], row["status"], row["format"]) == (name, status, fmt)
    assert row["russian_participant"] == "Sergey Lavrov"
    sources = read_table(fixture_package, "meeting_sources")
    assert sources.filter(pl.col("meeting_id") == row["meeting_id"]).height == n_sources


def test_fixture_has_no_other_meetings(fixture_package: Path) -> None:
    """The sanctions comment yields nothing, the telephone call is a contact of its own
    mode; nothing else appears."""
    rows = _rows(fixture_package)
    assert len(rows) == len(EXPECTED)
    assert not [r for r in rows if r["counterpart_country"] in {"USA", "AZE"}]
    calls = [(r["counterpart_country"], r["status"]) for r in _rows(fixture_package, "phone")]
    assert calls == [("AZE", "held")]
    assert not _rows(fixture_package, "video")


def test_fixture_roles_and_places(fixture_package: Path) -> None:
    rows = {r["counterpart_country"] or r["counterpart_org"]: r for r in _rows(fixture_package)}
    assert rows["IND"]["counterpart_role"] == "Minister of External Affairs of India"
    assert rows["BRA"]["counterpart_role"] == "Foreign Minister of Brazil"
    assert (
        rows["SAU"]["counterpart_role"] == "Министр иностранных дел Королевства Саудовская Аравия"
    )
    assert rows["IND"]["location"] == "New York"  # on the margins of the session
    assert rows["SAU"]["location"] is None


def test_video_caption_joins_the_nearest_meeting(fixture_package: Path) -> None:
    posts = read_table(fixture_package, "posts")
    caption = posts.filter(pl.col("text").str.starts_with("Начало переговоров"))["post_id"][0]
    sources = read_table(fixture_package, "meeting_sources")
    meeting = sources.filter(pl.col("post_id") == caption)["meeting_id"].to_list()
    dates = read_table(fixture_package, "meetings").filter(pl.col("meeting_id").is_in(meeting))
    assert dates["date"].to_list() == ["2024-09-26"]


def mention(post_id: str, day: date | None, precision: str, **kw: Any) -> Mention:
    fields: dict[str, Any] = {
        "post_id": post_id,
        "lang": "ru",
        "source_file": "f",
        "line_start": 1,
        "translation_id": None,
        "published": None,
        "country": "MLI",
        "org": None,
        "format": "bilateral",
        "status": "held",
        "mode": "in_person",
        "date": day,
        "date_precision": precision,
        "unga_session": 78,
        "russian_participant": "Sergey Lavrov",
        "counterpart_name": None,
        "counterpart_role": None,
        "location": None,
    }
    return Mention(**(fields | kw))


@pytest.mark.parametrize(
    ("mentions", "groups"),
    [
        pytest.param(
            [mention("a", date(2023, 9, 21), "stated"), mention("b", date(2023, 9, 22), "stated")],
            [["a"], ["b"]],
            id="different-days-two-meetings",
        ),
        pytest.param(
            [mention("a", date(2023, 9, 21), "stated"), mention("b", None, "unknown")],
            [["a", "b"]],
            id="undated-joins-dated",
        ),
        pytest.param(
            [
                mention("a", date(2023, 9, 21), "stated"),
                mention("b", None, "unknown", country="MLT"),
            ],
            [["a"], ["b"]],
            id="other-country-apart",
        ),
        pytest.param(
            [
                mention("a", date(2023, 9, 21), "stated"),
                mention("b", None, "unknown", status="planned"),
            ],
            [["a"], ["b"]],
            id="planned-apart-from-held",
        ),
        pytest.param(
            [
                mention("a", date(2023, 9, 21), "stated"),
                mention("b", None, "unknown", unga_session=79),
            ],
            [["a"], ["b"]],
            id="other-session-apart",
        ),
        pytest.param(
            [
                mention("a", date(2023, 9, 21), "stated"),
                mention("b", date(2023, 9, 22), "published", published=date(2023, 9, 22)),
            ],
            [["a", "b"]],
            id="published-next-day-joins",
        ),
        pytest.param(
            [
                mention("a", date(2023, 9, 21), "stated", line_start=1),
                mention("b", date(2023, 9, 25), "stated", line_start=40),
                mention("c", None, "unknown", line_start=44, translation_id="a"),
            ],
            [["a", "c"], ["b"]],
            id="translation-beats-distance",
        ),
        pytest.param(
            [
                mention("p2", date(2023, 9, 21), "published"),
                mention("p1", date(2023, 9, 23), "published"),  # better ranked: moves it to 23rd
                mention("p3", date(2023, 9, 26), "published"),  # 3 days after the 23rd
                mention("p4", date(2023, 9, 27), "published"),  # 4 days: too late
            ],
            [["p1", "p2", "p3"], ["p4"]],
            id="published-follows-a-moved-meeting",
        ),
        # Issue 12: merging keyed on who the counterpart is, not only the state and the day.
        pytest.param(
            [
                mention("a", None, "unknown", unga_session=None, counterpart_name="Fuad Hussein",
                        counterpart_role="Deputy Prime Minister of Iraq"),
                mention("b", None, "unknown", unga_session=None, line_start=9,
                        counterpart_name="Mohammed Shia al-Sudani",
                        counterpart_role="Prime Minister of Iraq"),
            ],
            [["a"], ["b"]],
            id="undated-same-state-different-counterparts-apart",
        ),
        pytest.param(
            [
                mention("a", date(2024, 10, 22), "stated", unga_session=None,
                        russian_participant="Vladimir Putin", counterpart_role="President"),
                mention("b", date(2024, 10, 22), "stated", unga_session=None,
                        russian_participant="Sergey Lavrov", counterpart_role="Foreign Minister"),
            ],
            [["a"], ["b"]],
            id="same-day-different-russian-officials-apart",
        ),
        # A live report ("is holding talks", published that day) and the next day's agency
        # post in another language («накануне»): one meeting.
        pytest.param(
            [
                mention("a", date(2024, 10, 22), "published", lang="en", unga_session=None,
                        published=date(2024, 10, 22), counterpart_name="Abdel Fattah El-Sisi"),
                mention("b", date(2024, 10, 22), "inferred", source_file="g", unga_session=None,
                        published=date(2024, 10, 23), counterpart_name="А.Ф.ас-Сиси"),
            ],
            [["a", "b"]],
            id="live-report-and-next-days-nakanune",
        ),
        # An undated announcement in another file, published years later, is not the
        # dated meeting of the same state.
        pytest.param(
            [
                mention("a", date(2022, 9, 24), "stated", status="planned", unga_session=77),
                mention("b", None, "unknown", status="planned", source_file="g",
                        unga_session=None, published=date(2025, 5, 20)),
            ],
            [["a"], ["b"]],
            id="undated-unrelated-announcement-apart",
        ),
    ],
)  # fmt: skip
def test_cluster_mentions(mentions: list[Mention], groups: list[list[str]]) -> None:
    got = sorted(sorted(m.post_id for m in c.members) for c in cluster_mentions(mentions))
    assert got == groups


@pytest.fixture(scope="module")
def fixture_posts(fixture_package: Path) -> list[dict[str, Any]]:
    posts = pl.read_parquet(fixture_package / "data" / "posts.parquet")
    return posts.to_dicts()


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(min_value=0, max_value=10**6))
def test_rows_do_not_depend_on_post_order(fixture_posts: list[dict[str, Any]], seed: int) -> None:
    shuffled = fixture_posts[:]
    random.Random(seed).shuffle(shuffled)
    assert meeting_rows(shuffled) == meeting_rows(fixture_posts)


def test_meeting_ids_ignore_file_names(fixture_posts: list[dict[str, Any]]) -> None:
    renamed = [p | {"source_file": "x/" + p["source_file"]} for p in fixture_posts]
    ids = [r["meeting_id"] for r in meeting_rows(fixture_posts)[0]]
    assert [r["meeting_id"] for r in meeting_rows(renamed)[0]] == ids


def test_same_state_and_day_with_offices_of_two_kinds_are_two_meetings() -> None:
    # MFA Russia, 21 May 2024, Astana: the heads of delegations received by the President of
    # Kazakhstan, and Lavrov's talk with the Deputy Prime Minister – Foreign Minister.
    from datetime import date as day

    from sidelines.extract.meetings import meetings_from_mentions
    from sidelines.extract.mention_rows import Mention, mentions_frame

    def mention(post_id: str, name: str, role: str) -> Mention:
        return Mention(
            post_id, "en", post_id, 1, None, day(2024, 5, 21), "KAZ", None, "bilateral",
            "held", "in_person", day(2024, 5, 21), "published", None, None, name, role, None,
        )  # fmt: skip

    meetings, _ = meetings_from_mentions(
        mentions_frame(
            [
                mention("a", "Kassym-Jomart Tokayev", "President of Kazakhstan"),
                mention("b", "Murat Nurtleu", "Minister of Foreign Affairs of Kazakhstan"),
            ]
        )
    )
    assert sorted(meetings["counterpart_name"]) == [
        "Kassym-Jomart Tokayev",
        "Murat Nurtleu",
    ]
