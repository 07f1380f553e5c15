"""The merge as it was before it became columns (issue 13): clusters of `Mention` tuples made
by scanning a key's meetings, one dict per meeting. Kept, unchanged but for its imports, as
the reference that `meetings_from_mentions` must equal on any mentions."""

from __future__ import annotations

import bisect
from collections import Counter
from datetime import date, timedelta
from typing import Any

from sidelines.extract.clusters import PUBLICATION_LAG, GroupKey, group_key
from sidelines.extract.event_codes import event_columns
from sidelines.extract.identity import CYRILLIC, office_kind, same_counterpart, surname
from sidelines.extract.mention_rows import PRECISION_RANK, Mention
from sidelines.extract.posts import stable_id
from sidelines.extract.sessions import session_year


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

    def related(self, m: Mention) -> bool:
        """True when an undated mention can be this meeting: reported in the same file, in
        the same General Assembly session, or published within `PUBLICATION_LAG` of it."""
        if m.source_file in self.lines_by_file:
            return True
        if m.unga_session is not None and m.unga_session in self.session_set:
            return True
        if m.published is None or self.date is None:
            return False
        return abs((m.published - self.date).days) <= PUBLICATION_LAG.days

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
    clusters: list[Cluster] = []
    by_key: dict[GroupKey, list[Cluster]] = {}  # only clusters of one key can merge
    # Clusters by key and current date, so that a dated mention looks at a few days' meetings
    # instead of scanning all of its counterpart's. Mentions come best-dated first: a cluster
    # founded by a stated or inferred date keeps it while such mentions arrive.
    by_day: dict[tuple[GroupKey, date | None], list[Cluster]] = {}
    by_post: dict[tuple[str, GroupKey], Cluster] = {}

    def join(cluster: Cluster | None, m: Mention, key: GroupKey) -> None:
        if cluster is None:
            cluster = Cluster(key, m, number=len(clusters))
            clusters.append(cluster)
            by_key.setdefault(key, []).append(cluster)
            by_day.setdefault((key, cluster.date), []).append(cluster)
        else:
            day = cluster.date
            cluster.add(m)
            if cluster.date != day:  # a better-dated member moved the meeting: re-file it
                by_day[(key, day)].remove(cluster)
                by_day.setdefault((key, cluster.date), []).append(cluster)
        by_post[(m.post_id, key)] = cluster

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
                c
                for c in by_key.get(key, [])
                if c.admits_session(m.unga_session) and c.related(m) and c.compatible(m)
            ]
            twin = by_post.get((m.translation_id or "", key))
            if twin is not None and not twin.compatible(m):
                twin = None
            if twin is None and same:
                twin = min(same, key=lambda c: (c.distance(m), c.date or date.max))
            join(twin, m, key)
    return clusters


def _prefer_english(members: list[Mention], field: str) -> str | None:
    for langs in ({"en"}, None):
        values = [
            getattr(m, field)
            for m in members
            if getattr(m, field) and (langs is None or m.lang in langs)
        ]
        if values:
            return max(sorted(values), key=len)
    return None


def _most_common(values: list[Any]) -> Any:
    present = sorted(v for v in values if v is not None)
    return Counter(present).most_common(1)[0][0] if present else None


def meeting_row(cluster: Cluster) -> dict[str, Any]:
    members = cluster.members
    best = cluster.best
    first = members[0]
    session = _most_common([m.unga_session for m in members])
    when = best.date
    if session is not None and when is not None and session_year(session, when.month) != when.year:
        session = None
    anchor = when.isoformat() if when else min(m.post_id for m in members)
    called = () if first.mode == "in_person" else (first.mode,)
    row = {
        "meeting_id": stable_id("meeting", *cluster.key[:4], *called, session, anchor),
        "date": when,
        "date_precision": best.date_precision if when else "unknown",
        "unga_session": session,
        "location": _prefer_english(members, "location"),
        "russian_participant": _prefer_english(members, "russian_participant"),
        "counterpart_name": _prefer_english(members, "counterpart_name"),
        "counterpart_role": _prefer_english(members, "counterpart_role"),
        "counterpart_country": first.country,
        "counterpart_org": first.org,
        "format": first.format,
        "status": first.status,
        "mode": first.mode,
    }
    return row | event_columns(row)


def _other_office(one: Mention, other: Mention) -> bool:
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


def reference_meetings(
    mentions: list[Mention],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(meetings, meeting_sources) as lists of dicts, sorted by their keys."""
    meetings: dict[str, dict[str, Any]] = {}
    sources: dict[tuple[str, str], dict[str, Any]] = {}
    founders: dict[str, Mention] = {}
    for cluster in cluster_mentions(mentions):
        row = meeting_row(cluster)
        held = founders.get(row["meeting_id"])
        if held is not None and (
            not same_counterpart(held, cluster.best) or _other_office(held, cluster.best)
        ):
            first_post = min(m.post_id for m in cluster.members)
            row["meeting_id"] = stable_id("meeting", row["meeting_id"], first_post)
        founders.setdefault(row["meeting_id"], cluster.best)
        meetings.setdefault(row["meeting_id"], row)
        for m in cluster.members:
            pair = (row["meeting_id"], m.post_id)
            sources[pair] = {"meeting_id": pair[0], "post_id": pair[1], "lang": m.lang}
    return [meetings[k] for k in sorted(meetings)], [sources[k] for k in sorted(sources)]
