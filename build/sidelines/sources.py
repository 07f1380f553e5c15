"""Raw inputs: find the files, read their bytes, decode them and tell their format (I/O)."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from sidelines.extract.hashtags import is_hashtag_line
from sidelines.parse.channel_dump import is_post_cue
from sidelines.records import InputError

RAW_SUFFIXES = {".txt", ".json", ".html", ".htm"}


@dataclass(frozen=True)
class RawSource:
    """One raw file: its name inside the raw folder, its bytes and their fingerprint."""

    name: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass(frozen=True)
class DecodedSource:
    """A raw file as text, with the encoding and format it was read as."""

    name: str
    text: str
    encoding: str
    format: str  # "channel_dump" | "article" | ...


def find_raw_files(raw_dir: Path) -> list[Path]:
    """Every input file under `raw_dir`, in a fixed order (hidden files skipped)."""
    if not raw_dir.is_dir():
        raise InputError(str(raw_dir), "raw folder not found")
    files = [
        p
        for p in raw_dir.rglob("*")
        if p.is_file()
        and p.suffix.lower() in RAW_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(raw_dir).parts)
    ]
    return sorted(files, key=lambda p: p.relative_to(raw_dir).as_posix())


def read_sources(raw_dir: Path) -> list[RawSource]:
    """Read every raw file's bytes; names are paths relative to `raw_dir`."""
    return [
        RawSource(p.relative_to(raw_dir).as_posix(), p.read_bytes())
        for p in find_raw_files(raw_dir)
    ]


def decode(source: RawSource) -> tuple[str, str]:
    """(text, encoding): UTF-8 (BOM or not), normalised to NFC with `\\n` line endings."""
    if not source.data.strip():
        raise InputError(source.name, "empty file")
    if b"\x00" in source.data:
        raise InputError(source.name, "binary file (NUL byte)", f"byte {source.data.index(0)}")
    encoding = "utf-8-sig" if source.data.startswith(b"\xef\xbb\xbf") else "utf-8"
    try:
        text = source.data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(
            source.name, f"not valid UTF-8 ({err.reason})", f"byte {err.start}"
        ) from err
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text), "utf-8"


def detect_format(text: str) -> str:
    """'channel_dump' when any line is a post cue (forward, flag pair, hashtag line), else
    'article'."""
    lines = text.split("\n")
    if any(is_post_cue(line) or is_hashtag_line(line) for line in lines):
        return "channel_dump"
    return "article"


def decode_source(source: RawSource) -> DecodedSource:
    """Decode a raw file and tell its format."""
    text, encoding = decode(source)
    return DecodedSource(source.name, text, encoding, detect_format(text))
