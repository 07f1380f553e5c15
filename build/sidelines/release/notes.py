"""Release notes in Markdown: what the release is, where it came from, how to check and cite
it, and what changed since the previous release (pure)."""

from __future__ import annotations

from typing import Any

from sidelines.package.readme import citation_text
from sidelines.release.diff import EXAMPLES, PackageDiff, render_diff

CHECKSUM_COMMAND = "sha256sum -c --ignore-missing SHA256SUMS"


def render_notes(
    descriptor: dict[str, Any], zip_name: str, row_counts: dict[str, int], diff: PackageDiff | None
) -> str:
    """The release notes for `descriptor` (the release's datapackage.json)."""
    version, meta = descriptor["version"], descriptor.get("sidelines", {})
    lines = [
        f"# {descriptor['name']} {version}",
        "",
        descriptor.get("description", ""),
        "",
        "## Contents",
        "",
        "| table | rows |",
        "|---|---|",
        *(f"| {name} | {count} |" for name, count in row_counts.items()),
        "",
        f"`{zip_name}` holds `datapackage.json`, `croissant.json`, `README.md` and every "
        "table as CSV and Parquet under `data/`. Download it and `SHA256SUMS` into one folder "
        "and check them there (`--ignore-missing` skips the other artifacts, should you not "
        "have them):",
        "",
        "```bash",
        CHECKSUM_COMMAND,
        f"frictionless validate {zip_name}   # every row, key and file hash",
        "```",
        "",
        "## Provenance",
        "",
        f"- git commit: `{meta.get('git_commit', 'unknown')}`",
        f"- builder version: `{meta.get('builder_version', 'unknown')}`",
        f"- builder code sha256: `{meta.get('code_sha256', 'unknown')}`",
        f"- uv.lock sha256: `{meta.get('lock_sha256', 'unknown')}`",
        *(f"- raw `{s['title']}`: `{s['hash']}`" for s in descriptor.get("sources", [])),
        "",
        "## How to cite",
        "",
        citation_text(descriptor),
        "",
    ]
    if diff is None:
        lines += ["## Changes", "", "First release.", ""]
    else:
        more = "`sidelines diff` of the two releases lists them all"
        lines.append(render_diff(diff, shown=EXAMPLES, more=more))
    return "\n".join(lines).rstrip("\n") + "\n"
