"""`sidelines check` on the package as shipped: a copy of the seed package is broken one way
per test (a CSV row duplicated, a CSV value changed, a Parquet byte flipped, a file missing,
an extra file) and the check must exit 1 naming the file; a good folder and a good release
zip pass. Breakages that also rewrite the descriptor's bytes and hash reach the comparison of
the two copies and the quality checks on the CSV."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from sidelines import cli
from sidelines.package.schema import load_schemas
from sidelines.release.publish import PublishConfig, publish
from sidelines.release.verify import (
    descriptor_schemas,
    read_descriptor,
)
from tests.conftest import SCHEMAS, rerecord
from tests.test_docs import subcommands

Breakage = Callable[[Path], None]


@pytest.fixture
def package(seed_package: Path, tmp_path: Path) -> Path:
    """A copy of the seed package to break."""
    return Path(shutil.copytree(seed_package, tmp_path / "pkg"))


@pytest.fixture(scope="module")
def release_zip(seed_package: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed package published as a release (without the slow frictionless pass)."""
    dist = tmp_path_factory.mktemp("release") / "dist"
    result = publish(
        PublishConfig(package_dir=seed_package, dist_dir=dist, commit="0" * 40, checks=())
    )
    (archive,) = [p for p in result.files if p.suffix == ".zip"]
    return archive


def check(package: Path, *options: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """Run `sidelines check` in this process (GX starts once for the whole module)."""
    status = cli.main(["check", str(package), *options])
    out, err = capsys.readouterr()
    return status, out + err


def duplicate_first_row(path: Path) -> None:
    lines = path.read_bytes().split(b"\r\n")
    path.write_bytes(b"\r\n".join([lines[0], lines[1], *lines[1:]]))


def change_first_country(path: Path) -> None:
    meetings = pl.read_csv(path, infer_schema=False)
    changed = meetings.with_columns(
        counterpart_country=pl.when(pl.int_range(pl.len()) == 0)
        .then(pl.lit("XXA"))
        .otherwise(pl.col("counterpart_country"))
    )
    changed.write_csv(path, line_terminator="\r\n")


def flip_a_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


BREAKAGES: dict[str, tuple[Breakage, str]] = {
    "csv-row-duplicated": (lambda p: duplicate_first_row(p / "data/posts.csv"), "data/posts.csv"),
    "csv-value-changed": (
        lambda p: change_first_country(p / "data/meetings.csv"),
        "data/meetings.csv",
    ),
    "parquet-byte-flipped": (
        lambda p: flip_a_byte(p / "data/hashtags.parquet"),
        "data/hashtags.parquet",
    ),
    "file-missing": (
        lambda p: (p / "data/meeting_sources.csv").unlink(),
        "data/meeting_sources.csv",
    ),
    "extra-file": (lambda p: (p / "data/notes.txt").write_text("mine\n"), "data/notes.txt"),
}


def test_good_package_passes(seed_package: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, output = check(seed_package, capsys=capsys)
    assert status == 0, output
    assert "quality of the CSV copy: 51 expectations" in output
    assert "quality of the Parquet copy: 51 expectations" in output
    # The seeds have no baseline release: language drift had nothing to check, and the
    # hashtag share passed with posts against it. Both are said, not counted as clean passes.
    assert "note: posts.lang.share_stable: not applicable: no rows to check" in output
    assert "note: posts.hashtags.share: passed, with 8 of 15 rows against it" in output
    assert "50 passed, 1 not applicable, 0 errors, 0 warnings" in output


def test_good_release_zip_passes_with_the_real_command(release_zip: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sidelines", "check", str(release_zip)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "0 errors" in result.stdout


@pytest.mark.parametrize("breakage", [pytest.param(k, id=k) for k in BREAKAGES])
def test_broken_copy_fails_naming_the_file(
    package: Path, breakage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    breaking, file = BREAKAGES[breakage]
    breaking(package)
    status, output = check(package, capsys=capsys)
    assert status == 1
    assert f"sidelines check: error: {package}: {file}: " in output
    assert "expectations" not in output  # files are checked first; nothing else ran


def test_broken_release_zip_fails_naming_the_file(
    release_zip: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / release_zip.name
    with zipfile.ZipFile(release_zip) as src, zipfile.ZipFile(broken, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "data/posts.parquet":
                data = data[:-1] + bytes([data[-1] ^ 1])
            dst.writestr(info, data)
    status, output = check(broken, capsys=capsys)
    assert status == 1
    assert "data/posts.parquet: sha256 differs" in output


def test_duplicated_row_rerecorded_fails_on_the_copies_and_the_csv_quality(
    package: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    duplicate_first_row(package / "data/posts.csv")
    rerecord(package, "data/posts.csv")
    first_id = pl.read_csv(package / "data/posts.csv", infer_schema=False)["post_id"][0]
    status, output = check(package, capsys=capsys)
    assert status == 1
    assert (
        f"data/posts.csv and data/posts.parquet differ (table posts, post_id={first_id}: "
        "2 rows in the CSV, 1 in the Parquet)" in output
    )
    assert "error: posts.post_id.unique" in output  # the suites saw the CSV as read
    assert (
        "quality of the CSV copy: 51 expectations, 49 passed, 1 not applicable, 1 error," in output
    )
    assert (
        "quality of the Parquet copy: 51 expectations, 50 passed, 1 not applicable, 0 errors"
        in output
    )


def test_changed_value_rerecorded_names_the_table_and_key(
    package: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    change_first_country(package / "data/meetings.csv")
    rerecord(package, "data/meetings.csv")
    meetings = pl.read_parquet(package / "data/meetings.parquet")
    first = meetings.sort("meeting_id").row(0, named=True)
    status, output = check(package, capsys=capsys)
    assert status == 1
    assert (
        f"(table meetings, meeting_id={first['meeting_id']}: counterpart_country is XXA in the "
        f"CSV, {first['counterpart_country']} in the Parquet)" in output
    )
    assert "error: meetings.counterpart_country.iso_code" in output


def test_unreadable_value_in_a_rerecorded_csv_is_named(
    package: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = package / "data/meetings.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",79,", ",seventy-nine,", 1))
    rerecord(package, "data/meetings.csv")
    status, output = check(package, capsys=capsys)
    assert status == 1
    assert "data/meetings.csv: column unga_session is not all Int64" in output


def test_outside_the_repository_the_package_schemas_are_used(
    seed_package: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(cli, "default_schemas_dir", lambda: tmp_path / "no-such-schemas")
    status, output = check(seed_package, capsys=capsys)
    assert status == 0, output
    descriptor = read_descriptor(seed_package, seed_package)
    assert descriptor_schemas(descriptor).tables == load_schemas(SCHEMAS).tables


def test_help_says_which_schemas_are_used() -> None:
    help_text = subcommands()["check"].format_help()
    assert "the package's own schemas" in " ".join(help_text.split())


def test_an_extra_file_with_a_hostile_name_is_named_on_one_line(
    package: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (package / "data" / "a\nb[red].csv").write_text("x\n")
    status, output = check(package, capsys=capsys)
    assert status == 1
    assert "data/a\\nb[red].csv: not listed in datapackage.json\n" in output
