"""The build cache and parallel extraction: never a different package than a clean build."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import threading
from dataclasses import replace
from pathlib import Path

import polars as pl
import pytest

import sidelines.cache.fingerprints as fingerprints
import sidelines.extract_stage as extract_stage
import sidelines.file_stage as file_stage
import sidelines.pipeline as pipeline
from sidelines.bench.corpus import write_corpus
from sidelines.cache.store import CODE_CHARS, BuildCache, frame_bytes
from sidelines.extract.per_file import FileExtract
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
    real = file_stage.read_source

    def spy(source):  # type: ignore[no-untyped-def]
        seen.append(source.name)
        return real(source)

    monkeypatch.setattr(file_stage, "read_source", spy)
    return seen


def config(raw: Path, out: Path, cache: Path | None, jobs: int = 1) -> BuildConfig:
    return BuildConfig(raw_dir=raw, out_dir=out, schemas_dir=SCHEMAS, jobs=jobs, cache_dir=cache)


def test_parallel_build_equals_sequential(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(extract_stage, "PARALLEL_FROM_BYTES", 0)  # a small corpus, on two processes
    build(config(corpus, tmp_path / "one", None, jobs=1))
    build(config(corpus, tmp_path / "two", None, jobs=2))
    assert tree_bytes(tmp_path / "one") == tree_bytes(tmp_path / "two")


@pytest.mark.parametrize("jobs", [1, 2])
def test_gx_is_imported_while_workers_parse(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    started: list[int] = []
    monkeypatch.setattr(extract_stage, "PARALLEL_FROM_BYTES", 0)
    monkeypatch.setattr(extract_stage, "import_gx_in_background", lambda: started.append(jobs))
    build(config(corpus, tmp_path / "pkg", None, jobs=jobs))
    assert started == ([2] if jobs == 2 else [])


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


@pytest.fixture()
def hashed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files an unchanged-build check reads and hashes, with every file
    taken as settled (no clock margin), so that only a changed identity makes it hash."""
    seen: list[str] = []
    real = fingerprints.fingerprint

    def spy(path: Path) -> fingerprints.Fingerprint:
        seen.append(path.name)
        return real(path)

    monkeypatch.setattr(fingerprints, "fingerprint", spy)
    monkeypatch.setattr(fingerprints, "SETTLED_NS", 0)
    return seen


def same_size_edit(path: Path) -> None:
    """Change one byte of a file and set its mtime back: only its ctime tells."""
    before = path.stat()
    data = bytearray(path.read_bytes())
    data[-2] = ord("x") if data[-2] != ord("x") else ord("y")
    path.write_bytes(bytes(data))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)


def test_an_unchanged_rebuild_reads_no_file(
    corpus: Path, tmp_path: Path, hashed: list[str], counting: list[str]
) -> None:
    cfg = config(corpus, tmp_path / "pkg", tmp_path / "cache")
    build(cfg)
    hashed.clear()
    counting.clear()
    assert build(cfg).cached
    assert hashed == [] and counting == []


def test_a_same_size_edit_of_the_package_with_its_mtime_kept_is_rebuilt(
    corpus: Path, tmp_path: Path, hashed: list[str]
) -> None:
    cfg = config(corpus, tmp_path / "pkg", tmp_path / "cache")
    build(cfg)
    clean = tree_bytes(tmp_path / "pkg")
    same_size_edit(tmp_path / "pkg" / "data" / "posts.csv")
    hashed.clear()
    assert not build(cfg).cached
    assert "posts.csv" in hashed
    assert tree_bytes(tmp_path / "pkg") == clean


def test_a_same_size_edit_of_a_raw_file_with_its_mtime_kept_is_rebuilt(
    corpus: Path, tmp_path: Path, hashed: list[str], counting: list[str]
) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(corpus, raw)
    cfg = replace(config(raw, tmp_path / "pkg", tmp_path / "cache"), allow_removals="an edit")
    build(cfg)
    edited = sorted(raw.glob("channel_*.txt"))[0]
    same_size_edit(edited)
    counting.clear()
    assert not build(cfg).cached
    assert counting == [edited.name]


def test_a_touched_raw_file_is_hashed_once_then_trusted(
    corpus: Path, tmp_path: Path, hashed: list[str], counting: list[str]
) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(corpus, raw)
    cfg = config(raw, tmp_path / "pkg", tmp_path / "cache")
    build(cfg)
    touched = sorted(raw.glob("channel_*.txt"))[0]
    touched.touch()
    hashed.clear()
    counting.clear()
    assert build(cfg).cached  # the same bytes: nothing to build
    assert hashed == [touched.name]
    hashed.clear()
    assert build(cfg).cached  # and the record was refreshed: stat alone now
    assert hashed == [] and counting == []


def test_a_file_changed_within_the_clock_margin_is_hashed(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file whose ctime is not safely older than the look that hashed it may have changed
    in the same clock tick: its recorded identity proves nothing, so it is hashed again."""
    cfg = config(corpus, tmp_path / "pkg", tmp_path / "cache")
    build(cfg)
    monkeypatch.setattr(fingerprints, "SETTLED_NS", 10**18)  # nothing is ever settled
    hashed: list[str] = []
    real = fingerprints.fingerprint
    monkeypatch.setattr(fingerprints, "fingerprint", lambda p: hashed.append(p.name) or real(p))
    assert build(cfg).cached
    assert sorted(hashed) == sorted(
        [p.name for p in corpus.iterdir()] + [p.name for p in (tmp_path / "pkg").rglob("*.*")]
    )


def built_then_grown(corpus: Path, tmp_path: Path, added: str) -> tuple[Path, BuildConfig]:
    """A copy of the corpus built with a cache, then given one more file named `added`."""
    raw = tmp_path / "raw"
    shutil.copytree(corpus, raw)
    cfg = config(raw, tmp_path / "pkg", tmp_path / "cache")
    build(cfg)
    write_corpus(30, tmp_path / "extra", seed=99)
    shutil.copy(next((tmp_path / "extra").glob("channel_*.txt")), raw / added)
    return raw, cfg


def test_added_file_is_the_only_one_parsed_and_matches_clean(
    corpus: Path, tmp_path: Path, counting: list[str]
) -> None:
    raw, cfg = built_then_grown(corpus, tmp_path, "zz_new.txt")
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


class Exploit:
    """A pickle that, if ever unpickled, leaves a file behind: the cache must never load it."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (Path.touch, (self.marker,))


def entries(cache: Path) -> list[Path]:
    """The entries of the builder's current code (`extracts/CODE/KEY`)."""
    mine = cache / "extracts" / pipeline.code_fingerprint()[:CODE_CHARS]
    return sorted(p for p in mine.iterdir() if not p.name.startswith("."))


def rewrite_json(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    record = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(change(record)), encoding="utf-8")


def wrong_shape_frame(entry: Path) -> None:
    """A valid Arrow file with the wrong columns, its hash updated to match."""
    data = frame_bytes(pl.DataFrame({"post_id": [1, 2]}))
    (entry / "posts.arrow").write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    rewrite_json(entry / "entry.json", lambda r: r | {"frames": r["frames"] | {"posts": digest}})


POISONS = {
    "garbage-json": lambda e: (e / "entry.json").write_bytes(b"\x80\x04garbage"),
    "truncated-json": lambda e: (e / "entry.json").write_bytes(
        (e / "entry.json").read_bytes()[:40]
    ),
    "pickle-as-json": lambda e: (e / "entry.json").write_bytes(
        pickle.dumps(Exploit(e.parent.parent / "pwned"))
    ),
    "wrong-count-type": lambda e: rewrite_json(e / "entry.json", lambda r: r | {"posts_read": "3"}),
    "wrong-parsed-field": lambda e: rewrite_json(
        e / "entry.json", lambda r: r | {"parsed": r["parsed"] | {"messages": [1]}}
    ),
    "extra-key": lambda e: rewrite_json(e / "entry.json", lambda r: r | {"code": "print(1)"}),
    "error-of-wrong-shape": lambda e: rewrite_json(e / "entry.json", lambda r: {"error": [1]}),
    "truncated-frame": lambda e: (e / "mentions.arrow").write_bytes(
        (e / "mentions.arrow").read_bytes()[:-100]
    ),
    "flipped-byte-in-frame": lambda e: (e / "tags.arrow").write_bytes(
        b"X" + (e / "tags.arrow").read_bytes()[1:]
    ),
    "missing-frame": lambda e: (e / "posts.arrow").unlink(),
    "wrong-shape-frame": wrong_shape_frame,
}


@pytest.fixture(scope="module")
def stored(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache written by one build of the corpus."""
    folder = tmp_path_factory.mktemp("stored")
    build(config(corpus, folder / "pkg", folder / "cache"))
    return folder / "cache"


@pytest.mark.parametrize("poison", list(POISONS))
def test_a_poisoned_entry_is_a_miss(stored: Path, tmp_path: Path, poison: str) -> None:
    original = entries(stored)[0]
    code = pipeline.code_fingerprint()
    entry = tmp_path / "extracts" / original.parent.name / original.name
    shutil.copytree(original, entry)
    whole = BuildCache(tmp_path).load_extract(code, entry.name)
    assert isinstance(whole, FileExtract) and whole.posts.height > 0
    POISONS[poison](entry)
    assert BuildCache(tmp_path).load_extract(code, entry.name) is None
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize("poison", ["pickle-as-json", "flipped-byte-in-frame"])
def test_a_poisoned_entry_is_rebuilt(
    corpus: Path, tmp_path: Path, counting: list[str], poison: str
) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    for path in sorted(corpus.iterdir())[:3]:
        shutil.copy(path, raw / path.name)
    cache = tmp_path / "cache"
    cfg = config(raw, tmp_path / "pkg", cache)
    build(cfg)
    clean = tree_bytes(tmp_path / "pkg")
    shutil.rmtree(cache / "builds")  # so that the build reads the file entries again
    poisoned = entries(cache)[0]
    POISONS[poison](poisoned)
    counting.clear()
    assert not build(cfg).cached
    assert len(counting) == 1  # the poisoned file alone was extracted again
    assert tree_bytes(tmp_path / "pkg") == clean
    assert not (cache / "pwned").exists()
    code = pipeline.code_fingerprint()
    assert BuildCache(cache).load_extract(code, poisoned.name) is not None  # entry rewritten


def test_no_pickle_is_ever_read(corpus: Path, tmp_path: Path) -> None:
    """An old-style pickle entry, or a pickle anywhere in the cache, is not loaded."""
    cache = tmp_path / "cache"
    cfg = config(corpus, tmp_path / "pkg", cache)
    build(cfg)
    for path in [*cache.rglob("*.json"), *cache.rglob("*.arrow")]:
        path.write_bytes(pickle.dumps(Exploit(tmp_path / "pwned")))
    (cache / "files").mkdir()
    for key in (p.name for p in entries(cache)):
        (cache / "files" / f"{key}.pickle").write_bytes(pickle.dumps(Exploit(tmp_path / "pwned")))
    assert not build(cfg).cached
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize(
    "summary",
    [
        pytest.param({"posts": "many"}, id="missing-fields"),
        pytest.param("a string", id="not-an-object"),
        pytest.param(None, id="null"),
    ],
)
def test_a_build_record_of_the_wrong_shape_is_a_miss(
    corpus: Path, tmp_path: Path, summary: object
) -> None:
    cache = tmp_path / "cache"
    cfg = config(corpus, tmp_path / "pkg", cache)
    build(cfg)
    (record,) = (cache / "builds").iterdir()
    rewrite_json(record, lambda r: r | {"summary": summary})
    assert not build(cfg).cached
    assert build(cfg).cached  # the rebuilt record is whole again


def test_the_cache_holds_no_pickles(corpus: Path, tmp_path: Path) -> None:
    build(config(corpus, tmp_path / "pkg", tmp_path / "cache"))
    suffixes = {p.suffix for p in (tmp_path / "cache").rglob("*") if p.is_file()}
    assert suffixes == {".json", ".arrow"}


def test_entries_of_older_code_are_deleted_but_the_last_used(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A changed builder extracts every file again: the entries of the code before it are
    kept (a branch switched back to), those of any older code deleted."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for path in sorted(corpus.iterdir())[:2]:
        shutil.copy(path, raw / path.name)
    cache = tmp_path / "cache"
    for version, code in enumerate(["a" * 64, "b" * 64, "c" * 64, "b" * 64]):
        monkeypatch.setattr(pipeline, "code_fingerprint", lambda code=code: code)
        build(config(raw, tmp_path / f"pkg{version}", cache))
        for folder in (cache / "extracts").iterdir():  # whole seconds apart, on any disk
            os.utime(folder, ns=(0, folder.stat().st_mtime_ns - 10**10))
    codes = sorted(p.name for p in (cache / "extracts").iterdir())
    assert codes == ["b" * CODE_CHARS, "c" * CODE_CHARS]
    assert all(len(list(p.iterdir())) == 2 for p in (cache / "extracts").iterdir())


def test_each_file_is_stored_as_soon_as_it_is_complete(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache writes a file's entry while the workers go on with the others, not all of
    them after the last: stores and finished files interleave."""
    monkeypatch.setattr(extract_stage, "PARALLEL_FROM_BYTES", 0)
    events: list[str] = []
    real_store, real_complete = BuildCache.store_extract, file_stage.with_mentions

    def store(self, code, key, value):  # type: ignore[no-untyped-def]
        events.append("store")
        return real_store(self, code, key, value)

    def complete(read, mentions):  # type: ignore[no-untyped-def]
        events.append("complete")
        return real_complete(read, mentions)

    monkeypatch.setattr(BuildCache, "store_extract", store)
    monkeypatch.setattr(file_stage, "with_mentions", complete)
    build(config(corpus, tmp_path / "pkg", tmp_path / "cache", jobs=2))
    files = len(list(corpus.iterdir()))
    assert events == ["complete", "store"] * files


def test_a_cache_that_cannot_be_written_is_a_warning_and_the_build_goes_on(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(BuildCache, "store_extract", full_disk)
    warnings: list[str] = []
    summary = build(config(corpus, tmp_path / "pkg", tmp_path / "cache"), notify=warnings.append)
    assert summary.posts > 0 and (tmp_path / "pkg" / "datapackage.json").is_file()
    assert [w for w in warnings if "cache" in w] == [
        "warning: cannot write the cache, building without it ([Errno 28] No space left on device)"
    ]
    build(config(corpus, tmp_path / "clean", None))
    assert tree_bytes(tmp_path / "pkg") == tree_bytes(tmp_path / "clean")


def test_cached_entries_load_while_the_new_file_is_read(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a file is added, the other files' entries are loaded while the workers read
    it: each load waits until the reading has begun (it would wait for ever were the
    entries loaded first), and the package is the one a clean build makes."""
    raw, cfg = built_then_grown(corpus, tmp_path, "zz_added.txt")
    reading = threading.Event()
    real_load, real_extract = BuildCache.load_extract, extract_stage.extract_files

    def load(self, code, key):  # type: ignore[no-untyped-def]
        assert reading.wait(timeout=20), "the entries were loaded before the new file was read"
        return real_load(self, code, key)

    def extract(*args, **kwargs):  # type: ignore[no-untyped-def]
        reading.set()
        return real_extract(*args, **kwargs)

    monkeypatch.setattr(BuildCache, "load_extract", load)
    monkeypatch.setattr(extract_stage, "extract_files", extract)
    build(cfg)
    monkeypatch.undo()
    build(config(raw, tmp_path / "clean", None))
    assert tree_bytes(tmp_path / "pkg") == tree_bytes(tmp_path / "clean")
