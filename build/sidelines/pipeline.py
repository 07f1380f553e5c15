"""The build: a short, explicit list of stages from raw files to a swapped-in package."""

from __future__ import annotations

import hashlib
import json
import resource
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

import polars as pl

from sidelines.cache.fingerprints import Fingerprint, folder_fingerprints, refreshed
from sidelines.cache.jsonshape import from_json
from sidelines.cache.store import BuildCache, digest, tree_digest
from sidelines.evaluation.published import parse_results, published_accuracy
from sidelines.extract_stage import Notify, extract_all
from sidelines.gc_tuning import collecting_less
from sidelines.merge_stage import make_tables
from sidelines.package.croissant import croissant
from sidelines.package.descriptor import descriptor, source_entries
from sidelines.package.outfolder import check_out_dir, output_lock
from sidelines.package.read import read_package
from sidelines.package.readme import render_readme
from sidelines.package.schema import Schemas, load_schemas
from sidelines.package.swap import recover, swap_in
from sidelines.package.validate import ValidationFailed, validate_tables
from sidelines.package.write import (
    resource_entries,
    write_croissant,
    write_json,
    write_text_files,
)
from sidelines.parse.dispatch import SkippedSource
from sidelines.provenance import build_provenance, default_eval_results, default_lock_file
from sidelines.quality.compare import compared_columns
from sidelines.quality.report import quality_files
from sidelines.quality.run import QualityFailed, QualityReport, check_quality
from sidelines.records import InputError
from sidelines.sources import (
    RAW_SUFFIXES,
    RawFolder,
    SetAside,
    read_sources,
    scan_raw_folder,
)

T = TypeVar("T")
Progress = Callable[[Iterable[T], str, int], Iterable[T]]


def no_progress(items: Iterable[T], label: str, total: int) -> Iterable[T]:
    """The progress hook for silent runs: items unchanged."""
    return items


def no_notify(message: str) -> None:
    """The message hook for silent runs (waiting for a lock, leftovers removed, warnings)."""


@dataclass(frozen=True)
class BuildConfig:
    """Everything a build needs to know; passed in, never read from globals."""

    raw_dir: Path
    out_dir: Path
    schemas_dir: Path
    skip_bad: bool = False  # build from the readable files, listing the others as skipped
    lock_file: Path | None = field(default_factory=default_lock_file)
    jobs: int = 1  # processes for reading and extracting files
    # A Dask scheduler's address: files are read and extracted on its workers (not `jobs`).
    scheduler: str | None = None
    cache_dir: Path | None = None  # None: no cache, every build from scratch
    previous_dir: Path | None = None  # the release to compare with; default: out_dir as it is
    allow_removals: str | None = None  # why rows of the previous release may disappear
    # `sidelines eval --json` output whose figures the package publishes (when they were
    # measured with this code); None: the package says its accuracy was not measured.
    eval_results: Path | None = field(default_factory=default_eval_results)
    # False: write the package even when an error-level quality check fails (its report says
    # "failed"), to measure an extraction that is not yet right; never for a release.
    quality_gate: bool = True
    wait: float = 600.0  # seconds to wait for another build of out_dir before refusing


@dataclass
class BuildSummary:
    """What the build read and wrote, for the summary line and the tests."""

    files: int = 0
    posts: int = 0
    hashtags: int = 0
    meetings: int = 0
    repeats_collapsed: int = 0
    seconds: float = 0.0
    per_file: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)  # {"file", "reason"}
    # {"stage", "seconds", "peak_rss_mb"} for each stage, in order
    stages: list[dict[str, Any]] = field(default_factory=list)
    cached: bool = False  # True when nothing changed and the package was left as it was
    quality: QualityReport | None = None


# Fields of a summary that describe one run, not the package: not kept in the cache.
TRANSIENT = frozenset({"stages", "seconds", "cached", "quality"})


class StageClock:
    """Wall time and peak memory (this process and its workers) at the end of each stage."""

    def __init__(self) -> None:
        self.started = self.last = time.perf_counter()
        self.stages: list[dict[str, Any]] = []

    def done(self, stage: str) -> None:
        now = time.perf_counter()
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        self.stages.append(
            {
                "stage": stage,
                "seconds": round(now - self.last, 3),
                "peak_rss_mb": round(max(own, workers) / 1024, 1),
            }
        )
        self.last = now

    @property
    def total(self) -> float:
        return time.perf_counter() - self.started


def code_fingerprint() -> str:
    """sha256 of the builder's own code: a changed parser invalidates what it produced."""
    return str(build_provenance(None)["code_sha256"])


def eval_results_bytes(config: BuildConfig) -> bytes:
    """The evaluation results file's bytes (empty without one): the package publishes them."""
    return config.eval_results.read_bytes() if config.eval_results is not None else b""


def unreadable_entries(folder: RawFolder, skip_bad: bool) -> list[SkippedSource]:
    """The raw folder's entries that look like inputs but cannot be read (a symlink out of
    the folder, a FIFO, …) as skipped sources; the first stops the build unless `skip_bad`."""
    if folder.bad and not skip_bad:
        raise InputError(folder.bad[0].name, folder.bad[0].reason)
    return [SkippedSource(a.name, str(InputError(a.name, a.reason))) for a in folder.bad]


def build_key(
    config: BuildConfig,
    raw: Sequence[tuple[str, str]],
    eval_results: bytes,
    set_aside: Sequence[SetAside] = (),
) -> str:
    """Everything a build's output depends on: code, schemas, lock file, options, raw files
    (name and sha256), the entries of the raw folder set aside, and the evaluation results
    it publishes."""
    lock = config.lock_file.read_bytes() if config.lock_file and config.lock_file.is_file() else b""
    schemas = json.dumps(tree_digest(config.schemas_dir), sort_keys=True)
    files = json.dumps(
        [[name, sha256] for name, sha256 in raw] + [[a.name, a.reason, a.bad] for a in set_aside]
    )
    return digest(
        "build",
        code_fingerprint(),
        schemas,
        hashlib.sha256(lock).hexdigest(),
        str(config.skip_bad),
        str(config.quality_gate),
        str(config.allow_removals),
        json.dumps(tree_digest(config.previous_dir) if config.previous_dir else None),
        files,
        hashlib.sha256(eval_results).hexdigest(),
    )


def check_release(
    config: BuildConfig, tables: dict[str, pl.DataFrame], schemas: Schemas
) -> QualityReport:
    """Compare with the previous package and run the expectation suites (stage: quality);
    raise before the new package is swapped in when rows vanish silently or (with the
    quality gate on) an error-level check fails."""
    previous_dir = config.previous_dir or config.out_dir
    previous = read_package(previous_dir, schemas, compared_columns(schemas))
    if previous is None and config.previous_dir is not None:
        raise ValueError(f"{previous_dir}: no datapackage.json to compare with")
    report = check_quality(tables, schemas, previous, config.allow_removals)
    if report.errors and config.quality_gate:
        raise QualityFailed(report)
    return report


def build(
    config: BuildConfig, progress: Progress[Any] = no_progress, notify: Notify = no_notify
) -> BuildSummary:
    """Read, parse, extract, validate and write the package; raise before writing on any
    input or schema error, leaving the previous package as it was. With a cache, a build
    whose inputs are all unchanged leaves the package as it is.

    An `out_dir` whose replacement could lose anything but an old package is refused before
    any work; the build then holds the folder's lock and first undoes what a build killed
    mid-swap left, so that it compares itself with the package that is really there."""
    check_out_dir(config.out_dir, config.raw_dir, Path.cwd(), config.cache_dir)
    with output_lock(config.out_dir, config.wait, notify), collecting_less():
        recover(config.out_dir, notify)
        return build_locked(config, progress, notify)


def unchanged_build(
    config: BuildConfig, cache: BuildCache, eval_results: bytes, notify: Notify
) -> BuildSummary | None:
    """The summary of the last build of `config.out_dir` if nothing it depends on has
    changed and the folder still holds exactly what it wrote; else None.

    Only files whose stat identity changed since the last build are read and hashed (see
    `fingerprints.py`); when one was (a `touch`, a copy of the same bytes), the record is
    refreshed so that the next check needs stat alone."""
    record = cache.load_build(config.out_dir)
    summary = from_json(BuildSummary, record.summary if record else None, TRANSIENT)
    if record is None or summary is None:
        return None
    files, set_aside = scan_raw_folder(config.raw_dir)
    try:
        raw = {name: refreshed(path, record.raw.get(name)) for name, path in files}
    except OSError:
        return None  # a file that cannot be read: the build proper says which and why
    hashes = [(name, f.sha256) for name, f in raw.items()]
    if build_key(config, hashes, eval_results, set_aside) != record.key:
        return None
    package = folder_fingerprints(config.out_dir, record.package)
    if shas(package) != shas(record.package):
        return None
    if raw != record.raw or package != record.package:
        try:
            cache.store_build(config.out_dir, record.key, record.summary, raw, package)
        except OSError as err:
            notify(f"warning: the cache could not record the check ({err})")
    return summary


def shas(fingerprints: dict[str, Fingerprint]) -> dict[str, str]:
    return {name: f.sha256 for name, f in fingerprints.items()}


def build_locked(config: BuildConfig, progress: Progress[Any], notify: Notify) -> BuildSummary:
    """The build proper, under the output folder's lock. Nothing after the swap can fail it:
    a cache record that cannot be written is a warning."""
    clock = StageClock()
    cache = BuildCache(config.cache_dir) if config.cache_dir else None
    schemas = load_schemas(config.schemas_dir)
    eval_results = eval_results_bytes(config)
    measured = parse_results(eval_results, str(config.eval_results)) if eval_results else None
    if cache is not None:
        previous = unchanged_build(config, cache, eval_results, notify)
        clock.done("check cache")
        if previous is not None:
            return replace(previous, cached=True, stages=clock.stages, seconds=clock.total)
    folder = read_sources(config.raw_dir)
    raw, bad = folder.files, unreadable_entries(folder, config.skip_bad)
    key = build_key(config, [(r.name, r.sha256) for r in raw], eval_results, folder.set_aside)
    raw_fingerprints = {r.name: f for r in raw if (f := r.fingerprint) is not None}
    clock.done("read")
    extracts, skipped = extract_all(
        raw,
        cache,
        code_fingerprint(),
        jobs=config.jobs,
        scheduler=config.scheduler,
        skip_bad=config.skip_bad,
        progress=progress,
        notify=notify,
    )
    clock.done("parse and extract")
    skipped += bad
    if not extracts and skipped:
        raise InputError(skipped[0].name, f"no readable input: all {len(skipped)} files skipped")
    if not extracts:  # an empty package would only pass the lost-rows gate on a first build
        suffixes = ", ".join(sorted(RAW_SUFFIXES))
        raise InputError(str(config.raw_dir), f"no raw files ({suffixes}) in the folder")
    sources = source_entries(raw, extracts, skipped, folder.set_aside)
    files_read = len(extracts)
    del raw, folder  # every file's bytes: not needed after extraction
    tables, collapsed = make_tables(extracts, schemas)  # empties `extracts`
    clock.done("merge")
    errors = validate_tables(tables, schemas)
    if errors:
        raise ValidationFailed(errors)
    clock.done("validate")
    provenance = build_provenance(config.lock_file)
    accuracy = published_accuracy(measured, provenance["code_sha256"])

    def fill(folder: Path) -> QualityReport:
        # The tables are written while the checks run: polars and hashlib let go of the GIL
        # that GX holds. A failed check raises once the writing is done, and `swap_in` then
        # deletes the new folder: the package in place stays as it was.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="write tables") as writer:
            written = writer.submit(resource_entries, tables, schemas, folder)
            quality = check_release(config, tables, schemas)
            files = quality_files(quality, schemas.package["version"], accuracy)
            clock.done("quality")
            resources = written.result()
        resources.append(
            write_croissant(croissant(descriptor(schemas, sources, resources, provenance)), folder)
        )
        write_json(descriptor(schemas, sources, resources, provenance), folder / "datapackage.json")
        write_text_files(files.reports, folder)
        (folder / "README.md").write_text(
            render_readme(schemas, tables, files.readme), encoding="utf-8"
        )
        return quality

    quality = swap_in(config.out_dir, fill)
    clock.done("write")
    summary = BuildSummary(
        files=files_read,
        posts=tables["posts"].height,
        hashtags=tables["hashtags"].height,
        meetings=tables["meetings"].height,
        repeats_collapsed=collapsed,
        per_file=[
            {"file": s["title"], "format": s["format"], "posts": s["posts"]}
            for s in sources
            if "format" in s
        ],
        skipped=[{"file": s.name, "reason": s.reason} for s in skipped],
        quality=quality,
    )
    if cache is not None:
        record = asdict(replace(summary, quality=None))
        for transient in TRANSIENT:
            del record[transient]
        try:
            cache.store_build(config.out_dir, key, record, raw_fingerprints)
        except Exception as err:  # the package is in place: this must not fail the build
            notify(f"warning: the package is built, but the cache could not record it ({err})")
    summary.stages = clock.stages
    summary.seconds = clock.total
    return summary
