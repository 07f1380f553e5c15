"""The real command on fixture folders: exit status, one-line errors, files written,
byte-identical rebuilds, and a failed build that leaves the previous package alone."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from tests.conftest import RAW, ROOT, SCHEMAS


def run_build(raw: Path, out: Path, *options: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "sidelines",
            "build",
            "--raw",
            str(raw),
            "--out",
            str(out),
            "--schemas",
            str(SCHEMAS),
            *options,
        ],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=False,
    )


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def copy_raw(dest: Path, names: list[str], rename: dict[str, str] | None = None) -> Path:
    dest.mkdir()
    for name in names:  # copied in the given order: the folder lists them that way
        shutil.copy(RAW / name, dest / (rename or {}).get(name, name))
    return dest


@pytest.fixture(scope="module")
def built(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[subprocess.CompletedProcess[str], Path]:
    """One real build of the seeds, shared (every build runs GX, which is slow to start).

    It compares with the committed package, as a release build does: the quality record it
    carries (baseline release, removals accepted and why) is part of what must be reproduced.
    """
    out = tmp_path_factory.mktemp("built") / "pkg"
    previous = ("--previous", str(ROOT / "datapackage"))
    return run_build(RAW, out, *previous, TZ="UTC", PYTHONHASHSEED="0"), out


def test_summary_line(built: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    result, _ = built
    assert result.returncode == 0, result.stderr
    assert "2 files read, 15 posts, 14 hashtags" in result.stdout
    assert "2 repeats collapsed" in result.stdout
    assert "0 errors" in result.stdout


def test_rebuild_is_byte_identical_across_order_tz_and_hashseed(
    built: tuple[subprocess.CompletedProcess[str], Path], tmp_path: Path
) -> None:
    names = sorted(p.name for p in RAW.iterdir())
    second = run_build(
        copy_raw(tmp_path / "b", names[::-1]),
        tmp_path / "two",
        "--previous",
        str(ROOT / "datapackage"),
        TZ="Pacific/Kiritimati",
        PYTHONHASHSEED="4242",
    )
    assert built[0].returncode == second.returncode == 0
    assert "quality/index.html" in tree_bytes(tmp_path / "two")
    assert tree_bytes(built[1]) == tree_bytes(tmp_path / "two")


def test_post_ids_do_not_depend_on_file_names(
    built: tuple[subprocess.CompletedProcess[str], Path], tmp_path: Path
) -> None:
    names = sorted(p.name for p in RAW.iterdir())
    renamed = {n: f"zz_{i}_{n}" for i, n in enumerate(names[::-1])}
    assert run_build(copy_raw(tmp_path / "r", names, renamed), tmp_path / "two").returncode == 0
    ids = [
        pl.read_csv(d / "data" / "posts.csv")["post_id"].sort().to_list()
        for d in (built[1], tmp_path / "two")
    ]
    assert ids[0] == ids[1]


def test_committed_package_is_reproduced(
    built: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    assert built[0].returncode == 0
    assert tree_bytes(built[1]) == tree_bytes(ROOT / "datapackage")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(b"", "empty file", id="empty"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00", "binary", id="binary"),
        pytest.param("Канал\n".encode() + b"\xff\xfe\xfa broken", "byte", id="undecodable"),
    ],
)
def test_bad_input_keeps_previous_package(
    built: tuple[subprocess.CompletedProcess[str], Path],
    tmp_path: Path,
    content: bytes,
    message: str,
) -> None:
    out = tmp_path / "pkg"
    shutil.copytree(built[1], out)
    before = tree_bytes(out)
    raw = copy_raw(tmp_path / "raw", sorted(p.name for p in RAW.iterdir()))
    (raw / "bad.txt").write_bytes(content)
    result = run_build(raw, out)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "bad.txt" in lines[0] and message in lines[0], result.stderr
    assert "Traceback" not in result.stderr
    assert tree_bytes(out) == before
    # No leftovers: only the lock file that every build of `pkg` shares stays beside it.
    assert sorted(p.name for p in tmp_path.iterdir()) == [".pkg.lock", "pkg", "raw"]


def test_missing_raw_folder(tmp_path: Path) -> None:
    result = run_build(tmp_path / "nope", tmp_path / "pkg")
    assert result.returncode == 1
    assert "raw folder not found" in result.stderr
    assert not (tmp_path / "pkg").exists()


@pytest.mark.parametrize(
    ("command", "mentions"),
    [
        pytest.param("build", ["--raw", "--out", "--previous", "--allow-removals"], id="build"),
        pytest.param("check", ["quality checks", "--previous"], id="check"),
    ],
)
def test_help_texts(command: str, mentions: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sidelines", command, "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert [m for m in mentions if m not in result.stdout] == []


@pytest.mark.parametrize("skip_bad", [[], ["--skip-bad"]], ids=["stop", "skip-bad"])
def test_a_raw_folder_with_nothing_to_read_is_refused_in_one_line(
    tmp_path: Path, skip_bad: list[str]
) -> None:
    raw = tmp_path / "raw"
    (raw / "empty").mkdir(parents=True)
    (raw / "notes.md").write_text("not an input", encoding="utf-8")
    result = run_build(raw, tmp_path / "pkg", "--no-cache", *skip_bad)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"sidelines build: error: {raw}: no raw files (.htm, .html, .json, .txt) in the folder"
    ]
    assert not (tmp_path / "pkg").exists()


def test_skip_bad_with_every_file_unreadable_is_refused_in_one_line(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "broken.json").write_text("{not json", encoding="utf-8")
    result = run_build(raw, tmp_path / "pkg", "--no-cache", "--skip-bad")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        "sidelines build: error: broken.json: no readable input: all 1 files skipped"
    )
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "pkg").exists()
