"""The release commands as a researcher or CI runs them: `sidelines diff` and
`sidelines publish`, their help, and one-line errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest


def sidelines(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sidelines", *args], capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(
    ("command", "words"),
    [
        pytest.param("publish", ["--previous", "--dist", "--package"], id="publish"),
        pytest.param("diff", ["old", "new"], id="diff"),
    ],
)
def test_help(command: str, words: list[str]) -> None:
    result = sidelines(command, "--help")
    assert result.returncode == 0
    assert all(w in result.stdout for w in words)


def test_diff_of_a_package_with_itself(seed_package: Path) -> None:
    result = sidelines("diff", str(seed_package), str(seed_package))
    assert result.returncode == 0, result.stderr
    assert "Smallest allowed version bump: **none**." in result.stdout
    assert "| posts | post_id | 15 | 15 | 0 | 0 | 0 |" in result.stdout


def test_diff_of_a_missing_package(tmp_path: Path, seed_package: Path) -> None:
    result = sidelines("diff", str(tmp_path / "nope"), str(seed_package))
    assert result.returncode == 1
    assert (
        result.stderr.strip()
        == f"sidelines diff: error: {tmp_path / 'nope'}: not a package folder or zip"
    )


def without_first_posts(seed_package: Path, dest: Path, count: int) -> Path:
    """A copy of the package whose posts.csv lacks its first `count` rows (the diff reads
    the CSV tables and needs nothing else to agree)."""
    copy = Path(shutil.copytree(seed_package, dest))
    lines = (copy / "data/posts.csv").read_bytes().split(b"\r\n")
    (copy / "data/posts.csv").write_bytes(b"\r\n".join([lines[0], *lines[1 + count :]]))
    return copy


def test_diff_lists_every_removed_key_or_writes_them_all(
    seed_package: Path, tmp_path: Path
) -> None:
    fewer = without_first_posts(seed_package, tmp_path / "fewer", 5)
    removed = pl.read_csv(seed_package / "data/posts.csv", infer_schema=False)["post_id"][:5]
    keys = tmp_path / "keys.csv"
    full = sidelines("diff", str(seed_package), str(fewer), "--keys", str(keys))
    assert full.returncode == 0, full.stderr
    assert [line for line in full.stdout.splitlines() if line.startswith("- removed")] == [
        f"- removed: `{k}`" for k in sorted(removed)
    ]
    assert not keys.exists()  # nothing was cut, so no file

    cut = sidelines("diff", str(seed_package), str(fewer), "--shown", "3", "--keys", str(keys))
    assert cut.returncode == 0, cut.stderr
    assert f"- removed: 3 of 5 shown, all in {keys}" in cut.stdout
    listed = pl.read_csv(keys, infer_schema=False)
    assert listed.filter(pl.col("table") == "posts")["key"].sort().to_list() == sorted(removed)
    assert set(listed["change"]) == {"removed"}
    version = json.loads((seed_package / "datapackage.json").read_text(encoding="utf-8"))["version"]
    assert f"## Changes between two packages of version {version}" in cut.stdout
