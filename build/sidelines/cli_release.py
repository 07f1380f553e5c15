"""The release commands, `sidelines publish` and `sidelines diff`: thin wrappers over
publish.py and diff.py, added to the main parser by cli.py."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sidelines.diff import diff_packages, render_diff
from sidelines.publish import PublishConfig, load_snapshot, publish
from sidelines.schema import default_schemas_dir
from sidelines.terminal import plain_console, printable

console = plain_console()


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


def cmd_diff(args: argparse.Namespace) -> int:
    """Show what changed between two packages (folders or zips), keyed by primary keys."""
    print(render_diff(diff_packages(load_snapshot(args.old), load_snapshot(args.new))), end="")
    return 0


def add_commands(commands: Any) -> None:
    """Add `publish` and `diff` to the subcommands of the main parser."""
    p = commands.add_parser(
        "publish", help="write versioned release artifacts", description=cmd_publish.__doc__
    )
    p.add_argument("--package", type=Path, default=Path("datapackage"), help="built package folder")
    p.add_argument("--dist", type=Path, default=Path("dist"), help="empty output folder")
    p.add_argument(
        "--previous", type=Path, default=None, help="previous release (folder or zip), if any"
    )
    p.add_argument(
        "--commit", default=None, help="git commit to record (default: HEAD of the repository)"
    )
    p.add_argument(
        "--schemas",
        type=Path,
        default=default_schemas_dir(),
        help="schemas folder whose package.json holds the version",
    )
    p.set_defaults(run=cmd_publish)
    d = commands.add_parser("diff", help="diff two packages", description=cmd_diff.__doc__)
    d.add_argument("old", type=Path, help="older package: folder or zip")
    d.add_argument("new", type=Path, help="newer package: folder or zip")
    d.set_defaults(run=cmd_diff)
