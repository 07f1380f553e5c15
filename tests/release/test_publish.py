"""Publishing: the artifacts, byte-identical reruns, and the version rules against the
previous release (same version with other data refused, a removed field needs a major)."""

from __future__ import annotations

import copy
import hashlib
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from sidelines.pipeline import BuildConfig, build
from sidelines.release.diff import Snapshot
from sidelines.release.publish import (
    PublishConfig,
    PublishError,
    PublishResult,
    check_against_previous,
    deterministic_zip,
    load_snapshot,
    publish,
)
from sidelines.release.semver import Bump, Version, VersionError
from tests.conftest import RAW, SCHEMAS

COMMIT = "0123456789abcdef0123456789abcdef01234567"
# The versions of these tests follow the one the schemas set (bumped as the data changes).
FIRST = Version.parse(json.loads((SCHEMAS / "package.json").read_text(encoding="utf-8"))["version"])
PATCH, MINOR, MAJOR = (str(FIRST.bumped(b)) for b in (Bump.PATCH, Bump.MINOR, Bump.MAJOR))
ZIP = f"sidelines-{FIRST}.zip"
ARTIFACTS = ["SHA256SUMS", "datapackage.json", "release-notes.md", ZIP]


def release(
    package: Path, dist: Path, previous: Path | None = None, schemas_dir: Path | None = None
) -> PublishResult:
    """Publish `package` into `dist` with a fixed commit."""
    config = PublishConfig(
        package_dir=package,
        dist_dir=dist,
        previous=previous,
        commit=COMMIT,
        schemas_dir=schemas_dir,
    )
    return publish(config)


def variant(
    tmp: Path,
    version: str,
    drop_field: str | None = None,
    edit_raw: bool = False,
    describe: str | None = None,
) -> Path:
    """A package built from copies of the seeds and schemas, changed as asked."""
    schemas, raw = tmp / "schemas", tmp / "raw"
    shutil.copytree(SCHEMAS, schemas)
    shutil.copytree(RAW, raw)
    package = json.loads((schemas / "package.json").read_text(encoding="utf-8"))
    package["version"] = version
    (schemas / "package.json").write_text(json.dumps(package), encoding="utf-8")
    if drop_field:
        posts = json.loads((schemas / "posts.json").read_text(encoding="utf-8"))
        posts["fields"] = [f for f in posts["fields"] if f["name"] != drop_field]
        (schemas / "posts.json").write_text(json.dumps(posts), encoding="utf-8")
    if describe:
        posts = json.loads((schemas / "posts.json").read_text(encoding="utf-8"))
        posts["fields"][1]["description"] = describe
        (schemas / "posts.json").write_text(json.dumps(posts), encoding="utf-8")
    if edit_raw:  # a corrected article: same file, one word changed
        article = next(p for p in sorted(raw.iterdir()) if p.name.startswith("000_"))
        text = article.read_text(encoding="utf-8")
        article.write_text(text.replace("the", "THE", 1), encoding="utf-8")
    out = tmp / "datapackage"
    build(BuildConfig(raw_dir=raw, out_dir=out, schemas_dir=schemas))
    return out


@pytest.fixture(scope="module")
def first_release(seed_package: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed build published once."""
    dist = tmp_path_factory.mktemp("dist") / "dist"
    release(seed_package, dist)
    return dist


def test_artifacts_are_written_and_checksummed(first_release: Path) -> None:
    assert sorted(p.name for p in first_release.iterdir()) == ARTIFACTS
    for line in (first_release / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ")
        assert hashlib.sha256((first_release / name).read_bytes()).hexdigest() == digest
    descriptor = json.loads((first_release / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["version"] == str(FIRST)
    assert descriptor["sidelines"]["git_commit"] == COMMIT
    assert len(descriptor["sidelines"]["lock_sha256"]) == 64
    with zipfile.ZipFile(first_release / ZIP) as archive:
        names = archive.namelist()
        assert names == sorted(names) and "data/posts.csv" in names
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert archive.read("datapackage.json") == (first_release / "datapackage.json").read_bytes()
    notes = (first_release / "release-notes.md").read_text(encoding="utf-8")
    assert f"# sidelines {FIRST}" in notes and COMMIT in notes and "First release." in notes


def test_publishing_twice_gives_identical_bytes(
    seed_package: Path, first_release: Path, tmp_path: Path
) -> None:
    release(seed_package, tmp_path / "again")
    for name in ARTIFACTS:
        assert (tmp_path / "again" / name).read_bytes() == (first_release / name).read_bytes()


def test_zip_bytes_depend_only_on_content() -> None:
    files = {"b.csv": b"x\r\n1\r\n", "a/datapackage.json": b"{}"}
    assert deterministic_zip(files) == deterministic_zip(dict(reversed(list(files.items()))))
    assert deterministic_zip(files) != deterministic_zip({**files, "b.csv": b"x\r\n2\r\n"})


def test_republishing_the_same_content_is_allowed(
    seed_package: Path, first_release: Path, tmp_path: Path
) -> None:
    result = release(seed_package, tmp_path / "dist", first_release / ZIP)
    assert result.required is Bump.NONE


def test_same_version_with_changed_data_is_refused(first_release: Path, tmp_path: Path) -> None:
    changed = variant(tmp_path, str(FIRST), edit_raw=True)
    dist = tmp_path / "dist"
    result = subprocess.run(
        [sys.executable, "-m", "sidelines", "publish", "--package", str(changed),
         "--dist", str(dist), "--previous", str(first_release / ZIP),
         "--commit", COMMIT, "--schemas", str(tmp_path / "schemas")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"{FIRST} is already published with different content" in lines[0]
    assert not dist.exists() or not any(dist.iterdir())


def test_corrected_description_is_a_patch(first_release: Path, tmp_path: Path) -> None:
    changed = variant(tmp_path, PATCH, describe="The raw file.")
    result = release(changed, tmp_path / "dist", first_release / ZIP)
    assert result.required is Bump.PATCH


def test_edited_post_is_a_new_row(first_release: Path, tmp_path: Path) -> None:
    """post_id hashes the text, so an edited post is one row removed and one added: MINOR."""
    changed = variant(tmp_path, PATCH, edit_raw=True)
    with pytest.raises(PublishError, match=rf"need a minor bump, to {re.escape(MINOR)}"):
        release(changed, tmp_path / "dist", first_release / ZIP)
    shutil.rmtree(tmp_path / "datapackage")
    shutil.rmtree(tmp_path / "schemas")
    shutil.rmtree(tmp_path / "raw")
    changed = variant(tmp_path, MINOR, edit_raw=True)
    release(changed, tmp_path / "dist", first_release / ZIP)
    notes = (tmp_path / "dist" / "release-notes.md").read_text(encoding="utf-8")
    assert f"## Changes since {FIRST}" in notes
    assert "| posts | post_id | 15 | 15 | 1 | 1 | 0 |" in notes


@pytest.mark.parametrize(
    ("version", "refused"),
    [
        pytest.param(MINOR, True, id="minor-too-low"),
        pytest.param(MAJOR, False, id="major-accepted"),
    ],
)
def test_removed_field_needs_a_major_bump(
    first_release: Path, tmp_path: Path, version: str, refused: bool
) -> None:
    changed = variant(tmp_path, version, drop_field="url")
    previous = first_release / ZIP
    if refused:
        with pytest.raises(PublishError, match=rf"need a major bump, to {re.escape(MAJOR)}"):
            release(changed, tmp_path / "dist", previous)
    else:
        assert release(changed, tmp_path / "dist", previous).required is Bump.MAJOR
        notes = (tmp_path / "dist" / "release-notes.md").read_text(encoding="utf-8")
        assert "field `url` removed (major)" in notes


def test_lower_version_is_refused(first_release: Path, tmp_path: Path) -> None:
    changed = variant(tmp_path, "0.9.0")
    with pytest.raises(
        PublishError, match=rf"lower than the previous release {re.escape(str(FIRST))}"
    ):
        release(changed, tmp_path / "dist", first_release / ZIP)


def test_non_empty_dist_is_refused(seed_package: Path, tmp_path: Path) -> None:
    (tmp_path / "dist").mkdir()
    (tmp_path / "dist" / "old.zip").write_bytes(b"x")
    with pytest.raises(PublishError, match="not empty"):
        release(seed_package, tmp_path / "dist")
    assert [p.name for p in (tmp_path / "dist").iterdir()] == ["old.zip"]


def test_stale_build_is_refused(seed_package: Path, tmp_path: Path) -> None:
    schemas = tmp_path / "schemas"
    shutil.copytree(SCHEMAS, schemas)
    meta = json.loads((schemas / "package.json").read_text(encoding="utf-8"))
    (schemas / "package.json").write_text(json.dumps({**meta, "version": MINOR}))
    with pytest.raises(PublishError, match=rf"says {re.escape(MINOR)}: rebuild first"):
        release(seed_package, tmp_path / "dist", schemas_dir=schemas)


def test_invalid_package_is_refused(seed_package: Path, tmp_path: Path) -> None:
    broken = tmp_path / "pkg"
    shutil.copytree(seed_package, broken)
    with (broken / "data" / "posts.csv").open("ab") as f:
        f.write(b"junk\r\n")
    with pytest.raises(PublishError, match="frictionless validation failed"):
        release(broken, tmp_path / "dist")
    assert not (tmp_path / "dist").exists()


def test_snapshot_reads_folders_and_zips(seed_package: Path, first_release: Path) -> None:
    folder = load_snapshot(seed_package)
    zipped = load_snapshot(first_release / ZIP)
    assert folder.tables.keys() == zipped.tables.keys()
    assert all(folder.tables[n].equals(zipped.tables[n]) for n in folder.tables)


# What release 2.0.0 added to meetings: contacts by mode and their event codes.
ADDED_IN_2 = [
    "mode", "plover_event", "plover_mode", "cameo_code", "actor_country", "recipient_country",
    "recipient_org",
]  # fmt: skip


def without_contacts_columns(package: Snapshot, version: str) -> Snapshot:
    """The package as a 1.x release had it: meetings without mode and event codes."""
    descriptor = copy.deepcopy(package.descriptor)
    descriptor["version"] = version
    for resource in descriptor["resources"]:
        if resource["name"] == "meetings":
            fields = resource["schema"]["fields"]
            resource["schema"]["fields"] = [f for f in fields if f["name"] not in ADDED_IN_2]
    tables = {**package.tables, "meetings": package.tables["meetings"].drop(ADDED_IN_2)}
    return Snapshot(descriptor, tables)


@pytest.mark.parametrize(
    ("version", "refused"),
    [pytest.param("1.1.0", True, id="minor-refused"), pytest.param("2.0.0", False, id="major")],
)
def test_mode_and_event_codes_need_a_major_bump(
    seed_package: Path, version: str, refused: bool
) -> None:
    built = load_snapshot(seed_package)
    new = Snapshot({**built.descriptor, "version": version}, built.tables)
    previous = without_contacts_columns(built, "1.0.0")
    if refused:
        with pytest.raises(VersionError, match=r"need a major bump, to 2\.0\.0"):
            check_against_previous(new, previous)
    else:
        diff = check_against_previous(new, previous)
        assert diff is not None and diff.required is Bump.MAJOR
