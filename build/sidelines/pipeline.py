"""The build: a short, explicit list of stages from raw files to a swapped-in package."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import polars as pl

from sidelines.extract.meetings import meeting_rows
from sidelines.extract.posts import post_rows
from sidelines.package import resource_entries, swap_in, write_json
from sidelines.parse.dispatch import ParsedSource, SkippedSource, parse_source
from sidelines.provenance import build_provenance, default_lock_file
from sidelines.readme import render_readme
from sidelines.records import InputError
from sidelines.schema import Schemas, load_schemas
from sidelines.sources import RawSource, decode_source, read_sources
from sidelines.tables import to_frame
from sidelines.validate import ValidationFailed, validate_tables

T = TypeVar("T")
Progress = Callable[[Iterable[T], str, int], Iterable[T]]


def no_progress(items: Iterable[T], label: str, total: int) -> Iterable[T]:
    """The progress hook for silent runs: items unchanged."""
    return items


@dataclass(frozen=True)
class BuildConfig:
    """Everything a build needs to know; passed in, never read from globals."""

    raw_dir: Path
    out_dir: Path
    schemas_dir: Path
    skip_bad: bool = False  # build from the readable files, listing the others as skipped
    lock_file: Path | None = field(default_factory=default_lock_file)


@dataclass
class BuildSummary:
    """What the build read and wrote, for the summary line and the tests."""

    files: int = 0
    posts: int = 0
    hashtags: int = 0
    meetings: int = 0
    repeats_collapsed: int = 0
    seconds: float = 0.0
    per_file: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)  # {"file", "reason"}


def parse_all(
    raw: list[RawSource], progress: Progress[RawSource], skip_bad: bool = False
) -> tuple[list[ParsedSource], list[SkippedSource]]:
    """Decode and parse every raw file (stage: read, parse); with `skip_bad`, a file that
    cannot be read is set aside with its reason instead of stopping the build."""
    parsed: list[ParsedSource] = []
    skipped: list[SkippedSource] = []
    for source in progress(raw, "parse", len(raw)):
        try:
            parsed.append(parse_source(decode_source(source)))
        except InputError as err:
            if not skip_bad:
                raise
            skipped.append(SkippedSource(source.name, str(err)))
    if raw and not parsed:
        raise InputError(skipped[0].name, f"no readable input: all {len(raw)} files skipped")
    return parsed, skipped


def make_tables(
    parsed: list[ParsedSource], schemas: Schemas
) -> tuple[dict[str, pl.DataFrame], int]:
    """Posts, hashtags, meetings and meeting sources as typed frames (stage: extract)."""
    posts, hashtags, collapsed = post_rows([p for source in parsed for p in source.posts])
    meetings, meeting_sources = meeting_rows(posts)
    rows = {
        "posts": posts,
        "hashtags": hashtags,
        "meetings": meetings,
        "meeting_sources": meeting_sources,
    }
    return {name: to_frame(rows[name], name, schemas) for name in schemas.tables}, collapsed


def source_entry(parsed: ParsedSource) -> dict[str, Any]:
    """How one file was read: format, encoding, posts, and what was not made a post."""
    entry: dict[str, Any] = {
        "format": parsed.format,
        "encoding": parsed.encoding,
        "posts": len(parsed.posts),
    }
    if parsed.messages is not None:
        entry["messages"] = parsed.messages
        entry["skipped_messages"] = parsed.skipped_messages
    if parsed.unassigned_lines:
        entry["unassigned_lines"] = parsed.unassigned_lines
    return entry


def source_entries(
    raw: list[RawSource], parsed: list[ParsedSource], skipped: Sequence[SkippedSource] = ()
) -> list[dict[str, Any]]:
    """One `sources` entry per raw file: its name in the raw folder, its fingerprint and how it
    was read, or why it was skipped (never the folder's own location, so that builds
    elsewhere give the same bytes)."""
    read = {p.name: source_entry(p) for p in parsed}
    reasons = {s.name: {"skipped": s.reason} for s in skipped}
    return [
        {
            "title": r.name,
            "path": f"raw/{r.name}",
            "bytes": r.size,
            "hash": f"sha256:{r.sha256}",
            **(read.get(r.name) or reasons[r.name]),
        }
        for r in raw
    ]


def descriptor(
    schemas: Schemas,
    sources: list[dict[str, Any]],
    resources: list[dict[str, Any]],
    provenance: dict[str, Any],
) -> dict[str, Any]:
    """datapackage.json: package metadata from `schemas/package.json`, then sources,
    provenance and resources."""
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        **schemas.package,
        "sources": sources,
        "sidelines": provenance,
        "resources": resources,
    }


def build(config: BuildConfig, progress: Progress[Any] = no_progress) -> BuildSummary:
    """Read, parse, extract, validate and write the package; raise before writing on any
    input or schema error, leaving the previous package as it was."""
    started = time.perf_counter()
    schemas = load_schemas(config.schemas_dir)
    raw = read_sources(config.raw_dir)
    parsed, skipped = parse_all(raw, progress, config.skip_bad)
    tables, collapsed = make_tables(parsed, schemas)
    errors = validate_tables(tables, schemas)
    if errors:
        raise ValidationFailed(errors)
    sources = source_entries(raw, parsed, skipped)
    provenance = build_provenance(config.lock_file)

    def fill(folder: Path) -> None:
        resources = resource_entries(tables, schemas, folder)
        write_json(descriptor(schemas, sources, resources, provenance), folder / "datapackage.json")
        (folder / "README.md").write_text(render_readme(schemas, tables), encoding="utf-8")

    swap_in(config.out_dir, fill)
    return BuildSummary(
        files=len(parsed),
        posts=tables["posts"].height,
        hashtags=tables["hashtags"].height,
        meetings=tables["meetings"].height,
        repeats_collapsed=collapsed,
        seconds=time.perf_counter() - started,
        per_file=[
            {"file": s["title"], "format": s["format"], "posts": s["posts"]}
            for s in sources
            if "skipped" not in s
        ],
        skipped=[{"file": s.name, "reason": s.reason} for s in skipped],
    )
