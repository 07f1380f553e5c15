"""Comparison with the previous release: row counts, rows that disappeared, the baseline the
warnings compare with, and removals that were allowed and why (pure).

What is written into the package must not change when the same data is built again over
itself, so the package records its *baseline* (the last release of another version) and the
removals accepted since then; a rebuild of the same version carries both forward.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import polars as pl

from sidelines.package.read import Previous
from sidelines.package.schema import Schemas
from sidelines.quality.suites import language_shares

KEY_SEPARATOR = "/"
SHOWN_IDS = 5


@dataclass(frozen=True)
class Baseline:
    """The last release of another version: row counts and language shares."""

    version: str
    rows: dict[str, int]
    lang_shares: dict[str, float]


@dataclass(frozen=True)
class Comparison:
    """This build against the previous package and the baseline release."""

    previous_version: str | None = None
    previous_rows: dict[str, int] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    lost: dict[str, list[str]] = field(default_factory=dict)  # just now, vs previous
    baseline: Baseline | None = None
    removed: dict[str, list[str]] = field(default_factory=dict)  # accepted since baseline
    reasons: list[str] = field(default_factory=list)


class RemovalsNotAllowed(Exception):
    """Rows of the previous release would disappear and no reason was given."""

    def __init__(self, lost: dict[str, list[str]]) -> None:
        self.lost = lost
        parts = [
            f"{table}: {len(ids)} ({', '.join(ids[:SHOWN_IDS])}"
            + (", …)" if len(ids) > SHOWN_IDS else ")")
            for table, ids in lost.items()
        ]
        super().__init__(
            "rows of the previous release would be lost — "
            + "; ".join(parts)
            + ' — rebuild with --allow-removals "REASON" to accept'
        )


def row_keys(frame: pl.DataFrame, key: list[str]) -> pl.DataFrame:
    """Primary-key values of every row as text (column `_key`), compound keys joined with '/'.

    >>> row_keys(pl.DataFrame({"a": ["x", "y"], "b": [1, 2]}), ["a", "b"])["_key"].to_list()
    ['x/1', 'y/2']
    """
    joined = pl.concat_str([pl.col(k).cast(pl.String) for k in key], separator=KEY_SEPARATOR)
    return frame.select(joined.alias("_key"))


def lost_rows(
    tables: dict[str, pl.DataFrame], previous: Previous, schemas: Schemas
) -> dict[str, list[str]]:
    """Per table, the sorted keys of previous rows that are gone (tables with none left out)."""
    lost = {}
    for name in schemas.tables:
        if name not in previous.tables:
            continue
        key = schemas.primary_key(name)
        before, now = row_keys(previous.tables[name], key), row_keys(tables[name], key)
        gone = before.join(now, on="_key", how="anti")["_key"].unique().sort()
        if gone.len():
            lost[name] = gone.to_list()
    return lost


def compared_columns(schemas: Schemas) -> dict[str, list[str]]:
    """The columns of a previous package that the comparison reads: keys, and posts' language."""
    return {
        name: schemas.primary_key(name) + (["lang"] if name == "posts" else [])
        for name in schemas.tables
    }


def baseline_from(summary: dict[str, Any] | None) -> Baseline | None:
    """The baseline recorded in a quality summary, if any."""
    recorded = (summary or {}).get("comparison", {}).get("baseline")
    if not recorded:
        return None
    return Baseline(recorded["version"], dict(recorded["rows"]), dict(recorded["lang_shares"]))


def compare(
    tables: dict[str, pl.DataFrame],
    schemas: Schemas,
    previous: Previous | None,
    allow_removals: str | None = None,
) -> Comparison:
    """Compare a build with the previous package; raise `RemovalsNotAllowed` when rows would
    disappear without a reason."""
    rows = {name: tables[name].height for name in schemas.tables}
    if previous is None:
        return Comparison(rows=rows)
    lost = lost_rows(tables, previous, schemas)
    if lost and not allow_removals:
        raise RemovalsNotAllowed(lost)
    version = schemas.package["version"]
    if previous.version == version:  # the same release built again: carry its record forward
        baseline = baseline_from(previous.summary)
        recorded = (previous.summary or {}).get("comparison", {})
        removed = {k: set(v) for k, v in recorded.get("removed", {}).items()}
        reasons = list(recorded.get("reasons", []))
    else:
        baseline = Baseline(
            previous.version,
            {name: frame.height for name, frame in previous.tables.items()},
            language_shares(previous.tables["posts"]) if "posts" in previous.tables else {},
        )
        removed, reasons = {}, []
    for name, ids in lost.items():
        removed.setdefault(name, set()).update(ids)
    if lost and allow_removals not in reasons:
        reasons.append(str(allow_removals))
    return Comparison(
        previous_version=previous.version,
        previous_rows={name: frame.height for name, frame in previous.tables.items()},
        rows=rows,
        lost=lost,
        baseline=baseline,
        removed={name: sorted(removed[name]) for name in sorted(removed)},
        reasons=reasons,
    )
