"""Posts read from several files: each kept where it first occurs, its copies summed."""

from __future__ import annotations

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from sidelines.extract.posts import POST_ROW_TYPES, TAG_ROW_TYPES, merge_file_frames


def posts_of(file: int, ids: list[str]) -> pl.DataFrame:
    rows = [
        {"post_id": pid, "source_file": f"f{file}", "line_start": n, "copies": 1 + n % 2}
        for n, pid in enumerate(ids)
    ]
    return pl.DataFrame([{k: row.get(k) for k in POST_ROW_TYPES} for row in rows], POST_ROW_TYPES)


def tags_of(ids: list[str]) -> pl.DataFrame:
    rows = [{"post_id": pid, "position": 1, "tag": "T", "tag_norm": "t"} for pid in ids]
    return pl.DataFrame([{k: row.get(k) for k in TAG_ROW_TYPES} for row in rows], TAG_ROW_TYPES)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.sampled_from("abcdef"), max_size=6, unique=True), min_size=1))
def test_first_occurrence_is_kept_and_copies_summed(files: list[list[str]]) -> None:
    posts = [posts_of(i, ids) for i, ids in enumerate(files)]
    mentions = pl.DataFrame(schema={"post_id": pl.String, "translation_id": pl.String})
    kept, tags, _ = merge_file_frames(
        posts, [tags_of(ids) for ids in files], [mentions] * len(files)
    )
    first: dict[str, tuple[str, int]] = {}
    copies: dict[str, int] = {}
    for i, ids in enumerate(files):
        for n, pid in enumerate(ids):
            first.setdefault(pid, (f"f{i}", n))
            copies[pid] = copies.get(pid, 0) + 1 + n % 2
    expected = [(pid, *first[pid], copies[pid]) for pid in sorted(first)]
    assert kept.select("post_id", "source_file", "line_start", "copies").rows() == expected
    owned = [pid for i, ids in enumerate(files) for pid in ids if first[pid][0] == f"f{i}"]
    assert tags["post_id"].to_list() == owned  # each post's tags from its first file only
