"""Shared fixtures: the repository's folders and one seed build per test session."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from sidelines.package.write import file_digest
from sidelines.pipeline import BuildConfig, build

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "raw"
SCHEMAS = ROOT / "schemas"
GOLD = Path(__file__).parent / "seeds-gold.json"


@pytest.fixture(scope="session")
def gold() -> dict[str, Any]:
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds built once into a temporary folder."""
    out = tmp_path_factory.mktemp("seed") / "datapackage"
    build(BuildConfig(raw_dir=RAW, out_dir=out, schemas_dir=SCHEMAS))
    return out


@pytest.fixture(scope="session")
def one_file_raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first seed file alone: a build from it loses the other files' posts."""
    raw = tmp_path_factory.mktemp("raw-less")
    first = sorted(RAW.iterdir())[0]
    shutil.copy(first, raw / first.name)
    return raw


def read_table(package: Path, name: str) -> pl.DataFrame:
    """A table of a built package, from its CSV, every column as text."""
    return pl.read_csv(package / "data" / f"{name}.csv", infer_schema=False)


def rerecord(package: Path, relative: str) -> None:
    """Record a tampered file's new bytes and hash in the package's descriptor, as someone
    covering their tracks (or a careless re-export) would: only the contents can tell then."""
    path = package / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        if resource["path"] == relative:
            resource["bytes"], resource["hash"] = file_digest(package / relative)
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
