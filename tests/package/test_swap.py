"""The swap: a build killed at any step leaves the old or the new package whole at `out`,
and the next build puts the leftovers right before it compares with the old package."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sidelines.package.swap import exchange, recover, swap_in
from sidelines.pipeline import BuildConfig, build
from sidelines.quality.compare import RemovalsNotAllowed
from tests.conftest import ROOT, SCHEMAS
from tests.test_cli import tree_bytes

# A child process swaps `new` in place of `out` and dies (os._exit: no cleanup, no finally)
# at the named step; "filling" dies after the first file, "removing old" after the first
# file of the old package is deleted.
CRASHING_SWAP = textwrap.dedent(
    """
    import os, shutil, sys
    from pathlib import Path
    from sidelines.package import swap

    out, source, crash_at, mode = sys.argv[1:]

    def step(name):
        if name == crash_at:
            os._exit(9)

    def fill(folder):
        for i, path in enumerate(sorted(p for p in Path(source).rglob("*") if p.is_file())):
            target = folder / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
            if crash_at == "filling" and i == 0:
                os._exit(9)

    def rmtree_then_die(folder, ignore_errors=False):
        next(p for p in Path(folder).rglob("*") if p.is_file()).unlink()
        os._exit(9)

    if crash_at == "removing old":
        swap.shutil.rmtree = rmtree_then_die
    exchange = swap.exchange if mode == "exchange" else (lambda a, b: False)
    swap.swap_in(Path(out), fill, step, exchange)
    """
)

STEPS = {
    "exchange": ["filling", "filled", "exchanged", "removing old", "removed old", "none"],
    "fallback": [
        "filling",
        "filled",
        "moved old aside",
        "moved new in",
        "removing old",
        "removed old",
        "none",
    ],
    "first": ["filling", "filled", "renamed", "none"],
}


def package(folder: Path, posts: str) -> dict[str, bytes]:
    """A small stand-in package (descriptor, two tables, a report); its files by path."""
    (folder / "data").mkdir(parents=True)
    (folder / "quality").mkdir()
    (folder / "datapackage.json").write_text(json.dumps({"sidelines": {}, "posts": posts}))
    (folder / "data" / "posts.csv").write_text("post_id\r\n" + posts)
    (folder / "data" / "hashtags.csv").write_text("post_id,tag\r\n")
    (folder / "quality" / "summary.json").write_text("{}")
    return tree_bytes(folder)


def crash_swap(out: Path, new: Path, crash_at: str, mode: str) -> None:
    subprocess.run(
        [sys.executable, "-c", CRASHING_SWAP, str(out), str(new), crash_at, mode],
        cwd=ROOT,
        check=False,
    )


def beside(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name != out.name)


@pytest.mark.parametrize(
    ("mode", "crash_at"),
    [pytest.param(mode, step, id=f"{mode}-{step}") for mode in STEPS for step in STEPS[mode]],
)
def test_a_kill_at_any_step_leaves_a_whole_package(
    tmp_path: Path, mode: str, crash_at: str
) -> None:
    out = tmp_path / "site" / "pkg"
    old = package(out, "a\r\nb\r\n") if mode != "first" else None
    new = package(tmp_path / "new", "a\r\nc\r\n")
    crash_swap(out, tmp_path / "new", crash_at, mode)
    if mode != "fallback" or crash_at != "moved old aside":
        # The exchange (and a first build's single rename) never leave `out` missing.
        assert (tree_bytes(out) if out.exists() else None) in (old, new)
    notes: list[str] = []
    recover(out, notes.append)
    assert (tree_bytes(out) if out.exists() else None) in (old, new)
    assert beside(out) == []
    assert bool(notes) == (crash_at not in ("removed old", "renamed", "none"))


def test_the_exchange_is_used_here(tmp_path: Path) -> None:
    """This machine's kernel and file system have RENAME_EXCHANGE (else the fallback runs)."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "from-a").touch()
    assert exchange(tmp_path / "a", tmp_path / "b")
    assert [p.name for p in (tmp_path / "b").iterdir()] == ["from-a"]


def test_the_swap_gives_what_the_fill_gave(tmp_path: Path) -> None:
    out = tmp_path / "pkg"
    package(out, "a\r\n")

    def fill(folder: Path) -> str:
        (folder / "data.csv").write_text("b")
        return "report"

    assert swap_in(out, fill) == "report"  # and again with no package to replace
    assert swap_in(tmp_path / "fresh", fill) == "report"
    assert (out / "data.csv").read_text() == "b"


def test_a_failed_fill_leaves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "pkg"
    old = package(out, "a\r\n")

    def fail(folder: Path) -> None:
        (folder / "half").write_text("written")
        raise ValueError("a row failed")

    with pytest.raises(ValueError, match="a row failed"):
        swap_in(out, fail)
    assert tree_bytes(out) == old
    assert beside(out) == []


def test_several_old_packages_and_no_out_are_refused(tmp_path: Path) -> None:
    out = tmp_path / "pkg"
    package(tmp_path / ".pkg.old-1", "a\r\n")
    package(tmp_path / ".pkg.old-2", "b\r\n")
    with pytest.raises(ValueError, match="several old packages"):
        recover(out, print)
    assert beside(out) == [".pkg.old-1", ".pkg.old-2"]


def test_lost_rows_are_still_caught_after_a_crash_between_renames(
    seed_package: Path, one_file_raw: Path, tmp_path: Path
) -> None:
    """What the fallback swap leaves when killed between its renames (see the test above):
    no `out`, the old package set aside, a half-written new one. A build that drops files
    must still meet the old package and fail."""
    out = tmp_path / "site" / "pkg"
    out.parent.mkdir()
    shutil.copytree(seed_package, out.parent / ".pkg.old-crashed")
    (out.parent / ".pkg.new-crashed" / "data").mkdir(parents=True)
    config = BuildConfig(raw_dir=one_file_raw, out_dir=out, schemas_dir=SCHEMAS)
    notes: list[str] = []
    with pytest.raises(RemovalsNotAllowed, match="posts: "):
        build(config, notify=notes.append)
    assert tree_bytes(out) == tree_bytes(seed_package)
    assert beside(out) == [".pkg.lock"]
    assert notes == [
        f"restored {out} from the package an interrupted build had set aside",
        "removed .pkg.new-crashed, left by an interrupted build",
    ]
