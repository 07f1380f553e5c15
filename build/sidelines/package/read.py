"""Read a package built before (I/O): its version, its tables and its quality summary, which
the comparison with the previous release and `sidelines check` start from."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from sidelines.package.schema import Schemas
from sidelines.package.write import SUMMARY_PATH


@dataclass(frozen=True)
class Previous:
    """A package built before: its version, its tables and its quality summary (if any)."""

    version: str
    tables: dict[str, pl.DataFrame]
    summary: dict[str, Any] | None = None


def read_package(
    folder: Path, schemas: Schemas, columns: dict[str, list[str]] | None = None
) -> Previous | None:
    """A built package's version, tables (from Parquet; only `columns` of each if given) and
    quality summary; None when the folder holds no package. Tables it lacks are left out."""
    descriptor_path = folder / "datapackage.json"
    if not descriptor_path.is_file():
        return None
    try:
        meta = json.loads(descriptor_path.read_text(encoding="utf-8"))
        tables = {
            name: pl.read_parquet(
                folder / "data" / f"{name}.parquet", columns=(columns or {}).get(name)
            )
            for name in schemas.tables
            if (folder / "data" / f"{name}.parquet").is_file()
        }
        summary_path = folder / SUMMARY_PATH
        summary = (
            json.loads(summary_path.read_text(encoding="utf-8")) if summary_path.is_file() else None
        )
    except (OSError, ValueError, pl.exceptions.PolarsError) as err:
        raise ValueError(f"{folder}: cannot read the package ({err})") from err
    return Previous(version=str(meta.get("version", "")), tables=tables, summary=summary)
