"""Rows to polars frames: typed, ordered and sorted as the schemas say (pure)."""

from __future__ import annotations

from typing import Any

import polars as pl

from sidelines.package.schema import Schemas


def to_frame(rows: list[dict[str, Any]], resource: str, schemas: Schemas) -> pl.DataFrame:
    """A frame with exactly the schema's columns, in its order and types, sorted by its
    primary key (extra keys in the rows are dropped)."""
    types = schemas.polars_schema(resource)
    frame = (
        pl.DataFrame([{k: row.get(k) for k in types} for row in rows], schema=types, orient="row")
        if rows
        else pl.DataFrame(schema=types)
    )
    return frame.sort(schemas.primary_key(resource), maintain_order=True)


def shape(frame: pl.DataFrame, resource: str, schemas: Schemas) -> pl.DataFrame:
    """A frame cut to the schema's columns, in its order and types, sorted by its primary key."""
    types = schemas.polars_schema(resource)
    return frame.select([pl.col(name).cast(dtype) for name, dtype in types.items()]).sort(
        schemas.primary_key(resource), maintain_order=True
    )
