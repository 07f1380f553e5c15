"""The package's descriptor against the official Data Package v2 profile (a copy shipped in
tests/profiles, no network), and frictionless still checking every file's bytes and hash."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from frictionless import validate

PROFILE = Path(__file__).parent / "profiles" / "datapackage-2.0.json"


def profile_errors(descriptor: dict[str, Any]) -> list[str]:
    schema = json.loads(PROFILE.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(descriptor)]


def read_descriptor(package: Path) -> dict[str, Any]:
    return json.loads((package / "datapackage.json").read_text(encoding="utf-8"))


def test_descriptor_declares_and_passes_the_v2_profile(seed_package: Path) -> None:
    descriptor = read_descriptor(seed_package)
    assert descriptor["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert profile_errors(descriptor) == []


def test_the_profile_refuses_a_file_typed_resource(seed_package: Path) -> None:
    """The descriptor this project wrote before: Parquet resources typed `file`."""
    descriptor = read_descriptor(seed_package)
    parquet = next(r for r in descriptor["resources"] if r["path"].endswith(".parquet"))
    parquet["type"] = "file"
    assert any("'file' is not one of ['table']" in e for e in profile_errors(descriptor))


def test_every_listed_file_has_bytes_and_a_sha256(seed_package: Path) -> None:
    for resource in read_descriptor(seed_package)["resources"]:
        assert resource["bytes"] == (seed_package / resource["path"]).stat().st_size
        assert resource["hash"].startswith("sha256:")


def test_frictionless_validates_the_package(seed_package: Path) -> None:
    report = validate(str(seed_package / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "type", "note"])
    checked = {task.name: task.type for task in report.tasks}
    assert checked["posts"] == "table" and checked["posts-parquet"] == "file"


@pytest.mark.parametrize("name", ["posts.parquet", "meetings.csv"])
def test_frictionless_checks_the_hash_of_every_copy(
    seed_package: Path, tmp_path: Path, name: str
) -> None:
    package = Path(shutil.copytree(seed_package, tmp_path / "pkg"))
    path = package / "data" / name
    data = bytearray(path.read_bytes())
    data[-2] ^= 1  # same size, another hash
    path.write_bytes(bytes(data))
    report = validate(str(package / "datapackage.json"))
    assert not report.valid
    assert "hash-count" in {error for (error,) in report.flatten(["type"])}
