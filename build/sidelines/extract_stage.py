"""Every raw file's extract: the cache's entry when there is one for the file and the
builder's code, else the workers' reading of the file, stored as soon as it is complete.

The entries are loaded on threads while the workers read the files that have none
(decompressing an entry's frames releases the GIL): after a file is added to a large
build, loading the other files' entries and reading the new one overlap."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from sidelines.cache.store import BuildCache, digest
from sidelines.extract.per_file import FileExtract
from sidelines.file_stage import extract_files
from sidelines.parallel import Progress
from sidelines.parse.dispatch import SkippedSource
from sidelines.quality.run import import_gx_in_background
from sidelines.records import InputError
from sidelines.sources import RawSource

PARALLEL_FROM_BYTES = 2**20  # below a megabyte of raw text, one process is faster
Extract = FileExtract | InputError
Notify = Callable[[str], None]


class EntryWriter:
    """Stores the extracts made by `code` in the cache until a write fails; then warns once
    and stores no more (the cache only saves time: the build goes on without it)."""

    def __init__(self, cache: BuildCache | None, code: str, notify: Notify) -> None:
        self.cache, self.code, self.notify = cache, code, notify

    def __call__(self, key: str, value: Extract) -> None:
        if self.cache is None:
            return
        try:
            self.cache.store_extract(self.code, key, value)
        except OSError as err:
            self.notify(f"warning: cannot write the cache, building without it ({err})")
            self.cache = None


def read_files(
    todo: list[tuple[str, RawSource]],
    jobs: int,
    scheduler: str | None,
    progress: Progress,
    store: EntryWriter,
) -> dict[str, Extract]:
    """The extracts of the sources by key, on `jobs` processes when there is enough to read;
    each is stored as soon as it is complete."""
    if not todo:
        return {}
    # Starting worker processes costs about a second: worth it only for real work.
    jobs = jobs if sum(r.size for _, r in todo) >= PARALLEL_FROM_BYTES else 1
    if jobs > 1 or scheduler:  # this process mostly waits: time to import GX meanwhile
        import_gx_in_background()
    found = extract_files(
        [r for _, r in todo], jobs, progress, scheduler, lambda i, v: store(todo[i][0], v)
    )
    return {key: value for (key, _), value in zip(todo, found, strict=True)}


def extract_all(
    raw: list[RawSource],
    cache: BuildCache | None,
    code: str,
    *,
    jobs: int,
    scheduler: str | None,
    skip_bad: bool,
    progress: Progress,
    notify: Notify,
) -> tuple[list[FileExtract], list[SkippedSource]]:
    """Every raw file's extract, in their order, the cache's entries made by `code` loaded
    while the other files are read; with `skip_bad`, a file that cannot be read is set aside
    with its reason instead of stopping the build. A damaged entry is read again."""
    keys = [digest("file", code, r.name, r.sha256) for r in raw]
    sources = dict(zip(keys, raw, strict=True))
    store = EntryWriter(cache, code, notify)
    loading: dict[str, Future[Extract | None]] = {}
    with ThreadPoolExecutor(max(1, jobs), thread_name_prefix="load cache") as loader:
        if cache is not None:
            loading = {
                key: loader.submit(cache.load_extract, code, key)
                for key in keys
                if cache.has_extract(code, key)
            }
        todo = [(key, sources[key]) for key in keys if key not in loading]
        results = read_files(todo, jobs, scheduler, progress, store)
        hits = {key: future.result() for key, future in loading.items()}
    damaged = [(key, sources[key]) for key, hit in hits.items() if hit is None]
    results |= {key: hit for key, hit in hits.items() if hit is not None}
    results |= read_files(damaged, jobs, scheduler, progress, store)
    if store.cache is not None:
        try:
            store.cache.forget_older_code(code)
        except OSError as err:
            notify(f"warning: cannot delete the cache's entries of older code ({err})")
    extracts: list[FileExtract] = []
    skipped: list[SkippedSource] = []
    for key, source in sources.items():
        value = results[key]
        if isinstance(value, FileExtract):
            extracts.append(value)
        elif skip_bad:
            skipped.append(SkippedSource(source.name, str(value)))
        else:
            raise value
    if raw and not extracts:
        raise InputError(skipped[0].name, f"no readable input: all {len(raw)} files skipped")
    return extracts, skipped
