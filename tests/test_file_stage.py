"""The per-file stage in chunks of posts gives what one pass over each file gives."""

from __future__ import annotations

from pathlib import Path

import pytest

import sidelines.file_stage as file_stage
from sidelines.bench.corpus import write_corpus
from sidelines.extract.per_file import FileExtract, extract_source
from sidelines.file_stage import extract_files
from sidelines.pipeline import no_progress
from sidelines.records import InputError
from sidelines.sources import RawSource


def sources(folder: Path) -> list[RawSource]:
    return [RawSource(p.name, p.read_bytes()) for p in sorted(folder.iterdir())]


@pytest.mark.parametrize("chunk", [1, 7, 10_000])
def test_chunks_of_posts_give_each_files_own_extract(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    write_corpus(300, tmp_path, seed=3)
    # An unreadable file between readable ones keeps its place and its error.
    files = [*sources(tmp_path), RawSource("broken.json", b'{"messages": [')]
    files.insert(1, files.pop())
    monkeypatch.setattr(file_stage, "CHUNK_POSTS", chunk)
    labels: list[tuple[str, int]] = []

    def progress(items, label, total):  # type: ignore[no-untyped-def]
        labels.append((label, total))
        return no_progress(items, label, total)

    chunked = extract_files(files, 1, progress)
    whole = [extract_source(f) for f in files]
    assert [type(x) for x in chunked] == [type(x) for x in whole]
    assert isinstance(chunked[1], InputError) and str(chunked[1]) == str(whole[1])
    pairs = [(c, w) for c, w in zip(chunked, whole, strict=True) if isinstance(c, FileExtract)]
    assert sum(w.mentions.height for _, w in pairs) > 10  # the corpus reports meetings
    for c, w in pairs:
        assert isinstance(w, FileExtract)
        assert c.mentions.equals(w.mentions) and c.posts.equals(w.posts) and c.tags.equals(w.tags)
        assert (c.parsed, c.posts_read, c.copies_read) == (w.parsed, w.posts_read, w.copies_read)
    assert labels == [("parse", len(files))]
