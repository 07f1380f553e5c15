"""The merge as it was before it became columns: clusters of `Mention` tuples, one dict per
meeting. Kept as the reference that `meetings_from_mentions` must equal on any mentions."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sidelines.extract.clusters import Cluster, cluster_mentions
from sidelines.extract.event_codes import event_columns
from sidelines.extract.identity import same_counterpart
from sidelines.extract.meetings import Side, _other_office
from sidelines.extract.mentions import Mention
from sidelines.extract.posts import stable_id
from sidelines.extract.sessions import session_year


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


def _side(m: Mention) -> Side:
    return Side(m.russian_participant, m.counterpart_name, m.counterpart_role)


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
            not same_counterpart(held, cluster.best)
            or _other_office(_side(held), _side(cluster.best))
        ):
            first_post = min(m.post_id for m in cluster.members)
            row["meeting_id"] = stable_id("meeting", row["meeting_id"], first_post)
        founders.setdefault(row["meeting_id"], cluster.best)
        meetings.setdefault(row["meeting_id"], row)
        for m in cluster.members:
            pair = (row["meeting_id"], m.post_id)
            sources[pair] = {"meeting_id": pair[0], "post_id": pair[1], "lang": m.lang}
    return [meetings[k] for k in sorted(meetings)], [sources[k] for k in sorted(sources)]
