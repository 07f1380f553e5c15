"""Meetings against the gold (pure): pair each gold in-person meeting with a row that
shares a source post and the status, greedily by how much they agree, then count true
positives and, among them, each field."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sidelines.evaluation.figures import Figure, Miss, tally
from sidelines.evaluation.gold import Gold, GoldMeeting, PostRef

Row = dict[str, Any]
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Pair:
    """A gold meeting and the row it was paired with."""

    gold: GoldMeeting
    row: Row
    sources: frozenset[str]

    @property
    def true_positive(self) -> bool:
        return counterpart_agrees(self.gold, self.row)


def counterpart_agrees(g: GoldMeeting, row: Row) -> bool:
    """The same country, or the same organisation when the gold gives no country (a group
    with neither: the row names neither)."""
    if g.country:
        return (row.get("counterpart_country") or "").upper() == g.country.upper()
    if g.org:
        return (row.get("counterpart_org") or "").casefold() == g.org.casefold()
    return not row.get("counterpart_country") and not row.get("counterpart_org")


def name_agrees(g: GoldMeeting, row: Row) -> bool:
    """The gold surname (or an accepted spelling), casefolded, within the row's name.

    >>> from sidelines.evaluation.gold import GoldMeeting
    >>> g = GoldMeeting("f", 1, "EGY", None, "Abdelatty", ("Абдель Ати",), None, (None,),
    ...                 None, None, None, "held", "in_person", ())
    >>> name_agrees(g, {"counterpart_name": "Badr Abdelatty"})
    True
    >>> name_agrees(g, {"counterpart_name": "Бадр Абдель Ати"}), name_agrees(g, {})
    (True, False)
    """
    name = (row.get("counterpart_name") or "").casefold()
    wanted = [w for w in (g.counterpart, *g.counterpart_accepted) if w]
    return bool(name) and any(w.casefold() in name for w in wanted)


def date_agrees(g: GoldMeeting, row: Row) -> bool:
    """The gold date or one also accepted (a null gold date wants a null row date)."""
    return row.get("date") in g.dates


def role_agrees(g: GoldMeeting, row: Row) -> bool:
    """Lenient: the row's role holds at least half the words of the gold role.

    >>> from sidelines.evaluation.gold import GoldMeeting
    >>> g = GoldMeeting("f", 1, "EGY", None, None, (), "Minister of Foreign Affairs of Egypt",
    ...                 (None,), None, None, None, "held", "in_person", ())
    >>> role_agrees(g, {"counterpart_role": "Foreign Affairs Minister"})
    True
    >>> role_agrees(g, {"counterpart_role": "Ambassador"})
    False
    """
    wanted = set(WORD.findall((g.role or "").casefold()))
    have = set(WORD.findall((row.get("counterpart_role") or "").casefold()))
    return bool(wanted) and 2 * len(wanted & have) >= len(wanted)


def location_agrees(g: GoldMeeting, row: Row) -> bool:
    return (row.get("location") or "").casefold() == (g.location or "").casefold()


def session_agrees(g: GoldMeeting, row: Row) -> bool:
    session = row.get("unga_session")
    return (None if session in (None, "") else int(session)) == g.unga_session


def agreement(g: GoldMeeting, row: Row) -> tuple[bool, bool, bool]:
    """How well a row fits a gold meeting, best first: counterpart, name, date."""
    return counterpart_agrees(g, row), name_agrees(g, row), date_agrees(g, row)


def pair_meetings(
    gold: Iterable[GoldMeeting],
    rows: list[Row],
    sources: dict[str, frozenset[str]],
    found: dict[PostRef, str],
) -> list[Pair]:
    """Greedy pairing: of every gold meeting and row that share a source post and the
    status, take the best-agreeing pair first, then the next among those left, so that a
    post reporting several meetings pairs each with its own row. Ties go to gold order,
    then to the row's id (stable output)."""
    rows_of_post: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        for post_id in sorted(sources.get(row["meeting_id"], frozenset())):
            rows_of_post[post_id].append(row)
    candidates = []
    for order, g in enumerate(gold):
        posts = sorted({found[ref] for ref in g.posts if ref in found})
        near = {r["meeting_id"]: r for p in posts for r in rows_of_post.get(p, [])}
        for meeting_id, row in near.items():
            if row.get("status") == g.status:
                candidates.append((agreement(g, row), -order, meeting_id, g, row))
    candidates.sort(key=lambda c: (c[0], c[1], _reverse(c[2])), reverse=True)
    pairs: list[Pair] = []
    paired_gold: set[tuple[str, int]] = set()
    paired_rows: set[str] = set()
    for _, _, meeting_id, g, row in candidates:
        if (g.file, g.m) in paired_gold or meeting_id in paired_rows:
            continue
        paired_gold.add((g.file, g.m))
        paired_rows.add(meeting_id)
        pairs.append(Pair(g, row, sources.get(meeting_id, frozenset())))
    pairs.sort(key=lambda p: (p.gold.file, p.gold.m))
    return pairs


def _reverse(text: str) -> tuple[int, ...]:
    """A key that sorts strings backwards, so that a descending sort keeps ids ascending."""
    return tuple(-ord(c) for c in text)


def describe_gold(g: GoldMeeting) -> str:
    """A gold meeting in a few words, for a miss."""
    who = g.country or g.org or "a group"
    name = f" {g.counterpart}" if g.counterpart else ""
    return f"{who}{name}, {g.status}, {g.dates[0] or 'undated'}"


def describe_row(row: Row, with_id: bool = True) -> str:
    """A meetings row in a few words, for a miss."""
    who = row.get("counterpart_country") or row.get("counterpart_org") or "no counterpart"
    name = f" {row['counterpart_name']}" if row.get("counterpart_name") else ""
    when = row.get("date") or "undated"
    text = f"{who}{name}, {row.get('status')}, {when}"
    return f"{text} (row {row['meeting_id']})" if with_id else text


@dataclass(frozen=True)
class FieldCheck:
    """A field scored among true positives: which gold meetings it applies to, whether a
    row agrees, and the gold value and row column to show in a miss."""

    figure: str
    applies: Callable[[GoldMeeting], bool]
    agrees: Callable[[GoldMeeting, Row], bool]
    gold_value: Callable[[GoldMeeting], object]
    column: str


FIELD_CHECKS = (
    FieldCheck("meetings.date", lambda g: True, date_agrees, lambda g: g.dates[0], "date"),
    FieldCheck(
        "meetings.name",
        lambda g: bool(g.counterpart),
        name_agrees,
        lambda g: g.counterpart,
        "counterpart_name",
    ),
    FieldCheck(
        "meetings.role", lambda g: bool(g.role), role_agrees, lambda g: g.role, "counterpart_role"
    ),
    FieldCheck(
        "meetings.location",
        lambda g: "location" in g.scored,
        location_agrees,
        lambda g: g.location,
        "location",
    ),
    FieldCheck(
        "meetings.session",
        lambda g: "unga_session" in g.scored,
        session_agrees,
        lambda g: g.unga_session,
        "unga_session",
    ),
    FieldCheck(
        "meetings.format",
        lambda g: bool(g.format) and "format" in g.scored,
        lambda g, row: row.get("format") == g.format,
        lambda g: g.format,
        "format",
    ),
)


def field_figures(true: list[Pair], found: dict[PostRef, str]) -> tuple[list[Figure], list[Miss]]:
    """Each field among true positives, and whether every gold post is a source."""
    figures, misses = [], []
    for check in FIELD_CHECKS:
        outcomes = []
        for p in true:
            if not check.applies(p.gold):
                continue
            ok = check.agrees(p.gold, p.row)
            outcomes.append(ok)
            if not ok:
                got = f"{p.row.get(check.column)!r} (row {p.row['meeting_id']})"
                expected = repr(check.gold_value(p.gold))
                misses.append(Miss(check.figure, p.gold.file, f"meeting {p.gold.m}", expected, got))
        figures.append(tally(check.figure, outcomes))
    outcomes = []
    for p in true:
        lacking = [ref for ref in p.gold.posts if found.get(ref) not in p.sources]
        outcomes.append(not lacking)
        if lacking:
            names = ", ".join(
                f"{r.file}#{r.n}" if r.file != p.gold.file else str(r.n) for r in lacking
            )
            misses.append(
                Miss(
                    "meetings.sources",
                    p.gold.file,
                    f"meeting {p.gold.m}",
                    "every gold post among its sources",
                    f"row {p.row['meeting_id']} lacks post {names}",
                )
            )
    figures.append(tally("meetings.sources", outcomes))
    return figures, misses


def recall_figures(
    wanted: list[GoldMeeting],
    found_gold: set[tuple[str, int]],
    post_lang: dict[PostRef, str | None],
) -> list[Figure]:
    """Recall in all, by the language of each meeting's first post, and by venue."""

    def recall(name: str, group: Iterable[GoldMeeting]) -> Figure:
        return tally(name, ((g.file, g.m) in found_gold for g in group))

    def first_lang(g: GoldMeeting) -> str | None:
        return post_lang.get(g.posts[0]) if g.posts else None

    return [
        recall("meetings.recall", wanted),
        recall("meetings.recall.ru", (g for g in wanted if first_lang(g) == "ru")),
        recall("meetings.recall.en", (g for g in wanted if first_lang(g) == "en")),
        recall("meetings.recall.unga", (g for g in wanted if g.unga_session is not None)),
        recall("meetings.recall.elsewhere", (g for g in wanted if g.unga_session is None)),
    ]


def meeting_label(g: GoldMeeting, file: str) -> str:
    """ "meeting 3" in its own file, "FILE#3" from another."""
    return f"meeting {g.m}" if g.file == file else f"meeting {g.file}#{g.m}"


def row_misses(
    rows: list[Row],
    pairs: list[Pair],
    gold: Gold,
    sources: dict[str, frozenset[str]],
    found: dict[PostRef, str],
) -> list[Miss]:
    """A miss for every counted row that is not a true positive, named by the file and posts
    it comes from: the gold meeting it was paired with, or the call its posts report, or
    what its posts do report (a meeting of another status, say)."""
    by_row = {p.row["meeting_id"]: p for p in pairs}
    gold_post = {post_id: ref for ref, post_id in found.items()}
    reported: dict[str, list[GoldMeeting]] = defaultdict(list)
    for g in gold.meetings:
        for ref in g.posts:
            if ref in found:
                reported[found[ref]].append(g)
    misses = []
    for row in rows:
        pair = by_row.get(row["meeting_id"])
        if pair is not None and pair.true_positive:
            continue
        own = sorted(sources.get(row["meeting_id"], frozenset()))
        refs = sorted(gold_post[p] for p in own if p in gold_post)
        file = refs[0].file if refs else "-"
        near = list({(g.file, g.m): g for p in own for g in reported.get(p, [])}.values())
        call = next((g for g in near if not g.in_person), None)
        if pair is not None:
            expected = f"{meeting_label(pair.gold, file)}: {describe_gold(pair.gold)}"
        elif call is not None:
            expected = f"no row: {meeting_label(call, file)} is a {call.mode} call"
        elif near:
            listed = "; ".join(f"{meeting_label(g, file)}: {describe_gold(g)}" for g in near)
            expected = f"no such meeting (its posts report {listed})"
        else:
            expected = "no such meeting"
        numbers = ", ".join(str(r.n) if r.file == file else f"{r.file}#{r.n}" for r in refs)
        item = f"row {row['meeting_id']} (from post {numbers or '?'})"
        misses.append(Miss("meetings.precision", file, item, expected, describe_row(row, False)))
    misses.sort(key=lambda m: (m.file, m.item))
    return misses


def sources_of(meeting_sources: list[Row]) -> dict[str, frozenset[str]]:
    """The post ids of each meeting."""
    collected: dict[str, set[str]] = defaultdict(set)
    for s in meeting_sources:
        collected[s["meeting_id"]].add(s["post_id"])
    return {k: frozenset(v) for k, v in collected.items()}


def score_meetings(
    gold: Gold,
    rows: list[Row],
    meeting_sources: list[Row],
    found: dict[PostRef, str],
    post_lang: dict[PostRef, str | None],
) -> tuple[list[Figure], list[Miss]]:
    """Precision, recall (also per language and venue), counterparts among pairs, and each
    field among true positives; every miss named. `rows` are the in-person rows."""
    sources = sources_of(meeting_sources)
    wanted = [g for g in gold.meetings if g.in_person and not g.optional]
    pairs = pair_meetings(wanted, rows, sources, found)
    true = [p for p in pairs if p.true_positive]
    true_rows = {p.row["meeting_id"] for p in true}
    found_gold = {(p.gold.file, p.gold.m) for p in true}
    # Rows drawn from the posts of a meeting the gold leaves optional are not counted.
    optional_posts = {found[r] for g in gold.meetings if g.optional for r in g.posts if r in found}
    counted = [
        r
        for r in rows
        if r["meeting_id"] in true_rows
        or not sources.get(r["meeting_id"], frozenset()) & optional_posts
    ]
    misses = []
    by_gold = {(p.gold.file, p.gold.m): p for p in pairs}
    for g in wanted:
        pair = by_gold.get((g.file, g.m))
        if pair is None or not pair.true_positive:
            got = describe_row(pair.row) if pair else "no row from its posts with that status"
            misses.append(Miss("meetings.recall", g.file, f"meeting {g.m}", describe_gold(g), got))
    misses += row_misses(counted, pairs, gold, sources, found)
    figures = [
        tally("meetings.precision", (r["meeting_id"] in true_rows for r in counted)),
        *recall_figures(wanted, found_gold, post_lang),
        tally("meetings.counterpart", (p.true_positive for p in pairs)),
    ]
    more_figures, more_misses = field_figures(true, found)
    return figures + more_figures, misses + more_misses
