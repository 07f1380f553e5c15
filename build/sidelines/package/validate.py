"""Every row of every table against its Table Schema, over whole columns at once.

Checks types, required, unique, enum, pattern, minimum/maximum, primary keys and foreign
keys, and collects all errors into one report instead of stopping at the first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import polars as pl

from sidelines.package.schema import Schemas


@dataclass(frozen=True)
class SchemaError:
    """One bad value: which table, which data row (1-based), which field, which rule."""

    resource: str
    row: int
    field: str
    rule: str
    value: str

    def __str__(self) -> str:
        return (
            f"{self.resource} row {self.row}, field {self.field}: {self.rule} (value {self.value})"
        )


class ValidationFailed(Exception):
    """Raised with every schema error found; the message shows the first few."""

    def __init__(self, errors: list[SchemaError]) -> None:
        self.errors = errors
        shown = "; ".join(str(e) for e in errors[:5])
        more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
        super().__init__(f"{len(errors)} schema error(s): {shown}{more}")


MAX_PER_RULE = 20  # rows named per field and rule; the count is always complete


def _errors(
    frame: pl.DataFrame, bad: pl.Expr, resource: str, field: str, rule: str
) -> list[SchemaError]:
    hits = (
        frame.with_row_index("_row", offset=1)
        .filter(bad.fill_null(False))
        .select("_row", pl.col(field).cast(pl.String).alias("_value"))
    )
    return [
        SchemaError(resource, row, field, rule, repr(value))
        for row, value in hits.head(MAX_PER_RULE).iter_rows()
    ] + (
        [SchemaError(resource, 0, field, f"{rule}: {hits.height - MAX_PER_RULE} more rows", "…")]
        if hits.height > MAX_PER_RULE
        else []
    )


def check_field(frame: pl.DataFrame, resource: str, spec: dict[str, Any]) -> list[SchemaError]:
    """All constraint violations of one field."""
    name = spec["name"]
    col = pl.col(name)
    rules = spec.get("constraints", {})
    found: list[SchemaError] = []
    if rules.get("required"):
        found += _errors(frame, col.is_null(), resource, name, "required value missing")
    if rules.get("unique"):
        found += _errors(
            frame, col.is_duplicated() & col.is_not_null(), resource, name, "not unique"
        )
    if "enum" in rules:
        found += _errors(
            frame, ~col.is_in(rules["enum"]), resource, name, f"not one of {rules['enum']}"
        )
    if "pattern" in rules:
        found += _errors(
            frame,
            ~col.str.contains(f"^(?:{rules['pattern']})$"),
            resource,
            name,
            f"does not match pattern {rules['pattern']}",
        )
    if "minimum" in rules:
        found += _errors(
            frame, col < rules["minimum"], resource, name, f"below minimum {rules['minimum']}"
        )
    if "maximum" in rules:
        found += _errors(
            frame, col > rules["maximum"], resource, name, f"above maximum {rules['maximum']}"
        )
    return found


def check_types(frame: pl.DataFrame, resource: str, schemas: Schemas) -> list[SchemaError]:
    """Columns missing, extra, out of order or of the wrong type."""
    expected = schemas.polars_schema(resource)
    if list(frame.columns) != list(expected):
        return [
            SchemaError(
                resource,
                0,
                ",".join(frame.columns),
                "columns differ from schema",
                ",".join(expected),
            )
        ]
    return [
        SchemaError(resource, 0, name, f"type {frame.schema[name]} is not {dtype}", "")
        for name, dtype in expected.items()
        if frame.schema[name] != dtype
    ]


def check_keys(
    tables: dict[str, pl.DataFrame], resource: str, schemas: Schemas
) -> list[SchemaError]:
    """Primary key unique and complete; every foreign key found in its parent."""
    frame = tables[resource]
    found: list[SchemaError] = []
    key = schemas.primary_key(resource)
    if key:
        dup = pl.struct(key).is_duplicated()
        found += _errors(frame, dup, resource, key[0], f"primary key {key} not unique")
    for fk in schemas.tables[resource].get("foreignKeys", []):
        fields = fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]]
        ref = fk["reference"]
        parent = tables[ref["resource"] or resource]
        parent_fields = ref["fields"] if isinstance(ref["fields"], list) else [ref["fields"]]
        known = parent.select(pl.struct(parent_fields).alias("_k"))["_k"]
        child = pl.struct([pl.col(f).alias(p) for f, p in zip(fields, parent_fields, strict=True)])
        present = pl.all_horizontal([pl.col(f).is_not_null() for f in fields])
        found += _errors(
            frame,
            present & ~child.is_in(known.implode()),
            resource,
            fields[0],
            f"foreign key to {ref['resource'] or resource}.{parent_fields} not found",
        )
    return found


def validate_tables(tables: dict[str, pl.DataFrame], schemas: Schemas) -> list[SchemaError]:
    """Every error in every table, types first (other checks need the right columns)."""
    errors: list[SchemaError] = []
    for resource in schemas.tables:
        type_errors = check_types(tables[resource], resource, schemas)
        errors += type_errors
        if type_errors:
            continue
        for spec in schemas.tables[resource]["fields"]:
            errors += check_field(tables[resource], resource, spec)
        errors += check_keys(tables, resource, schemas)
    return errors
