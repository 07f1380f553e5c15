"""The package README: how to open the CSVs in a spreadsheet safely, while the data keep
text that looks like a formula exactly as it was posted."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import polars as pl

from sidelines.pipeline import BuildConfig, build
from tests.conftest import SCHEMAS


def test_package_readme_says_how_to_open_the_csvs_in_a_spreadsheet(seed_package: Path) -> None:
    readme = (seed_package / "README.md").read_text(encoding="utf-8")
    section = readme.split("**Spreadsheets", 1)[1].split("\n## ", 1)[0]
    assert all(f"`{c}`" in section for c in "=+-@")
    assert "text, not formulas" in section
    assert "as text" in section and "Parquet" in section


# Modelled on the ministry's report of S.V.Lavrov's talks with A.Diop of Mali on the margins
# of the 78th General Assembly (iz.ru, 22 September 2023), pasted with a link formula, a
# handle and list marks at line starts, as copied text often is.
ARTICLE = """=HYPERLINK("https://mid.ru","МИД России")
@MID_RF: С.В.Лавров провёл переговоры с министром иностранных дел Мали А.Диопом.
+ обсудили сотрудничество двух стран
-1 вопрос отложен до следующей встречи
"""


def test_text_that_looks_like_a_formula_is_published_as_it_was(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "article.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "datapackage"
    build(BuildConfig(raw_dir=raw, out_dir=out, schemas_dir=SCHEMAS))
    text = (out / "data" / "posts.csv").read_bytes().decode("utf-8")
    (row,) = list(csv.DictReader(io.StringIO(text, newline="")))
    assert row["text"] == ARTICLE.strip()  # no quote mark or space put before the `=`
    assert pl.read_parquet(out / "data" / "posts.parquet")["text"].to_list() == [row["text"]]


def test_package_readme_documents_the_event_crosswalk(seed_package: Path) -> None:
    """Every CAMEO code and PLOVER mode the schema allows has a row in the crosswalk table."""
    readme = (seed_package / "README.md").read_text(encoding="utf-8")
    fields = {f["name"]: f for f in json.loads((SCHEMAS / "meetings.json").read_text())["fields"]}
    table = [
        line
        for line in readme.splitlines()
        if line.startswith("| held") or line.startswith("| planned")
    ]
    cells = [[c.strip() for c in line.strip("|").split("|")] for line in table]
    assert {c[6] for c in cells} == set(fields["cameo_code"]["constraints"]["enum"])
    assert {c[5] for c in cells} - {""} == set(fields["plover_mode"]["constraints"]["enum"])
    assert "**PLOVER**" in readme
