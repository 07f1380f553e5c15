"""SemVer for data: version numbers, bump levels and the rule a new release must obey.

Following the Frictionless data-package-version recipe: MAJOR for changes that break a
reader (a field or resource removed, renamed, added, reordered or retyped, a constraint
tightened, a key changed), MINOR for new data (rows or resources added), PATCH for
corrections (rows changed or removed, constraints loosened, metadata edited).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

VERSION_RE = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)")


class Bump(IntEnum):
    """How much a version must grow; ordered so that `max` picks the strongest."""

    NONE = 0
    PATCH = 1
    MINOR = 2
    MAJOR = 3

    def __str__(self) -> str:
        return self.name.lower()


class VersionError(ValueError):
    """A version that is malformed, too low, or already published with other content."""


@dataclass(frozen=True, order=True)
class Version:
    """A MAJOR.MINOR.PATCH version (no pre-release or build parts: releases are final).

    >>> Version.parse("1.4.2").bumped(Bump.MINOR)
    Version(major=1, minor=5, patch=0)
    """

    major: int
    minor: int
    patch: int

    @classmethod
    def parse(cls, text: str) -> Version:
        """Read 'X.Y.Z'; anything else is a VersionError."""
        match = VERSION_RE.fullmatch(text)
        if not match:
            raise VersionError(f"version {text!r} is not MAJOR.MINOR.PATCH (e.g. 1.0.0)")
        return cls(*(int(part) for part in match.groups()))

    def bumped(self, bump: Bump) -> Version:
        """The smallest version that carries `bump` over this one."""
        if bump is Bump.MAJOR:
            return Version(self.major + 1, 0, 0)
        if bump is Bump.MINOR:
            return Version(self.major, self.minor + 1, 0)
        if bump is Bump.PATCH:
            return Version(self.major, self.minor, self.patch + 1)
        return self

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"


def check_version(previous: Version, new: Version, required: Bump) -> None:
    """Raise a one-line VersionError unless `new` is allowed after `previous` given the
    changes between them (`required` is Bump.NONE only when the content is the same).

    >>> check_version(Version(1, 0, 0), Version(1, 1, 0), Bump.MINOR)
    >>> check_version(Version(1, 0, 0), Version(1, 0, 1), Bump.MAJOR)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    sidelines.release.semver.VersionError: version 1.0.1 is too low: ... major bump, to 2.0.0 ...
    """
    if new < previous:
        raise VersionError(f"version {new} is lower than the previous release {previous}")
    if new == previous and required is not Bump.NONE:
        raise VersionError(
            f"version {new} is already published with different content: "
            f"bump it (at least {required}, to {previous.bumped(required)})"
        )
    if new < previous.bumped(required):
        raise VersionError(
            f"version {new} is too low: the changes since {previous} need a {required} bump, "
            f'to {previous.bumped(required)} or higher (set "version" in schemas/package.json)'
        )
