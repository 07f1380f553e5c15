"""Phone and video contacts against the gold (pure): the same pairing as in-person meetings
(`meetings.pair_meetings`), over the rows and gold meetings that are calls, and whether a
found call has the gold mode."""

from __future__ import annotations

from collections.abc import Iterable

from sidelines.evaluation.figures import Figure, Miss, tally
from sidelines.evaluation.gold import GoldMeeting, PostRef
from sidelines.evaluation.meetings import Row, describe_gold, describe_row, pair_meetings

IN_PERSON = "in_person"


def is_call(row: Row) -> bool:
    """A row of a phone or video contact (a package without `mode` has none)."""
    return (row.get("mode") or IN_PERSON) != IN_PERSON


def score_contacts(
    gold: Iterable[GoldMeeting],
    rows: list[Row],
    sources: dict[str, frozenset[str]],
    found: dict[PostRef, str],
) -> tuple[list[Figure], list[Miss]]:
    """contacts.precision, contacts.recall and contacts.mode, every miss named: `gold` the
    calls the gold lists (not optional), `rows` the package's call rows."""
    wanted = list(gold)
    pairs = pair_meetings(wanted, rows, sources, found)
    true = [p for p in pairs if p.true_positive]
    true_rows = {p.row["meeting_id"] for p in true}
    by_gold = {(p.gold.file, p.gold.m): p for p in pairs}
    misses = []
    for g in wanted:
        pair = by_gold.get((g.file, g.m))
        if pair is None or not pair.true_positive:
            got = describe_row(pair.row) if pair else "no call row from its posts"
            misses.append(Miss("contacts.recall", g.file, f"contact {g.m}", describe_gold(g), got))
    file_of = {post_id: ref.file for ref, post_id in found.items()}
    for row in rows:
        if row["meeting_id"] not in true_rows:
            files = sorted(file_of[p] for p in sources.get(row["meeting_id"], ()) if p in file_of)
            item = f"row {row['meeting_id']}"
            misses.append(
                Miss(
                    "contacts.precision",
                    files[0] if files else "-",
                    item,
                    "no such call",
                    describe_row(row, False),
                )
            )
    for p in true:
        if p.row.get("mode") != p.gold.mode:
            item = f"contact {p.gold.m}"
            misses.append(Miss("contacts.mode", p.gold.file, item, p.gold.mode, str(p.row["mode"])))
    found_gold = {(p.gold.file, p.gold.m) for p in true}
    figures = [
        tally("contacts.precision", (r["meeting_id"] in true_rows for r in rows)),
        tally("contacts.recall", ((g.file, g.m) in found_gold for g in wanted)),
        tally("contacts.mode", (p.row.get("mode") == p.gold.mode for p in true)),
    ]
    return figures, misses
