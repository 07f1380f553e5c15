""".zenodo.json is what CITATION.cff and schemas/package.json give, so the three never disagree;
`sidelines zenodo` writes it and `--check` refuses a stale one."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from sidelines.release.zenodo import zenodo_metadata, zenodo_text
from tests.conftest import ROOT, SCHEMAS

ZENODO = ROOT / ".zenodo.json"


def sidelines(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sidelines", *args], capture_output=True, text=True, check=False
    )


def test_committed_file_is_what_the_citation_and_version_give() -> None:
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    package = json.loads((SCHEMAS / "package.json").read_text(encoding="utf-8"))
    expected = zenodo_text(zenodo_metadata(citation, package))
    assert ZENODO.read_text(encoding="utf-8") == expected, "run `sidelines zenodo` and commit"


def test_it_says_what_schemas_package_json_says() -> None:
    """Checked against the package metadata directly too, not only through the generator."""
    zenodo = json.loads(ZENODO.read_text(encoding="utf-8"))
    package = json.loads((SCHEMAS / "package.json").read_text(encoding="utf-8"))
    assert zenodo["upload_type"] == "dataset"  # what CITATION.cff alone would not tell Zenodo
    assert zenodo["version"] == package["version"]
    assert zenodo["title"] == package["title"]
    assert zenodo["description"] == package["description"]
    assert zenodo["keywords"] == package["keywords"]
    assert zenodo["license"] == package["licenses"][0]["name"].lower()
    assert [c["name"] for c in zenodo["creators"]] == [c["title"] for c in package["contributors"]]
    assert "publication_date" not in zenodo  # Zenodo dates the record on release day


def test_people_are_family_comma_given_with_a_bare_orcid() -> None:
    citation = {
        "type": "dataset",
        "title": "T",
        "abstract": "A.",
        "license": "CC-BY-4.0",
        "authors": [
            {
                "family-names": "Petrova",
                "given-names": "Maria",
                "affiliation": "Some University",
                "orcid": "https://orcid.org/0000-0001-2345-6789",
            }
        ],
    }
    metadata = zenodo_metadata(citation, {"version": "2.1.0"})
    assert metadata["creators"] == [
        {"name": "Petrova, Maria", "affiliation": "Some University", "orcid": "0000-0001-2345-6789"}
    ]
    assert (metadata["version"], metadata["license"], metadata["keywords"]) == (
        "2.1.0",
        "cc-by-4.0",
        [],
    )


def test_command_writes_then_checks(tmp_path: Path) -> None:
    citation = Path(shutil.copy(ROOT / "CITATION.cff", tmp_path / "CITATION.cff"))
    package = Path(shutil.copy(SCHEMAS / "package.json", tmp_path / "package.json"))
    out = tmp_path / ".zenodo.json"
    paths = ("--citation", str(citation), "--package", str(package), "--out", str(out))

    missing = sidelines("zenodo", *paths, "--check")
    assert missing.returncode == 1 and not out.exists()

    written = sidelines("zenodo", *paths)
    assert written.returncode == 0, written.stderr
    assert out.read_text(encoding="utf-8") == ZENODO.read_text(encoding="utf-8")
    assert sidelines("zenodo", *paths, "--check").returncode == 0

    meta = json.loads(package.read_text(encoding="utf-8"))
    package.write_text(json.dumps({**meta, "version": "9.0.0"}), encoding="utf-8")
    stale = sidelines("zenodo", *paths, "--check")
    assert stale.returncode == 1
    assert stale.stderr.count("\n") == 1
    assert "disagrees with CITATION.cff and package.json" in stale.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == meta["version"]  # untouched


def test_a_citation_without_a_title_is_one_line(tmp_path: Path) -> None:
    citation = tmp_path / "CITATION.cff"
    citation.write_text("cff-version: 1.2.0\nauthors: []\n", encoding="utf-8")
    result = sidelines(
        "zenodo", "--citation", str(citation), "--out", str(tmp_path / "z.json"), "--check"
    )
    assert result.returncode == 1
    assert result.stderr.startswith("sidelines zenodo: error:") and "title" in result.stderr
    assert result.stderr.count("\n") == 1
