"""Schema validation over whole columns: every broken rule is found and named."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from sidelines.package.schema import load_schemas
from sidelines.package.validate import validate_tables
from tests.conftest import SCHEMAS


@pytest.fixture(scope="module")
def tables(seed_package: Path) -> dict[str, pl.DataFrame]:
    return {
        name: pl.read_parquet(seed_package / "data" / f"{name}.parquet")
        for name in ("posts", "hashtags", "meetings", "meeting_sources")
    }


def broken(
    tables: dict[str, pl.DataFrame], name: str, frame: pl.DataFrame
) -> list[tuple[str, int, str, str]]:
    errors = validate_tables({**tables, name: frame}, load_schemas(SCHEMAS))
    return [(e.resource, e.row, e.field, e.rule.split(" ")[0]) for e in errors]


def test_seed_tables_are_valid(tables: dict[str, pl.DataFrame]) -> None:
    assert validate_tables(tables, load_schemas(SCHEMAS)) == []


def test_duplicate_post_id(tables: dict[str, pl.DataFrame]) -> None:
    posts = tables["posts"]
    dup = pl.concat([posts, posts.head(1)])
    found = broken(tables, "posts", dup)
    assert ("posts", 1, "post_id", "not") in found
    assert ("posts", posts.height + 1, "post_id", "primary") in found


def test_enum_pattern_and_required(tables: dict[str, pl.DataFrame]) -> None:
    posts = (
        tables["posts"]
        .with_row_index()
        .with_columns(
            kind=pl.when(pl.col("index") == 2).then(pl.lit("tweet")).otherwise("kind"),
            lang=pl.when(pl.col("index") == 3).then(pl.lit("RUS")).otherwise("lang"),
            copies=pl.when(pl.col("index") == 4).then(None).otherwise("copies"),
        )
        .drop("index")
    )
    found = broken(tables, "posts", posts)
    assert ("posts", 3, "kind", "not") in found
    assert ("posts", 4, "lang", "does") in found
    assert ("posts", 5, "copies", "required") in found


def test_dangling_foreign_key(tables: dict[str, pl.DataFrame]) -> None:
    tags = tables["hashtags"].with_columns(
        post_id=pl.when(pl.int_range(pl.len()) == 0).then(pl.lit("0" * 16)).otherwise("post_id")
    )
    assert ("hashtags", 1, "post_id", "foreign") in broken(tables, "hashtags", tags)


def test_wrong_columns(tables: dict[str, pl.DataFrame]) -> None:
    found = broken(tables, "hashtags", tables["hashtags"].drop("country"))
    assert found[0][3] == "columns"
