"""Reading a release zip safely, by the one routine of `release.archive` behind `sidelines check
ZIP`, `publish --previous ZIP` and `diff A B`: a zip bomb (one entry, or many small ones),
too many entries, paths out of the archive, absolute paths, symlink, encrypted and duplicate
entries are refused in one line naming the zip and the entry before anything is inflated,
by every caller; a descriptor that is not an object is one line too."""

from __future__ import annotations

import json
import stat
import struct
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from sidelines.cli import main
from sidelines.release.archive import MAX_ENTRIES
from sidelines.release.publish import (
    PublishConfig,
    PublishError,
    deterministic_zip,
    load_snapshot,
    publish,
)
from sidelines.release.verify import PackageCheckFailed, opened_package

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


def unpack_for_check(path: Path) -> None:
    """Open the zip as `sidelines check` does: unpacked into a temporary folder."""
    with opened_package(path):
        pass


def read_for_diff(path: Path) -> None:
    """Read the zip as `publish --previous` and `diff` do: into memory."""
    load_snapshot(path)


# Every caller of the one reading routine, with the error it reports a refusal by.
READERS = [
    pytest.param(unpack_for_check, PackageCheckFailed, id="check"),
    pytest.param(read_for_diff, PublishError, id="diff"),
]
Reader = Callable[[Path], None]


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


@pytest.mark.parametrize(("read", "error"), READERS)
def test_zip_bomb_is_refused_before_it_is_inflated(
    bomb: Path, read: Reader, error: type[Exception]
) -> None:
    tracemalloc.start()
    try:
        with pytest.raises(error, match="zip bomb") as refused:
            read(bomb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 32 << 20  # inflating would have taken a gigabyte
    assert "\n" not in str(refused.value)
    assert str(bomb) in str(refused.value)
    assert "'data/zeros.csv'" in str(refused.value)  # the entry, named


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
@pytest.mark.parametrize(("read", "error"), READERS)
def test_entries_leaving_the_archive_are_refused(
    tmp_path: Path, info: zipfile.ZipInfo, why: str, read: Reader, error: type[Exception]
) -> None:
    path = with_entry(tmp_path / "bad.zip", info, b"/etc/passwd")
    with pytest.raises(error, match=why) as refused:
        read(path)
    assert "\n" not in str(refused.value)
    assert f"{path}: zip entry {info.filename!r}" in str(refused.value)


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


@pytest.mark.parametrize(("read", "error"), READERS)
def test_an_entry_lying_about_its_size_is_not_inflated_past_it(
    tmp_path: Path, read: Reader, error: type[Exception]
) -> None:
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
        with pytest.raises(error, match="damaged zip") as refused:
            read(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 32 << 20
    assert "\n" not in str(refused.value)


def test_zip_member_outside_the_package_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("../outside.txt", "x")
    with pytest.raises(PackageCheckFailed, match="unsafe member name"), opened_package(archive):
        pass
    assert not (tmp_path.parent / "outside.txt").exists()


def test_zip_that_would_fill_the_disk_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("data/posts.csv", b"\0" * (8 << 20))  # 8 MiB of zeros: ~8 KiB packed
    refused = pytest.raises(PackageCheckFailed, match="would unpack to 8388608 bytes")
    with refused, opened_package(archive):
        pass


@pytest.mark.parametrize(("read", "error"), READERS)
def test_many_small_entries_together_are_a_zip_bomb(
    tmp_path: Path, read: Reader, error: type[Exception]
) -> None:
    """Each 1 MiB of zeros may unpack on its own (1 MiB is allowed to anything); three of
    them from a few KiB of zip may not, and the entry that crosses the limit is named."""
    extra = {f"data/zeros{i}.csv": bytes(1 << 20) for i in range(3)}
    path = package_zip(tmp_path / "many-small.zip", extra)
    assert path.stat().st_size < 16 << 10
    with pytest.raises(error, match="zip bomb") as refused:
        read(path)
    assert f"{path}: zip entry 'data/zeros1.csv' would take the zip to" in str(refused.value)


@pytest.mark.parametrize(("read", "error"), READERS)
def test_a_second_entry_of_the_same_name_is_refused(
    tmp_path: Path, read: Reader, error: type[Exception]
) -> None:
    """Which copy an unzipper keeps is its own choice; a release has one file per name."""
    with pytest.warns(UserWarning, match="Duplicate name"):
        path = with_entry(tmp_path / "twice.zip", zipfile.ZipInfo("data/posts.csv"), b"x\r\n")
    with pytest.raises(error, match=r"zip entry 'data/posts\.csv' is the second of that name"):
        read(path)


@pytest.mark.parametrize(("read", "error"), READERS)
def test_an_encrypted_entry_is_refused(
    tmp_path: Path, read: Reader, error: type[Exception]
) -> None:
    """zipfile writes no encrypted entries: the flag is set in the central directory record,
    which is what the entries are judged by."""
    path = with_entry(tmp_path / "locked.zip", zipfile.ZipInfo("data/secret.csv"), b"x\r\n")
    data = bytearray(path.read_bytes())
    central = data.rindex(b"data/secret.csv") - 46
    assert data[central : central + 4] == b"PK\x01\x02"
    struct.pack_into("<H", data, central + 8, 0x1)  # general purpose flags: encrypted
    path.write_bytes(bytes(data))
    with pytest.raises(error, match=r"zip entry 'data/secret\.csv' is encrypted; refused"):
        read(path)
