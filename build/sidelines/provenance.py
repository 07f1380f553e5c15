"""Provenance a build can state without breaking byte-for-byte rebuilds: hashes of the code
and the lock file it ran with (the git commit is added later, to release artifacts only,
because a package committed to the repository cannot name the commit that contains it)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from sidelines import __version__


def tree_sha256(files: dict[str, bytes]) -> str:
    """One sha256 over named files, independent of the order they were read in.

    >>> tree_sha256({"b.py": b"2", "a.py": b"1"}) == tree_sha256({"a.py": b"1", "b.py": b"2"})
    True
    """
    digest = hashlib.sha256()
    for name in sorted(files):
        data = files[name]
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def code_files(package_dir: Path) -> dict[str, bytes]:
    """The builder's Python sources (`sidelines/**/*.py`) by path inside the package."""
    return {
        p.relative_to(package_dir).as_posix(): p.read_bytes()
        for p in package_dir.rglob("*.py")
        if "__pycache__" not in p.parts
    }


def build_provenance(lock_file: Path | None) -> dict[str, Any]:
    """The `sidelines` block of datapackage.json: builder version, code hash, lock hash."""
    code = code_files(Path(__file__).resolve().parent)
    lock = (
        hashlib.sha256(lock_file.read_bytes()).hexdigest()
        if lock_file is not None and lock_file.is_file()
        else None
    )
    return {
        "builder_version": __version__,
        "code_sha256": tree_sha256(code),
        "lock_sha256": lock,
    }


def default_lock_file() -> Path:
    """`uv.lock` at the top of the source tree this package was loaded from."""
    return Path(__file__).resolve().parents[2] / "uv.lock"


def default_eval_results() -> Path | None:
    """`eval/results.json` at the top of the source tree, when `nox -s eval` has written it."""
    path = Path(__file__).resolve().parents[2] / "eval" / "results.json"
    return path if path.is_file() else None
