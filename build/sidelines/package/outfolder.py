"""The output folder (I/O): which folders a build may replace, and one build per folder at
a time.

A build replaces its `--out` folder whole, so it first makes sure that nothing but a
package is lost: the folder must be missing, empty, or hold a package this builder wrote
(its `datapackage.json` carries our provenance key `sidelines`), and must neither be nor
hold the raw files, the cache or the folder the build runs in.

Two builds of one folder would race to swap it and to record it in the cache, so a build
holds an OS file lock, `.NAME.lock` beside the folder (not inside it: the folder is
replaced), from before it reads the old package until after the cache record is written.
A second build waits, saying so, up to a time limit, then refuses in one line. The OS
drops the lock when a build dies, so a crash never leaves a stale lock.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from sidelines.package.write import HTML_PATH, SUMMARY_PATH
from sidelines.sources import display_name

PROVENANCE_KEY = "sidelines"
# Files a package holds besides its resources (which its descriptor lists).
UNLISTED_PACKAGE_FILES = frozenset({"datapackage.json", "README.md", SUMMARY_PATH, HTML_PATH})


class UnsafeOutput(ValueError):
    """An `--out` folder the build refuses to replace; the message says why."""


class OutputBusy(ValueError):
    """Another build of the same folder held the lock for longer than we would wait."""


def our_descriptor(folder: Path) -> dict[str, Any] | None:
    """`folder/datapackage.json` if it is a descriptor this builder wrote, else None."""
    try:
        descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if isinstance(descriptor, dict) and isinstance(descriptor.get(PROVENANCE_KEY), dict):
        return descriptor
    return None


def is_our_package(folder: Path) -> bool:
    """Whether `folder/datapackage.json` is a descriptor this builder wrote."""
    return our_descriptor(folder) is not None


def foreign_files(folder: Path, descriptor: dict[str, Any]) -> list[str]:
    """Paths under a package folder that are neither its resources nor its other files,
    in path order: what replacing the folder would lose."""
    resources = descriptor.get("resources")
    listed = {
        r["path"] for r in resources or [] if isinstance(r, dict) and isinstance(r.get("path"), str)
    }
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if not p.is_dir() or p.is_symlink()
        if p.relative_to(folder).as_posix() not in listed | UNLISTED_PACKAGE_FILES
    )


def is_within(path: Path, folder: Path) -> bool:
    """`path` is `folder` or somewhere under it (both resolved)."""
    return path == folder or folder in path.parents


def check_out_dir(out_dir: Path, raw_dir: Path, cwd: Path, cache_dir: Path | None) -> None:
    """Raise UnsafeOutput unless replacing `out_dir` can lose nothing but an old package.
    Reads only: run it before any work, so that a refusal touches nothing."""
    if out_dir.is_symlink() and not out_dir.exists():
        raise UnsafeOutput(f"--out {out_dir}: a broken symbolic link, not a folder")
    if out_dir.exists() and not out_dir.is_dir():
        raise UnsafeOutput(f"--out {out_dir}: a file, not a folder; refusing to replace it")
    out, raw = out_dir.resolve(), raw_dir.resolve()
    if out == raw:
        raise UnsafeOutput(f"--out {out_dir} is the --raw folder; choose another folder")
    if is_within(out, raw):
        raise UnsafeOutput(f"--out {out_dir} lies inside --raw {raw_dir}; choose another folder")
    if is_within(raw, out):
        raise UnsafeOutput(f"--out {out_dir} holds --raw {raw_dir}; choose another folder")
    if is_within(cwd.resolve(), out):
        raise UnsafeOutput(
            f"--out {out_dir} is or holds the current folder (the project); choose a sub-folder"
        )
    if cache_dir is not None and is_within(cache_dir.resolve(), out):
        raise UnsafeOutput(f"--out {out_dir} holds the cache {cache_dir}; choose another folder")
    if not out.is_dir() or not any(out.iterdir()):
        return
    descriptor = our_descriptor(out)
    if descriptor is None:
        raise UnsafeOutput(
            f"--out {out_dir} holds files that are not a sidelines package (no datapackage.json "
            "written by sidelines); refusing to replace it"
        )
    if foreign := foreign_files(out, descriptor):
        shown = ", ".join(display_name(name) for name in foreign[:3])
        more = f" and {len(foreign) - 3} more" if len(foreign) > 3 else ""
        raise UnsafeOutput(
            f"--out {out_dir} holds files that are not part of the package ({shown}{more}); "
            "move them out first, the folder is replaced whole"
        )


def lock_path(out_dir: Path) -> Path:
    """The lock file of an output folder: beside it, hidden."""
    out = out_dir.resolve()
    return out.with_name(f".{out.name}.lock")


@contextmanager
def output_lock(out_dir: Path, wait: float, notify: Callable[[str], None]) -> Iterator[None]:
    """Hold `out_dir`'s build lock for a block; if another build holds it, say so and wait up
    to `wait` seconds, then raise OutputBusy."""
    path = lock_path(out_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(path)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        notify(f"waiting for another build of {out_dir} to finish (lock {path.name})")
        try:
            lock.acquire(timeout=wait)
        except Timeout:
            raise OutputBusy(
                f"{out_dir}: another build still holds {path.name} after {wait:g} s; "
                "try again when it has finished"
            ) from None
    try:
        yield
    finally:
        lock.release()
