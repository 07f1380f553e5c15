"""Text survives the trip through the real CSV and Parquet writers, read back with polars."""

from __future__ import annotations

import tempfile
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sidelines.package.schema import load_schemas
from sidelines.package.tables import to_frame
from sidelines.package.write import write_csv, write_parquet
from tests.conftest import SCHEMAS

SCHEMAS_READ = load_schemas(SCHEMAS)

TRICKY = [
    '"quoted", and "doubled"""',
    "line one\nline two\n\nline four",
    "tab\there\t",
    "zero\u200bwidth\u200cjoiner\u200dmark\ufeff",
    "RTL \u200fשלום\u200e and \u202eoverride\u202c",
    "family 👨‍👩‍👧‍👦 and flag 🏳️‍🌈 🇷🇺🇲🇱",
    "=SUM(A1:A2)",
    "+7 495 244-16-06",
    "-1",
    "@cmd",
    "  leading and trailing spaces  ",
    ",",
    "\\N",
    "null",
    "NA",
    "é composed and e\u0301 decomposed",
]


def post_frame(texts: list[str | None]) -> pl.DataFrame:
    rows = [
        {"post_id": f"{i:016x}", "source_file": "f.txt", "kind": "telegram", "text": t, "copies": 1}
        for i, t in enumerate(texts)
    ]
    return to_frame(rows, "posts", SCHEMAS_READ)


def round_trip(texts: list[str | None], folder: Path) -> tuple[list[str | None], list[str | None]]:
    frame = post_frame(texts)
    write_csv(frame, folder / "posts.csv")
    write_parquet(frame, folder / "posts.parquet")
    from_csv = pl.read_csv(folder / "posts.csv", infer_schema=False)["text"].to_list()
    from_parquet = pl.read_parquet(folder / "posts.parquet")["text"].to_list()
    return from_csv, from_parquet


def test_tricky_texts_round_trip(tmp_path: Path) -> None:
    texts: list[str | None] = [*TRICKY, None]
    from_csv, from_parquet = round_trip(texts, tmp_path)
    assert from_csv == texts
    assert from_parquet == texts


# Post texts are never empty (a media-only post has null text) and carry no CR: the reader
# turns every line ending into LF.
POST_TEXT = st.text(
    st.characters(codec="utf-8", exclude_characters="\r"), min_size=1, max_size=60
) | st.sampled_from(TRICKY)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(POST_TEXT | st.none(), min_size=1, max_size=6))
def test_any_post_text_round_trips_through_csv_and_parquet(texts: list[str | None]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        from_csv, from_parquet = round_trip(texts, Path(folder))
    assert from_parquet == texts
    assert from_csv == texts


@pytest.mark.parametrize("text", [pytest.param(t, id=f"tricky-{i}") for i, t in enumerate(TRICKY)])
def test_csv_quotes_what_needs_quoting(tmp_path: Path, text: str) -> None:
    write_csv(post_frame([text]), tmp_path / "p.csv")
    body = (tmp_path / "p.csv").read_bytes().decode("utf-8")
    assert text.replace('"', '""') in body
