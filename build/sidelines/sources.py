"""Raw inputs: find the files, read their bytes, decode them and tell their format (I/O)."""

from __future__ import annotations

import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from charset_normalizer import from_bytes

from sidelines.cache.fingerprints import Fingerprint, Seen, open_regular
from sidelines.extract.hashtags import is_hashtag_line
from sidelines.parse.channel_dump import is_post_cue
from sidelines.records import InputError

RAW_SUFFIXES = {".txt", ".json", ".html", ".htm"}


@dataclass(frozen=True)
class RawSource:
    """One raw file: its name inside the raw folder, its bytes and their fingerprint."""

    name: str
    data: bytes
    seen: Seen | None = None  # how the file looked when read (None: not read from a file)

    @cached_property  # hashed once: the cache key, the build key and `sources` all use it
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def fingerprint(self) -> Fingerprint | None:
        """Its sha256 with the identity it had when read, for the next build to trust."""
        return None if self.seen is None else Fingerprint(self.seen, self.sha256)

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


@dataclass(frozen=True)
class SetAside:
    """An entry of the raw folder that is not read, and why. `bad` entries look like raw
    inputs but cannot be read (refused unless `--skip-bad`); the others are not raw inputs
    by rule (hidden, another suffix, a folder) and are only listed."""

    name: str
    reason: str
    bad: bool


@dataclass(frozen=True)
class RawFolder:
    """The raw folder as the build sees it: the files it reads and everything else in it."""

    files: list[RawSource]
    set_aside: list[SetAside]

    @property
    def bad(self) -> list[SetAside]:
        return [s for s in self.set_aside if s.bad]


def display_name(relative: str) -> str:
    """A name inside the raw folder as text that can be written anywhere: bytes that are not
    UTF-8 (kept by the OS as surrogates) become `\\xNN` escapes.

    >>> print(display_name("ok/файл.txt"), display_name(os.fsdecode(b"caf\\xe9.txt")))
    ok/файл.txt caf\\xe9.txt
    """
    return os.fsencode(relative).decode("utf-8", errors="backslashreplace")


def _kind(mode: int) -> str:
    """The kind of a non-regular, non-folder entry, for its reason."""
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _is_raw_name(name: str) -> bool:
    return Path(name).suffix.lower() in RAW_SUFFIXES


def folder_reason(named_like_a_file: bool, has_entries: bool) -> str:
    """Why a folder is listed in `sources`: its name looks like a raw file's, or it is empty."""
    if not named_like_a_file:
        return "empty folder"
    return "a folder named like a raw file" + (
        " (its files are read)" if has_entries else ", empty"
    )


def classify_entry(entry: os.DirEntry[str], root: Path, name: str) -> Path | SetAside | None:
    """What the build does with one entry of the raw folder: the path of a file to read, the
    reason it is set aside, or None for a folder to look into. Folder symlinks are not
    followed; a file symlink is read only when it resolves to a regular file inside `root`."""
    raw_like = _is_raw_name(entry.name)
    if entry.name.startswith("."):
        return SetAside(name, "hidden, not read", False)
    if entry.is_symlink():
        target = Path(os.path.realpath(entry.path))
        if not target.exists():
            return SetAside(name, "dangling symlink", raw_like)
        if not target.is_relative_to(root):
            return SetAside(name, "symlink to a path outside the raw folder", True)
        if target.is_dir():
            return SetAside(name, "symlink to a folder, not followed", False)
        if not raw_like:
            return SetAside(name, "not a raw file type, not read", False)
        if not target.is_file():
            return SetAside(name, f"symlink to {_kind(target.stat().st_mode)}", True)
        return target
    if entry.is_dir(follow_symlinks=False):
        return None
    if not raw_like:
        return SetAside(name, "not a raw file type, not read", False)
    if entry.is_file(follow_symlinks=False):
        return Path(entry.path)
    return SetAside(name, _kind(entry.stat(follow_symlinks=False).st_mode), True)


def scan_raw_folder(raw_dir: Path) -> tuple[list[tuple[str, Path]], list[SetAside]]:
    """Every entry under `raw_dir`: the files to read as (name, path), in name order, and
    every other entry with its reason, in name order."""
    if not raw_dir.is_dir():
        raise InputError(str(raw_dir), "raw folder not found")
    root = raw_dir.resolve()
    files: list[tuple[str, Path]] = []
    aside: list[SetAside] = []
    folders: list[tuple[Path, str, bool]] = [(raw_dir, "", False)]
    while folders:
        folder, prefix, named_like_a_file = folders.pop()
        folder_name = display_name(prefix.rstrip("/"))
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as err:
            if not prefix:
                raise InputError(str(raw_dir), f"raw folder unreadable ({err.strerror})") from err
            aside.append(SetAside(folder_name, f"unreadable folder ({err.strerror})", True))
            continue
        if prefix and (named_like_a_file or not entries):
            reason = folder_reason(named_like_a_file, bool(entries))
            aside.append(SetAside(folder_name, reason, False))
        for entry in entries:
            name = display_name(prefix + entry.name)
            try:
                kind = classify_entry(entry, root, name)
            except OSError as err:
                kind = SetAside(name, f"unreadable ({err.strerror})", True)
            if kind is None:
                folders.append(
                    (Path(entry.path), prefix + entry.name + "/", _is_raw_name(entry.name))
                )
            elif isinstance(kind, SetAside):
                aside.append(kind)
            else:
                files.append((name, kind))
    files.sort(key=lambda file: file[0])
    aside.sort(key=lambda entry: entry.name)
    return files, aside


def read_regular_file(path: Path) -> tuple[bytes, Seen]:
    """A file's bytes and how it looked when opened, refusing anything that is not (or no
    longer) a regular file: opened without following a last-moment symlink and without
    blocking on a FIFO."""
    fd, seen = open_regular(path)
    with os.fdopen(fd, "rb") as handle:
        return handle.read(), seen


def read_sources(raw_dir: Path) -> RawFolder:
    """Read every raw file's bytes (names are paths relative to `raw_dir`) and account for
    every other entry of the folder."""
    files, aside = scan_raw_folder(raw_dir)
    sources: list[RawSource] = []
    for name, path in files:
        try:
            sources.append(RawSource(name, *read_regular_file(path)))
        except OSError as err:
            aside.append(SetAside(name, f"unreadable ({err.strerror or err})", True))
    return RawFolder(sources, sorted(aside, key=lambda entry: entry.name))


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
        try:
            encoding, text = "utf-8", data.decode("utf-8")
        except UnicodeDecodeError as err:
            offset, bad, good = first_bad_utf8(data)
            match = None if good >= bad else from_bytes(data).best()
            if match is None or match.encoding is None:
                why = "not UTF-8, no legacy encoding fits"
                if good >= bad and bad == 1 and len(data) - offset < 4:
                    why = "the file ends inside a UTF-8 character: truncated?"
                raise InputError(
                    source.name, f"undecodable bytes ({why})", f"byte {offset}"
                ) from err
            encoding, text = match.encoding, str(match)
    if not text.strip():
        raise InputError(source.name, "empty file")
    if "\x00" in text:  # a UTF-16 or UTF-8-with-BOM file can carry one: binary all the same
        raise InputError(
            source.name, "binary file (NUL character)", f"character {text.index(chr(0))}"
        )
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
