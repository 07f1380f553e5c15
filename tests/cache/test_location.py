"""The default cache folder: the repository's `.cache/` from inside the checkout, the user
cache folder from anywhere else, never the folder a command happens to run in."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sidelines.cache.location import default_cache_dir, source_checkout
from tests.conftest import RAW, ROOT


def test_tests_run_from_a_checkout() -> None:
    assert source_checkout() == ROOT


@pytest.mark.parametrize("inside", [".", "build/sidelines", "raw"])
def test_inside_the_repository_the_cache_is_at_its_root(inside: str) -> None:
    assert default_cache_dir(ROOT / inside) == ROOT / ".cache" / "sidelines"


def test_elsewhere_the_cache_is_the_users(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    elsewhere = tmp_path / "papers"
    elsewhere.mkdir()
    assert default_cache_dir(elsewhere) == tmp_path / "xdg" / "sidelines"


def test_a_build_run_elsewhere_leaves_no_cache_folder_there(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    result = subprocess.run(
        [sys.executable, "-m", "sidelines", "build", "--raw", str(RAW), "--out", "out"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / ".cache").exists()
    assert (tmp_path / "out" / "datapackage.json").is_file()
    assert any((tmp_path / "xdg" / "sidelines").iterdir())
