"""The merge as columns gives exactly what the merge of `Mention` tuples gave."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sidelines.extract.clusters import assign_clusters, cluster_mentions, days, in_order
from sidelines.extract.meetings import meetings_from_mentions
from sidelines.extract.mention_rows import Mention, mentions_frame
from sidelines.package.schema import load_schemas
from tests.conftest import SCHEMAS
from tests.extract.meetings_reference import reference_meetings

POSTS = ["a", "b", "c", "d", "e", "f"]
HIGH_LEVEL_WEEK = date(2023, 9, 19)  # session 78's general debate opened that Tuesday

# Who the sides may be, in the styles of MFA Russia's reports of the 78th and 79th sessions'
# high-level weeks (Lavrov's talks with Hakan Fidan; the President's and the minister's
# meetings the same day; a title alone, «Глава МИД России»; initials, «Х.Фидан»).
OURS = [None, "", "Sergey Lavrov", "С.В.Лавров", "Vladimir Putin", "Глава МИД России"]
NAMES = [None, "", "Hakan Fidan", "Fidan", "Х.Фидан", "Fuad Hussein", "Фуад Хусейн"]
ROLES = [None, "", "Foreign Minister", "President", "Deputy Prime Minister", "министр"]
PLACES = [None, "", "New York", "Нью-Йорк", "Moscow"]


@st.composite
def mentions(draw: st.DrawFn, files: int = 2, days: int = 12) -> Mention:
    """A mention from small pools, so that keys, days, posts and names often coincide."""
    day = st.integers(0, days).map(lambda n: HIGH_LEVEL_WEEK + timedelta(days=n))
    precision = draw(st.sampled_from(["stated", "inferred", "published", "unknown"]))
    # Another year: a session named outside its year. No date: as if `date.max`.
    when = None if precision == "unknown" else draw(day | st.just(date(2024, 3, 1)) | st.none())
    return Mention(
        post_id=draw(st.sampled_from(POSTS)),
        lang=draw(st.sampled_from(["en", "ru"])),
        source_file=draw(st.sampled_from("fghijk"[:files])),
        line_start=draw(st.integers(1, 30)),
        translation_id=draw(st.sampled_from([None, "", *POSTS])),  # twins
        published=draw(st.none() | day),  # planned after publication, published-only dates
        country=draw(st.sampled_from([None, "", "TUR", "IRQ"])),
        org=draw(st.sampled_from([None, "UN"])),
        format=draw(st.sampled_from(["bilateral", "multilateral"])),
        status=draw(st.sampled_from(["held", "planned"])),
        mode=draw(st.sampled_from(["in_person", "phone"])),
        date=when,
        date_precision=precision,
        unga_session=draw(st.sampled_from([None, 78, 79])),
        russian_participant=draw(st.sampled_from(OURS)),
        counterpart_name=draw(st.sampled_from(NAMES)),
        counterpart_role=draw(st.sampled_from(ROLES)),
        location=draw(st.sampled_from(PLACES)),
    )


def _one_key(m: Mention) -> Mention:
    """The mention with one counterpart, format, status and mode: every mention of a list
    can then meet every other, as the mentions of one state over years do."""
    return m._replace(country="TUR", org=None, format="bilateral", status="held", mode="phone")


def _same_day_stated(m: Mention) -> Mention:
    """The mention as the common case has it: stated on the first day, one key."""
    return _one_key(m)._replace(date=HIGH_LEVEL_WEEK, date_precision="stated")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(mentions(), max_size=40)
    | st.lists(mentions(files=6, days=20).map(_one_key), max_size=30)  # seldom in one file
    | st.lists(mentions().map(_same_day_stated), max_size=20)
)
def test_merge_as_columns_equals_the_merge_of_tuples(listed: list[Mention]) -> None:
    meetings, sources = meetings_from_mentions(mentions_frame(listed))
    expected_meetings, expected_sources = reference_meetings(listed)
    assert meetings.to_dicts() == expected_meetings
    assert sources.to_dicts() == expected_sources


def mention(post_id: str, **kw: Any) -> Mention:
    """A stated mention of Lavrov's talks with Turkey's foreign minister on 19 September."""
    fields: dict[str, Any] = {
        "post_id": post_id,
        "lang": "en",
        "source_file": "f",
        "line_start": 1,
        "translation_id": None,
        "published": HIGH_LEVEL_WEEK,
        "country": "TUR",
        "org": None,
        "format": "bilateral",
        "status": "held",
        "mode": "in_person",
        "date": HIGH_LEVEL_WEEK,
        "date_precision": "stated",
        "unga_session": 78,
        "russian_participant": "Sergey Lavrov",
        "counterpart_name": "Hakan Fidan",
        "counterpart_role": "Foreign Minister",
        "location": "New York",
    }
    return Mention(**(fields | kw))


@pytest.mark.parametrize(
    ("second", "one_meeting"),
    [
        pytest.param(mention("b", lang="ru", counterpart_name="Х.Фидан"), True, id="other-script"),
        pytest.param(mention("b", unga_session=None), True, id="no-session"),
        pytest.param(mention("b", russian_participant="Глава МИД России"), True, id="title-only"),
        pytest.param(mention("b", date_precision="inferred"), True, id="inferred"),
        pytest.param(mention("b", unga_session=79), False, id="other-session"),
        pytest.param(mention("b", counterpart_name="Fuad Hussein"), False, id="other-surname"),
        pytest.param(mention("b", counterpart_role="President"), False, id="other-office"),
        pytest.param(mention("b", russian_participant="Vladimir Putin"), False, id="other-ours"),
        pytest.param(
            mention("b", status="planned", published=HIGH_LEVEL_WEEK + timedelta(days=1)),
            True,  # another key: a day of its own, alone on it
            id="planned-is-another-key",
        ),
        pytest.param(mention("b", date_precision="unknown", date=None), False, id="undated-key"),
    ],
)
def test_one_meeting_days(second: Mention, one_meeting: bool) -> None:
    ordered = in_order(mentions_frame([mention("a"), second]))
    assert days(ordered)["_one_meeting"].to_list() == [one_meeting, one_meeting]


def test_planned_after_publication_is_not_decided_by_columns() -> None:
    late = dict(status="planned", published=HIGH_LEVEL_WEEK + timedelta(days=1))
    ordered = in_order(mentions_frame([mention("a", **late), mention("b", **late)]))
    assert not days(ordered)["_one_meeting"].any()


def test_clusters_are_numbered_by_their_founding_mention() -> None:
    listed = [
        mention("c", line_start=9),
        mention("a", date=HIGH_LEVEL_WEEK + timedelta(days=1)),
        mention("b", line_start=3),
    ]
    assigned = assign_clusters(mentions_frame(listed))
    assert assigned.select("post_id", "_pos", "_cluster").rows() == [
        ("c", 1, 0),
        ("a", 2, 2),
        ("b", 0, 0),
    ]


def _groups(listed: list[Mention]) -> list[list[str]]:
    return sorted(sorted(m.post_id for m in c.members) for c in cluster_mentions(listed))


UNDATED = {"date": None, "date_precision": "unknown", "unga_session": None}


@pytest.mark.parametrize(
    ("listed", "groups"),
    [
        pytest.param(
            [
                mention("a", source_file="g", unga_session=None, date=date(2023, 9, 23)),
                mention("b", **UNDATED, published=date(2023, 9, 21)),
            ],
            [["a", "b"]],
            id="undated-joins-a-meeting-dated-after-its-publication",
        ),
        pytest.param(
            [
                mention("a", source_file="g", unga_session=None, date=date(2023, 9, 19)),
                mention("b", **UNDATED, published=date(2023, 9, 22)),
            ],
            [["a", "b"]],
            id="undated-joins-a-meeting-dated-before-its-publication",
        ),
        pytest.param(
            [
                mention("a", source_file="g", unga_session=None, date=date(2023, 9, 26)),
                mention("b", **UNDATED, published=date(2023, 9, 21)),
            ],
            [["a"], ["b"]],
            id="undated-apart-from-a-meeting-five-days-after",
        ),
        pytest.param(
            [
                mention("a", source_file="g", unga_session=None),
                mention("b", source_file="h", unga_session=79, counterpart_name="Fuad Hussein"),
                mention("c", **UNDATED | {"unga_session": 79}, counterpart_name=None),
            ],
            [["a", "c"], ["b"]],  # equally near and dated: the older meeting
            id="undated-tie-goes-to-the-older-meeting",
        ),
        pytest.param(
            [
                mention("a", source_file="g", unga_session=79, published=None),
                mention("b", **UNDATED | {"unga_session": 79}, published=None),
            ],
            [["a", "b"]],
            id="undated-joins-its-sessions-meeting-in-another-file",
        ),
    ],
)
def test_undated_mentions_find_related_meetings(
    listed: list[Mention], groups: list[list[str]]
) -> None:
    assert _groups(listed) == groups
    assert (
        meetings_from_mentions(mentions_frame(listed))[0].to_dicts()
        == (reference_meetings(listed)[0])
    )


@pytest.mark.parametrize("listed", [[], [mention("a")]], ids=["no-mentions", "one-mention"])
def test_tables_have_the_schemas_columns_and_types(listed: list[Mention]) -> None:
    schemas = load_schemas(SCHEMAS)
    tables = meetings_from_mentions(mentions_frame(listed))
    for name, table in zip(["meetings", "meeting_sources"], tables, strict=True):
        assert table.schema == schemas.polars_schema(name)
        assert table.height == len(listed)
