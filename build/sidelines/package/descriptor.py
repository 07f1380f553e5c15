"""What datapackage.json says besides its resources: one `sources` entry per raw file (its
fingerprint and how it was read, or why it was skipped or ignored), and the descriptor's
layout (package metadata from `schemas/package.json`, sources, provenance, resources).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sidelines.extract.per_file import FileExtract
from sidelines.package.schema import Schemas
from sidelines.parse.dispatch import SkippedSource
from sidelines.sources import RawSource, SetAside


def source_entry(extract: FileExtract) -> dict[str, Any]:
    """How one file was read: format, encoding, posts, and what was not made a post."""
    parsed = extract.parsed
    entry: dict[str, Any] = {
        "format": parsed.format,
        "encoding": parsed.encoding,
        "posts": extract.posts_read,
    }
    if parsed.messages is not None:
        entry["messages"] = parsed.messages
        entry["skipped_messages"] = parsed.skipped_messages
    if parsed.unassigned_lines:
        entry["unassigned_lines"] = parsed.unassigned_lines
    return entry | parsed.notes


def source_entries(
    raw: list[RawSource],
    extracts: list[FileExtract],
    skipped: Sequence[SkippedSource] = (),
    set_aside: Sequence[SetAside] = (),
) -> list[dict[str, Any]]:
    """One `sources` entry per raw file: its name in the raw folder, its fingerprint and how it
    was read, or why it was skipped (never the folder's own location, so that builds
    elsewhere give the same bytes); then every other entry of the folder with its reason."""
    read = {e.parsed.name: source_entry(e) for e in extracts}
    reasons = {s.name: {"skipped": s.reason} for s in skipped}
    entries = [
        {
            "title": r.name,
            "path": f"raw/{r.name}",
            "bytes": r.size,
            "hash": f"sha256:{r.sha256}",
            **(read.get(r.name) or reasons[r.name]),
        }
        for r in raw
    ]
    entries += [
        {
            "title": a.name,
            "path": f"raw/{a.name}",
            **({"skipped": reasons[a.name]["skipped"]} if a.bad else {"ignored": a.reason}),
        }
        for a in set_aside
    ]
    return sorted(entries, key=lambda entry: entry["title"])


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
