"""The release commands as a researcher or CI runs them: `sidelines diff` and
`sidelines publish`, their help, and one-line errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
