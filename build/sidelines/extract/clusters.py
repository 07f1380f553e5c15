"""Which mentions are one meeting: the clustering rules, and the column pass that applies them.

Mentions of the same counterpart, format and status are merged when their dates agree. A dated
mention anchors a meeting; a mention dated only by its publication joins a meeting held up to
`PUBLICATION_LAG` days before; an undated one (a video caption, a short forwarded twin) joins
its translation's meeting, else the one meeting with that counterpart in the same session,
else the nearest one in the same file.

The rules are sequential within a key (a mention joins a cluster chosen from those already
made), but keys are independent, and so are the days of a key that only dated mentions have.
`assign_clusters` decides a day whose mentions can only be one meeting with group-bys, and
runs `cluster_mentions` over small tuples for the rest.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import polars as pl

from sidelines.extract.identity import CYRILLIC, office_kind, same_counterpart, surname, title_only
from sidelines.extract.mention_rows import PRECISION_RANK, Mention

PUBLICATION_LAG = timedelta(days=3)  # a post may come out a few days after the meeting

GroupKey = tuple[str, str, str, str, str, str]


def group_key(m: Mention) -> GroupKey:
    """What two mentions must share to be one meeting: counterpart, format, status and mode
    (a call and a meeting the same day are two contacts; a multilateral meeting of no known
    organisation only merges with its own translation)."""
    solo = ""
    if m.format == "multilateral" and not m.org and not m.country:
        solo = min(m.post_id, m.translation_id or m.post_id)
    return (m.country or "", m.org or "", m.format, m.status, m.mode, solo)


class Cluster:
    """Mentions taken to be one meeting."""

    def __init__(self, key: GroupKey, first: Mention, number: int) -> None:
        self.key = key
        self.number = number  # order of creation: ties go to the older meeting
        self.members = [first]
        self.best = first  # the member with the best-attested date
        self.session_set: set[int] = set()
        if first.unga_session is not None:
            self.session_set.add(first.unga_session)
        self.lines_by_file: dict[str, list[int]] = {first.source_file: [first.line_start]}

    def add(self, m: Mention) -> None:
        """Take in one more mention of the same meeting."""
        self.members.append(m)
        if _rank(m) < _rank(self.best):
            self.best = m
        if m.unga_session is not None:
            self.session_set.add(m.unga_session)
        bisect.insort(self.lines_by_file.setdefault(m.source_file, []), m.line_start)

    @property
    def date(self) -> date | None:
        """The best-attested date: stated, then inferred, then published."""
        return self.best.date

    def sessions(self) -> set[int]:
        """The General Assembly sessions its mentions name."""
        return self.session_set

    def admits_session(self, session: int | None) -> bool:
        """True when a mention of `session` can be the same meeting."""
        return session is None or not self.session_set or session in self.session_set

    def compatible(self, m: Mention) -> bool:
        """True unless the mention clearly names another person than the meeting's first
        and best-dated members (a deputy prime minister is not the foreign minister), or
        announces as coming a meeting already past when it was published."""
        if m.status == "planned" and m.published and self.date and self.date < m.published:
            return False
        return same_counterpart(self.members[0], m) and same_counterpart(self.best, m)

    def distance(self, m: Mention) -> int:
        """Lines between a mention and the nearest member in the same file (large if none)."""
        lines = self.lines_by_file.get(m.source_file, [])  # kept sorted
        at = bisect.bisect_left(lines, m.line_start)
        near = lines[max(at - 1, 0) : at + 1]
        return min((abs(line - m.line_start) for line in near), default=10**9)


def _rank(m: Mention) -> tuple[int, str]:
    return PRECISION_RANK[m.date_precision], m.post_id


def _order(m: Mention) -> tuple[Any, ...]:
    return (
        PRECISION_RANK[m.date_precision],
        m.date or date.max,
        m.source_file,
        m.line_start,
        m.post_id,
    )


def cluster_mentions(mentions: list[Mention]) -> list[Cluster]:
    """Group mentions into meetings; the result does not depend on the order of the input."""
    clusters: list[Cluster] = []  # only clusters of one key can merge: each index has the key
    # Clusters by key and current date, so that a dated mention looks at a few days' meetings
    # instead of scanning all of its counterpart's. Mentions come best-dated first: a cluster
    # founded by a stated or inferred date keeps it while such mentions arrive.
    by_day: dict[tuple[GroupKey, date | None], list[Cluster]] = {}
    by_post: dict[tuple[str, GroupKey], Cluster] = {}
    # An undated mention can only join a meeting it is `related` to: one reported in its
    # file, one of its session, or one dated near its publication. Indexing the first two
    # (by number, to keep the order of creation) spares it a scan of all its key's meetings.
    by_file: dict[tuple[GroupKey, str], dict[int, Cluster]] = {}
    by_session: dict[tuple[GroupKey, int], dict[int, Cluster]] = {}

    def join(cluster: Cluster | None, m: Mention, key: GroupKey) -> None:
        if cluster is None:
            cluster = Cluster(key, m, number=len(clusters))
            clusters.append(cluster)
            by_day.setdefault((key, cluster.date), []).append(cluster)
        else:
            day = cluster.date
            cluster.add(m)
            if cluster.date != day:  # a better-dated member moved the meeting: re-file it
                by_day[(key, day)].remove(cluster)
                by_day.setdefault((key, cluster.date), []).append(cluster)
        by_post[(m.post_id, key)] = cluster
        by_file.setdefault((key, m.source_file), {})[cluster.number] = cluster
        if m.unga_session is not None:
            by_session.setdefault((key, m.unga_session), {})[cluster.number] = cluster

    def related(m: Mention, key: GroupKey) -> list[Cluster]:
        """The meetings an undated mention can be, in the order made: reported in the same
        file, in the same General Assembly session, or dated within `PUBLICATION_LAG` of
        its publication."""
        near = by_file.get((key, m.source_file), {}).copy()
        if m.unga_session is not None:
            near |= by_session.get((key, m.unga_session), {})
        if m.published is not None:
            for lag in range(-PUBLICATION_LAG.days, PUBLICATION_LAG.days + 1):
                near |= {c.number: c for c in by_day.get((key, m.published + timedelta(lag)), [])}
        return [near[number] for number in sorted(near)]

    for m in sorted(mentions, key=_order):
        key = group_key(m)
        if m.date_precision in ("stated", "inferred"):
            dated = by_day.get((key, m.date), [])
            fits = (c for c in dated if c.admits_session(m.unga_session) and c.compatible(m))
            join(next(fits, None), m, key)
            continue
        if m.date_precision == "published" and m.date is not None:
            day = m.date
            near = sorted(
                (
                    c
                    for lag in range(PUBLICATION_LAG.days + 1)
                    for c in by_day.get((key, day - timedelta(days=lag)), [])
                    if c.admits_session(m.unga_session) and c.compatible(m)
                ),
                key=lambda c: c.number,
            )
            join(
                min(near, key=lambda c: (day - (c.date or day), c.distance(m)), default=None),
                m,
                key,
            )
        else:
            same = [
                c for c in related(m, key) if c.admits_session(m.unga_session) and c.compatible(m)
            ]
            twin = by_post.get((m.translation_id or "", key))
            if twin is not None and not twin.compatible(m):
                twin = None
            if twin is None and same:
                twin = min(same, key=lambda c: (c.distance(m), c.date or date.max))
            join(twin, m, key)
    return clusters


def _falsy(column: str) -> pl.Expr:
    return pl.col(column).is_null() | (pl.col(column) == "")


# `group_key` as columns: None and "" are one value, as in the tuple.
KEY_COLUMNS = {
    "_country": pl.col("country").fill_null(""),
    "_org": pl.col("org").fill_null(""),
    "_format": pl.col("format"),
    "_status": pl.col("status"),
    "_mode": pl.col("mode"),
    "_solo": pl.when((pl.col("format") == "multilateral") & _falsy("org") & _falsy("country"))
    .then(
        pl.min_horizontal(
            "post_id",
            pl.when(_falsy("translation_id"))
            .then(pl.col("post_id"))
            .otherwise(pl.col("translation_id")),
        )
    )
    .otherwise(pl.lit("")),
}
KEY = list(KEY_COLUMNS)


def in_order(mentions: pl.DataFrame) -> pl.DataFrame:
    """The mentions, in their own order, with their key columns, `_rank`, and `_pos`: their
    place in the order `cluster_mentions` takes them (`_order`, ties in input order). Only
    the few sort columns are sorted: moving every column would cost more than the sort."""
    keyed = mentions.with_columns(
        **KEY_COLUMNS,
        _rank=pl.col("date_precision").replace_strict(PRECISION_RANK, return_dtype=pl.Int8),
    )
    taken = keyed.select(
        pl.arg_sort_by(
            ["_rank", "date", "source_file", "line_start", "post_id"],
            nulls_last=True,  # an undated mention sorts as `date.max`
            maintain_order=True,
        )
    ).to_series()
    return keyed.with_columns(_pos=taken.arg_sort())


def _per_value(column: pl.Series, read: Callable[[str], Any], dtype: pl.DataType) -> pl.Series:
    """`read` of each value of a column, called once per distinct value (None stays None)."""
    values = column.drop_nulls().unique().to_list()
    return column.replace_strict(
        values, [read(v) for v in values], default=None, return_dtype=dtype
    )


def _official(participant: str) -> str | None:
    """The Russian side when it names a person, None when an office alone («Глава МИД»)."""
    return None if title_only(participant) else participant


def _script(name: str) -> bool | None:
    last = surname(name)
    return None if last is None else bool(CYRILLIC.search(last))


def _at_most_one(column: str | pl.Expr) -> pl.Expr:
    value = pl.col(column) if isinstance(column, str) else column
    return value.drop_nulls().n_unique() <= 1


def days(ordered: pl.DataFrame) -> pl.DataFrame:
    """Each mention's `_day` founder (the first `_pos` of its key and date) and whether the
    day is `_one_meeting`: its key has only stated or inferred dates, and its mentions all
    admit each other: at most one session, no later announcement of a meeting already past
    when published, no two that `same_counterpart` tells apart (one person on our side, one
    kind of office, one surname in each script). Such a day is one meeting: its first
    mention founds it, and every later one finds it admitting and compatible. In the
    mentions' order."""
    sides = ordered.select(
        *KEY,
        "date",
        "unga_session",
        "_pos",
        _row=pl.int_range(pl.len(), dtype=pl.UInt32),
        _official=_per_value(ordered["russian_participant"], _official, pl.String()),
        _kind=_per_value(ordered["counterpart_role"], office_kind, pl.String()),
        _surname=_per_value(ordered["counterpart_name"], surname, pl.String()),
        _script=_per_value(ordered["counterpart_name"], _script, pl.Boolean()),
        _dated=pl.col("_rank") <= PRECISION_RANK["inferred"],
        _past=((pl.col("status") == "planned") & (pl.col("date") < pl.col("published"))),
    )
    first = pl.col("_pos") == pl.col("_pos").min()  # founds the day's meeting, whatever it says
    by_day = sides.group_by(*KEY, "date").agg(
        pl.col("_row"),
        _day=pl.col("_pos").min(),
        _dated=pl.col("_dated").all(),
        _admit=_at_most_one("unga_session")
        & _at_most_one("_official")
        & _at_most_one("_kind")
        & _at_most_one(pl.col("_surname").filter(pl.col("_script")))
        & _at_most_one(pl.col("_surname").filter(~pl.col("_script")))
        & ~(pl.col("_past") & ~first).any(),
    )
    return (
        by_day.select(
            "_row",
            "_day",
            _one_meeting=pl.col("_dated").all().over(KEY) & pl.col("_admit"),
        )
        .explode("_row")
        .sort("_row")
        .drop("_row")
    )


def assign_clusters(mentions: pl.DataFrame) -> pl.DataFrame:
    """The mentions as `in_order` gives them, each with `_cluster`: the `_pos` of the mention
    that founded its meeting, so that meetings number in the order `cluster_mentions` makes
    them."""
    ordered = in_order(mentions)
    day = days(ordered)
    rest = ordered.filter(~day["_one_meeting"]).sort("_pos")
    positions = rest["_pos"].to_list()
    tuples = [Mention._make(row) for row in rest.select(Mention._fields).iter_rows()]
    at = {id(m): pos for m, pos in zip(tuples, positions, strict=True)}
    founded = dict.fromkeys(positions, 0)
    for cluster in cluster_mentions(tuples):
        founder = at[id(cluster.members[0])]
        for m in cluster.members:
            founded[at[id(m)]] = founder
    return ordered.with_columns(
        _cluster=pl.when(day["_one_meeting"])
        .then(day["_day"])
        .otherwise(pl.col("_pos").replace_strict(founded, default=None, return_dtype=pl.UInt32))
    )
