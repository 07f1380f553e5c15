"""The evaluation's I/O: gold files, a built package's CSV tables, floors and the results
file. Everything else in `evaluation` is pure."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from sidelines.evaluation.gold import Gold, GoldError, parse_gold

TABLES = ("posts", "hashtags", "meetings", "meeting_sources")
Row = dict[str, Any]


def read_json(path: Path) -> Any:
    """Parsed JSON, or one line naming the file, line and column of the fault."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise ValueError(f"{path}:line {err.lineno}: invalid JSON ({err.msg})") from err
    except UnicodeDecodeError as err:
        raise ValueError(f"{path}: not UTF-8 ({err.reason} at byte {err.start})") from err


def load_gold(path: Path) -> Gold:
    """A folder of per-source gold files (`*.json`), or one gold file in either format."""
    if path.is_dir():
        files = sorted(p for p in path.glob("*.json") if not p.name.startswith("."))
        if not files:
            raise ValueError(f"{path}: no gold files (*.json)")
    elif path.is_file():
        files = [path]
    else:
        raise ValueError(f"{path}: no such gold file or folder")
    try:
        return parse_gold({p.name: read_json(p) for p in files})
    except GoldError as err:
        # The error names the gold file; put the folder it is in before it.
        folder = path.parent if path.is_file() else path
        raise ValueError(f"{folder.as_posix().rstrip('/')}/{err}") from None


@dataclass(frozen=True)
class PackageTables:
    """A built package as a researcher reads it: each table's rows from its CSV file (every
    value as text, empty = null), and the code hash of the builder that made it."""

    tables: dict[str, list[Row]]
    code_sha256: str | None


def load_package(path: Path) -> PackageTables:
    """The posts, hashtags, meetings and meeting_sources CSV resources named in
    `datapackage.json` (a folder holding it, or the file itself)."""
    descriptor_path = path / "datapackage.json" if path.is_dir() else path
    if not descriptor_path.is_file():
        raise ValueError(f"{path}: no datapackage.json")
    descriptor = read_json(descriptor_path)
    csv_paths = {}
    for resource in descriptor.get("resources", []):
        p = resource.get("path")
        p = p[0] if isinstance(p, list) else p
        if isinstance(p, str) and p.endswith(".csv"):
            csv_paths[resource.get("name")] = descriptor_path.parent / p
    tables: dict[str, list[Row]] = {}
    for name in TABLES:
        if name not in csv_paths:
            raise ValueError(f"{descriptor_path}: no CSV resource named {name}")
        try:
            frame = pl.read_csv(csv_paths[name], infer_schema=False)
        except (OSError, pl.exceptions.PolarsError) as err:
            raise ValueError(f"{csv_paths[name]}: unreadable ({err})") from err
        tables[name] = frame.to_dicts()
    code = (descriptor.get("sidelines") or {}).get("code_sha256")
    return PackageTables(tables, code)


def load_floors(path: Path) -> dict[str, float]:
    """Floors by figure name (a JSON object of numbers from 0 to 1)."""
    data = read_json(path)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: floors must be a JSON object of figure names and numbers")
    floors = {}
    for name, value in data.items():
        if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value <= 1:
            raise ValueError(f"{path}: floor {name}: {value!r} is not a number from 0 to 1")
        floors[name] = float(value)
    return floors


def results_text(record: dict[str, Any]) -> str:
    """The results file's exact text: sorted keys, two-space indent, final newline."""
    return json.dumps(record, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
