"""Meetings reported by posts: one row per real-world meeting, with every post that reports it.

Each post yields mentions (`mentions.py`); `clusters.py` decides which of them are one meeting;
here each meeting becomes a row, by group-bys over the mentions and their meeting: the date of
its best-dated mention, its most common session, names preferably in English, an id from what
the meeting is.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import polars as pl

from sidelines.extract.clusters import assign_clusters, cluster_mentions
from sidelines.extract.event_codes import EventCodes, event_columns
from sidelines.extract.identity import CYRILLIC, office_kind, same_counterpart, surname
from sidelines.extract.mention_rows import mentions_frame
from sidelines.extract.mentions import post_mentions
from sidelines.extract.posts import stable_id
from sidelines.extract.sessions import FIRST_SESSION_YEAR

__all__ = ["cluster_mentions", "meeting_rows", "meetings_from_mentions"]

# Names that may come in either language: the English one is preferred, the longest.
NAMED = ["location", "russian_participant", "counterpart_name", "counterpart_role"]
EVENT_INPUTS = ["unga_session", "location", "counterpart_country", "counterpart_org"]
EVENT_INPUTS += ["format", "status", "mode"]
EVENT_COLUMNS = [*EventCodes._fields, "actor_country", "recipient_country", "recipient_org"]


class Side(NamedTuple):
    """Who a meeting's best-dated mention names, as `same_counterpart` reads it."""

    russian_participant: str | None
    counterpart_name: str | None
    counterpart_role: str | None


def _prefer_english(names: pl.DataFrame, field: str) -> pl.DataFrame:
    """Each meeting's field from an English mention if one has it (the longest, then the
    first in code point order), else from any; empty values do not count. `names` holds
    each meeting's languages and names, repeated or not: only their distinct values are
    sorted."""
    value = pl.when(pl.col(field) != "").then(pl.col(field))
    return (
        names.select("_cluster", _en=pl.col("lang") == "en", _value=value)
        .drop_nulls("_value")
        .unique()
        .sort(
            "_cluster",
            "_en",
            pl.col("_value").str.len_chars(),
            "_value",
            descending=[False, True, True, False],
        )
        .group_by("_cluster", maintain_order=True)
        .agg(pl.col("_value").first().alias(field))
    )


def _session_in_its_year() -> pl.Expr:
    """The session, unless the meeting is dated outside its year (a meeting elsewhere)."""
    opening = FIRST_SESSION_YEAR + pl.col("unga_session")
    year = pl.when(pl.col("date").dt.month() >= 9).then(opening).otherwise(opening + 1)
    return (
        pl.when(pl.col("date").is_not_null() & (year != pl.col("date").dt.year()))
        .then(None)
        .otherwise(pl.col("unga_session"))
    )


def _most_common_session(assigned: pl.DataFrame) -> pl.DataFrame:
    """Each meeting's most common session, the lowest of equally common ones."""
    return (
        assigned.filter(pl.col("unga_session").is_not_null())
        .group_by("_cluster", "unga_session")
        .len()
        .sort("_cluster", "len", "unga_session", descending=[False, True, False])
        .group_by("_cluster", maintain_order=True)
        .agg(pl.col("unga_session").first())
    )


def _clusters(assigned: pl.DataFrame) -> pl.DataFrame:
    """One row per meeting, in the order they were made: its founding mention's side, its
    best-dated mention's date and names (the best precision, then the lowest post id, then
    the first taken), its names preferably in English and its most common session."""
    picks = (
        assigned.with_columns(_row=pl.int_range(pl.len(), dtype=pl.UInt32))
        .group_by("_cluster")
        .agg(
            _best=pl.col("_row").sort_by("_rank", "post_id", "_pos").first(),
            _first_post=pl.col("post_id").min(),
        )
        .sort("_cluster")
    )
    row_at = assigned["_pos"].arg_sort()  # a meeting's number is its founder's `_pos`
    founders = assigned[row_at.gather(picks["_cluster"])].select(
        "format", "status", "mode", counterpart_country="country", counterpart_org="org"
    )
    best = assigned[picks["_best"]].select(
        "date", *(pl.col(c).alias(f"_best_{c}") for c in ["date_precision", *NAMED[1:]])
    )
    clusters = pl.concat(
        [picks.select("_cluster", "_first_post"), founders, best], how="horizontal"
    )
    names = assigned.select("_cluster", "lang", *NAMED).unique()  # a meeting's are few
    for table in [*(_prefer_english(names, c) for c in NAMED), _most_common_session(assigned)]:
        clusters = clusters.join(table, on="_cluster", how="left", maintain_order="left")
    return clusters.with_columns(
        date_precision=pl.when(pl.col("date").is_not_null())
        .then(pl.col("_best_date_precision"))
        .otherwise(pl.lit("unknown")),
        unga_session=_session_in_its_year(),
    )


def _meeting_ids(clusters: pl.DataFrame) -> list[str]:
    """A hash of what each meeting is: side, format, status, session and date (else its first
    post). An in-person meeting keeps the id it had before contacts had a mode."""
    parts = clusters.select(
        "counterpart_country",
        "counterpart_org",
        "format",
        "status",
        "mode",
        "unga_session",
        pl.coalesce(pl.col("date").dt.to_string("%Y-%m-%d"), "_first_post"),
    ).iter_rows()
    return [
        stable_id("meeting", country, org, fmt, status, *called(mode), session, anchor)
        for country, org, fmt, status, mode, session, anchor in parts
    ]


def called(mode: str | None) -> tuple[str | None, ...]:
    """The mode as a part of the id: none for a meeting in person."""
    return () if mode == "in_person" else (mode,)


def _other_office(one: Side, other: Side) -> bool:
    """True when the two name offices of different kinds (a president, a foreign minister),
    or Russian officials of different surnames in one script (the minister's talks, then
    the President's)."""
    kinds = office_kind(one.counterpart_role), office_kind(other.counterpart_role)
    if None not in kinds and kinds[0] != kinds[1]:
        return True
    ours = surname(one.russian_participant), surname(other.russian_participant)
    if ours[0] is None or ours[1] is None:
        return False
    return ours[0] != ours[1] and bool(CYRILLIC.search(ours[0])) == bool(CYRILLIC.search(ours[1]))


def _distinct_ids(clusters: pl.DataFrame, ids: list[str]) -> list[str]:
    """The ids, where meetings that share one are told apart: the same side, day and status,
    but clearly another person (the President after the foreign minister) is its own meeting,
    its id from its first post. Equal ids otherwise mean the same meeting. Meetings come in
    the order they were made: the first keeps the id."""
    shared = pl.Series(ids).is_duplicated()
    if not shared.any():
        return ids
    sides = clusters.select(*(f"_best_{c}" for c in Side._fields), "_first_post")
    founders: dict[str, Side] = {}
    distinct = ids[:]
    for i in shared.arg_true().to_list():
        *named, first_post = sides.row(i)
        side = Side(*named)
        held = founders.get(ids[i])
        if held is not None and (not same_counterpart(held, side) or _other_office(held, side)):
            distinct[i] = stable_id("meeting", ids[i], first_post)
        founders.setdefault(distinct[i], side)
    return distinct


def _event_columns(meetings: pl.DataFrame) -> pl.DataFrame:
    """The event-code columns, found once per distinct combination of what they depend on."""
    combos = meetings.select(EVENT_INPUTS).unique(maintain_order=True)
    codes = pl.DataFrame(
        [event_columns(dict(zip(EVENT_INPUTS, row, strict=True))) for row in combos.iter_rows()],
        schema=dict.fromkeys(EVENT_COLUMNS, pl.String),
        orient="row",
    )
    return meetings.join(
        pl.concat([combos, codes], how="horizontal"),
        on=EVENT_INPUTS,
        how="left",
        nulls_equal=True,
        maintain_order="left",
    )


def meetings_from_mentions(mentions: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(meetings, meeting_sources) for the mentions of every post (a `mentions_frame`),
    sorted by their keys; columns in the schemas' order."""
    assigned = assign_clusters(mentions)
    clusters = _clusters(assigned)
    ids = _distinct_ids(clusters, _meeting_ids(clusters))
    clusters = clusters.with_columns(meeting_id=pl.Series(ids, dtype=pl.String))
    meetings = _event_columns(
        clusters.unique("meeting_id", keep="first", maintain_order=True).select(
            "meeting_id",
            "date",
            "date_precision",
            "unga_session",
            "location",
            "russian_participant",
            "counterpart_name",
            "counterpart_role",
            "counterpart_country",
            "counterpart_org",
            "format",
            "status",
            "mode",
        )
    ).sort("meeting_id")
    return meetings, _sources(assigned, clusters.select("_cluster", "meeting_id"))


def _sources(assigned: pl.DataFrame, ids: pl.DataFrame) -> pl.DataFrame:
    """Each meeting's posts, with the language of the last of a post's mentions taken."""
    pair = ["meeting_id", "post_id"]
    last = pl.any_horizontal(pl.col(c) != pl.col(c).shift(-1) for c in pair).fill_null(True)
    return (
        assigned.select("_cluster", "_pos", "post_id", "lang")
        .join(ids, on="_cluster", how="left")
        .sort(*pair, "_cluster", "_pos")
        .filter(last)
        .select(*pair, "lang")
    )


def meeting_rows(posts: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(meetings, meeting_sources) for post rows, sorted by their keys."""
    mentions = mentions_frame([m for post in posts for m in post_mentions(post)])
    meetings, sources = meetings_from_mentions(mentions)
    return meetings.to_dicts(), sources.to_dicts()
