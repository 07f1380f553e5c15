"""The command line: thin commands that call the library and turn errors into one line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from rich.console import Console
from rich.progress import track

from sidelines.cli_release import add_commands
from sidelines.parallel import default_jobs
from sidelines.pipeline import BuildConfig, BuildSummary, build
from sidelines.records import InputError
from sidelines.schema import default_schemas_dir
from sidelines.validate import ValidationFailed

T = TypeVar("T")
PROGRESS_FROM = 20  # show a progress bar only when there are this many files or more

err_console = Console(stderr=True)
console = Console()


def show_progress(items: Iterable[T], label: str, total: int) -> Iterable[T]:
    """A rich progress bar on stderr for long runs; nothing for a handful of files."""
    if total < PROGRESS_FROM:
        return items
    return track(items, description=label, total=total, console=err_console, transient=True)


def print_summary(summary: BuildSummary, out_dir: Path, timings: bool = False) -> None:
    """The short build summary: what was read and written, and how long it took."""
    verb = "up to date (inputs unchanged, package left as it was)" if summary.cached else "built"
    console.print(
        f"{verb} {out_dir}: {summary.files} files read, {summary.posts} posts, "
        f"{summary.hashtags} hashtags, {summary.meetings} meetings, "
        f"{summary.repeats_collapsed} repeats collapsed, "
        f"{len(summary.skipped)} files skipped, in {summary.seconds:.2f} s",
        highlight=False,
        soft_wrap=True,
    )
    for skipped in summary.skipped:
        console.print(f"skipped {skipped['reason']}", highlight=False, soft_wrap=True)
    if timings:
        for stage in summary.stages:
            seconds, peak = stage["seconds"], stage["peak_rss_mb"]
            console.print(f"  {stage['stage']:<20} {seconds:8.2f} s  peak {peak:8.1f} MB")


def cmd_build(args: argparse.Namespace) -> int:
    """Build the data package from the raw files."""
    config = BuildConfig(
        raw_dir=args.raw,
        out_dir=args.out,
        schemas_dir=args.schemas,
        skip_bad=args.skip_bad,
        jobs=max(1, args.jobs),
        cache_dir=None if args.no_cache else args.cache,
    )
    summary = build(config, progress=show_progress)
    print_summary(summary, args.out, timings=args.timings)
    return 0


def parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    top = argparse.ArgumentParser(prog="sidelines", description=__doc__)
    commands = top.add_subparsers(dest="command", required=True)
    b = commands.add_parser(
        "build", help="build the data package from raw files", description=cmd_build.__doc__
    )
    b.add_argument(
        "--raw", type=Path, default=Path("raw"), help="folder of raw files (default: raw)"
    )
    b.add_argument(
        "--out",
        type=Path,
        default=Path("datapackage"),
        help="package folder to write (default: datapackage)",
    )
    b.add_argument(
        "--schemas",
        type=Path,
        default=default_schemas_dir(),
        help="folder of Table Schemas (default: the repository's schemas/)",
    )
    b.add_argument(
        "--skip-bad",
        action="store_true",
        help="build from the readable files and list each unreadable one with its reason "
        "(default: stop at the first bad file)",
    )
    b.add_argument(
        "--jobs",
        type=int,
        default=default_jobs(),
        help="processes for reading and extracting files (default: all cores)",
    )
    b.add_argument(
        "--cache",
        type=Path,
        default=Path(".cache/sidelines"),
        help="cache of per-file results and of the last build (default: .cache/sidelines); "
        "an unchanged rebuild only checks, a new file is the only one parsed",
    )
    b.add_argument("--no-cache", action="store_true", help="build everything from scratch")
    b.add_argument("--timings", action="store_true", help="print time and memory per stage")
    b.set_defaults(run=cmd_build)
    add_commands(commands)
    return top


def main(argv: list[str] | None = None) -> int:
    """Run a command; an expected failure prints one line on stderr and exits 1."""
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except (InputError, ValidationFailed, ValueError, OSError) as err:
        err_console.print(
            f"sidelines {args.command}: error: {err}", highlight=False, soft_wrap=True
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
