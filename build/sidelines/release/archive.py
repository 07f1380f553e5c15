"""Reading a release zip that came from elsewhere (`sidelines check ZIP`, `publish --previous
ZIP`, `sidelines diff`), safely: one set of limits and one reading routine for every caller.

Every entry is judged before anything is inflated: its name must stay inside the archive
(`safe_member`), it must not be a link, encrypted or a second entry of the same name, and
neither it nor the whole zip may unpack to more than `allowed_size` of its packed bytes.
Entries are then inflated a chunk at a time. zipfile stops an entry at the size it declared
(a longer one then fails its CRC and is refused as damaged), so the sizes judged before
inflating bound what is inflated. Every refusal is one line naming the zip and the entry.
"""

from __future__ import annotations

import stat
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

# A package is a dozen files that deflate two- to twentyfold; a zip bomb inflates a
# thousandfold. The same ratio bounds each entry and the whole zip.
MAX_ENTRIES = 1_000
MAX_RATIO = 100  # bytes unpacked per byte packed
SMALL = 1 << 20  # bytes anything may unpack to, whatever its ratio
MAX_UNPACKED = 8 << 30  # the ceiling, however large the zip
CHUNK = 1 << 20
DAMAGED = (zipfile.BadZipFile, zlib.error, NotImplementedError, EOFError)


class ZipRefused(ValueError):
    """A zip that must not be read; the message is one line naming the zip and the entry."""


def safe_member(name: str) -> bool:
    """A path that stays inside its package: relative, no `..`, no drive or backslash.

    >>> [safe_member(n) for n in ["data/a.csv", "../a", "/etc/x", "a\\\\b", "c:x"]]
    [True, False, False, False, False]
    """
    path = PurePosixPath(name)
    return (
        bool(name)
        and not path.is_absolute()
        and ".." not in path.parts
        and "\\" not in name
        and ":" not in name
    )


def allowed_size(packed: int) -> int:
    """How many bytes `packed` bytes of zip (one entry's, or the whole file's) may unpack to.

    >>> allowed_size(1_000), allowed_size(1 << 30) == MAX_UNPACKED
    (1148576, True)
    """
    return min(MAX_UNPACKED, MAX_RATIO * packed + SMALL)


def unsafe_entry(info: zipfile.ZipInfo) -> str | None:
    """Why an entry must not be read (a path out of the archive, a link, a password), or None."""
    if not safe_member(info.filename):
        return "an unsafe member name (outside the archive: absolute, .., drive or backslash)"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "a symlink"
    if info.flag_bits & 0x1:
        return "encrypted"
    return None


def checked_entries(path: Path, archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The archive's files, once every entry and the sizes it declares are found safe;
    nothing is inflated before that."""
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise ZipRefused(f"{path}: {len(infos)} entries in the zip (at most {MAX_ENTRIES})")
    seen: set[str] = set()
    packed = path.stat().st_size
    zip_allowed, unpacked = allowed_size(packed), 0
    for info in infos:
        entry = f"{path}: zip entry {info.filename!r}"
        why = unsafe_entry(info)
        if why:
            raise ZipRefused(f"{entry} is {why}; refused")
        if info.filename in seen:
            raise ZipRefused(f"{entry} is the second of that name; refused")
        seen.add(info.filename)
        if info.file_size > allowed_size(info.compress_size):
            raise ZipRefused(
                f"{entry} would unpack to {info.file_size} bytes from {info.compress_size} "
                f"(at most {allowed_size(info.compress_size)}): refused as a zip bomb"
            )
        unpacked += info.file_size
        if unpacked > zip_allowed:
            raise ZipRefused(
                f"{entry} would take the zip to {unpacked} bytes unpacked (at most "
                f"{zip_allowed} for its {packed} packed): refused as a zip bomb"
            )
    return [i for i in infos if not i.is_dir()]


def inflated(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """An entry's bytes a chunk at a time (one unbounded read could inflate gigabytes)."""
    try:
        with archive.open(info) as entry:
            while chunk := entry.read(CHUNK):
                yield chunk
    except DAMAGED as err:
        raise ZipRefused(f"{path}: zip entry {info.filename!r}: damaged zip ({err})") from err


def entries(path: Path) -> Iterator[tuple[str, Iterator[bytes]]]:
    """Each file of the zip at `path` with its bytes as chunks, once all are found safe;
    read each entry's chunks before asking for the next entry."""
    try:
        with zipfile.ZipFile(path) as archive:
            for info in checked_entries(path, archive):
                yield info.filename, inflated(path, archive, info)
    except DAMAGED as err:
        raise ZipRefused(f"{path}: damaged zip ({err})") from err


def read_zip(path: Path) -> dict[str, bytes]:
    """Every file of the zip at `path`, by name, in memory."""
    return {name: b"".join(chunks) for name, chunks in entries(path)}


def unpack_zip(path: Path, dest: Path) -> None:
    """Every file of the zip at `path` written under the folder `dest`."""
    for name, chunks in entries(path):
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as out:
            for chunk in chunks:
                out.write(chunk)
