"""The per-file stage on several cores: every file is read into post rows, then the meetings
are found in chunks of posts. A file's meetings are a function of its posts alone, one
post at a time, so a long file's posts are spread over every core instead of keeping one
busy while the others wait (five files of 20 k posts on two cores: three rounds of whole
files, two and a half of chunks)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import polars as pl

from sidelines.extract.mentions import mentions_frame
from sidelines.extract.per_file import (
    FileExtract,
    ReadFile,
    meeting_mentions,
    read_source,
    with_mentions,
)
from sidelines.parallel import Progress, Workers
from sidelines.records import InputError
from sidelines.sources import RawSource

CHUNK_POSTS = 2_000  # posts per task of meeting-finding: a second or less of work


def post_chunks(reads: Sequence[ReadFile], size: int) -> list[tuple[int, pl.DataFrame]]:
    """(index of the file, a slice of its post rows) for every `size` posts of every file."""
    return [
        (i, read.posts.slice(start, size))
        for i, read in enumerate(reads)
        for start in range(0, read.posts.height, size)
    ]


def extract_files(
    sources: Sequence[RawSource],
    jobs: int,
    progress: Progress[Any],
    scheduler: str | None = None,
) -> list[FileExtract | InputError]:
    """What `extract_source` gives for each source, in their order, on up to `jobs` processes
    or on the Dask cluster whose scheduler is at `scheduler`."""
    with Workers(jobs, scheduler) as workers:  # started once for both rounds
        reads = workers.map(read_source, sources, progress, "parse", lambda i: sources[i].name)
        readable = [r for r in reads if isinstance(r, ReadFile)]
        chunks = post_chunks(readable, CHUNK_POSTS)
        found = workers.map(
            meeting_mentions,
            [c for _, c in chunks],
            progress,
            "meetings",
            lambda i: f"{readable[chunks[i][0]].parsed.name} (meetings in {CHUNK_POSTS} posts)",
        )
    parts: list[list[pl.DataFrame]] = [[] for _ in readable]
    for (i, _), mentions in zip(chunks, found, strict=True):
        parts[i].append(mentions)
    extracts = iter(
        with_mentions(r, pl.concat(p, rechunk=True) if p else mentions_frame([]))
        for r, p in zip(readable, parts, strict=True)
    )
    return [next(extracts) if isinstance(r, ReadFile) else r for r in reads]
