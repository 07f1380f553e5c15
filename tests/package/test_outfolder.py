"""Output folders that cannot hurt inputs, and one build per folder at a time: refusals
touch nothing, a second build waits and says so, the package is always one whole build."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from filelock import FileLock, Timeout

from sidelines.cli import main
from sidelines.package.outfolder import UnsafeOutput, check_out_dir, lock_path
from tests.conftest import RAW, SCHEMAS
from tests.test_cli import run_build, tree_bytes


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every path under `folder` (folders too) and the bytes of its files."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() if p.is_file() else None
        for p in sorted(folder.rglob("*"))
    }


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder, the current folder: one raw file, notes, a built-looking package."""
    (tmp_path / "raw").mkdir()
    first = sorted(RAW.iterdir())[0]
    shutil.copy(first, tmp_path / "raw" / first.name)
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.md").write_text("ask the embassy for the transcript\n")
    (tmp_path / "report.txt").write_text("a file\n")
    (tmp_path / "other-package").mkdir()
    (tmp_path / "other-package" / "datapackage.json").write_text('{"name": "someone-else"}')
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("out", "reason"),
    [
        pytest.param("raw", "is the --raw folder", id="out-is-raw"),
        pytest.param("raw/pkg", "lies inside --raw", id="out-inside-raw"),
        pytest.param(".", "holds --raw", id="out-is-the-project"),
        pytest.param("..", "holds --raw", id="out-above-the-project"),
        pytest.param("report.txt", "a file, not a folder", id="out-is-a-file"),
        pytest.param("notes", "not a sidelines package", id="out-holds-notes"),
        pytest.param("other-package", "not a sidelines package", id="out-is-another-package"),
    ],
)
def test_destructive_out_is_refused_and_nothing_touched(
    project: Path, capsys: pytest.CaptureFixture[str], out: str, reason: str
) -> None:
    before = snapshot(project)
    assert main(["build", "--raw", "raw", "--out", out, "--schemas", str(SCHEMAS)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and reason in err and err.startswith("sidelines build: error:")
    assert snapshot(project) == before


def test_out_holding_the_current_folder_is_refused(project: Path, tmp_path: Path) -> None:
    (project / "notes" / "deeper").mkdir()
    with pytest.raises(UnsafeOutput, match="current folder"):
        check_out_dir(project / "notes", project / "raw", project / "notes" / "deeper", None)


def test_out_holding_the_cache_is_refused(project: Path) -> None:
    with pytest.raises(UnsafeOutput, match="holds the cache"):
        check_out_dir(project / "pkg", project / "raw", project, project / "pkg" / "cache")


def test_a_dangling_symlink_is_refused(project: Path) -> None:
    (project / "pkg").symlink_to(project / "gone")
    with pytest.raises(UnsafeOutput, match="broken symbolic link"):
        check_out_dir(project / "pkg", project / "raw", project, None)


@pytest.mark.parametrize("state", ["missing", "empty", "our-package"])
def test_missing_empty_or_our_package_may_be_replaced(
    project: Path, seed_package: Path, state: str
) -> None:
    out = project / "pkg"
    if state == "empty":
        out.mkdir()
    if state == "our-package":
        shutil.copytree(seed_package, out)
        assert "sidelines" in json.loads((out / "datapackage.json").read_text("utf-8"))
    check_out_dir(out, project / "raw", project, project / ".cache")


@pytest.mark.parametrize(
    ("extra", "shown"),
    [
        pytest.param("analysis.md", "analysis.md", id="a-note-beside-the-tables"),
        pytest.param("data/posts-cleaned.xlsx", "data/posts-cleaned.xlsx", id="a-spreadsheet"),
        pytest.param("quality/my-notes.txt", "quality/my-notes.txt", id="inside-quality"),
    ],
)
def test_our_package_with_someone_elses_files_is_refused_and_nothing_touched(
    project: Path, seed_package: Path, capsys: pytest.CaptureFixture[str], extra: str, shown: str
) -> None:
    """A folder we wrote once, where a user has since saved work of their own: replacing it
    whole would delete that work."""
    out = project / "pkg"
    shutil.copytree(seed_package, out)
    (out / extra).write_text("which meetings to check again\n", encoding="utf-8")
    before = snapshot(project)
    assert main(["build", "--raw", "raw", "--out", "pkg", "--schemas", str(SCHEMAS)]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"sidelines build: error: --out pkg holds files that are not part of the package "
        f"({shown}); move them out first, the folder is replaced whole\n"
    )
    assert snapshot(project) == before


def test_a_second_build_gives_up_after_waiting(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with FileLock(lock_path(project / "pkg"), timeout=0):
        started = time.monotonic()
        status = main(["build", "--raw", "raw", "--out", "pkg", "--wait", "0.5"])
        waited = time.monotonic() - started
    err = capsys.readouterr().err.splitlines()
    assert status == 1 and waited >= 0.5
    assert err[0].startswith("sidelines build: waiting for another build of pkg")
    assert err[1].startswith("sidelines build: error: pkg: another build still holds .pkg.lock")
    assert not (project / "pkg").exists()


def lock_is_held(path: Path) -> bool:
    try:
        with FileLock(path, timeout=0):
            return False
    except Timeout:
        return True


def test_two_concurrent_builds_give_one_package_and_say_so(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One build in another process; the second, here, starts while the first holds the lock
    (this process has its imports done, so it surely reaches the lock in time)."""
    out, cache = project / "site" / "pkg", project / "cache"
    cmd = ["build", "--raw", "raw", "--out", str(out), "--cache", str(cache)]
    cmd += ["--schemas", str(SCHEMAS)]
    first = subprocess.Popen(
        [sys.executable, "-m", "sidelines", *cmd],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not lock_is_held(lock_path(out)) and time.monotonic() < deadline:
        time.sleep(0.05)
    second = main(cmd)
    first_out, first_err = first.communicate(timeout=300)
    second_out, second_err = capsys.readouterr()
    assert first.returncode == 0 and second == 0, first_err + second_err
    assert f"built {out}" in first_out
    assert "waiting for another build" in second_err
    assert "up to date" in second_out  # it found the first build's package, and said so
    assert sorted(p.name for p in out.parent.iterdir()) == [".pkg.lock", "pkg"]
    clean = project / "clean"
    assert run_build(project / "raw", clean, "--no-cache").returncode == 0
    assert tree_bytes(out) == tree_bytes(clean)


def test_a_cache_failing_after_the_swap_is_a_warning(project: Path) -> None:
    cache = project / "cache"
    cache.mkdir()
    (cache / "builds").write_text("not a folder: the build record cannot be written")
    done = run_build(project / "raw", project / "pkg", "--cache", str(cache))
    assert done.returncode == 0, done.stderr
    assert "warning: the package is built, but the cache could not record it" in done.stderr
    assert "error" not in done.stderr
    assert (project / "pkg" / "datapackage.json").is_file()
