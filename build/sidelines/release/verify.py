"""Check a package as it was shipped (a folder or a release zip), before trusting its tables:
every file the descriptor lists has its recorded bytes and hash, `data/` holds nothing else,
and the CSV and Parquet copies of each table hold the same rows and values.

The tables are read as a researcher reads them: the CSV typed by the Table Schema (an empty
field is null), the Parquet as written. The schemas come from the package's own descriptor
unless the caller passes others (`descriptor_schemas`).
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from sidelines.package.schema import Schemas
from sidelines.package.write import DATETIME_FORMAT, file_digest
from sidelines.release.archive import ZipRefused, safe_member, unpack_zip

DESCRIPTOR = "datapackage.json"
DATA = "data"


class PackageCheckFailed(ValueError):
    """The package is not as its descriptor says; the message is one line naming the file."""


@dataclass(frozen=True)
class Copies:
    """Both copies of every table, read and typed: `csv[name]` and `parquet[name]`."""

    csv: dict[str, pl.DataFrame]
    parquet: dict[str, pl.DataFrame]


@contextmanager
def opened_package(path: Path) -> Iterator[Path]:
    """The package folder: `path` itself, or a release zip unpacked into a temporary one
    (with `datapackage.json` at its root, as `publish` writes it)."""
    if path.is_dir():
        yield path
    elif path.is_file() and zipfile.is_zipfile(path):
        with tempfile.TemporaryDirectory(prefix="sidelines-check-") as tmp:
            try:
                unpack_zip(path, Path(tmp))
            except ZipRefused as err:
                raise PackageCheckFailed(str(err)) from err
            except OSError as err:
                raise PackageCheckFailed(f"{path}: cannot unpack ({err})") from err
            yield Path(tmp)
    else:
        raise PackageCheckFailed(f"{path}: not a package folder or release zip")


def read_descriptor(folder: Path, shown: Path) -> dict[str, Any]:
    """The package's `datapackage.json` (`shown`: how to name the package in errors)."""
    path = folder / DESCRIPTOR
    if not path.is_file():
        raise PackageCheckFailed(f"{shown}: no {DESCRIPTOR}")
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise PackageCheckFailed(f"{shown}/{DESCRIPTOR}: cannot read ({err})") from err
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        raise PackageCheckFailed(f"{shown}/{DESCRIPTOR}: no list of resources")
    return descriptor


def listed_paths(descriptor: dict[str, Any]) -> list[str]:
    """The relative path of every file the descriptor's resources name."""
    paths: list[str] = []
    for resource in descriptor["resources"]:
        path = resource.get("path")
        paths += path if isinstance(path, list) else [path] if isinstance(path, str) else []
    return paths


def file_problems(folder: Path, descriptor: dict[str, Any]) -> list[str]:
    """Every listed file that is missing, unsafe, or whose bytes or hash differ from the
    record, then every file in `data/` that no resource lists; one line each."""
    problems = []
    for resource in descriptor["resources"]:
        path = resource.get("path")
        if not isinstance(path, str) or not safe_member(path):
            problems.append(
                f"resource {resource.get('name')!r}: path {path!r} is not in the package"
            )
            continue
        file = folder / path
        if not file.is_file():
            problems.append(f"{path}: missing")
            continue
        size, digest = file_digest(file)
        if "bytes" in resource and size != resource["bytes"]:
            problems.append(f"{path}: {size} bytes, but {DESCRIPTOR} records {resource['bytes']}")
        elif "hash" in resource and digest != recorded_hash(resource["hash"]):
            problems.append(f"{path}: sha256 differs from the hash {DESCRIPTOR} records")
    listed = set(listed_paths(descriptor))
    data = folder / DATA
    extra = sorted(
        p.relative_to(folder).as_posix()
        for p in (data.rglob("*") if data.is_dir() else [])
        if p.is_file() and p.relative_to(folder).as_posix() not in listed
    )
    return problems + [f"{path}: not listed in {DESCRIPTOR}" for path in extra]


def recorded_hash(value: str) -> str:
    """A descriptor hash as `sha256:<hex>` (v2 writes `algorithm:hex`; hex is case-free).

    >>> recorded_hash("SHA256:AB")
    'sha256:ab'
    """
    algorithm, _, digest = value.rpartition(":")
    return f"{(algorithm or 'md5').lower()}:{digest.lower()}"


def descriptor_schemas(descriptor: dict[str, Any]) -> Schemas:
    """The package's own contract: its metadata, and the Table Schema of each CSV table."""
    tables = {
        r["name"]: r["schema"]
        for r in descriptor["resources"]
        if r.get("format") == "csv" and isinstance(r.get("schema"), dict)
    }
    package = {k: v for k, v in descriptor.items() if k != "resources"}
    return Schemas(package, tables)


def typed(column: str, dtype: pl.DataType) -> pl.Expr:
    """A CSV text column as the schema's type; strict, so a bad value is an error."""
    text = pl.col(column)
    if dtype == pl.String():
        return text
    if dtype == pl.Boolean():
        return text.replace_strict({"true": True, "false": False}, return_dtype=pl.Boolean)
    if dtype == pl.Date():
        return text.str.to_date("%Y-%m-%d", strict=True)
    if isinstance(dtype, pl.Datetime):
        return text.str.to_datetime(
            DATETIME_FORMAT, time_unit=dtype.time_unit, time_zone=dtype.time_zone, strict=True
        )
    return text.cast(dtype, strict=True)


def read_csv_copy(path: Path, shown: str, columns: dict[str, pl.DataType]) -> pl.DataFrame:
    """A table's CSV as the schema types it (empty field = null, `""` = empty text)."""
    try:
        text = pl.read_csv(path, infer_schema=False)
    except (OSError, pl.exceptions.PolarsError) as err:
        raise PackageCheckFailed(f"{shown}: cannot read ({first_line(err)})") from err
    if text.columns != list(columns):
        raise PackageCheckFailed(f"{shown}: columns {text.columns} are not the schema's")
    for name, dtype in columns.items():
        try:
            text = text.with_columns(typed(name, dtype))
        except pl.exceptions.PolarsError as err:
            raise PackageCheckFailed(
                f"{shown}: column {name} is not all {dtype} ({first_line(err)})"
            ) from err
    return text


def read_parquet_copy(path: Path, shown: str, columns: dict[str, pl.DataType]) -> pl.DataFrame:
    """A table's Parquet, with the schema's columns and types."""
    try:
        frame = pl.read_parquet(path)
    except (OSError, pl.exceptions.PolarsError) as err:
        raise PackageCheckFailed(f"{shown}: cannot read ({first_line(err)})") from err
    if frame.schema != pl.Schema(columns):
        raise PackageCheckFailed(f"{shown}: columns or types are not the schema's")
    return frame


def first_line(err: Exception) -> str:
    """An exception's message cut to its first line, for a one-line error."""
    return str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__


def show_key(row: dict[str, Any], key: list[str]) -> str:
    """A row's key as `a=1` or `a=1, b=2`."""
    return ", ".join(f"{k}={row[k]}" for k in key)


def first_difference(csv: pl.DataFrame, parquet: pl.DataFrame, key: list[str]) -> str | None:
    """Where the two copies of a table first differ, by key order: a key whose rows are not
    the same in both (a row missing, repeated, or with another value); None when they agree.

    >>> a = pl.DataFrame({"id": [1, 2], "v": ["x", "y"]})
    >>> first_difference(a, a, ["id"]) is None
    True
    >>> first_difference(a.with_columns(v=pl.lit("x")), a, ["id"])
    'id=2: v is x in the CSV, y in the Parquet'
    >>> first_difference(pl.concat([a, a.head(1)]), a, ["id"])
    'id=1: 2 rows in the CSV, 1 in the Parquet'
    """
    counted = (
        pl.concat(
            [
                csv.with_columns(in_csv=pl.lit(1), in_parquet=pl.lit(0)),
                parquet.with_columns(in_csv=pl.lit(0), in_parquet=pl.lit(1)),
            ]
        )
        .group_by(csv.columns)
        .agg(pl.col("in_csv").sum(), pl.col("in_parquet").sum())
        .filter(pl.col("in_csv") != pl.col("in_parquet"))
    )
    if counted.height == 0:
        return None
    first = counted.sort(key, nulls_last=True).row(0, named=True)
    where = pl.all_horizontal([pl.col(k).eq_missing(first[k]) for k in key])
    in_csv, in_parquet = csv.filter(where), parquet.filter(where)
    if in_csv.height == 1 and in_parquet.height == 1:
        a, b = in_csv.row(0, named=True), in_parquet.row(0, named=True)
        changed = [c for c in csv.columns if a[c] != b[c]]
        shown = "; ".join(f"{c} is {a[c]} in the CSV, {b[c]} in the Parquet" for c in changed)
        return f"{show_key(first, key)}: {shown}"
    counts = f"{in_csv.height} rows in the CSV, {in_parquet.height} in the Parquet"
    return f"{show_key(first, key)}: {counts}"


def read_copies(folder: Path, schemas: Schemas) -> Copies:
    """Both copies of every table of `schemas`, each at `data/NAME.csv` / `.parquet`."""
    csv, parquet = {}, {}
    for name in schemas.tables:
        columns = schemas.polars_schema(name)
        csv_path, parquet_path = f"{DATA}/{name}.csv", f"{DATA}/{name}.parquet"
        for path in (csv_path, parquet_path):
            if not (folder / path).is_file():
                raise PackageCheckFailed(f"{path}: missing")
        csv[name] = read_csv_copy(folder / csv_path, csv_path, columns)
        parquet[name] = read_parquet_copy(folder / parquet_path, parquet_path, columns)
    return Copies(csv, parquet)


def copy_differences(copies: Copies, schemas: Schemas) -> list[str]:
    """One line per table whose CSV and Parquet copies differ, naming the first key."""
    problems = []
    for name in schemas.tables:
        key = schemas.primary_key(name) or schemas.columns(name)
        found = first_difference(copies.csv[name], copies.parquet[name], key)
        if found is not None:
            problems.append(
                f"{DATA}/{name}.csv and {DATA}/{name}.parquet differ (table {name}, {found})"
            )
    return problems
