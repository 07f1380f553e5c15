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

    seen: list[tuple[int, FileExtract | InputError]] = []
    chunked = extract_files(files, 1, progress, finished=lambda i, value: seen.append((i, value)))
    whole = [extract_source(f) for f in files]
    # each file was handed over once, as soon as it was complete, as the list returns it
    assert sorted(i for i, _ in seen) == list(range(len(files)))
    assert all(value is chunked[i] for i, value in seen)
    assert [type(x) for x in chunked] == [type(x) for x in whole]
    assert isinstance(chunked[1], InputError) and str(chunked[1]) == str(whole[1])
    pairs = [(c, w) for c, w in zip(chunked, whole, strict=True) if isinstance(c, FileExtract)]
    assert sum(w.mentions.height for _, w in pairs) > 10  # the corpus reports meetings
    for c, w in pairs:
        assert isinstance(w, FileExtract)
        assert c.mentions.equals(w.mentions) and c.posts.equals(w.posts) and c.tags.equals(w.tags)
        assert (c.parsed, c.posts_read, c.copies_read) == (w.parsed, w.posts_read, w.copies_read)
    assert labels == [("parse", len(files))]


def test_on_two_workers_each_file_is_handed_over_once_and_complete(tmp_path: Path) -> None:
    write_corpus(300, tmp_path, seed=5)
    files = sources(tmp_path)
    seen: dict[int, FileExtract | InputError] = {}

    def finished(index: int, value: FileExtract | InputError) -> None:
        assert index not in seen
        seen[index] = value

    extracts = extract_files(files, 2, no_progress, finished=finished)
    assert sorted(seen) == list(range(len(files)))
    assert all(seen[i] is value for i, value in enumerate(extracts))
    for got, source in zip(extracts, files, strict=True):
        alone = extract_source(source)
        assert isinstance(got, FileExtract) and isinstance(alone, FileExtract)
        assert got.mentions.equals(alone.mentions) and got.posts.equals(alone.posts)
