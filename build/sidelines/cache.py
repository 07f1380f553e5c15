"""The build cache (I/O): per-file extracts keyed by content hashes, and the record of the
last build of each output folder, so an unchanged rebuild is a check, not a build.

Every key hashes all that the cached value depends on (the file's name and bytes, the
builder's code; for a whole build also the schemas, the lock file and the options), so a
cached build can never differ from a clean one.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sidelines.extract.per_file import FileExtract
from sidelines.records import InputError

CACHE_FORMAT = "1"  # bump when the pickled classes change shape


def digest(*parts: str) -> str:
    """sha256 over parts kept apart by a separator."""
    return hashlib.sha256("\x1f".join((CACHE_FORMAT, *parts)).encode()).hexdigest()


def tree_digest(folder: Path) -> dict[str, str]:
    """sha256 of every file under `folder`, by relative path, in path order."""
    if not folder.is_dir():
        return {}
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


@dataclass(frozen=True)
class BuildCache:
    """A cache folder (default `.cache/sidelines`); anything unreadable in it is a miss."""

    folder: Path

    def load_extract(self, key: str) -> FileExtract | InputError | None:
        path = self.folder / "files" / f"{key}.pickle"
        try:
            value = pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
            return None
        return value if isinstance(value, FileExtract | InputError) else None

    def store_extract(self, key: str, value: FileExtract | InputError) -> None:
        _atomic_write(self.folder / "files" / f"{key}.pickle", pickle.dumps(value, protocol=5))

    def _build_record(self, out_dir: Path) -> Path:
        return self.folder / "builds" / f"{digest(str(out_dir.resolve()))}.json"

    def load_build(self, out_dir: Path, key: str) -> dict[str, Any] | None:
        """The summary of the last build of `out_dir` if it had this key and the folder still
        holds exactly what that build wrote."""
        try:
            record = json.loads(self._build_record(out_dir).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if record.get("key") != key or record.get("files") != tree_digest(out_dir):
            return None
        summary = record.get("summary")
        return summary if isinstance(summary, dict) else None

    def store_build(self, out_dir: Path, key: str, summary: dict[str, Any]) -> None:
        record = {"key": key, "files": tree_digest(out_dir), "summary": summary}
        _atomic_write(self._build_record(out_dir), json.dumps(record, sort_keys=True).encode())
