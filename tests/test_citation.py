"""CITATION.cff says what schemas/package.json says, and the package README cites the version."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from tests.conftest import ROOT, SCHEMAS


def test_citation_matches_package_metadata() -> None:
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    meta = json.loads((SCHEMAS / "package.json").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert cff["title"] == meta["title"]
    assert cff["abstract"] == meta["description"]
    assert cff["license"] == meta["licenses"][0]["name"]
    assert cff["keywords"] == meta["keywords"]
    assert cff["repository-code"] == cff["url"] == meta["homepage"]  # README: set it first
    assert [a["name"] for a in cff["authors"]] == [c["title"] for c in meta["contributors"]]
    assert "version" not in cff  # the version lives only in schemas/package.json


def test_package_readme_cites_its_version(seed_package: Path) -> None:
    meta = json.loads((SCHEMAS / "package.json").read_text(encoding="utf-8"))
    readme = (seed_package / "README.md").read_text(encoding="utf-8")
    assert "## Citation" in readme
    assert f"Version {meta['version']}" in readme.split("## Citation")[1]
