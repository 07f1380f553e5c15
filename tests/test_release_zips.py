"""Reading a release zip (`publish --previous ZIP`, `diff A B`) safely: a zip bomb, too many
entries, paths out of the archive, absolute paths and symlink entries are refused in one
line before anything is inflated; a descriptor that is not an object is one line too."""

from __future__ import annotations

import json
import stat
import struct
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from sidelines.cli import main
from sidelines.publish import (
    MAX_ENTRIES,
    PublishConfig,
    PublishError,
    deterministic_zip,
    load_snapshot,
    publish,
)

DESCRIPTOR = {
    "name": "sidelines",
    "version": "1.0.0",
    "resources": [
        {"name": "posts", "path": "data/posts.csv", "type": "table", "format": "csv"},
    ],
}
POSTS = b"post_id,text\r\na1,Talks went well.\r\n"


def package_zip(path: Path, extra: dict[str, bytes] | None = None) -> Path:
    """A small, well-formed package zip, with `extra` entries added."""
    files = {"datapackage.json": json.dumps(DESCRIPTOR).encode(), "data/posts.csv": POSTS}
    path.write_bytes(deterministic_zip(files | (extra or {})))
    return path


def with_entry(path: Path, info: zipfile.ZipInfo, data: bytes) -> Path:
    """The small package zip with one more entry written exactly as `info` says."""
    package_zip(path)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr(info, data)
    return path


def symlink_entry(name: str, target: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3  # unix: the mode below is read
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


def test_a_well_formed_zip_is_read(tmp_path: Path) -> None:
    snapshot = load_snapshot(package_zip(tmp_path / "ok.zip"))
    assert snapshot.tables["posts"]["text"].to_list() == ["Talks went well."]


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 1 MB of zip that inflates to 1 GiB of zeros, in a package's shape."""
    path = tmp_path_factory.mktemp("bomb") / "bomb.zip"
    package_zip(path)
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("data/zeros.csv", "w", force_zip64=True) as entry,
    ):
        block = bytes(1 << 20)
        for _ in range(1 << 10):
            entry.write(block)
    assert path.stat().st_size < 2 << 20
    return path


def test_zip_bomb_is_refused_before_it_is_inflated(bomb: Path) -> None:
    tracemalloc.start()
    try:
        with pytest.raises(PublishError, match="zip bomb") as refused:
            load_snapshot(bomb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 32 << 20  # inflating would have taken a gigabyte
    assert "\n" not in str(refused.value)
    assert str(bomb) in str(refused.value)


def test_diff_of_a_bomb_is_one_line_and_exit_1(
    bomb: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", str(bomb), str(package_zip(tmp_path / "ok.zip"))]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "zip bomb" in err and "Traceback" not in err


def test_publish_with_a_bomb_as_previous_is_refused(bomb: Path, tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    with zipfile.ZipFile(package_zip(tmp_path / "ok.zip")) as archive:
        archive.extractall(pkg)
    dist = tmp_path / "dist"
    config = PublishConfig(pkg, dist, previous=bomb, commit="0" * 40, checks=())
    with pytest.raises(PublishError, match="zip bomb"):
        publish(config)
    assert not dist.exists()


def test_too_many_entries_are_refused(tmp_path: Path) -> None:
    extra = {f"data/x{i}.csv": b"" for i in range(MAX_ENTRIES)}
    with pytest.raises(PublishError, match=rf"entries in the zip \(at most {MAX_ENTRIES}\)"):
        load_snapshot(package_zip(tmp_path / "many.zip", extra))


@pytest.mark.parametrize(
    ("info", "why"),
    [
        pytest.param(zipfile.ZipInfo("../outside.csv"), r"outside the archive", id="dot-dot"),
        pytest.param(zipfile.ZipInfo("data/../../x.csv"), r"outside the archive", id="inner-dots"),
        pytest.param(zipfile.ZipInfo("/etc/cron.d/x"), r"outside the archive", id="absolute"),
        pytest.param(zipfile.ZipInfo("C:/x.csv"), r"outside the archive", id="drive"),
        pytest.param(symlink_entry("data/link.csv", "/etc/passwd"), r"a symlink", id="symlink"),
    ],
)
def test_entries_leaving_the_archive_are_refused(
    tmp_path: Path, info: zipfile.ZipInfo, why: str
) -> None:
    path = with_entry(tmp_path / "bad.zip", info, b"/etc/passwd")
    with pytest.raises(PublishError, match=why) as refused:
        load_snapshot(path)
    assert "\n" not in str(refused.value)


def test_a_resource_that_is_a_symlink_entry_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "linked.zip"
    path.write_bytes(deterministic_zip({"datapackage.json": json.dumps(DESCRIPTOR).encode()}))
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr(symlink_entry("data/posts.csv", "/etc/passwd"), b"/etc/passwd")
    assert main(["diff", str(path), str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "symlink" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("descriptor", "why"),
    [
        pytest.param([DESCRIPTOR], "is a JSON list, not an object", id="list"),
        pytest.param("sidelines", "is a JSON str, not an object", id="string"),
        pytest.param({"resources": {"posts": {}}}, "not a list of objects", id="resources-dict"),
        pytest.param({"resources": [1]}, "not a list of objects", id="resource-number"),
        pytest.param(
            {
                "resources": [
                    {"name": "posts", "path": ["a.csv", "b.csv"], "type": "table", "format": "csv"}
                ]
            },
            "without a name and a path",
            id="multipart-path",
        ),
        pytest.param(
            {
                "resources": [
                    {"name": "posts", "path": "data/gone.csv", "type": "table", "format": "csv"}
                ]
            },
            "cannot read package",
            id="missing-file",
        ),
    ],
)
def test_a_descriptor_of_another_shape_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], descriptor: object, why: str
) -> None:
    path = tmp_path / "odd.zip"
    path.write_bytes(
        deterministic_zip({"datapackage.json": json.dumps(descriptor).encode(), "a.csv": POSTS})
    )
    assert main(["diff", str(path), str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and why in err and "Traceback" not in err


def test_a_damaged_zip_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = package_zip(tmp_path / "damaged.zip")
    data = bytearray(path.read_bytes())
    start = data.index(b"PK\x03\x04", 1) if b"PK\x03\x04" in data[1:] else 0
    data[start + 40 : start + 60] = bytes(20)  # inside the first entries' deflated bytes
    path.write_bytes(bytes(data))
    assert main(["diff", str(path), str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_a_symlink_in_a_package_folder_is_refused(tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    with zipfile.ZipFile(package_zip(tmp_path / "ok.zip")) as archive:
        archive.extractall(pkg)
    (pkg / "data" / "posts.csv").unlink()
    (pkg / "data" / "posts.csv").symlink_to("/etc/passwd")
    with pytest.raises(PublishError, match=r"data/posts\.csv is a symlink"):
        load_snapshot(pkg)


def test_an_entry_lying_about_its_size_is_not_inflated_past_it(tmp_path: Path) -> None:
    """A bomb whose headers declare 1000 bytes for 256 MiB of zeros passes the size check;
    the entry is then read a chunk at a time and stops where it said it would."""
    path = package_zip(tmp_path / "liar.zip")
    name = b"data/zeros.csv"
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name.decode(), bytes(256 << 20))
    data = bytearray(path.read_bytes())
    local = data.rindex(name, 0, data.index(b"PK\x01\x02")) - 30  # its local header
    central = data.rindex(name) - 46  # its central directory record
    assert data[local + 30 : local + 30 + len(name)] == name
    assert data[central + 46 : central + 46 + len(name)] == name
    struct.pack_into("<I", data, local + 22, 1000)  # uncompressed size, local header
    struct.pack_into("<I", data, central + 24, 1000)  # and in the central directory
    path.write_bytes(bytes(data))
    tracemalloc.start()
    try:
        with pytest.raises(PublishError, match="damaged zip") as refused:
            load_snapshot(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 32 << 20
    assert "\n" not in str(refused.value)
