"""The release commands, `sidelines publish`, `sidelines diff` and `sidelines zenodo`: thin
wrappers over publish.py, diff.py and zenodo.py, added to the main parser by cli.py."""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path
from typing import Any

import yaml

from sidelines.options import add_previous_option, add_schemas_option
from sidelines.package.schema import default_schemas_dir
from sidelines.release.diff import PackageDiff, diff_packages, key_rows, render_diff
from sidelines.release.publish import PublishConfig, load_snapshot, publish
from sidelines.release.zenodo import zenodo_metadata, zenodo_text
from sidelines.terminal import plain_console, printable

console = plain_console()
SHOWN = 20  # keys listed per table and kind by `sidelines diff` before it cuts the list
KEYS_FILE = "sidelines-diff-keys.csv"
SOURCE_TREE = Path(__file__).resolve().parents[3]  # the checkout this code was loaded from


def cmd_publish(args: argparse.Namespace) -> int:
    """Check a built package, compare it with the previous release, and write the release
    artifacts (zip, SHA256SUMS, datapackage.json, release notes) into an empty dist folder."""
    config = PublishConfig(
        package_dir=args.package,
        dist_dir=args.dist,
        previous=args.previous,
        commit=args.commit,
        schemas_dir=args.schemas,
    )
    result = publish(config)
    names = ", ".join(p.name for p in result.files)
    console.print(
        f"published {result.version} into {printable(str(args.dist))}: {printable(names)} "
        f"(changes needed at least: {result.required})",
        highlight=False,
        soft_wrap=True,
    )
    return 0


def cmd_zenodo(args: argparse.Namespace) -> int:
    """Write .zenodo.json, the metadata Zenodo records for each GitHub release, from
    CITATION.cff and the version in schemas/package.json; with --check, write nothing and exit
    1 when the file is not what they give."""
    try:
        citation = yaml.safe_load(args.citation.read_text(encoding="utf-8"))
        package = json.loads(args.package.read_text(encoding="utf-8"))
        text = zenodo_text(zenodo_metadata(citation, package))
    except (yaml.YAMLError, KeyError, TypeError, AttributeError) as err:
        raise ValueError(
            f"{args.citation}, {args.package}: cannot make Zenodo metadata ({err!r})"
        ) from err
    current = args.out.read_text(encoding="utf-8") if args.out.is_file() else None
    if args.check:
        if current != text:
            raise ValueError(
                f"{args.out} disagrees with {args.citation.name} and {args.package.name}: "
                "run `sidelines zenodo` and commit it"
            )
        console.print(f"{printable(str(args.out))}: up to date", highlight=False)
        return 0
    args.out.write_text(text, encoding="utf-8")
    console.print(
        f"wrote {printable(str(args.out))} (version {package['version']})", highlight=False
    )
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    """Show what changed between two packages (folders or zips), keyed by primary keys: every
    added, removed and changed key, or the first --shown of each kind with the full list
    written to --keys."""
    diff = diff_packages(load_snapshot(args.old), load_snapshot(args.new))
    cut = any(len(keys) > args.shown for _, _, keys in keys_by_kind(diff))
    print(render_diff(diff, shown=args.shown, more=f"all in {args.keys}"), end="")
    if cut:
        write_key_list(key_rows(diff), args.keys)
    return 0


def keys_by_kind(diff: PackageDiff) -> list[tuple[str, str, list[str]]]:
    """(table, kind, keys) for the added, removed and changed rows of every table."""
    return [
        (t.name, kind, keys)
        for t in diff.tables
        for kind, keys in (("added", t.added), ("removed", t.removed), ("changed", t.changed_keys))
    ]


def write_key_list(rows: list[tuple[str, str, str]], path: Path) -> None:
    """The full list of changed keys as CSV: table, change, key."""
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["table", "change", "key"])
        writer.writerows(rows)


def add_commands(commands: Any) -> None:
    """Add `publish` and `diff` to the subcommands of the main parser."""
    p = commands.add_parser(
        "publish", help="write versioned release artifacts", description=cmd_publish.__doc__
    )
    p.add_argument(
        "--package",
        type=Path,
        default=Path("datapackage"),
        help="built package folder (default: datapackage)",
    )
    p.add_argument(
        "--dist", type=Path, default=Path("dist"), help="empty output folder (default: dist)"
    )
    add_previous_option(p, what="folder or zip", default="none, a first release")
    p.add_argument(
        "--commit", default=None, help="git commit to record (default: HEAD of the repository)"
    )
    add_schemas_option(
        p,
        default_schemas_dir(),
        purpose=", whose package.json holds the version",
        default_text="the repository's schemas/",
    )
    p.set_defaults(run=cmd_publish)
    d = commands.add_parser("diff", help="diff two packages", description=cmd_diff.__doc__)
    d.add_argument("old", type=Path, help="older package: folder or zip")
    d.add_argument("new", type=Path, help="newer package: folder or zip")
    d.add_argument(
        "--shown",
        type=int,
        default=SHOWN,
        metavar="N",
        help=f"keys listed per table and kind of change before the list is cut (default: {SHOWN})",
    )
    d.add_argument(
        "--keys",
        type=Path,
        default=Path(KEYS_FILE),
        metavar="FILE",
        help=f"where a cut list is written in full, as CSV (default: ./{KEYS_FILE})",
    )
    d.set_defaults(run=cmd_diff)
    z = commands.add_parser(
        "zenodo",
        help="write .zenodo.json from CITATION.cff and schemas/package.json",
        description=cmd_zenodo.__doc__,
    )
    z.add_argument(
        "--citation", type=Path, default=SOURCE_TREE / "CITATION.cff", help="CITATION.cff to read"
    )
    z.add_argument(
        "--package",
        type=Path,
        default=SOURCE_TREE / "schemas" / "package.json",
        help="package metadata holding the version (default: the repository's)",
    )
    z.add_argument(
        "--out", type=Path, default=SOURCE_TREE / ".zenodo.json", help="file to write or check"
    )
    z.add_argument("--check", action="store_true", help="write nothing; exit 1 if out of date")
    z.set_defaults(run=cmd_zenodo)
