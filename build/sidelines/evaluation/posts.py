"""Post segmentation, post attributes and translation links against the gold (pure)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from sidelines.evaluation.figures import Figure, Miss, tally
from sidelines.evaluation.gold import Gold, GoldPost, PostRef

Row = dict[str, Any]


@dataclass(frozen=True)
class PostScore:
    """Figures and misses for posts, and where each gold post was found (its post_id)."""

    figures: list[Figure]
    misses: list[Miss]
    found: dict[PostRef, str]


def file_name(source_file: str | None) -> str:
    """A post's raw file by name, as the gold names it (sub-folders set aside)."""
    return PurePosixPath(source_file or "").name


def normalised_channel(name: str | None) -> str | None:
    """A channel name without surrounding punctuation, casefolded; None when empty.

    >>> normalised_channel("«Russian MFA»"), normalised_channel("")
    ('russian mfa', None)
    """
    trimmed = re.sub(r"^\W+|\W+$", "", name or "")
    return trimmed.casefold() or None


def post_checks(g: GoldPost, row: Row, tags: list[str]) -> dict[str, tuple[Any, Any]]:
    """(found, expected) for each attribute the gold gives; dates only where it gives one."""
    checks: dict[str, tuple[Any, Any]] = {}
    if "lang" in g.scored:
        checks["posts.lang"] = (row.get("lang"), g.lang)
    if "hashtags" in g.scored:
        checks["posts.hashtags"] = (sorted(tags), sorted(g.hashtags))
    if "forwarded_from" in g.scored:
        checks["posts.forwarded_from"] = (
            normalised_channel(row.get("forwarded_from")),
            normalised_channel(g.forwarded_from),
        )
    if g.date:
        event = row.get("event_date")
        published = (row.get("published_at") or "")[:10] or None
        accepted = {g.date, g.date_also_accepted} - {None}
        ok = event in accepted or (event is None and published == g.date)
        got = event or published
        checks["posts.date"] = (g.date if ok else got, g.date)
    return checks


def score_posts(gold: Gold, posts: list[Row], hashtags: list[Row]) -> PostScore:
    """Each gold post found in exactly one post of its file (a post holding two gold
    snippets is a segmentation miss for both), each file's post count, and the attributes
    of every post found."""
    by_file: dict[str, list[Row]] = defaultdict(list)
    for row in posts:
        by_file[file_name(row.get("source_file"))].append(row)
    tags: dict[str, list[str]] = defaultdict(list)
    for h in sorted(hashtags, key=lambda h: (h["post_id"], int(h.get("position") or 0))):
        tags[h["post_id"]].append(str(h["tag"]).lstrip("#"))
    misses: list[Miss] = []
    found: dict[PostRef, str] = {}
    alone: list[bool] = []
    files_right: list[bool] = []
    attributes: dict[str, list[bool]] = defaultdict(list)
    for f in gold.files:
        rows = by_file.get(f.name, [])
        files_right.append(len(rows) == len(f.posts))
        if len(rows) != len(f.posts):
            misses.append(
                Miss("posts.files", f.name, "file", f"{len(f.posts)} posts", f"{len(rows)} posts")
            )
        for g in f.posts:
            hits = [r for r in rows if g.snippet in (r.get("text") or "")]
            if len(hits) != 1:
                alone.append(False)
                misses.append(
                    Miss(
                        "posts.found",
                        f.name,
                        f"post {g.ref.n}",
                        f"one post holding {g.snippet[:40]!r}",
                        f"{len(hits)} posts",
                    )
                )
                continue
            row = hits[0]
            found[g.ref] = row["post_id"]
            others = [
                o.ref.n for o in f.posts if o is not g and o.snippet in (row.get("text") or "")
            ]
            alone.append(not others)
            if others:
                misses.append(
                    Miss(
                        "posts.found",
                        f.name,
                        f"post {g.ref.n}",
                        "a post of its own",
                        f"one post with post {others[0]} (lines {row.get('line_start')}–"
                        f"{row.get('line_end')})",
                    )
                )
            for figure, (got, want) in post_checks(g, row, tags[row["post_id"]]).items():
                attributes[figure].append(got == want)
                if got != want:
                    misses.append(Miss(figure, f.name, f"post {g.ref.n}", repr(want), repr(got)))
    annotated = {f.name for f in gold.files}
    for name in sorted(set(by_file) - annotated):
        # Its posts and meetings are scored as extra: say why, so the gold gets written.
        misses.append(Miss("posts.files", name, "file", "a gold file for it", "none"))
    figures = [tally("posts.found", alone), tally("posts.files", files_right)]
    figures += [
        tally(name, attributes[name])
        for name in ("posts.lang", "posts.hashtags", "posts.forwarded_from", "posts.date")
    ]
    return PostScore(figures, misses, found)


def score_translations(
    gold: Gold, posts: list[Row], found: dict[PostRef, str]
) -> tuple[list[Figure], list[Miss]]:
    """Gold translation pairs against the package's links: two posts are linked when one
    names the other (or both name the same post) in `translation_id`. Precision counts the
    links among posts of gold files that the gold does not make."""
    translation = {r["post_id"]: r.get("translation_id") for r in posts}
    gold_files = {f.name for f in gold.files}
    file_of = {r["post_id"]: file_name(r.get("source_file")) for r in posts}
    gold_pairs: dict[frozenset[str], tuple[str, str]] = {}
    misses: list[Miss] = []
    recall: list[bool] = []
    for f in gold.files:
        for g in f.posts:
            if g.translation_of is None:
                continue
            a, b = found.get(PostRef(f.name, g.translation_of)), found.get(g.ref)
            label = f"posts {g.translation_of} and {g.ref.n}"
            if a is None or b is None:
                recall.append(False)
                misses.append(
                    Miss("translations.recall", f.name, label, "linked", "a post not found")
                )
                continue
            gold_pairs[frozenset((a, b))] = (f.name, label)
            ok = (
                translation.get(a) == b
                or translation.get(b) == a
                or (translation.get(a) is not None and translation.get(a) == translation.get(b))
            )
            recall.append(ok)
            if not ok:
                misses.append(Miss("translations.recall", f.name, label, "linked", "not linked"))
    links = {
        frozenset((post_id, twin))
        for post_id, twin in translation.items()
        if twin is not None and file_of.get(post_id) in gold_files
    }
    number = {post_id: ref.n for ref, post_id in found.items()}
    precision = []
    for link in sorted(links, key=sorted):
        ok = link in gold_pairs
        precision.append(ok)
        if not ok:
            a, b = sorted(link, key=lambda p: (number.get(p, 0), p))
            label = f"posts {number.get(a, a)} and {number.get(b, b)}"
            misses.append(
                Miss(
                    "translations.precision",
                    file_of.get(a, "?"),
                    label,
                    "no link",
                    "linked as translations",
                )
            )
    return [
        tally("translations.precision", precision),
        tally("translations.recall", recall),
    ], misses
