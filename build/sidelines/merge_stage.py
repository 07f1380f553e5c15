"""The merge stage: every file's posts, hashtags and meeting mentions into the package's four
tables. A post read from several files counts once, where it first occurs; mentions of one
meeting from different posts become one meeting (`extract/clusters.py`, `extract/meetings.py`).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

import polars as pl

from sidelines.extract.meetings import meetings_from_mentions
from sidelines.extract.per_file import FileExtract
from sidelines.extract.posts import merge_file_frames
from sidelines.package.schema import Schemas
from sidelines.package.tables import shape


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Run a block with the cyclic garbage collector paused: the mentions clustered one by
    one in Python are tens of thousands of small tuples that set it off again and again
    (0.2–0.35 s of a 1.5–2.5 s merge of a million posts' mentions). The merge makes no
    reference cycles to collect."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def make_tables(
    extracts: list[FileExtract], schemas: Schemas
) -> tuple[dict[str, pl.DataFrame], int]:
    """Posts, hashtags, meetings and meeting sources as typed frames (stage: merge): a post
    read from several files counts once, where it first occurs. The list of extracts is
    emptied once merged, so that its per-file frames (gigabytes at scale) can be freed."""
    copies_read = sum(e.copies_read for e in extracts)
    posts, hashtags, mentions = merge_file_frames(
        [e.posts for e in extracts], [e.tags for e in extracts], [e.mentions for e in extracts]
    )
    extracts.clear()
    with no_cyclic_gc():
        meetings, meeting_sources = meetings_from_mentions(mentions)
    tables = {
        "posts": shape(posts, "posts", schemas),
        "hashtags": shape(hashtags, "hashtags", schemas),
        "meetings": shape(meetings, "meetings", schemas),
        "meeting_sources": shape(meeting_sources, "meeting_sources", schemas),
    }
    return tables, copies_read - posts.height
