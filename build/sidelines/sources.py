"""Raw inputs: find the files, read their bytes, decode them and tell their format (I/O)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from charset_normalizer import from_bytes

from sidelines.extract.hashtags import is_hashtag_line
from sidelines.parse.channel_dump import is_post_cue
from sidelines.records import InputError

RAW_SUFFIXES = {".txt", ".json", ".html", ".htm"}


@dataclass(frozen=True)
class RawSource:
    """One raw file: its name inside the raw folder, its bytes and their fingerprint."""

    name: str
    data: bytes

    @cached_property  # hashed once: the cache key, the build key and `sources` all use it
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


BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
BINARY_MAGIC = (
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"SQLite format 3", "SQLite database"),
    (b"\x7fELF", "executable"),
)
TELEGRAM_HTML = re.compile(r"<div\s+class=\"message\b")


class UnknownFormat(ValueError):
    """Decoded text that is none of the supported input formats."""


def first_bad_utf8(data: bytes) -> tuple[int, int, int]:
    """(offset of the first invalid byte or -1, invalid sequences, valid non-ASCII characters).

    >>> first_bad_utf8("Канал".encode() + b"\\xff")
    (10, 1, 5)
    """
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        replaced = data.decode("utf-8", errors="replace")
        bad = replaced.count("\ufffd") - data.count("\ufffd".encode())
        good = sum(1 for ch in replaced if ord(ch) > 0x7F) - bad
        return err.start, bad, good
    return -1, 0, 0


def decode(source: RawSource) -> tuple[str, str]:
    """(text, encoding): a BOM's encoding, else UTF-8, else the legacy encoding that
    charset-normalizer finds; normalised to NFC with `\\n` line endings.

    UTF-8 with a few broken bytes among many good characters is damage, not a legacy
    encoding: it is refused with the offset of the first broken byte.
    """
    data = source.data
    if not data.strip():
        raise InputError(source.name, "empty file")
    for magic, what in BINARY_MAGIC:
        if data.startswith(magic):
            raise InputError(source.name, f"binary file ({what})", "byte 0")
    bom = next((enc for mark, enc in BOMS if data.startswith(mark)), None)
    if bom is not None:
        encoding = bom
        try:
            text = data.decode(bom.replace("-8-sig", "-8")).removeprefix("\ufeff")
        except UnicodeDecodeError as err:
            raise InputError(
                source.name, f"undecodable bytes ({bom}: {err.reason})", f"byte {err.start}"
            ) from err
    elif b"\x00" in data:
        raise InputError(source.name, "binary file (NUL byte)", f"byte {data.index(0)}")
    else:
        offset, bad, good = first_bad_utf8(data)
        if offset < 0:
            encoding, text = "utf-8", data.decode("utf-8")
        else:
            match = None if good >= bad else from_bytes(data).best()
            if match is None or match.encoding is None:
                why = "not UTF-8, no legacy encoding fits"
                if good >= bad and bad == 1 and len(data) - offset < 4:
                    why = "the file ends inside a UTF-8 character: truncated?"
                raise InputError(source.name, f"undecodable bytes ({why})", f"byte {offset}")
            encoding, text = match.encoding, str(match)
    if not text.strip():
        raise InputError(source.name, "empty file")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text), encoding


def detect_format(text: str) -> str:
    """The input format told from the text itself, whatever the file is called.

    'telegram_json' for JSON, 'telegram_html' for a Telegram Desktop HTML page, then
    'channel_dump' when any line is a post cue (forward, flag pair, hashtag line), else
    'article'; other markup raises `UnknownFormat`.

    >>> detect_format('{"messages": []}'), detect_format("Title\\nBody"), detect_format("A\\n#Tag")
    ('telegram_json', 'article', 'channel_dump')
    """
    head = text.lstrip()[:200]
    if head.startswith("{\\rtf"):
        raise UnknownFormat("RTF document")
    if head.startswith(("{", "[")):
        return "telegram_json"
    if head.startswith("<"):
        if TELEGRAM_HTML.search(text):
            return "telegram_html"
        raise UnknownFormat("HTML or XML that is not a Telegram Desktop export")
    lines = text.split("\n")
    if any(is_post_cue(line) or is_hashtag_line(line) for line in lines):
        return "channel_dump"
    return "article"


def decode_source(source: RawSource) -> DecodedSource:
    """Decode a raw file and tell its format."""
    text, encoding = decode(source)
    try:
        format_ = detect_format(text)
    except UnknownFormat as err:
        raise InputError(source.name, f"unknown format ({err})") from err
    return DecodedSource(source.name, text, encoding, format_)
