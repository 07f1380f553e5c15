"""The synthetic benchmark corpus: deterministic, in every supported input style."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import polars as pl

from sidelines.bench.corpus import write_corpus
from sidelines.bench.run import main as bench_main
from sidelines.pipeline import BuildConfig, build
from tests.conftest import SCHEMAS


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_corpus_is_deterministic(tmp_path: Path) -> None:
    write_corpus(300, tmp_path / "a", seed=3)
    write_corpus(300, tmp_path / "b", seed=3)
    assert digests(tmp_path / "a") == digests(tmp_path / "b")


def test_corpus_builds_in_every_style(tmp_path: Path) -> None:
    counts = write_corpus(1200, tmp_path / "raw", seed=5)
    summary = build(
        BuildConfig(raw_dir=tmp_path / "raw", out_dir=tmp_path / "pkg", schemas_dir=SCHEMAS)
    )
    formats = {f["format"] for f in summary.per_file}
    assert formats == {"channel_dump", "article", "telegram_json"}
    posts = pl.read_parquet(tmp_path / "pkg" / "data" / "posts.parquet")
    assert summary.posts + summary.repeats_collapsed == counts["posts"] + counts["repeats"]
    assert posts["translation_id"].is_not_null().sum() > 0
    assert posts["forwarded_from"].is_not_null().sum() > 0
    meetings = pl.read_parquet(tmp_path / "pkg" / "data" / "meetings.parquet")
    assert set(meetings["format"]) == {"bilateral", "multilateral"}
    assert meetings["counterpart_country"].n_unique() > 20


def test_repeated_bench_reports_each_run_its_load_and_the_medians(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    assert bench_main(["--posts", "300", "--runs", "3", "--no-validate", "--out", str(out)]) == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    runs, median = result["runs"], result["median"]
    assert len(runs) == 3
    assert all(len(run["load_average_1min"]) == 2 for run in runs)
    cold = sorted(run["cold_build_seconds"] for run in runs)
    assert median["cold_build_seconds"] == cold[1]
    merges = sorted(next(s["seconds"] for s in r["stages"] if s["stage"] == "merge") for r in runs)
    assert median["stage_seconds"]["merge"] == merges[1]
    assert "frictionless_validate_seconds" not in median  # not timed: no median of nothing
    for run in runs:
        assert run["cpu_seconds"]["build_process"] > 0
        assert run["cpu_seconds"]["workers"] >= 0
        assert run["cpu_us_per_post"] > 0
        stages = [s["stage"] for s in run["stages"]]
        assert [s["stage"] for s in run["one_file_added_stages"]] == stages
