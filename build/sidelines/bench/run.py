"""The benchmark: build a synthetic corpus of N posts and measure every stage (I/O).

It reports wall time and peak memory per stage of a cold build, the time of an unchanged
rebuild and of a rebuild after adding one file (both from the cache), and the time that
`frictionless validate` alone takes on the same output, measured in the same run, with the
machine's load around each run. `--runs N` repeats all of it and adds the medians: speed
varies between runs on a shared machine, and one run is an anecdote.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import polars as pl

from sidelines.bench.corpus import write_corpus
from sidelines.parallel import default_jobs
from sidelines.pipeline import BuildConfig, BuildSummary, build


def timed_build(config: BuildConfig) -> tuple[BuildSummary, float]:
    """A build and its wall time."""
    started = time.perf_counter()
    summary = build(config)
    return summary, time.perf_counter() - started


def cpu_seconds() -> dict[str, float]:
    """User and system CPU of this process and of its children waited for, so far."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "build_process": own.ru_utime + own.ru_stime,
        "workers": children.ru_utime + children.ru_stime,
    }


def frictionless_seconds(package: Path) -> tuple[float, bool]:
    """Wall time of `frictionless validate` on the package, and whether it found it valid."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", str(package / "datapackage.json")],
        capture_output=True,
        check=False,
    )
    return time.perf_counter() - started, result.returncode == 0


def folder_mb(folder: Path) -> float:
    return round(sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20, 1)


def run_bench(
    posts: int, schemas_dir: Path, work: Path, jobs: int, validate: bool = True
) -> dict[str, Any]:
    """Generate, build cold, rebuild unchanged, rebuild with one more file, validate."""
    raw, out, cache = work / "raw", work / "datapackage", work / "cache"
    corpus = write_corpus(posts, raw)
    load_before = os.getloadavg()[0]
    config = BuildConfig(
        raw_dir=raw, out_dir=out, schemas_dir=schemas_dir, jobs=jobs, cache_dir=cache
    )
    cpu_before = cpu_seconds()
    cold, cold_seconds = timed_build(config)
    cpu = {k: round(v - cpu_before[k], 2) for k, v in cpu_seconds().items()}
    shutil.copytree(out, work / "cold-package")  # what frictionless will validate
    _, unchanged_seconds = timed_build(config)
    write_corpus(50, work / "extra", seed=posts + 1)
    added = raw / "zz_added.txt"
    shutil.copy(next((work / "extra").glob("channel_*.txt")), added)
    grown, added_seconds = timed_build(config)
    cold_package = work / "cold-package"
    fl_seconds, fl_valid = frictionless_seconds(cold_package) if validate else (None, None)
    return {
        "posts_generated": corpus["posts"],
        "files": corpus["files"],
        "raw_mb": folder_mb(raw),
        "package_mb": folder_mb(cold_package),
        "rows": {"posts": cold.posts, "hashtags": cold.hashtags, "meetings": cold.meetings},
        "jobs": jobs,
        "cold_build_seconds": round(cold_seconds, 2),
        "stages": cold.stages,
        "peak_rss_mb": max(s["peak_rss_mb"] for s in cold.stages),
        # CPU of the cold build: this process (merge, checks, writing, handing out work) and
        # its worker processes (reading and extracting), and both per post.
        "cpu_seconds": cpu,
        "cpu_us_per_post": round(sum(cpu.values()) / max(corpus["posts"], 1) * 1e6, 1),
        "unchanged_rebuild_seconds": round(unchanged_seconds, 2),
        "one_file_added_rebuild_seconds": round(added_seconds, 2),
        "one_file_added_stages": grown.stages,  # where an incremental build spends its time
        "frictionless_validate_seconds": None if fl_seconds is None else round(fl_seconds, 2),
        "frictionless_valid": fl_valid,
        # Runnable processes, averaged over a minute, before and after: 2 on this machine's
        # two cores is the build alone; more is other work sharing them.
        "load_average_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "machine": {
            "python": platform.python_version(),
            "polars": pl.__version__,
            "cores": default_jobs(),
        },
    }


# The figures whose medians a repeated bench reports.
MEDIAN_OF = (
    "cold_build_seconds",
    "peak_rss_mb",
    "unchanged_rebuild_seconds",
    "one_file_added_rebuild_seconds",
    "frictionless_validate_seconds",
)


def medians(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The median of each figure over the runs, every stage's seconds included.

    >>> medians([{"cold_build_seconds": s, "stages": [{"stage": "merge", "seconds": s}]}
    ...          for s in (3.0, 1.0, 2.0)])
    {'cold_build_seconds': 2.0, 'stage_seconds': {'merge': 2.0}}
    """
    found = {
        key: statistics.median(run[key] for run in runs)
        for key in MEDIAN_OF
        if all(run.get(key) is not None for run in runs)
    }
    stages = [s["stage"] for s in runs[0]["stages"]]
    found["stage_seconds"] = {
        stage: statistics.median(
            next(s["seconds"] for s in run["stages"] if s["stage"] == stage) for run in runs
        )
        for stage in stages
    }
    return found


def profile_build(posts: int, schemas_dir: Path, work: Path, report: Path) -> None:
    """A pyinstrument profile of a cold build of the corpus in one process (workers can't be
    sampled from the parent), written as text: where the time of each stage goes."""
    from pyinstrument import Profiler  # the bench dependency group only

    raw = work / "raw"
    write_corpus(posts, raw)
    config = BuildConfig(raw_dir=raw, out_dir=work / "profiled", schemas_dir=schemas_dir, jobs=1)
    with Profiler(interval=0.005) as profiler:
        build(config)
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(profiler.output_text(show_all=False, timeline=False), encoding="utf-8")


def one_run_apart(posts: int, jobs: int, validate: bool) -> dict[str, Any]:
    """One run in a fresh interpreter. A process's peak memory of its children counts every
    child it ever had: in one process, the second run's build would report the first run's
    `frictionless validate` (4.6 GB at a million posts) as its own peak. A fresh interpreter
    also starts each run as cold as a user's build: no import, no cache of texts read."""
    with tempfile.TemporaryDirectory(prefix="sidelines-bench-run-") as tmp:
        out = Path(tmp) / "run.json"
        command = [sys.executable, "-m", "sidelines.bench", "--posts", str(posts)]
        command += ["--jobs", str(jobs), "--out", str(out)]
        command += [] if validate else ["--no-validate"]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
        return result


def main(argv: list[str] | None = None) -> int:
    """`python -m sidelines.bench.run --posts N [--out FILE] [--no-validate]`."""
    import argparse

    from sidelines.package.schema import default_schemas_dir

    parser = argparse.ArgumentParser(prog="sidelines-bench", description=__doc__)
    parser.add_argument("--posts", type=int, default=10_000, help="posts to generate")
    parser.add_argument("--out", type=Path, default=None, help="JSON file for the results")
    parser.add_argument("--jobs", type=int, default=default_jobs(), help="processes")
    parser.add_argument(
        "--runs", type=int, default=1, help="times to run it all; with more than one, medians"
    )
    parser.add_argument(
        "--no-validate", action="store_true", help="skip timing `frictionless validate`"
    )
    parser.add_argument(
        "--profile",
        type=Path,
        default=None,
        help="instead of timing, write a pyinstrument profile of a one-process build here",
    )
    args = parser.parse_args(argv)
    if args.profile:
        with tempfile.TemporaryDirectory(prefix="sidelines-profile-") as tmp:
            profile_build(args.posts, default_schemas_dir(), Path(tmp), args.profile)
        print(f"profile of a {args.posts}-post build written to {args.profile}")
        return 0
    if args.runs == 1:
        with tempfile.TemporaryDirectory(prefix="sidelines-bench-") as tmp:
            result = run_bench(
                args.posts, default_schemas_dir(), Path(tmp), args.jobs, not args.no_validate
            )
    else:
        runs = [
            one_run_apart(args.posts, args.jobs, not args.no_validate) for _ in range(args.runs)
        ]
        result = {"median": medians(runs), "runs": runs}
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0
