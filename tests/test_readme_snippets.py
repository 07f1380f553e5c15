"""Every loading snippet of the package's README.md, run as a researcher would run it in the
unpacked package folder: polars, pandas, frictionless, Croissant and DuckDB here, R where
`Rscript` is installed (skipped with the reason otherwise)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import polars as pl
import pytest

SNIPPET = re.compile(
    r"^\*\*(?P<tool>[A-Za-z]+)\*\*(?:(?!```).)*?```(?P<lang>\w+)\n(?P<code>.*?)```", re.S | re.M
)


def snippets(package: Path) -> dict[str, tuple[str, str]]:
    """The README's code blocks by the tool named in bold above each: (language, code)."""
    readme = (package / "README.md").read_text(encoding="utf-8")
    return {m["tool"]: (m["lang"], m["code"]) for m in SNIPPET.finditer(readme)}


def run_python(code: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Run a Python snippet in `folder` and return the names it defined."""
    monkeypatch.chdir(folder)
    names: dict[str, Any] = {}
    exec(compile(code, "README.md", "exec"), names)  # the snippet is the package's own text
    return names


def test_the_readme_shows_every_tool(seed_package: Path) -> None:
    found = snippets(seed_package)
    assert set(found) == {
        "polars", "pandas", "frictionless", "Croissant", "R", "DuckDB", "PLOVER"
    }  # fmt: skip
    languages = [lang for lang, _ in found.values()]
    assert languages == ["python", "python", "python", "python", "r", "sql", "python"]


def test_polars_snippet(seed_package: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    names = run_python(snippets(seed_package)["polars"][1], seed_package, monkeypatch)
    assert names["posts"].equals(pl.read_parquet(seed_package / "data/posts.parquet"))
    assert names["meetings"].schema["date"] == pl.Date
    assert names["meetings"].schema["unga_session"] == pl.Int64
    parquet = pl.read_parquet(seed_package / "data/meetings.parquet")
    assert names["meetings"]["cameo_code"].to_list() == parquet["cameo_code"].to_list()


def test_pandas_snippet_keeps_nullable_integers_and_dates(
    seed_package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = run_python(snippets(seed_package)["pandas"][1], seed_package, monkeypatch)
    posts, meetings = names["posts"], names["meetings"]
    assert len(posts) == pl.read_parquet(seed_package / "data/posts.parquet").height
    assert str(posts["message_id"].dtype) == "Int64"  # nulls in it: float64 without the backend
    assert posts["message_id"].isna().any()
    assert str(meetings["unga_session"].dtype) == "Int64"
    assert pd.api.types.is_datetime64_any_dtype(meetings["date"])
    parquet = pl.read_parquet(seed_package / "data/meetings.parquet")
    assert meetings["cameo_code"].tolist() == parquet["cameo_code"].to_list()  # "044", not 44


def test_frictionless_snippet(seed_package: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    names = run_python(snippets(seed_package)["frictionless"][1], seed_package, monkeypatch)
    meetings = pl.read_parquet(seed_package / "data/meetings.parquet")
    assert len(names["rows"]) == meetings.height
    assert sorted(r["meeting_id"] for r in names["rows"]) == sorted(meetings["meeting_id"])


def test_croissant_snippet(seed_package: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    names = run_python(snippets(seed_package)["Croissant"][1], seed_package, monkeypatch)
    meetings = pl.read_parquet(seed_package / "data/meetings.parquet")
    loaded = names["meetings"]
    assert [m["meetings/meeting_id"].decode() for m in loaded] == meetings["meeting_id"].to_list()
    assert [m["meetings/unga_session"] for m in loaded] == meetings["unga_session"].to_list()


def test_duckdb_snippet(seed_package: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(seed_package)
    rows = duckdb.sql(snippets(seed_package)["DuckDB"][1]).fetchall()
    sources = pl.read_parquet(seed_package / "data/meeting_sources.parquet")
    assert len(rows) == sources.height > 0


def test_r_snippet(seed_package: Path, tmp_path: Path) -> None:
    rscript = shutil.which("Rscript")
    if rscript is None:
        pytest.skip("Rscript is not installed: the R snippet was not run")
    code = snippets(seed_package)["R"][1]
    script = tmp_path / "load.R"
    script.write_text(
        code
        + 'cat(nrow(posts), nrow(meetings), class(meetings$date), meetings$cameo_code[1], "\\n")\n'
    )
    result = subprocess.run(
        [rscript, str(script)], cwd=seed_package, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    counts = [
        pl.read_parquet(seed_package / f"data/{t}.parquet").height for t in ("posts", "meetings")
    ]
    first_code = pl.read_parquet(seed_package / "data/meetings.parquet")["cameo_code"][0]
    assert result.stdout.split() == [str(counts[0]), str(counts[1]), "Date", first_code]


def test_plover_snippet_writes_one_record_per_dated_meeting(
    seed_package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = run_python(snippets(seed_package)["PLOVER"][1], seed_package, monkeypatch)
    meetings = pl.read_parquet(seed_package / "data/meetings.parquet")
    dated = meetings.filter(pl.col("date").is_not_null())
    records = [json.loads(line) for line in names["jsonl"].splitlines()]
    assert [r["id"] for r in records] == dated["meeting_id"].to_list()
    assert len(records) >= 1
    first, row = records[0], dated.row(0, named=True)
    assert first["date"] == row["date"].isoformat()
    assert first["source"] == [{"code": "RUS", "actor_text": row["russian_participant"]}]
    assert first["recipient"][0]["code"] == (row["recipient_country"] or row["recipient_org"])
    assert first["event"] == [row["plover_event"]]
    assert (first["mode"], first["cameo_code"]) == (row["plover_mode"], row["cameo_code"])
