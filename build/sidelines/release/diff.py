"""What changed between two packages: schema changes field by field, and rows added,
removed and changed per table, keyed by each table's primary key (pure)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import polars as pl

from sidelines.release.semver import Bump

EXAMPLES = 3  # changed rows described, and keys shown per kind in the release notes
NOT_METADATA = {"$schema", "version", "resources", "sources", "sidelines"}
LOWER_BOUNDS = ("minimum", "minLength", "exclusiveMinimum")
UPPER_BOUNDS = ("maximum", "maxLength", "exclusiveMaximum")


@dataclass(frozen=True)
class Snapshot:
    """A package as read from a folder or zip: its descriptor and its tables as text."""

    descriptor: dict[str, Any]
    tables: dict[str, pl.DataFrame]  # every column as String, as written in the CSV

    @property
    def version(self) -> str:
        return str(self.descriptor.get("version", ""))


@dataclass(frozen=True)
class SchemaChange:
    """One change to a resource or field, and the bump it needs."""

    resource: str
    what: str
    bump: Bump


@dataclass(frozen=True)
class TableDiff:
    """Rows of one table added and removed (every key, in key order) and changed (every key,
    and a few described column by column)."""

    name: str
    key: list[str]
    old_rows: int
    new_rows: int
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # "key: col 'a' -> 'b'", a few
    changed_keys: list[str] = field(default_factory=list)
    counts: tuple[int, int, int] = (0, 0, 0)  # added, removed, changed

    @property
    def bump(self) -> Bump:
        added, removed, changed = self.counts
        if added:
            return Bump.MINOR
        return Bump.PATCH if removed or changed else Bump.NONE


@dataclass(frozen=True)
class PackageDiff:
    """Everything that changed from `old` to `new`; `required` is the smallest allowed bump."""

    old_version: str
    new_version: str
    schema_changes: list[SchemaChange]
    tables: list[TableDiff]
    metadata_changed: list[str]

    @property
    def required(self) -> Bump:
        bumps = [c.bump for c in self.schema_changes] + [t.bump for t in self.tables]
        bumps += [Bump.PATCH] if self.metadata_changed else []
        return max(bumps, default=Bump.NONE)


def resources(descriptor: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The descriptor's resources by name."""
    return {r["name"]: r for r in descriptor.get("resources", [])}


def primary_key(schema: dict[str, Any]) -> list[str]:
    """A schema's primary key as a list of field names."""
    key = schema.get("primaryKey", [])
    return [key] if isinstance(key, str) else list(key)


def constraint_change(name: str, old: Any, new: Any) -> Bump:
    """PATCH when a constraint is loosened, MAJOR when it is tightened (or can't be told).

    >>> constraint_change("required", True, None), constraint_change("maximum", 10, 5)
    (<Bump.PATCH: 1>, <Bump.MAJOR: 3>)
    """
    if new is None or new is False:
        return Bump.PATCH if old not in (None, False) else Bump.NONE
    if old is None or old is False:
        return Bump.MAJOR
    if name == "enum":
        return Bump.PATCH if set(new) >= set(old) else Bump.MAJOR
    if name in LOWER_BOUNDS:
        return Bump.PATCH if new <= old else Bump.MAJOR
    if name in UPPER_BOUNDS:
        return Bump.PATCH if new >= old else Bump.MAJOR
    return Bump.MAJOR  # a changed pattern or anything else: cannot prove it accepts more


def field_changes(resource: str, old: dict[str, Any], new: dict[str, Any]) -> list[SchemaChange]:
    """Changes between two Table Schemas: fields removed, added, reordered, retyped,
    constraints and keys."""
    old_fields = {f["name"]: f for f in old.get("fields", [])}
    new_fields = {f["name"]: f for f in new.get("fields", [])}
    changes = [
        SchemaChange(resource, f"field `{n}` removed", Bump.MAJOR)
        for n in old_fields
        if n not in new_fields
    ]
    changes += [
        SchemaChange(resource, f"field `{n}` added", Bump.MAJOR)
        for n in new_fields
        if n not in old_fields
    ]
    common = [n for n in new_fields if n in old_fields]
    if [n for n in old_fields if n in new_fields] != common:
        changes.append(SchemaChange(resource, "fields reordered", Bump.MAJOR))
    for n in common:
        before, after = old_fields[n], new_fields[n]
        for prop in ("type", "format"):
            if before.get(prop) != after.get(prop):
                what = f"field `{n}` {prop} {before.get(prop)} -> {after.get(prop)}"
                changes.append(SchemaChange(resource, what, Bump.MAJOR))
        c_old, c_new = before.get("constraints", {}), after.get("constraints", {})
        for name in sorted(set(c_old) | set(c_new)):
            bump = constraint_change(name, c_old.get(name), c_new.get(name))
            if bump is not Bump.NONE and c_old.get(name) != c_new.get(name):
                how = "tightened" if bump is Bump.MAJOR else "loosened"
                what = (
                    f"field `{n}` constraint {name} {how}: "
                    f"{c_old.get(name)!r} -> {c_new.get(name)!r}"
                )
                changes.append(SchemaChange(resource, what, bump))
        if before.get("description") != after.get("description"):
            changes.append(SchemaChange(resource, f"field `{n}` description", Bump.PATCH))
    if primary_key(old) != primary_key(new):
        what = f"primary key {primary_key(old)} -> {primary_key(new)}"
        changes.append(SchemaChange(resource, what, Bump.MAJOR))
    if old.get("foreignKeys", []) != new.get("foreignKeys", []):
        changes.append(SchemaChange(resource, "foreign keys changed", Bump.MAJOR))
    return changes


def schema_changes(old: dict[str, Any], new: dict[str, Any]) -> list[SchemaChange]:
    """Resources removed (MAJOR), added (MINOR), and field changes of the ones in both."""
    old_res, new_res = resources(old), resources(new)
    changes = [SchemaChange(n, "resource removed", Bump.MAJOR) for n in old_res if n not in new_res]
    changes += [SchemaChange(n, "resource added", Bump.MINOR) for n in new_res if n not in old_res]
    for name in (n for n in new_res if n in old_res):
        changes += field_changes(
            name, old_res[name].get("schema", {}), new_res[name].get("schema", {})
        )
    return changes


def key_text(row: dict[str, Any], key: list[str]) -> str:
    """A row's key for the notes: `a` or `a, b`."""
    return ", ".join(str(row[k]) for k in key)


def table_diff(name: str, old: pl.DataFrame, new: pl.DataFrame, key: list[str]) -> TableDiff:
    """Rows added, removed and changed, matched by `key` (by whole rows when the key is not
    in both tables); changes are compared over the columns both tables have."""
    common = [c for c in new.columns if c in old.columns]
    if not key or not set(key) <= set(common):
        key = common
    old, new = old.select(common), new.select(common)
    added = new.join(old, on=key, how="anti", nulls_equal=True).sort(key)
    removed = old.join(new, on=key, how="anti", nulls_equal=True).sort(key)
    values = [c for c in common if c not in key]
    both = new.join(old, on=key, how="inner", suffix="__old", nulls_equal=True).sort(key)
    if values:
        differs = pl.any_horizontal([pl.col(c).ne_missing(pl.col(f"{c}__old")) for c in values])
        both = both.filter(differs)
    else:
        both = both.clear()
    changed = []
    for row in both.head(EXAMPLES).iter_rows(named=True):
        cols = [
            f"{c} {short(row[f'{c}__old'])} -> {short(row[c])}"
            for c in values
            if row[c] != row[f"{c}__old"]
        ]
        changed.append(f"{key_text(row, key)}: " + "; ".join(cols))
    return TableDiff(
        name=name,
        key=key,
        old_rows=old.height,
        new_rows=new.height,
        added=key_texts(added, key),
        removed=key_texts(removed, key),
        changed=changed,
        changed_keys=key_texts(both, key),
        counts=(added.height, removed.height, both.height),
    )


def key_texts(rows: pl.DataFrame, key: list[str]) -> list[str]:
    """Every row's key for the notes, as `key_text` writes it, in the rows' order."""
    return [key_text(r, key) for r in rows.select(key).iter_rows(named=True)]


def short(value: Any, width: int = 40) -> str:
    """A cell for the notes: quoted, one line, cut to `width` characters.

    >>> short("a\\nlong text", 8)
    "'a long …'"
    """
    if value is None:
        return "null"
    text = " ".join(str(value).split())
    return repr(text if len(text) <= width else text[: width - 2] + " …")


def diff_packages(old: Snapshot, new: Snapshot) -> PackageDiff:
    """The full diff from `old` to `new`: schemas, rows per shared table, and metadata."""
    old_res, new_res = resources(old.descriptor), resources(new.descriptor)
    tables = [
        table_diff(
            name,
            old.tables[name],
            new.tables[name],
            primary_key(new_res[name].get("schema", {})),
        )
        for name in new.tables
        if name in old.tables and name in old_res
    ]
    metadata = sorted(
        k
        for k in set(old.descriptor) | set(new.descriptor)
        if k not in NOT_METADATA and old.descriptor.get(k) != new.descriptor.get(k)
    )
    return PackageDiff(
        old_version=old.version,
        new_version=new.version,
        schema_changes=schema_changes(old.descriptor, new.descriptor),
        tables=tables,
        metadata_changed=metadata,
    )


def diff_heading(diff: PackageDiff) -> str:
    """The diff's title: since which version, or between two packages of the same version.

    >>> diff_heading(PackageDiff("1.0.0", "1.0.0", [], [], []))
    '## Changes between two packages of version 1.0.0'
    """
    if diff.old_version and diff.old_version == diff.new_version:
        return f"## Changes between two packages of version {diff.old_version}"
    return f"## Changes since {diff.old_version or 'the previous release'}"


def key_lines(
    label: str, keys: list[str], shown: int | None, more: str, described: list[str] | None = None
) -> list[str]:
    """One line per key (the first ones as `described`, if given), or the first `shown` and a
    line saying how many there are and where the rest is (`more`): never a silent cut."""
    described = described or []
    limit = len(keys) if shown is None else min(len(keys), max(shown, len(described)))
    lines = [f"- {label}: `{d}`" for d in described]
    lines += [f"- {label}: `{k}`" for k in keys[len(described) : limit]]
    if limit < len(keys):
        lines.append(f"- {label}: {limit} of {len(keys)} shown, {more}")
    return lines


def render_diff(diff: PackageDiff, shown: int | None = None, more: str = "") -> str:
    """The diff as Markdown: schema changes, then a row summary and the keys per table.

    Every added and removed key is listed, unless `shown` limits each list; a cut list ends
    with "N of M shown, `more`" (where the full list is). Changed rows are described column
    by column for the first few."""
    lines = [diff_heading(diff), ""]
    lines.append(f"Smallest allowed version bump: **{diff.required}**.")
    lines.append("")
    lines += ["### Schema changes", ""]
    if diff.schema_changes:
        lines += [f"- `{c.resource}`: {c.what} ({c.bump})" for c in diff.schema_changes]
    else:
        lines.append("None.")
    if diff.metadata_changed:
        lines += ["", "Package metadata changed: " + ", ".join(diff.metadata_changed) + "."]
    lines += ["", "### Rows", ""]
    lines += ["| table | key | rows before | rows now | added | removed | changed |"]
    lines += ["|---|---|---|---|---|---|---|"]
    for t in diff.tables:
        added, removed, changed = t.counts
        lines.append(
            f"| {t.name} | {', '.join(t.key)} | {t.old_rows} | {t.new_rows} "
            f"| {added} | {removed} | {changed} |"
        )
    for t in diff.tables:
        if not any(t.counts):
            continue
        lines += ["", f"#### {t.name}", ""]
        lines += key_lines("added", t.added, shown, more)
        lines += key_lines("removed", t.removed, shown, more)
        lines += key_lines("changed", t.changed_keys, shown, more, described=t.changed)
    return "\n".join(lines) + "\n"


def key_rows(diff: PackageDiff) -> list[tuple[str, str, str]]:
    """(table, added/removed/changed, key) for every row that changed: the full list a cut
    rendering points to."""
    return [
        (t.name, kind, key)
        for t in diff.tables
        for kind, keys in (("added", t.added), ("removed", t.removed), ("changed", t.changed_keys))
        for key in keys
    ]
