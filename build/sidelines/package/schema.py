"""The Table Schemas in `schemas/`: the one place that names columns, types and keys."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

RESOURCES = ("posts", "hashtags", "meetings", "meeting_sources")

POLARS_TYPES: dict[str, pl.DataType] = {
    "string": pl.String(),
    "integer": pl.Int64(),
    "number": pl.Float64(),
    "boolean": pl.Boolean(),
    "date": pl.Date(),
    "datetime": pl.Datetime("us", "UTC"),
}


@dataclass(frozen=True)
class Schemas:
    """Package metadata and one Table Schema per resource, as read from `schemas/`."""

    package: dict[str, Any]
    tables: dict[str, dict[str, Any]]

    def columns(self, resource: str) -> list[str]:
        return [f["name"] for f in self.tables[resource]["fields"]]

    def polars_schema(self, resource: str) -> dict[str, pl.DataType]:
        return {f["name"]: POLARS_TYPES[f["type"]] for f in self.tables[resource]["fields"]}

    def primary_key(self, resource: str) -> list[str]:
        key = self.tables[resource].get("primaryKey", [])
        return [key] if isinstance(key, str) else list(key)


def load_schemas(schemas_dir: Path) -> Schemas:
    """Read `package.json` and `<resource>.json` for every resource."""

    def read(name: str) -> dict[str, Any]:
        path = schemas_dir / f"{name}.json"
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as err:
            raise ValueError(f"{path}: cannot read schema ({err})") from err

    return Schemas(read("package"), {name: read(name) for name in RESOURCES})


def default_schemas_dir() -> Path:
    """`schemas/` at the top of the source tree this package was loaded from."""
    return Path(__file__).resolve().parents[3] / "schemas"
