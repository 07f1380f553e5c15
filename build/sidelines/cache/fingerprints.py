"""Files' sha256 without reading them again when they have not changed (I/O).

An unchanged rebuild must know that every raw file and every file of the package is what
the last build saw. Hashing them all is most of its time at scale (a gigabyte at a million
posts), so a fingerprint keeps, beside the sha256, the file's stat identity when it was
read: device, inode, size, mtime and ctime. The sha256 is reused only while all five are
the same. Editing a file changes its ctime, which no user can set back (`touch` and
`os.utime` set mtime and atime only), and replacing it changes its inode, so an edit is
seen however carefully size and mtime are kept.

One race remains, as in git's index ("racy git"): a change within the same clock tick as
the file's last change seen here leaves the same ctime. A fingerprint is therefore trusted
only when that ctime lies safely before the moment it was read: by then any later change
carries a later ctime. Otherwise the file is simply hashed again. What this relies on: the
file system's ctime (not settable by users short of changing the system clock or editing
the disk), and the file system's clock agreeing with this machine's within the margin.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path

# How long before a fingerprint was taken the file's ctime must be for it to be trusted: a
# few clock ticks where the file system keeps fine timestamps, two seconds where it keeps
# whole seconds (FAT keeps two-second ones).
SETTLED_NS = 50_000_000
SETTLED_WHOLE_SECONDS_NS = 2_000_000_000
CHUNK = 2**20


@dataclass(frozen=True)
class Identity:
    """What stat says about a file: the same values mean the same bytes (see above)."""

    device: int
    inode: int
    size: int
    mtime_ns: int
    ctime_ns: int

    @classmethod
    def of(cls, status: os.stat_result) -> Identity:
        return cls(
            status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns
        )


@dataclass(frozen=True)
class Seen:
    """A file's identity and the wall time just before it was stat'ed and read."""

    identity: Identity
    at_ns: int

    @property
    def settled(self) -> bool:
        """True when any change after this look would show as another ctime.

        >>> Seen(Identity(1, 2, 3, 4, 10**9), at_ns=10**9 + 10**8).settled
        False
        >>> Seen(Identity(1, 2, 3, 4, 10**9 + 1), at_ns=10**9 + 10**8).settled
        True
        """
        ctime = self.identity.ctime_ns
        margin = SETTLED_WHOLE_SECONDS_NS if ctime % 10**9 == 0 else SETTLED_NS
        return ctime <= self.at_ns - margin


@dataclass(frozen=True)
class Fingerprint:
    """A file's sha256 and how it looked when its bytes were hashed."""

    seen: Seen
    sha256: str

    def to_json(self) -> list[int | str]:
        i = self.seen.identity
        return [i.device, i.inode, i.size, i.mtime_ns, i.ctime_ns, self.seen.at_ns, self.sha256]

    @classmethod
    def from_json(cls, value: object) -> Fingerprint | None:
        """A fingerprint from `to_json`'s list, None for anything else."""
        if not isinstance(value, list) or len(value) != 7:
            return None
        *numbers, sha256 = value
        if not all(type(n) is int for n in numbers) or not isinstance(sha256, str):
            return None
        return cls(Seen(Identity(*numbers[:5]), numbers[5]), sha256)


def open_regular(path: Path) -> tuple[int, Seen]:
    """A read-only descriptor of a regular file and how it looks: opened without following
    a last-moment symlink and without blocking on a FIFO; OSError for anything else."""
    at_ns = time.time_ns()
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    status = os.fstat(fd)
    if not stat.S_ISREG(status.st_mode):
        os.close(fd)
        raise OSError(0, "not a regular file")
    return fd, Seen(Identity.of(status), at_ns)


def fingerprint(path: Path) -> Fingerprint:
    """Read and hash a regular file (OSError if it is none or cannot be read)."""
    fd, seen = open_regular(path)
    digest = hashlib.sha256()
    with os.fdopen(fd, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return Fingerprint(seen, digest.hexdigest())


def refreshed(path: Path, known: Fingerprint | None) -> Fingerprint:
    """`known` if the file at `path` still has its settled identity, else a new fingerprint
    from its bytes. (A symlink's target is stat'ed: the raw folder reads resolved paths.)"""
    if known is not None and known.seen.settled:
        try:
            if Identity.of(path.stat()) == known.seen.identity:
                return known
        except OSError:
            pass
    return fingerprint(path)


def folder_files(folder: Path) -> dict[str, Path]:
    """Every file under `folder` by its relative path, in path order."""
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()}


def folder_fingerprints(
    folder: Path, known: dict[str, Fingerprint] | None = None
) -> dict[str, Fingerprint]:
    """A fingerprint of every file under `folder`, reusing the `known` ones still valid."""
    known = known or {}
    return {name: refreshed(path, known.get(name)) for name, path in folder_files(folder).items()}
