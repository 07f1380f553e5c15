"""Builds on a Dask cluster: the same bytes as a local build, a killed worker's file run again
or named in one line, and one-line errors when the cluster cannot be used.

The cluster tests need the optional dependency distributed; without it they are skipped,
except under `nox -s tests` (which installs it and sets SIDELINES_REQUIRE_DASK), where a
missing distributed fails them instead of hiding them.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from sidelines import cluster as dask_cluster
from sidelines.bench.corpus import write_corpus
from sidelines.cli import main, parser
from sidelines.cluster import ClusterFailed
from sidelines.extract.per_file import ReadFile, read_source
from sidelines.parallel import parallel_map
from sidelines.pipeline import BuildConfig, build
from sidelines.records import InputError
from sidelines.sources import RawSource
from tests.conftest import RAW, ROOT, SCHEMAS

needs_dask = pytest.mark.skipif(
    importlib.util.find_spec("distributed") is None
    and not os.environ.get("SIDELINES_REQUIRE_DASK"),
    reason="the optional dependency distributed is not installed (uv sync --extra dask)",
)
ALLOWED_FAILURES = 1  # retries of a task whose worker died: one, to keep the tests short
POISON = "zz_poison.txt"


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def config(raw: Path, out: Path, **options: Any) -> BuildConfig:
    return BuildConfig(raw_dir=raw, out_dir=out, schemas_dir=SCHEMAS, **options)


def read_or_die(source: RawSource) -> ReadFile | InputError:
    """`read_source`, except that the worker reading the poison file dies on the spot."""
    if source.name == POISON:
        os.kill(os.getpid(), signal.SIGKILL)
    return read_source(source)


def nap(job: tuple[str, float]) -> str:
    """A stand-in for a long parse: note that it started, then sleep."""
    folder, seconds = job
    Path(folder, f"{os.getpid()}-{time.monotonic_ns()}").touch()
    time.sleep(seconds)
    return folder


def both_workers_back(client: Any, seconds: float = 180) -> bool:
    """Wait until the scheduler has two workers again. (`Client.wait_for_workers` asks the
    LocalCluster object, whose count can stay behind after a worker was restarted.) A
    restart spawns a process that imports polars and the builder: on a loaded two-core
    machine that once took over a minute."""
    deadline = time.monotonic() + seconds
    while len(client.nthreads()) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    return len(client.nthreads()) == 2


def free_port() -> int:
    """A loopback port nothing listens on (it was free a moment ago)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run_cli(*args: str, patch: str = "") -> subprocess.CompletedProcess[str]:
    """`sidelines ARGS` in a fresh process, after the Python statement `patch`."""
    script = f"import sys\n{patch}\nfrom sidelines.cli import main\nsys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """Two single-threaded worker processes and their scheduler, on the loopback only."""
    import dask
    from distributed import Client, LocalCluster

    with dask.config.set({"distributed.scheduler.allowed-failures": ALLOWED_FAILURES}):
        local = LocalCluster(
            processes=True,
            n_workers=2,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",  # its HTTP server too: loopback, any free port
        )
    with local, Client(local, set_as_default=False) as client:
        yield client


@pytest.fixture(scope="module")
def bench_raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    raw = tmp_path_factory.mktemp("bench") / "raw"
    write_corpus(20_000, raw)
    return raw


@pytest.fixture(scope="module")
def local_package(bench_raw: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The bench corpus built on the local process pool, every file's bytes."""
    out = tmp_path_factory.mktemp("local") / "pkg"
    build(config(bench_raw, out, jobs=2))
    return tree_bytes(out)


@needs_dask
def test_a_cluster_build_is_the_local_build(
    cluster: Any, bench_raw: Path, local_package: dict[str, bytes], tmp_path: Path
) -> None:
    address = cluster.scheduler.address
    seen: list[tuple[str, int]] = []

    def counting(items: Iterable[Any], label: str, total: int) -> Iterable[Any]:
        for item in items:
            seen.append((label, total))
            yield item

    summary = build(
        config(bench_raw, tmp_path / "pkg", scheduler=address, cache_dir=tmp_path / "cache"),
        progress=counting,
    )
    assert summary.posts > 19_000 and summary.files == 22
    assert seen == [("parse", 22)] * 22  # the progress hook saw every file finish on the cluster
    assert tree_bytes(tmp_path / "pkg") == local_package
    # The parent wrote every file's extract to the cache: a build from it needs no cluster
    # (the address is dead) and gives the same bytes.
    dead = f"tcp://127.0.0.1:{free_port()}"
    build(config(bench_raw, tmp_path / "again", scheduler=dead, cache_dir=tmp_path / "cache"))
    assert tree_bytes(tmp_path / "again") == local_package


@needs_dask
def test_a_worker_killed_mid_build_has_its_files_run_again(
    cluster: Any, bench_raw: Path, local_package: dict[str, bytes], tmp_path: Path
) -> None:
    killed: list[int] = []

    def kill_a_busy_worker(items: Iterable[Any], label: str, total: int) -> Iterable[Any]:
        """At each file finished, until one is killed: kill a worker that is running one."""
        for item in items:
            busy = [worker for worker, keys in cluster.processing().items() if keys]
            if busy and not killed:
                pid = cluster.run(os.getpid, workers=busy[:1])[busy[0]]
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
            yield item

    address = cluster.scheduler.address
    build(config(bench_raw, tmp_path / "pkg", scheduler=address), progress=kill_a_busy_worker)
    assert killed, "no worker was busy when a file finished"
    assert tree_bytes(tmp_path / "pkg") == local_package
    assert both_workers_back(cluster)  # the nannies restarted them, for the next tests


@needs_dask
def test_a_file_that_kills_every_worker_stops_the_build_in_one_line(
    cluster: Any, tmp_path: Path
) -> None:
    out = tmp_path / "pkg"
    build(config(RAW, out))
    before = tree_bytes(out)
    # The poison file alone: a worker that dies holding it and another task has both blamed,
    # so with company the line could name the other file once its retries were spent too.
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / POISON).write_text("A text whose reading kills its worker.\n", encoding="utf-8")
    patch = "import sidelines.file_stage, tests.test_cluster as t\n"
    patch += "sidelines.file_stage.read_source = t.read_or_die"
    address = cluster.scheduler.address
    result = run_cli(
        *("build", "--raw", str(raw), "--out", str(out), "--no-cache", "--scheduler", address),
        patch=patch,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"sidelines build: error: {POISON}: the Dask workers running it died "
        f"{ALLOWED_FAILURES + 1} times (distributed.scheduler.allowed-failures = "
        f"{ALLOWED_FAILURES})"
    ]
    assert tree_bytes(out) == before
    assert both_workers_back(cluster)


@needs_dask
def test_a_bad_input_read_on_the_cluster_fails_as_locally(cluster: Any, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "bad.txt").write_bytes("Встреча в Москве".encode() + b"\xff\xfe broken")
    out = tmp_path / "pkg"
    address = cluster.scheduler.address
    results = [
        run_cli("build", "--raw", str(raw), "--out", str(out), "--no-cache", *where)
        for where in ([], ["--scheduler", address])
    ]
    assert [r.returncode for r in results] == [1, 1]
    local, remote = (r.stderr.strip().splitlines() for r in results)
    assert len(local) == 1 and "bad.txt" in local[0]
    assert remote == local
    assert not out.exists()


@needs_dask
def test_ctrl_c_cancels_the_tasks_not_yet_run(cluster: Any, tmp_path: Path) -> None:
    def interrupt_after_first(items: Iterable[Any], label: str, total: int) -> Iterable[Any]:
        for item in items:
            yield item
            raise KeyboardInterrupt

    jobs = [(str(tmp_path), 1.0)] * 12
    with pytest.raises(KeyboardInterrupt):
        parallel_map(nap, jobs, 2, interrupt_after_first, "parse", cluster.scheduler.address)
    time.sleep(4)  # long enough for the two workers to run four more naps, were any left
    started = len(list(tmp_path.iterdir()))
    assert started < len(jobs)
    assert not any(cluster.processing().values())


@needs_dask
def test_workers_of_another_environment_are_refused_before_any_task(
    cluster: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import platform

    monkeypatch.setattr(platform, "python_version", lambda: "3.99.0")  # this process only
    address = cluster.scheduler.address
    with pytest.raises(ClusterFailed, match=r"runs python 3\.\d+\.\d+, this build 3\.99\.0"):
        parallel_map(nap, [("/nonexistent", 0.0)] * 2, 2, lambda i, label, t: i, "parse", address)


@needs_dask
def test_a_scheduler_without_workers_is_refused_after_the_wait(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from distributed import LocalCluster

    monkeypatch.setattr(dask_cluster, "WORKERS_SECONDS", 1)
    with LocalCluster(n_workers=0, host="127.0.0.1", dashboard_address="127.0.0.1:0") as empty:
        address = empty.scheduler_address
        with pytest.raises(ClusterFailed) as failed:
            parallel_map(nap, [("/nonexistent", 0.0)] * 2, 2, lambda i, lb, t: i, "parse", address)
    assert str(failed.value) == f"{address}: no Dask worker joined the scheduler within 1 s"


@needs_dask
def test_an_unreachable_scheduler_is_one_line(tmp_path: Path) -> None:
    address = f"tcp://127.0.0.1:{free_port()}"
    started = time.monotonic()
    out = str(tmp_path / "pkg")
    result = run_cli("build", "--raw", str(RAW), "--out", out, "--no-cache", "--scheduler", address)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(
        f"sidelines build: error: cannot reach the Dask scheduler at {address} within 5 s"
    ), result.stderr
    assert time.monotonic() - started < 60
    assert not (tmp_path / "pkg").exists()


def test_without_distributed_the_scheduler_option_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed: ImportError
    out = tmp_path / "pkg"
    status = main(
        ["build", "--raw", str(RAW), "--out", str(out), "--no-cache", "--scheduler", "tcp://h:8786"]
    )
    assert status == 1
    assert capsys.readouterr().err.strip().splitlines() == [
        "sidelines build: error: --scheduler tcp://h:8786: the optional package distributed "
        "is not installed (pip install 'sidelines[dask]', or uv sync --extra dask in a checkout)"
    ]
    assert not out.exists()


def test_the_scheduler_defaults_to_dask_scheduler_address(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", "tcp://10.1.2.3:8786")
    assert parser().parse_args(["build"]).scheduler == "tcp://10.1.2.3:8786"
    monkeypatch.delenv("DASK_SCHEDULER_ADDRESS")
    assert parser().parse_args(["build"]).scheduler is None


def test_an_empty_scheduler_builds_locally_whatever_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", "tcp://127.0.0.1:1")  # nothing listens there
    out = tmp_path / "pkg"
    assert (
        main(["build", "--raw", str(RAW), "--out", str(out), "--no-cache", "--scheduler", ""]) == 0
    )
    assert (out / "datapackage.json").is_file()
