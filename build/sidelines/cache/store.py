"""The build cache (I/O): per-file extracts keyed by content hashes, and the record of the
last build of each output folder, so an unchanged rebuild is a check, not a build.

Every key hashes all that the cached value depends on (the file's name and bytes, the
builder's code; for a whole build also the schemas, the lock file and the options), so a
cached build can never differ from a clean one. Entries are kept by the code that made them;
those of every older code but the last one used are deleted (`forget_older_code`): a changed
builder re-extracts everything, so they would only fill the disk.

The cache holds data only: frames as Arrow IPC files, the rest as JSON, never pickles
(unpickling runs code, so whoever could write the cache folder would run code in the next
build). An entry is a folder `extracts/CODE/KEY/` with `entry.json` (the file's record and
the sha256 of each frame file) and `posts.arrow`, `tags.arrow`, `mentions.arrow`, in lz4
(uncompressed entries load faster, but took five times the disk and made no rebuild faster).
An entry that does not parse, does not match its hashes or has the
wrong shape is a miss: the file is extracted again and the entry rewritten.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow as pa
import pyarrow.ipc

from sidelines.cache.fingerprints import Fingerprint, folder_fingerprints
from sidelines.cache.jsonshape import fits, from_json
from sidelines.extract.mention_rows import MENTION_TYPES
from sidelines.extract.per_file import FileExtract
from sidelines.extract.posts import POST_ROW_TYPES, TAG_ROW_TYPES
from sidelines.parse.dispatch import ParsedSource
from sidelines.records import InputError

CACHE_FORMAT = "3"  # bump when an entry's layout changes (3: entries by code)
FRAME_TYPES = {"posts": POST_ROW_TYPES, "tags": TAG_ROW_TYPES, "mentions": MENTION_TYPES}
CODE_CHARS = 16  # of the code's sha256, naming the folder of its entries
KEPT_OTHER_CODES = 1  # codes besides the current one whose entries are kept
# What reading a damaged entry can raise: pyarrow validates instead of crashing.
DAMAGED = (OSError, ValueError, KeyError, TypeError, MemoryError, pa.ArrowException)


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


def frame_bytes(frame: pl.DataFrame) -> bytes:
    """A frame as an Arrow IPC file."""
    buffer = io.BytesIO()
    frame.write_ipc(buffer, compression="lz4")
    return buffer.getvalue()


def read_frame(data: bytes, types: dict[str, pl.DataType]) -> pl.DataFrame:
    """A frame from Arrow IPC bytes, read by pyarrow, which checks the buffers and raises
    on damage (polars' own reader can panic); ValueError unless its columns are `types`."""
    table = pyarrow.ipc.open_file(pa.BufferReader(data)).read_all()
    table.validate(full=True)
    frame = pl.from_arrow(table)
    if not isinstance(frame, pl.DataFrame) or dict(frame.schema) != types:
        raise ValueError("a cached frame of the wrong shape")
    return frame


def extract_record(value: FileExtract | InputError, hashes: dict[str, str]) -> dict[str, Any]:
    """The JSON half of an entry: an error, or how the file was read and its frames' hashes."""
    if isinstance(value, InputError):
        return {"error": [value.source_file, value.reason, value.where]}
    parsed = {k: v for k, v in asdict(value.parsed).items() if k != "posts"}
    return {
        "parsed": parsed,
        "posts_read": value.posts_read,
        "copies_read": value.copies_read,
        "frames": hashes,
    }


def extract_from_record(record: Any, folder: Path) -> FileExtract | InputError | None:
    """An entry rebuilt from its JSON and frame files; None if any part is damaged."""
    if not isinstance(record, dict):
        return None
    if set(record) == {"error"} and fits(record["error"], tuple[str, str, str | None]):
        return InputError(*record["error"])
    if set(record) != {"parsed", "posts_read", "copies_read", "frames"}:
        return None
    fields = record["parsed"]
    parsed = from_json(ParsedSource, {**fields, "posts": []} if isinstance(fields, dict) else None)
    counts = [record["posts_read"], record["copies_read"]]
    hashes = record["frames"]
    if parsed is None or not fits(counts, list[int]) or not fits(hashes, dict[str, str]):
        return None
    if hashes.keys() != FRAME_TYPES.keys():
        return None
    frames = {}
    for name, types in FRAME_TYPES.items():
        data = (folder / f"{name}.arrow").read_bytes()
        if hashlib.sha256(data).hexdigest() != hashes[name]:
            return None
        frames[name] = read_frame(data, types)
    return FileExtract(parsed, counts[0], counts[1], **frames)


@dataclass(frozen=True)
class BuildCache:
    """A cache folder (default `.cache/sidelines`); anything unreadable in it is a miss."""

    folder: Path

    def _code_folder(self, code: str) -> Path:
        """Where the entries made by `code` live."""
        return self.folder / "extracts" / code[:CODE_CHARS]

    def _extract_entry(self, code: str, key: str) -> Path:
        return self._code_folder(code) / key

    def has_extract(self, code: str, key: str) -> bool:
        """True when an entry made by `code` is there (whole or damaged: loading tells)."""
        return (self._extract_entry(code, key) / "entry.json").is_file()

    def load_extract(self, code: str, key: str) -> FileExtract | InputError | None:
        """A file's cached extract (or the error it gave) made by `code`, None when missing
        or damaged."""
        entry = self._extract_entry(code, key)
        try:
            record = json.loads((entry / "entry.json").read_text(encoding="utf-8"))
            return extract_from_record(record, entry)
        except DAMAGED:
            return None

    def store_extract(self, code: str, key: str, value: FileExtract | InputError) -> None:
        """Write an entry made by `code` into a fresh folder, then put it in place in one
        rename."""
        entry = self._extract_entry(code, key)
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=entry.parent, prefix=".tmp-"))
        try:
            hashes = {}
            if isinstance(value, FileExtract):
                for name in FRAME_TYPES:
                    data = frame_bytes(getattr(value, name))
                    (tmp / f"{name}.arrow").write_bytes(data)
                    hashes[name] = hashlib.sha256(data).hexdigest()
            record = json.dumps(extract_record(value, hashes), ensure_ascii=False)
            (tmp / "entry.json").write_text(record, encoding="utf-8")
            shutil.rmtree(entry, ignore_errors=True)  # a damaged entry being replaced
            try:
                tmp.rename(entry)
            except OSError:
                if not (entry / "entry.json").is_file():
                    raise  # else another build stored the same entry first
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def forget_older_code(self, code: str) -> None:
        """Mark `code`'s entries used now, and delete those of every other code but the one
        used last before it (the other side of a branch switched back and forth)."""
        extracts = self.folder / "extracts"
        if not extracts.is_dir():
            return
        mine = self._code_folder(code)
        if mine.is_dir():
            os.utime(mine)
        others = [p for p in extracts.iterdir() if p.is_dir() and p != mine]
        others.sort(key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)
        for older in others[KEPT_OTHER_CODES:]:
            shutil.rmtree(older, ignore_errors=True)

    def _build_record(self, out_dir: Path) -> Path:
        return self.folder / "builds" / f"{digest(str(out_dir.resolve()))}.json"

    def load_build(self, out_dir: Path) -> BuildRecord | None:
        """The record of the last build of `out_dir`, None when missing or damaged."""
        try:
            record = json.loads(self._build_record(out_dir).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return BuildRecord.from_json(record)

    def store_build(
        self,
        out_dir: Path,
        key: str,
        summary: dict[str, Any],
        raw: dict[str, Fingerprint],
        package: dict[str, Fingerprint] | None = None,
    ) -> None:
        """Record the build now at `out_dir`: its key, its summary, and the fingerprints of
        its raw files and of the package's files (hashed here unless given)."""
        if package is None:
            package = folder_fingerprints(out_dir)
        record = BuildRecord(key, summary, raw, package).to_json()
        _atomic_write(self._build_record(out_dir), json.dumps(record, sort_keys=True).encode())


@dataclass(frozen=True)
class BuildRecord:
    """What the cache remembers of the last build of an output folder."""

    key: str  # everything the build's output depends on (`pipeline.build_key`)
    summary: dict[str, Any]  # its BuildSummary, less what describes one run
    raw: dict[str, Fingerprint]  # the raw files it read, by name in the raw folder
    package: dict[str, Fingerprint]  # the files it wrote, by path in the package

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "summary": self.summary,
            "raw": {name: f.to_json() for name, f in self.raw.items()},
            "package": {name: f.to_json() for name, f in self.package.items()},
        }

    @classmethod
    def from_json(cls, record: object) -> BuildRecord | None:
        """A record from `to_json`'s dict, None for anything else."""
        if not isinstance(record, dict) or set(record) != {"key", "summary", "raw", "package"}:
            return None
        key, summary = record["key"], record["summary"]
        if not isinstance(key, str) or not isinstance(summary, dict):
            return None
        found: list[dict[str, Fingerprint]] = []
        for part in (record["raw"], record["package"]):
            if not isinstance(part, dict):
                return None
            prints = {name: Fingerprint.from_json(value) for name, value in part.items()}
            if any(f is None for f in prints.values()):
                return None
            found.append({name: f for name, f in prints.items() if f is not None})
        return cls(key, summary, *found)
