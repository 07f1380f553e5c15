"""Time the per-file stage on a local Dask cluster of 1, 2 and 4 workers against the local
process pool, on one synthetic corpus (README, "Building on a cluster").

    uv sync --extra dask && uv run python bench/cluster.py --posts 20000 --out FILE.json

The corpus is several `write_corpus` corpora side by side (one per sub-folder), so that it
has more sizeable files than workers. Each build is cold (no cache); one build first, not
timed, imports everything in this process (Great Expectations above all), so that no timed
build pays for it.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from distributed import Client, LocalCluster

from sidelines.bench.corpus import write_corpus
from sidelines.package.schema import default_schemas_dir
from sidelines.pipeline import BuildConfig, build

PARTS = 4  # corpora side by side: 8 channel files and their articles


def clear_bounded_caches() -> int:
    """Empty the extractors' bounded caches (of sentences, words, names) in this process, so
    that a build does not find the last build's sentences cached; returns how many."""
    modules = [m for name, m in sys.modules.items() if name.startswith("sidelines.")]
    functions = [f for m in modules for f in vars(m).values() if hasattr(f, "cache_info")]
    bounded = {id(f): f for f in functions if f.cache_info().maxsize is not None}
    for cached in bounded.values():
        cached.cache_clear()
    return len(bounded)


def timed(raw: Path, out: Path, **options: Any) -> dict[str, Any]:
    """One cold build (no cache; this process's extractor caches emptied): wall time, the
    parse-and-extract stage, and rates over that stage."""
    clear_bounded_caches()
    started = time.perf_counter()
    summary = build(
        BuildConfig(raw_dir=raw, out_dir=out, schemas_dir=default_schemas_dir(), **options)
    )
    seconds = time.perf_counter() - started
    stage = next(s["seconds"] for s in summary.stages if s["stage"] == "parse and extract")
    return {
        "files": summary.files,
        "posts": summary.posts,
        "build_seconds": round(seconds, 2),
        "parse_and_extract_seconds": stage,
        "files_per_second": round(summary.files / stage, 1),
        "posts_per_second": round(summary.posts / stage),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--posts", type=int, default=20_000)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="sidelines-cluster-bench-") as tmp:
        work = Path(tmp)
        raw = work / "raw"
        for part in range(PARTS):
            write_corpus(args.posts // PARTS, raw / f"part{part}", seed=part + 1)
        build(BuildConfig(raw_dir=raw, out_dir=work / "warm", schemas_dir=default_schemas_dir()))
        for jobs in (1, 2):
            results[f"local pool, {jobs} process(es)"] = timed(
                raw, work / f"local{jobs}", jobs=jobs
            )
        for workers in (1, 2, 4):
            with LocalCluster(
                processes=True,
                n_workers=workers,
                threads_per_worker=1,
                host="127.0.0.1",
                dashboard_address="127.0.0.1:0",
            ) as cluster:
                address = cluster.scheduler_address
                # Fresh workers import sidelines, polars and the dictionaries on their first
                # task; a long-lived cluster pays that once, so both builds are reported (the
                # warm one with the workers' caches of the first build's sentences emptied).
                for run in ("fresh", "warm"):
                    with Client(address) as client:  # imports kept, sentences forgotten
                        client.run(clear_bounded_caches)
                    results[f"Dask, {workers} worker(s), {run}"] = timed(
                        raw, work / f"dask{workers}{run}", scheduler=address
                    )
    text = json.dumps(results, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
