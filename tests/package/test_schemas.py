"""The schemas: valid Table Schemas, keys that exist, and the package that matches them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from frictionless import Schema

from sidelines.package.schema import RESOURCES, load_schemas
from tests.conftest import SCHEMAS


@pytest.mark.parametrize("name", RESOURCES)
def test_schema_is_valid_and_keys_exist(name: str) -> None:
    descriptor = json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))
    assert Schema.validate_descriptor(descriptor).valid
    fields = {f["name"] for f in descriptor["fields"]}
    assert set(descriptor["primaryKey"]) <= fields
    for fk in descriptor.get("foreignKeys", []):
        assert set(fk["fields"]) <= fields
        assert all(f.get("description") for f in descriptor["fields"])


def test_package_matches_schemas(seed_package: Path) -> None:
    schemas = load_schemas(SCHEMAS)
    package = json.loads((seed_package / "datapackage.json").read_text(encoding="utf-8"))
    tables = {r["name"]: r for r in package["resources"] if r.get("type") == "table"}
    assert list(tables) == list(RESOURCES)
    for name in RESOURCES:
        assert tables[name]["schema"] == schemas.tables[name]
        header = (seed_package / tables[name]["path"]).read_bytes().decode().split("\r\n")[0]
        assert header.split(",") == schemas.columns(name)
    assert package["version"] == schemas.package["version"]
    for resource in package["resources"]:
        assert {"path", "format", "mediatype", "bytes", "hash"} <= set(resource)
        assert resource["hash"].startswith("sha256:")
    assert [s["title"] for s in package["sources"]] == sorted(
        s["title"] for s in package["sources"]
    )
