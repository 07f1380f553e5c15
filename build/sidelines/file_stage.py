"""The per-file stage on several cores: every file is read into post rows, then its meetings
are found in chunks of posts, queued as soon as the file is read. A file's meetings are a
function of its posts alone, one post at a time, so a long file's posts are spread over
every core instead of keeping one busy while the others wait (five files of 20 k posts on
two cores took three rounds of whole files)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

import polars as pl

from sidelines.extract.mention_rows import mentions_frame
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


class Chunk(NamedTuple):
    """Some consecutive post rows of one file: a task of meeting-finding."""

    name: str  # the file's name, for an error about the task
    first: int  # the place of its first post in the file, from 0
    posts: pl.DataFrame


def file_chunks(read: ReadFile | InputError) -> list[Chunk]:
    """The posts of a read file, CHUNK_POSTS a chunk (none for an unreadable file)."""
    if isinstance(read, InputError):
        return []
    return [
        Chunk(read.parsed.name, start, read.posts.slice(start, CHUNK_POSTS))
        for start in range(0, read.posts.height, CHUNK_POSTS)
    ]


def chunk_mentions(chunk: Chunk) -> pl.DataFrame:
    """The meeting mentions of a chunk's posts (run on a worker)."""
    return meeting_mentions(chunk.posts)


def chunk_name(chunk: Chunk) -> str:
    return f"{chunk.name} (posts {chunk.first + 1}-{chunk.first + chunk.posts.height})"


def source_name(source: RawSource) -> str:
    return source.name


def extract_files(
    sources: Sequence[RawSource],
    jobs: int,
    progress: Progress,
    scheduler: str | None = None,
    finished: Callable[[int, FileExtract | InputError], None] = lambda index, value: None,
) -> list[FileExtract | InputError]:
    """What `extract_source` gives for each source, in their order, on up to `jobs` local
    processes or on the Dask cluster whose scheduler is at `scheduler`; `finished(index,
    value)` sees each as soon as it is complete (the cache stores it while the workers go
    on, rather than all of them after the last)."""
    values: dict[int, FileExtract | InputError] = {}

    def complete(index: int, read: ReadFile | InputError, found: list[pl.DataFrame]) -> None:
        value = read if isinstance(read, InputError) else with_mentions(read, joined(found))
        values[index] = value
        finished(index, value)

    with Workers(jobs, scheduler) as workers:
        workers.map_in_two_steps(
            read_source,
            sources,
            file_chunks,
            chunk_mentions,
            progress,
            "parse",
            source_name,
            chunk_name,
            complete,
        )
    return [values[index] for index in range(len(sources))]


def joined(chunks: list[pl.DataFrame]) -> pl.DataFrame:
    """The mentions of a file's chunks, in their order, as one frame."""
    return pl.concat(chunks, rechunk=True) if chunks else mentions_frame([])
