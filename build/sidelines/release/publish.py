"""Release artifacts from a built package (I/O): check it, compare it with the previous
release, and write `sidelines-X.Y.Z.zip`, `datapackage.json`, `release-notes.md` and
`SHA256SUMS` into an empty dist folder.

The zip is deterministic: entries sorted, every timestamp 1980-01-01 00:00, mode 0644,
deflate level 9, so the same package always gives the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from sidelines.package.write import write_json
from sidelines.release.archive import ZipRefused, read_zip
from sidelines.release.diff import PackageDiff, Snapshot, diff_packages
from sidelines.release.notes import render_notes
from sidelines.release.semver import Bump, Version, VersionError, check_version

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
NOTES = "release-notes.md"
SUMS = "SHA256SUMS"
DESCRIPTOR = "datapackage.json"

PackageCheck = Callable[[Path], None]


class PublishError(ValueError):
    """A release that must not be written; the message is one line."""


def frictionless_check(package_dir: Path) -> None:
    """Validate every row, key and file hash with frictionless; raise on the first errors."""
    from frictionless import validate  # heavy import, only when publishing

    report = validate(str(package_dir / DESCRIPTOR))
    if not report.valid:
        errors = report.flatten(["type", "note"])
        shown = "; ".join(f"{kind}: {note}" for kind, note in errors[:3])
        raise PublishError(f"{package_dir}: frictionless validation failed ({shown})")


@dataclass(frozen=True)
class PublishConfig:
    """What to publish and where; `checks` run on the package before anything is written
    (frictionless by default; a quality check can be added to the tuple)."""

    package_dir: Path
    dist_dir: Path
    previous: Path | None = None
    commit: str | None = None
    schemas_dir: Path | None = None
    checks: Sequence[PackageCheck] = field(default=(frictionless_check,))


@dataclass(frozen=True)
class PublishResult:
    """The version written, the bump the changes needed, and the files in dist."""

    version: str
    required: Bump
    files: list[Path]


def read_tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` by its relative POSIX path, hidden files skipped; a
    symlink is refused (it could point at any file on the machine)."""
    files: dict[str, bytes] = {}
    for p in sorted(folder.rglob("*")):
        name = p.relative_to(folder).as_posix()
        if any(s.startswith(".") for s in p.relative_to(folder).parts):
            continue
        if p.is_symlink():
            raise PublishError(f"{folder}: {name} is a symlink; a package holds plain files")
        if p.is_file():
            files[name] = p.read_bytes()
    return files


def read_package_files(path: Path) -> dict[str, bytes]:
    """A package's files from its folder or its zip; the path must hold datapackage.json."""
    if path.is_dir():
        files = read_tree(path)
    elif path.is_file() and zipfile.is_zipfile(path):
        try:
            files = read_zip(path)
        except ZipRefused as err:
            raise PublishError(str(err)) from err
    else:
        raise PublishError(f"{path}: not a package folder or zip")
    if DESCRIPTOR not in files:
        raise PublishError(f"{path}: no {DESCRIPTOR} in it")
    return files


def table_resources(descriptor: Any, origin: Path) -> list[dict[str, Any]]:
    """The descriptor's CSV table resources, once its shape is what a package's is."""
    if not isinstance(descriptor, dict):
        kind = type(descriptor).__name__
        raise PublishError(f"{origin}: {DESCRIPTOR} is a JSON {kind}, not an object")
    resources = descriptor.get("resources", [])
    if not isinstance(resources, list) or not all(isinstance(r, dict) for r in resources):
        raise PublishError(f"{origin}: {DESCRIPTOR}: resources is not a list of objects")
    tables = [r for r in resources if r.get("type") == "table" and r.get("format") == "csv"]
    for r in tables:
        if not isinstance(r.get("name"), str) or not isinstance(r.get("path"), str):
            raise PublishError(f"{origin}: {DESCRIPTOR}: a table without a name and a path")
    return tables


def snapshot(files: dict[str, bytes], origin: Path) -> Snapshot:
    """The descriptor and every table resource (CSV, read as text) of a package's files."""
    try:
        descriptor = json.loads(files[DESCRIPTOR].decode("utf-8"))
        tables = {
            r["name"]: pl.read_csv(io.BytesIO(files[r["path"]]), infer_schema=False)
            for r in table_resources(descriptor, origin)
        }
    except (KeyError, ValueError, pl.exceptions.PolarsError) as err:
        if isinstance(err, PublishError):
            raise
        raise PublishError(f"{origin}: cannot read package ({err})") from err
    return Snapshot(descriptor, tables)


def load_snapshot(path: Path) -> Snapshot:
    """A package folder or zip, read for diffing."""
    return snapshot(read_package_files(path), path)


def deterministic_zip(files: dict[str, bytes]) -> bytes:
    """A zip of `files` whose bytes depend only on the names and contents."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # unix, so that the mode below is read
            info.external_attr = 0o100644 << 16
            archive.writestr(info, files[name], compresslevel=9)
    return buffer.getvalue()


def sha256sums(files: dict[str, bytes]) -> str:
    """`sha256sum -c` input for the given files, sorted by name."""
    return "".join(
        f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in sorted(files.items())
    )


def git_commit(repo: Path) -> str:
    """HEAD of the repository at `repo`, with `-dirty` when tracked files have changes."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True, check=True
        ).stdout.strip()
        status = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=repo,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError) as err:
        raise PublishError(f"{repo}: cannot read the git commit; pass --commit") from err
    return f"{head}-dirty" if status else head


def content_of(descriptor: dict[str, Any]) -> dict[str, Any]:
    """The part of a descriptor that is the release's content (provenance left out)."""
    return {k: v for k, v in descriptor.items() if k != "sidelines"}


def check_against_previous(new: Snapshot, previous: Snapshot | None) -> PackageDiff | None:
    """Compare with the previous release and raise unless the version is allowed."""
    if previous is None:
        return None
    diff = diff_packages(previous, new)
    same = content_of(previous.descriptor) == content_of(new.descriptor)
    required = Bump.NONE if same else max(diff.required, Bump.PATCH)
    check_version(Version.parse(previous.version), Version.parse(new.version), required)
    return diff


def check_before_acting(config: PublishConfig, descriptor: dict[str, Any]) -> Version:
    """Refuse early: a non-empty dist, a malformed or stale version, a package failing checks."""
    if config.dist_dir.exists() and any(config.dist_dir.iterdir()):
        raise PublishError(f"{config.dist_dir}: not empty; publish writes into an empty folder")
    if descriptor.get("name") != "sidelines":
        raise PublishError(f"{config.package_dir}: package name is not 'sidelines'")
    version = Version.parse(str(descriptor.get("version", "")))
    if config.schemas_dir is not None:
        wanted = json.loads((config.schemas_dir / "package.json").read_text(encoding="utf-8"))
        if wanted.get("version") != str(version):
            raise PublishError(
                f"{config.package_dir} is version {version} but schemas/package.json says "
                f"{wanted.get('version')}: rebuild first"
            )
    for check in config.checks:
        check(config.package_dir)
    return version


def release_files(
    files: dict[str, bytes], descriptor: dict[str, Any], diff: PackageDiff | None, new: Snapshot
) -> dict[str, bytes]:
    """The artifacts by name: zip, datapackage.json, release notes and SHA256SUMS."""
    zip_name = f"sidelines-{descriptor['version']}.zip"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / DESCRIPTOR
        write_json(descriptor, path)  # the same formatting as the build's
        descriptor_bytes = path.read_bytes()
    counts = {name: frame.height for name, frame in new.tables.items()}
    artifacts = {
        zip_name: deterministic_zip({**files, DESCRIPTOR: descriptor_bytes}),
        DESCRIPTOR: descriptor_bytes,
        NOTES: render_notes(descriptor, zip_name, counts, diff).encode("utf-8"),
    }
    return {**artifacts, SUMS: sha256sums(artifacts).encode("ascii")}


def publish(config: PublishConfig) -> PublishResult:
    """Check the package, compare it with the previous release, write the artifacts."""
    files = read_package_files(config.package_dir)
    new = snapshot(files, config.package_dir)
    try:
        version = check_before_acting(config, new.descriptor)
        previous = load_snapshot(config.previous) if config.previous else None
        diff = check_against_previous(new, previous)
    except VersionError as err:
        raise PublishError(str(err)) from err
    commit = config.commit or git_commit(config.package_dir.resolve().parent)
    descriptor = {**new.descriptor}
    descriptor["sidelines"] = {**descriptor.get("sidelines", {}), "git_commit": commit}
    artifacts = release_files(files, descriptor, diff, new)
    config.dist_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".publish-", dir=config.dist_dir))
    try:
        for name, data in artifacts.items():
            (staging / name).write_bytes(data)
        for name in artifacts:
            (staging / name).replace(config.dist_dir / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return PublishResult(
        version=str(version),
        required=diff.required if diff else Bump.NONE,
        files=[config.dist_dir / name for name in sorted(artifacts)],
    )
