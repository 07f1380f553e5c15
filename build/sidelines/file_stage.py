"""The per-file stage on several cores: every file is read into post rows, then the meetings
are found in chunks of posts. A file's meetings are a function of its posts alone, one
post at a time, so a long file's posts are spread over every core instead of keeping one
busy while the others wait (five files of 20 k posts on two cores: three rounds of whole
files, two and a half of chunks)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

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


class Chunk(NamedTuple):
    """Some consecutive post rows of one file: a task of meeting-finding."""

    file: int  # its file's place among the readable files
    name: str  # the file's name, for an error about the task
    first: int  # the place of its first post in the file, from 0
    posts: pl.DataFrame


def post_chunks(reads: Sequence[ReadFile], size: int) -> list[Chunk]:
    """The posts of every file, `size` posts a chunk."""
    return [
        Chunk(i, read.parsed.name, start, read.posts.slice(start, size))
        for i, read in enumerate(reads)
        for start in range(0, read.posts.height, size)
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
) -> list[FileExtract | InputError]:
    """What `extract_source` gives for each source, in their order, on up to `jobs` local
    processes or on the Dask cluster whose scheduler is at `scheduler`."""
    with Workers(jobs, scheduler) as workers:  # started once for both rounds
        reads = workers.map(read_source, sources, progress, "parse", source_name)
        readable = [r for r in reads if isinstance(r, ReadFile)]
        chunks = post_chunks(readable, CHUNK_POSTS)
        found = workers.map(chunk_mentions, chunks, progress, "meetings", chunk_name)
    parts: list[list[pl.DataFrame]] = [[] for _ in readable]
    for chunk, mentions in zip(chunks, found, strict=True):
        parts[chunk.file].append(mentions)
    extracts = iter(
        with_mentions(r, pl.concat(p, rechunk=True) if p else mentions_frame([]))
        for r, p in zip(readable, parts, strict=True)
    )
    return [next(extracts) if isinstance(r, ReadFile) else r for r in reads]
