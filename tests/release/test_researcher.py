"""The researcher's path, end to end: download a release from a web server, verify it
against SHA256SUMS, unpack it, validate it, load every table with polars, pandas and
DuckDB, and open the package from its URL with frictionless."""

from __future__ import annotations

import functools
import hashlib
import shlex
import subprocess
import threading
import urllib.request
import zipfile
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pytest
from frictionless import Package, validate

from sidelines.package.schema import RESOURCES
from sidelines.release.notes import CHECKSUM_COMMAND
from sidelines.release.publish import NOTES, PublishConfig, publish

TIMEOUT = 10  # seconds per download


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output clean."""


@pytest.fixture(scope="module")
def release_url(seed_package: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The seed release published into dist/ and served on 127.0.0.1 (ephemeral port)."""
    dist = tmp_path_factory.mktemp("served") / "dist"
    publish(PublishConfig(package_dir=seed_package, dist_dir=dist, commit="0" * 40))
    handler = functools.partial(QuietHandler, directory=str(dist))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(TIMEOUT)


def download(url: str, dest: Path) -> Path:
    with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
        dest.write_bytes(response.read())
    return dest


def test_download_verify_unpack_validate_and_load(release_url: str, tmp_path: Path) -> None:
    sums = download(f"{release_url}/SHA256SUMS", tmp_path / "SHA256SUMS").read_text()
    expected = dict(reversed(line.split("  ")) for line in sums.splitlines())
    (zip_name,) = [n for n in expected if n.endswith(".zip")]
    archive = download(f"{release_url}/{zip_name}", tmp_path / zip_name)
    assert hashlib.sha256(archive.read_bytes()).hexdigest() == expected[zip_name]

    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(unpacked)
    report = validate(str(unpacked / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])

    package = Package(str(unpacked / "datapackage.json"))
    for name in RESOURCES:
        resource = package.get_resource(name)
        expected_rows = len(resource.read_rows())
        csv, parquet = unpacked / "data" / f"{name}.csv", unpacked / "data" / f"{name}.parquet"
        assert pl.read_csv(csv).height == expected_rows
        assert pl.read_parquet(parquet).height == expected_rows
        assert len(pd.read_csv(csv, keep_default_na=False, na_values=[""])) == expected_rows
        assert len(pd.read_parquet(parquet)) == expected_rows
        for path in (csv, parquet):
            count = duckdb.sql(f"SELECT count(*) FROM '{path}'").fetchall()
            assert count == [(expected_rows,)]
    assert pl.read_parquet(unpacked / "data" / "posts.parquet").height > 0


def test_open_the_package_from_its_url(release_url: str) -> None:
    sums = urllib.request.urlopen(f"{release_url}/SHA256SUMS", timeout=TIMEOUT).read().decode()
    (zip_name,) = [line.split("  ")[1] for line in sums.splitlines() if ".zip" in line]
    package = Package(f"{release_url}/{zip_name}")
    assert package.version == zip_name.removeprefix("sidelines-").removesuffix(".zip")
    assert [r.name for r in package.resources][: len(RESOURCES)] == list(RESOURCES)
    assert len(package.get_resource("posts").read_rows()) > 0


def test_the_notes_checksum_command_works_with_only_the_zip_and_sums(
    release_url: str, tmp_path: Path
) -> None:
    """A researcher who downloads the zip and SHA256SUMS only, and runs what the notes say."""
    notes = urllib.request.urlopen(f"{release_url}/{NOTES}", timeout=TIMEOUT).read().decode()
    (command,) = [line for line in notes.splitlines() if line.startswith("sha256sum ")]
    assert command == CHECKSUM_COMMAND
    sums = download(f"{release_url}/SHA256SUMS", tmp_path / "SHA256SUMS").read_text()
    (zip_name,) = [line.split("  ")[1] for line in sums.splitlines() if ".zip" in line]
    archive = download(f"{release_url}/{zip_name}", tmp_path / zip_name)
    checked = subprocess.run(
        shlex.split(command), cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout == f"{zip_name}: OK\n"
    data = archive.read_bytes()
    archive.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))  # a damaged download is caught
    damaged = subprocess.run(shlex.split(command), cwd=tmp_path, capture_output=True, check=False)
    assert damaged.returncode == 1
