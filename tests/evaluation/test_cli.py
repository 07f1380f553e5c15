"""`sidelines eval` end to end: a fixture corpus built and scored, floors enforced, the
results file written without paths or times."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sidelines.evaluation.figures import FIGURES
from sidelines.evaluation.files import load_floors
from tests.conftest import ROOT, SCHEMAS

FIXTURE = Path(__file__).parents[1] / "fixtures" / "eval"


def sidelines(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sidelines", *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
        check=False,
    )


@pytest.fixture(scope="module")
def fixture_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture corpus (a channel dump with a call, a news article) built once."""
    out = tmp_path_factory.mktemp("eval") / "datapackage"
    done = sidelines(
        "build", "--raw", FIXTURE / "raw", "--out", out, "--schemas", SCHEMAS, "--no-cache"
    )
    assert done.returncode == 0, done.stderr
    return out


def test_eval_scores_a_built_corpus(fixture_package: Path, tmp_path: Path) -> None:
    results = tmp_path / "results.json"
    # The repository's floors are for the real corpus; this tiny one has floors of its own.
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"posts.found": 1.0, "meetings.recall": 0.5}), encoding="utf-8")
    done = sidelines(
        "eval", FIXTURE / "gold", fixture_package, "--floors", floors, "--json", results
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "meetings.recall" in done.stdout
    assert "measured on 2 files, 4 posts, 2 gold meetings" in done.stdout
    record = json.loads(results.read_text(encoding="utf-8"))
    built = json.loads((fixture_package / "datapackage.json").read_text(encoding="utf-8"))
    assert record["code_sha256"] == built["sidelines"]["code_sha256"]
    assert record["corpus"] == {"files": 2, "posts": 4, "gold_meetings": 2, "gold_contacts": 1}
    assert set(record["figures"]) == set(FIGURES)
    assert record["figures"]["posts.found"] == {"value": 1.0, "hits": 4, "total": 4}
    assert record["figures"]["translations.recall"]["total"] == 1
    assert record["figures"]["meetings.recall"]["total"] == 2  # the phone call is not counted
    text = results.read_text(encoding="utf-8")
    assert str(tmp_path) not in text and str(ROOT) not in text
    again = tmp_path / "again.json"
    sidelines("eval", FIXTURE / "gold", fixture_package, "--json", again)
    assert again.read_bytes() == results.read_bytes()


def test_a_figure_below_its_floor_fails_naming_it(fixture_package: Path, tmp_path: Path) -> None:
    package = tmp_path / "datapackage"
    shutil.copytree(fixture_package, package)
    meetings = package / "data" / "meetings.csv"
    header, *rows = meetings.read_text(encoding="utf-8").splitlines()
    # India's meeting recorded with the wrong country: a false positive and a miss.
    kept = [r.replace(",IND,", ",PAK,") for r in rows]
    meetings.write_text("\r\n".join([header, *kept]) + "\r\n", encoding="utf-8")
    floors = tmp_path / "floors.json"
    floors.write_text('{"meetings.recall": 0.9, "posts.found": 1.0}', encoding="utf-8")
    done = sidelines("eval", FIXTURE / "gold", package, "--floors", floors, "--quiet")
    assert done.returncode == 1
    assert done.stderr.strip() == "sidelines eval: meetings.recall 0.500 is below its floor 0.900"
    assert "2 misses" in done.stdout  # with --quiet, a count instead of the list
    listed = sidelines("eval", FIXTURE / "gold", package)
    assert listed.returncode == 0  # no floors, no failure
    assert "meetings.recall: ru_dump_unga79.txt meeting 1: expected IND Jaishankar" in listed.stdout


@pytest.mark.parametrize(
    ("floors", "message"),
    [
        pytest.param('{"meetings.recal": 0.5}', "meetings.recal is not a figure", id="typo"),
        pytest.param('{"meetings.recall": 95}', "is not a number from 0 to 1", id="percent"),
    ],
)
def test_bad_floors_are_refused(
    fixture_package: Path, tmp_path: Path, floors: str, message: str
) -> None:
    path = tmp_path / "floors.json"
    path.write_text(floors, encoding="utf-8")
    done = sidelines("eval", FIXTURE / "gold", fixture_package, "--floors", path)
    assert done.returncode == 1
    assert done.stderr.startswith("sidelines eval: error: ") and message in done.stderr


def test_a_missing_package_is_one_line(tmp_path: Path) -> None:
    done = sidelines("eval", FIXTURE / "gold", tmp_path / "nowhere")
    assert done.returncode == 1
    assert (
        done.stderr.strip() == f"sidelines eval: error: {tmp_path / 'nowhere'}: no datapackage.json"
    )


def test_the_repository_floors_name_known_figures() -> None:
    """eval/floors.json is a ratchet: every floor guards a figure that exists."""
    floors = load_floors(ROOT / "eval" / "floors.json")
    assert floors, "eval/floors.json holds no floors"
    assert set(floors) <= set(FIGURES)
