"""Version numbers and the rule a new release must obey."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sidelines.release.semver import Bump, Version, VersionError, check_version

versions = st.builds(Version, *(st.integers(0, 50) for _ in range(3)))
bumps = st.sampled_from(list(Bump))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("1.0", id="two-parts"),
        pytest.param("v1.0.0", id="prefix"),
        pytest.param("01.0.0", id="leading-zero"),
        pytest.param("1.0.0-rc1", id="pre-release"),
    ],
)
def test_malformed_versions(text: str) -> None:
    with pytest.raises(VersionError, match=r"not MAJOR\.MINOR\.PATCH"):
        Version.parse(text)


@given(versions)
def test_parse_round_trips(version: Version) -> None:
    assert Version.parse(str(version)) == version


@given(versions, versions, bumps)
def test_allowed_exactly_from_the_smallest_bump(
    previous: Version, new: Version, bump: Bump
) -> None:
    """A version is accepted iff it is at least the previous one bumped as required, and a
    repeat of the previous number only when nothing changed."""
    allowed = new >= previous.bumped(bump) and (new != previous or bump is Bump.NONE)
    try:
        check_version(previous, new, bump)
    except VersionError:
        assert not allowed
    else:
        assert allowed


@given(versions, bumps)
def test_bumped_orders(version: Version, bump: Bump) -> None:
    assert (version.bumped(bump) > version) == (bump is not Bump.NONE)
