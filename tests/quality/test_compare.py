"""Comparison with the previous release: lost rows fail unless a reason is given, the reason
is recorded, and what is recorded survives a rebuild of the same release."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from sidelines.cli import main
from sidelines.package.read import Previous
from sidelines.package.schema import load_schemas
from sidelines.package.tables import to_frame
from sidelines.pipeline import BuildConfig, build
from sidelines.quality.compare import RemovalsNotAllowed, compare
from tests.conftest import SCHEMAS, rerecord
from tests.test_cli import tree_bytes

SCHEMA = load_schemas(SCHEMAS)
VERSION = SCHEMA.package["version"]


def tables(posts: list[tuple[str, str | None]]) -> dict[str, pl.DataFrame]:
    """Tables with the given (post_id, lang) posts and nothing else."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in SCHEMA.tables} | {
        "posts": [{"post_id": post_id, "lang": lang} for post_id, lang in posts]
    }
    return {name: to_frame(rows[name], name, SCHEMA) for name in SCHEMA.tables}


OLD = tables([("a" * 16, "ru"), ("b" * 16, "en")])
NEW = tables([("a" * 16, "ru"), ("c" * 16, "ru")])


def test_no_previous_release() -> None:
    result = compare(NEW, SCHEMA, None)
    assert result.baseline is None and result.removed == {} and result.rows["posts"] == 2


def test_lost_rows_fail_without_a_reason() -> None:
    with pytest.raises(
        RemovalsNotAllowed, match=r"posts: 1 \(bbbbbbbbbbbbbbbb\).*--allow-removals"
    ):
        compare(NEW, SCHEMA, Previous("0.9.0", OLD))


def test_allowed_removals_are_recorded_against_the_older_release() -> None:
    result = compare(NEW, SCHEMA, Previous("0.9.0", OLD), allow_removals="merged duplicates")
    assert result.lost == result.removed == {"posts": ["b" * 16]}
    assert result.reasons == ["merged duplicates"]
    assert result.baseline is not None
    assert result.baseline.version == "0.9.0"
    assert result.baseline.rows["posts"] == 2
    assert result.baseline.lang_shares == {"en": 0.5, "ru": 0.5}


def test_a_rebuild_of_the_same_release_carries_the_record_forward() -> None:
    summary = {
        "comparison": {
            "baseline": {"version": "0.9.0", "rows": {"posts": 2}, "lang_shares": {"ru": 1.0}},
            "removed": {"posts": ["b" * 16]},
            "reasons": ["merged duplicates"],
        }
    }
    again = compare(NEW, SCHEMA, Previous(VERSION, NEW, summary))
    assert again.lost == {}
    assert again.removed == {"posts": ["b" * 16]} and again.reasons == ["merged duplicates"]
    assert again.baseline is not None and again.baseline.version == "0.9.0"


def test_lost_compound_keys_are_named(seed_package: Path) -> None:
    tags = pl.read_parquet(seed_package / "data" / "hashtags.parquet")
    old = {**OLD, "hashtags": tags}
    with pytest.raises(RemovalsNotAllowed, match="hashtags: 14"):
        compare({**OLD, "hashtags": tags.clear()}, SCHEMA, Previous(VERSION, old))


def test_build_that_loses_rows_fails_and_keeps_the_package(
    seed_package: Path, one_file_raw: Path, tmp_path: Path
) -> None:
    out = tmp_path / "pkg"
    shutil.copytree(seed_package, out)
    before = tree_bytes(out)
    config = BuildConfig(raw_dir=one_file_raw, out_dir=out, schemas_dir=SCHEMAS)
    with pytest.raises(RemovalsNotAllowed, match="posts: "):
        build(config)
    assert tree_bytes(out) == before


def test_allowed_removals_are_written_and_survive_a_rebuild(
    seed_package: Path, one_file_raw: Path, tmp_path: Path
) -> None:
    out = tmp_path / "pkg"
    shutil.copytree(seed_package, out)
    config = BuildConfig(
        raw_dir=one_file_raw, out_dir=out, schemas_dir=SCHEMAS, allow_removals="dropped a file"
    )
    summary = build(config)
    assert summary.quality is not None and summary.quality.comparison.lost["posts"]
    written = json.loads((out / "quality" / "summary.json").read_text(encoding="utf-8"))
    assert written["comparison"]["reasons"] == ["dropped a file"]
    assert written["comparison"]["removed"]["posts"] == summary.quality.comparison.lost["posts"]
    assert "dropped a file" in (out / "README.md").read_text(encoding="utf-8")
    first = tree_bytes(out)
    build(dataclasses.replace(config, allow_removals=None))  # same data again: nothing lost now
    assert tree_bytes(out) == first


def test_check_command(
    seed_package: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(seed_package)]) == 0
    assert "0 errors" in capsys.readouterr().out
    broken = tmp_path / "broken"
    shutil.copytree(seed_package, broken)
    posts = pl.read_parquet(broken / "data" / "posts.parquet")
    pl.concat([posts, posts.head(1)]).write_parquet(broken / "data" / "posts.parquet")
    assert main(["check", str(broken)]) == 1
    assert "data/posts.parquet: " in capsys.readouterr().err  # its recorded hash differs
    rerecord(broken, "data/posts.parquet")  # so that the checks of the tables are reached
    assert main(["check", str(broken)]) == 1
    out = capsys.readouterr().out
    assert "error: posts.post_id.unique: 2 of 16 rows" in out and "1 error," in out
    fewer = tmp_path / "fewer"
    shutil.copytree(seed_package, fewer)
    posts.tail(-1).write_parquet(fewer / "data" / "posts.parquet")
    rerecord(fewer, "data/posts.parquet")
    assert main(["check", str(fewer), "--previous", str(seed_package)]) == 1
    assert "would be lost" in capsys.readouterr().err
    assert (
        main(["check", str(fewer), "--previous", str(seed_package), "--allow-removals", "x"]) == 1
    )
    assert "hashtags.post_id.references_posts" in capsys.readouterr().out  # its tags dangle now
