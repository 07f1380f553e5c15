"""The package states the extraction's measured accuracy only for the code that was
measured: README, quality/summary.json and quality/index.html, with matching and
non-matching code hashes, and the results file in the build key."""

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Any

import pytest

from sidelines.evaluation.published import NOT_MEASURED, published_accuracy
from sidelines.pipeline import BuildConfig, build, code_fingerprint
from sidelines.quality.report import quality_files
from tests.conftest import SCHEMAS
from tests.quality.test_report import REPORT

FIXTURE_RAW = Path(__file__).parents[1] / "fixtures" / "eval" / "raw"


def results(code: str) -> dict[str, Any]:
    return {
        "code_sha256": code,
        "corpus": {"files": 41, "posts": 380, "gold_meetings": 212},
        "figures": {
            "meetings.precision": {"value": 0.9623, "hits": 179, "total": 186},
            "meetings.recall": {"value": 0.8443, "hits": 179, "total": 212},
            "meetings.role": {"value": None, "hits": 0, "total": 0},
        },
    }


def test_matching_code_publishes_the_figures() -> None:
    accuracy = published_accuracy(results("c0de"), "c0de")
    files = quality_files(REPORT, "9.9.9", accuracy)
    assert "Meetings: precision 0.96, recall 0.84." in files.readme
    assert "41 raw files" in files.readme and "212 in-person meetings" in files.readme
    assert "| `meetings.recall` | gold in-person meetings found" in files.readme
    assert "| 0.84 | 179 of 212 |" in files.readme and "| n/a | 0 of 0 |" in files.readme
    data = json.loads(files.reports["quality/summary.json"])
    assert data["accuracy"]["measured"] is True
    assert data["accuracy"]["figures"]["meetings.recall"]["hits"] == 179
    page = files.reports["quality/index.html"]
    assert "Extraction accuracy" in page and "179 of 212" in page


@pytest.mark.parametrize(
    "given", [pytest.param(results("0ther"), id="other-code"), pytest.param(None, id="no-file")]
)
def test_other_code_says_not_measured(given: dict[str, Any] | None) -> None:
    files = quality_files(REPORT, "9.9.9", published_accuracy(given, "c0de"))
    assert NOT_MEASURED in files.readme and "0.84" not in files.readme
    data = json.loads(files.reports["quality/summary.json"])
    assert data["accuracy"] == {"measured": False, "note": NOT_MEASURED}
    assert "Not measured for this builder version." in files.reports["quality/index.html"]


def test_the_build_publishes_results_for_its_own_code(tmp_path: Path) -> None:
    measured = tmp_path / "results.json"
    measured.write_text(json.dumps(results(code_fingerprint())), encoding="utf-8")
    stale = tmp_path / "stale.json"
    stale.write_text(json.dumps(results("0" * 64)), encoding="utf-8")
    out = tmp_path / "pkg"
    cache = tmp_path / "cache"

    def readme(eval_results: Path) -> str:
        config = BuildConfig(FIXTURE_RAW, out, SCHEMAS, cache_dir=cache, eval_results=eval_results)
        summary = build(config)
        assert not summary.cached  # another results file is another build
        return (out / "README.md").read_text(encoding="utf-8")

    assert "Meetings: precision 0.96, recall 0.84." in readme(measured)
    assert NOT_MEASURED in readme(stale)


def test_a_broken_results_file_is_named(tmp_path: Path) -> None:
    broken = tmp_path / "results.json"
    broken.write_text("{", encoding="utf-8")
    config = BuildConfig(FIXTURE_RAW, tmp_path / "pkg", SCHEMAS, eval_results=broken)
    with pytest.raises(ValueError, match=r"results.json: not a results file"):
        build(config)
    assert not (tmp_path / "pkg").exists()


def test_evaluation_imports_only_itself() -> None:
    """The scorer stands apart from the pipeline it measures (its package docstring says so)."""
    folder = Path(__file__).parents[2] / "build" / "sidelines" / "evaluation"
    for module in sorted(folder.glob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        imported = [
            node.module or ""
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sidelines")
        ]
        assert all(m.startswith("sidelines.evaluation") for m in imported), module.name
