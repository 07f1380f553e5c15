"""Fixtures of the extraction tests."""

from __future__ import annotations

import pytest

from sidelines.bench.corpus import write_corpus
from sidelines.parse.dispatch import parse_source
from sidelines.sources import RawSource, decode_source
from tests.conftest import ROOT


@pytest.fixture(scope="session")
def corpora_texts(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The text of every post of the evaluation corpus, the seeds and 3 k bench posts: what
    a column pass is checked against its Python reference on."""
    bench = tmp_path_factory.mktemp("bench")
    write_corpus(3000, bench, seed=11)
    return [
        post.text
        for folder in (ROOT / "eval" / "raw", ROOT / "raw", bench)
        for path in sorted(folder.iterdir())
        for post in parse_source(decode_source(RawSource(path.name, path.read_bytes()))).posts
    ]
