"""The build cache and parallel extraction: never a different package than a clean build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import sidelines.pipeline as pipeline
from sidelines.bench_corpus import write_corpus
from sidelines.pipeline import BuildConfig, build
from tests.conftest import SCHEMAS


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    raw = tmp_path_factory.mktemp("corpus") / "raw"
    write_corpus(400, raw, seed=7)
    return raw


@pytest.fixture()
def counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files the build extracts (not taken from the cache)."""
    seen: list[str] = []
    real = pipeline.extract_source

    def spy(source):  # type: ignore[no-untyped-def]
        seen.append(source.name)
        return real(source)

    monkeypatch.setattr(pipeline, "extract_source", spy)
    return seen


def config(raw: Path, out: Path, cache: Path | None, jobs: int = 1) -> BuildConfig:
    return BuildConfig(raw_dir=raw, out_dir=out, schemas_dir=SCHEMAS, jobs=jobs, cache_dir=cache)


def test_parallel_build_equals_sequential(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "PARALLEL_FROM_BYTES", 0)  # a small corpus, on two processes
    build(config(corpus, tmp_path / "one", None, jobs=1))
    build(config(corpus, tmp_path / "two", None, jobs=2))
    assert tree_bytes(tmp_path / "one") == tree_bytes(tmp_path / "two")


def test_unchanged_rebuild_is_a_check(corpus: Path, tmp_path: Path, counting: list[str]) -> None:
    cfg = config(corpus, tmp_path / "pkg", tmp_path / "cache")
    first = build(cfg)
    before = tree_bytes(tmp_path / "pkg")
    counting.clear()
    again = build(cfg)
    assert again.cached and not first.cached
    assert counting == []
    assert (again.posts, again.meetings) == (first.posts, first.meetings)
    assert tree_bytes(tmp_path / "pkg") == before


def test_edited_package_is_rebuilt(corpus: Path, tmp_path: Path) -> None:
    cfg = config(corpus, tmp_path / "pkg", tmp_path / "cache")
    build(cfg)
    clean = tree_bytes(tmp_path / "pkg")
    (tmp_path / "pkg" / "data" / "posts.csv").write_text("tampered", encoding="utf-8")
    assert not build(cfg).cached
    assert tree_bytes(tmp_path / "pkg") == clean


def test_added_file_is_the_only_one_parsed_and_matches_clean(
    corpus: Path, tmp_path: Path, counting: list[str]
) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(corpus, raw)
    cfg = config(raw, tmp_path / "pkg", tmp_path / "cache")
    build(cfg)
    write_corpus(30, tmp_path / "extra", seed=99)
    added = next((tmp_path / "extra").glob("channel_*.txt"))
    shutil.copy(added, raw / "zz_new.txt")
    counting.clear()
    cached = build(cfg)
    assert counting == ["zz_new.txt"]
    assert not cached.cached
    build(config(raw, tmp_path / "clean", None))
    assert tree_bytes(tmp_path / "pkg") == tree_bytes(tmp_path / "clean")


def test_changed_code_invalidates_the_cache(
    corpus: Path, tmp_path: Path, counting: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cfg = config(corpus, tmp_path / "pkg", tmp_path / "cache")
    build(cfg)
    monkeypatch.setattr(pipeline, "code_fingerprint", lambda: "a changed parser")
    counting.clear()
    assert not build(cfg).cached
    assert sorted(counting) == sorted(p.name for p in corpus.iterdir())


def test_changed_schema_invalidates_the_build(corpus: Path, tmp_path: Path) -> None:
    schemas = tmp_path / "schemas"
    shutil.copytree(SCHEMAS, schemas)
    cfg = BuildConfig(
        raw_dir=corpus, out_dir=tmp_path / "pkg", schemas_dir=schemas, cache_dir=tmp_path / "c"
    )
    build(cfg)
    posts = (schemas / "posts.json").read_text(encoding="utf-8")
    (schemas / "posts.json").write_text(posts.replace("Stable id", "A stable id"), "utf-8")
    assert not build(cfg).cached
    assert "A stable id" in (tmp_path / "pkg" / "datapackage.json").read_text(encoding="utf-8")


def test_corrupt_cache_entries_are_misses(corpus: Path, tmp_path: Path) -> None:
    cfg = config(corpus, tmp_path / "pkg", tmp_path / "cache")
    build(cfg)
    clean = tree_bytes(tmp_path / "pkg")
    for entry in (tmp_path / "cache").rglob("*"):
        if entry.is_file():
            entry.write_bytes(b"not a pickle")
    assert not build(cfg).cached
    assert tree_bytes(tmp_path / "pkg") == clean
