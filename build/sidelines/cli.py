"""The command line: thin commands that call the library and turn errors into one line."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

from rich.progress import track

from sidelines.cache.location import default_cache_dir
from sidelines.cluster import CONNECT_SECONDS, WORKERS_SECONDS, ClusterFailed
from sidelines.evaluation.cli import add_commands as add_eval_commands
from sidelines.options import add_previous_option, add_schemas_option
from sidelines.package.read import read_package
from sidelines.package.schema import Schemas, default_schemas_dir, load_schemas
from sidelines.package.validate import ValidationFailed
from sidelines.parallel import WorkerLost, default_jobs
from sidelines.pipeline import BuildConfig, BuildSummary, build
from sidelines.provenance import default_eval_results
from sidelines.quality.compare import RemovalsNotAllowed
from sidelines.quality.run import QualityFailed, QualityReport, check_quality
from sidelines.records import InputError
from sidelines.release.cli import add_commands
from sidelines.release.verify import (
    copy_differences,
    descriptor_schemas,
    file_problems,
    opened_package,
    read_copies,
    read_descriptor,
)
from sidelines.terminal import plain_console, printable
from sidelines.words import plural

T = TypeVar("T")
DESCRIPTION = (
    "Build the sidelines data package (posts, hashtags and the meetings they report, from "
    "Telegram channel dumps and exports and news articles) from raw files, check a built "
    "package or a downloaded release, diff two packages and publish a release."
)
PROGRESS_FROM = 20  # show a progress bar only when there are this many files or more

err_console = plain_console(stderr=True)
console = plain_console()


def show_progress(items: Iterable[T], label: str, total: int) -> Iterable[T]:
    """A rich progress bar on stderr for long runs; nothing for a handful of files."""
    if total < PROGRESS_FROM:
        return items
    return track(items, description=label, total=total, console=err_console, transient=True)


def print_note(message: str) -> None:
    """A line on stderr from inside the build: waiting for a lock, leftovers of an interrupted
    build put right, a warning that does not fail the build."""
    err_console.print(f"sidelines build: {message}", highlight=False, soft_wrap=True, markup=False)


def print_summary(summary: BuildSummary, out_dir: Path, timings: bool = False) -> None:
    """The short build summary: what was read and written, and how long it took."""
    verb = "up to date (inputs unchanged, package left as it was)" if summary.cached else "built"
    console.print(
        f"{verb} {printable(str(out_dir))}: {plural(summary.files, 'file')} read, "
        f"{plural(summary.posts, 'post')}, {plural(summary.hashtags, 'hashtag')}, "
        f"{plural(summary.meetings, 'meeting')}, "
        f"{plural(summary.repeats_collapsed, 'repeat')} collapsed, "
        f"{plural(len(summary.skipped), 'file')} skipped, in {summary.seconds:.2f} s",
        highlight=False,
        soft_wrap=True,
    )
    for skipped in summary.skipped:
        console.print(f"skipped {printable(skipped['reason'])}", soft_wrap=True)
    if timings:
        for stage in summary.stages:
            seconds, peak = stage["seconds"], stage["peak_rss_mb"]
            console.print(f"  {stage['stage']:<20} {seconds:8.2f} s  peak {peak:8.1f} MB")


def print_quality(report: QualityReport, label: str = "quality") -> None:
    """One line per failed check and per check that passed with rows against it or had no
    row to check, row-count changes against the previous package, totals."""
    for r in report.errors + report.warnings:
        example = f" (e.g. {r.examples[0]})" if r.examples else ""
        console.print(
            f"{r.check.severity}: {r.check.id}: {r.unexpected} of {r.evaluated} rows — "
            f"{r.check.rule}{example}",
            highlight=False,
            soft_wrap=True,
        )
    for r in report.results:
        if r.outcome == "tolerated":
            note = f"passed, with {r.unexpected} of {r.evaluated} rows against it"
        elif r.outcome == "not applicable":
            note = "not applicable: no rows to check"
        else:
            continue
        console.print(
            f"note: {r.check.id}: {note} — {r.check.rule}", highlight=False, soft_wrap=True
        )
    comparison = report.comparison
    changed = {
        name: (comparison.previous_rows.get(name, 0), rows)
        for name, rows in comparison.rows.items()
        if comparison.previous_version is not None and comparison.previous_rows.get(name, 0) != rows
    }
    if changed:
        console.print(
            "rows since the previous package: "
            + ", ".join(f"{name} {a} -> {b}" for name, (a, b) in changed.items()),
            highlight=False,
            soft_wrap=True,
        )
    for name, ids in comparison.lost.items():
        console.print(
            f"removed from {name} (allowed: {comparison.reasons[-1]}): {len(ids)} rows",
            highlight=False,
            soft_wrap=True,
        )
    idle = sum(r.outcome == "not applicable" for r in report.results)
    console.print(
        f"{label}: {plural(len(report.results), 'expectation')}, "
        f"{len(report.results) - len(report.errors) - len(report.warnings) - idle} passed, "
        + (f"{idle} not applicable, " if idle else "")
        + f"{plural(len(report.errors), 'error')}, {plural(len(report.warnings), 'warning')}",
        highlight=False,
        soft_wrap=True,
    )


def cmd_build(args: argparse.Namespace) -> int:
    """Build the data package from the raw files, check its quality and compare it with the
    previous package (the --out folder as it was, or --previous)."""
    config = BuildConfig(
        raw_dir=args.raw,
        out_dir=args.out,
        schemas_dir=args.schemas,
        previous_dir=args.previous,
        allow_removals=args.allow_removals,
        skip_bad=args.skip_bad,
        jobs=max(1, args.jobs),
        scheduler=args.scheduler or None,
        cache_dir=None if args.no_cache else args.cache,
        eval_results=args.eval_results,
        quality_gate=not args.no_quality_gate,
        wait=args.wait,
    )
    summary = build(config, progress=show_progress, notify=print_note)
    if summary.quality is not None:
        print_quality(summary.quality)
    print_summary(summary, args.out, timings=args.timings)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Check a package as shipped (a folder or a release zip): every file the descriptor lists
    against its recorded bytes and sha256, no unlisted file in data/, the CSV and Parquet copy
    of each table holding the same rows; then run the quality checks on both copies and
    compare with --previous. Exit 1 on any error, each named by file on its own line."""
    with opened_package(args.package) as folder:
        descriptor = read_descriptor(folder, args.package)
        problems = file_problems(folder, descriptor)
        if problems:
            return print_problems(args.package, problems)
        schemas = check_schemas(args.schemas, descriptor)
        copies = read_copies(folder, schemas)
        previous = read_package(folder, schemas)  # its recorded baseline, by default
        if args.previous is not None:
            with opened_package(args.previous) as previous_folder:
                previous = read_package(previous_folder, schemas)
        if previous is None:
            raise ValueError(f"{args.previous}: no datapackage.json to compare with")
        problems = copy_differences(copies, schemas)
        errors = len(problems)
        for label, tables in (("CSV", copies.csv), ("Parquet", copies.parquet)):
            report = check_quality(tables, schemas, previous, args.allow_removals)
            print_quality(report, label=f"quality of the {label} copy")
            errors += len(report.errors)
    return print_problems(args.package, problems) if problems else (1 if errors else 0)


def print_problems(package: Path, problems: list[str]) -> int:
    """Each problem found in a package on its own error line; the exit status (1)."""
    for problem in problems:
        err_console.print(
            f"sidelines check: error: {printable(str(package))}: {printable(problem)}",
            soft_wrap=True,
        )
    return 1


def check_schemas(option: Path | None, descriptor: dict[str, Any]) -> Schemas:
    """The schemas `check` reads a package with: --schemas if given, else the repository's
    schemas/ when run from a source checkout, else the package's own descriptor."""
    if option is None and default_schemas_dir().is_dir():
        option = default_schemas_dir()
    return load_schemas(option) if option is not None else descriptor_schemas(descriptor)


def add_comparison_options(command: argparse.ArgumentParser, default: str) -> None:
    """--previous and --allow-removals, shared by build and check."""
    add_previous_option(command, what="package folder", default=default)
    command.add_argument(
        "--allow-removals",
        metavar="REASON",
        default=None,
        help="accept that rows of the previous release disappear; the reason is recorded "
        "in quality/summary.json",
    )


def parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    top = argparse.ArgumentParser(prog="sidelines", description=DESCRIPTION)
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
        help="package folder to write (default: datapackage); it must be missing, empty or "
        "hold a package sidelines wrote (and nothing else), and must not be, hold or lie "
        "inside --raw, hold the "
        "current folder or the cache; it is replaced in one step",
    )
    b.add_argument(
        "--wait",
        type=float,
        default=600.0,
        metavar="SECONDS",
        help="while another build writes the same --out folder, wait this long for it "
        "(default: 600), then give up with an error",
    )
    add_schemas_option(
        b, default_schemas_dir(), purpose="", default_text="the repository's schemas/"
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
        "--scheduler",
        metavar="ADDRESS",
        default=os.environ.get("DASK_SCHEDULER_ADDRESS"),
        help="read and extract the files on the workers of the Dask cluster whose scheduler "
        "is at ADDRESS (e.g. tcp://10.0.0.5:8786) instead of local processes; each file's "
        "bytes are sent to a worker, no shared file system is needed; needs the optional "
        "package distributed (pip install 'sidelines[dask]'). The build gives up with an "
        f"error if the scheduler does not answer within {CONNECT_SECONDS} s or has no worker "
        f"within {WORKERS_SECONDS} s (default: $DASK_SCHEDULER_ADDRESS when set, else the "
        "local processes of --jobs; --scheduler '' for those)",
    )
    b.add_argument(
        "--cache",
        type=Path,
        default=default_cache_dir(),
        help="cache of per-file results and of the last build (default: .cache/sidelines at "
        "the repository's root when run inside it, else the user cache folder, here "
        f"{default_cache_dir()}); "
        "an unchanged rebuild only checks, a new file is the only one parsed",
    )
    b.add_argument("--no-cache", action="store_true", help="build everything from scratch")
    b.add_argument(
        "--no-quality-gate",
        action="store_true",
        help="write the package even when an error-level quality check fails (the report "
        "says failed): for measuring an extraction, as nox -s eval does; never for a release",
    )
    b.add_argument(
        "--eval-results",
        type=Path,
        default=default_eval_results(),
        metavar="FILE",
        help="the extraction's measured accuracy to publish in the package's README and "
        "quality report, when measured with this code (default: the repository's "
        "eval/results.json, written by nox -s eval)",
    )
    b.add_argument("--timings", action="store_true", help="print time and memory per stage")
    add_comparison_options(b, "the --out folder as it is before the build")
    b.set_defaults(run=cmd_build)
    c = commands.add_parser(
        "check",
        help="check a built package or release: file hashes, both copies, quality",
        description=cmd_check.__doc__,
    )
    c.add_argument("package", type=Path, help="package folder or release zip")
    add_schemas_option(
        c,
        None,
        purpose=" to read the tables with",
        default_text="the repository's schemas/ when run from a source checkout, else the "
        "package's own schemas, from its datapackage.json",
    )
    add_comparison_options(c, "the package itself: its recorded baseline")
    c.set_defaults(run=cmd_check)
    add_commands(commands)
    add_eval_commands(commands)
    return top


def main(argv: list[str] | None = None) -> int:
    """Run a command; an expected failure prints one line on stderr and exits 1."""
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except (
        InputError,
        ValidationFailed,
        QualityFailed,
        RemovalsNotAllowed,
        ClusterFailed,
        WorkerLost,
        ValueError,
        OSError,
    ) as err:
        err_console.print(f"sidelines {args.command}: error: {printable(str(err))}", soft_wrap=True)
        return 1


if __name__ == "__main__":
    sys.exit(main())
