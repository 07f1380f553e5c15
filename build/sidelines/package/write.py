"""Write the package: CSV and Parquet tables, datapackage.json and README.md into the
folder `swap.swap_in` hands over, which then replaces the old one in one step."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import polars as pl

from sidelines.package.schema import Schemas

CSV_DIALECT = {
    "delimiter": ",",
    "lineTerminator": "\r\n",
    "quoteChar": '"',
    "doubleQuote": True,
    "header": True,
}
DATETIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
PARQUET_SUFFIX = "-parquet"
PARQUET_FORMAT = "vnd.apache.parquet"  # not "parquet": see resource_entries
CROISSANT = "croissant.json"
# The quality report's two files (written by sidelines.quality.report, read back by a rebuild).
SUMMARY_PATH = "quality/summary.json"
HTML_PATH = "quality/index.html"
CROISSANT_MEDIA_TYPE = 'application/ld+json; profile="http://mlcommons.org/croissant/1.1"'


def file_digest(path: Path) -> tuple[int, str]:
    """(bytes, 'sha256:…') of a file, read in chunks (the posts' CSV can be a gigabyte)."""
    with path.open("rb") as f:
        digest = hashlib.file_digest(f, "sha256").hexdigest()
    return path.stat().st_size, f"sha256:{digest}"


def write_csv(frame: pl.DataFrame, path: Path) -> None:
    """RFC 4180 CSV: UTF-8, CRLF, quotes only where needed, null as an empty field."""
    frame.write_csv(
        path, line_terminator="\r\n", datetime_format=DATETIME_FORMAT, date_format="%Y-%m-%d"
    )


def write_parquet(frame: pl.DataFrame, path: Path) -> None:
    """Parquet with fixed settings so that the same frame gives the same bytes."""
    frame.write_parquet(path, compression="zstd", compression_level=3, statistics=True)


def resource_entries(
    tables: dict[str, pl.DataFrame], schemas: Schemas, folder: Path
) -> list[dict[str, Any]]:
    """Write every table as CSV and Parquet under `folder/data` and describe both."""
    (folder / "data").mkdir(parents=True, exist_ok=True)
    csv_entries, parquet_entries = [], []
    for name in schemas.tables:
        frame = tables[name]
        csv_path, parquet_path = (
            folder / "data" / f"{name}.csv",
            folder / "data" / f"{name}.parquet",
        )
        write_csv(frame, csv_path)
        write_parquet(frame, parquet_path)
        size, digest = file_digest(csv_path)
        csv_entries.append(
            {
                "name": name,
                "type": "table",
                "path": f"data/{name}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": size,
                "hash": digest,
                "dialect": CSV_DIALECT,
                "schema": schemas.tables[name],
            }
        )
        size, digest = file_digest(parquet_path)
        # A plain (not tabular) resource, as Data Package v2 allows: frictionless 5 reads a
        # resource whose format is `parquet` as a table, without counting its bytes or hash
        # and with nullable integers turned to NaN, so the format is named after the media
        # type and frictionless checks the file's bytes and hash instead. The columns are
        # those of the CSV twin; `sidelines check` compares the two copies row by row.
        parquet_entries.append(
            {
                "name": name + PARQUET_SUFFIX,
                "path": f"data/{name}.parquet",
                "format": PARQUET_FORMAT,
                "mediatype": "application/vnd.apache.parquet",
                "bytes": size,
                "hash": digest,
                "description": f"The {name} table as Parquet: the rows, columns and types of "
                f"resource {name}.",
            }
        )
    return csv_entries + parquet_entries


def write_json(data: Any, path: Path) -> None:
    """Pretty, key-order-preserving, UTF-8 JSON with a final newline."""
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def write_croissant(jsonld: dict[str, Any], folder: Path) -> dict[str, Any]:
    """Write the package's Croissant metadata to `folder/croissant.json`, beside
    datapackage.json, and describe the file for the descriptor's resources: listed there, its
    bytes and hash are checked by `frictionless validate` and `sidelines check` like every
    table's, and a release that adds or changes it is seen by the release diff."""
    path = folder / CROISSANT
    write_json(jsonld, path)
    size, digest = file_digest(path)
    return {
        "name": "croissant",
        "path": CROISSANT,
        "format": "jsonld",
        "mediatype": CROISSANT_MEDIA_TYPE,
        "bytes": size,
        "hash": digest,
        "description": "Croissant 1.1 metadata (JSON-LD, also a schema.org Dataset) for dataset "
        "search engines and ML loaders: the tables as record sets, every data file with its "
        "sha256.",
    }


def write_text_files(files: dict[str, str], folder: Path) -> None:
    """Write UTF-8 text files given by path relative to `folder`, making folders as needed."""
    for relative, text in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
