"""File names and messages printed as plain, escaped text: markup, control characters and
undecodable bytes in a raw file's name never garble a line or raise a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sidelines.terminal import printable
from tests.conftest import RAW, SCHEMAS


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        pytest.param("x[/y].txt", "x[/y].txt", id="markup-kept-as-text"),
        pytest.param("a\nb\tc.txt", "a\\nb\\tc.txt", id="line-break-and-tab"),
        pytest.param("\x1b[31mred.txt", "\\x1b[31mred.txt", id="terminal-escape"),
        pytest.param(os.fsdecode(b"caf\xe9.txt"), "caf\\xe9.txt", id="undecodable-byte"),
        pytest.param("gnp.\u202etxt", "gnp.\\u202etxt", id="bidi-override"),
        pytest.param("Посольство 🇷🇺.txt", "Посольство 🇷🇺.txt", id="unicode-kept"),
    ],
)
def test_printable(text: str, shown: str) -> None:
    assert printable(text) == shown


def run_build(raw: Path, out: Path, *options: str) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "sidelines", "build", "--raw", str(raw), "--out", str(out)]
    return subprocess.run(
        [*command, "--schemas", str(SCHEMAS), "--no-cache", *options],
        capture_output=True,
        check=False,
    )


HOSTILE_NAMES = [
    (b"x[", b"y].txt", "x[/y].txt"),  # rich would read `[/y]` as a closing tag
    (b"", b"caf\xe9.txt", "caf\\xe9.txt"),  # not UTF-8
    (b"", b"bold [bold]:smile:.txt", "bold [bold]:smile:.txt"),
    (b"", b"line\nbreak.txt", "line\\nbreak.txt"),
]


@pytest.mark.parametrize(("folder", "name", "shown"), HOSTILE_NAMES)
def test_a_bad_file_with_a_hostile_name_is_named_in_one_line(
    tmp_path: Path, folder: bytes, name: bytes, shown: str
) -> None:
    raw = tmp_path / "raw"
    target = Path(os.fsdecode(os.path.join(os.fsencode(raw), folder)))
    target.mkdir(parents=True)
    Path(os.fsdecode(os.path.join(os.fsencode(target), name))).write_bytes(b"")
    result = run_build(raw, tmp_path / "pkg")
    assert result.returncode == 1
    assert result.stderr.decode("utf-8") == f"sidelines build: error: {shown}: empty file\n"
    assert not (tmp_path / "pkg").exists()


def test_skipped_hostile_names_are_printed_safely(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "seed.txt").write_bytes((RAW / "000_caea5886cca781f0.txt").read_bytes())
    for folder, name, _ in HOSTILE_NAMES:
        target = os.path.join(os.fsencode(raw), folder)
        os.makedirs(target, exist_ok=True)
        Path(os.fsdecode(os.path.join(target, name))).write_bytes(b"")
    result = run_build(raw, tmp_path / "pkg", "--skip-bad")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8").splitlines()
    skipped = [line for line in out if line.startswith("skipped ")]
    assert sorted(skipped) == sorted(
        f"skipped {shown}: empty file" for _, _, shown in HOSTILE_NAMES
    )
    assert "Traceback" not in result.stderr.decode("utf-8")
