"""Workers on a Dask distributed cluster (I/O): the same `concurrent.futures` executor shape
as the local process pool, for `parallel.Workers`.

`distributed` is an optional dependency (`pip install 'sidelines[dask]'`), imported only
here and only when a build is given a scheduler's address. Each task carries its input (a
raw file's bytes) to the worker, so workers need no view of the build's file system; they
need the same sidelines code and libraries, which is checked before any task is sent.
"""

from __future__ import annotations

import concurrent.futures
import logging
import platform
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sidelines.provenance import build_provenance

CONNECT_SECONDS = 5  # to reach the scheduler before giving up
WORKERS_SECONDS = 30  # for a first worker to join a scheduler that has none yet
TASKS_PER_THREAD = 2  # tasks submitted at once per worker thread: the scheduler holds their bytes
INSTALL_HINT = "pip install 'sidelines[dask]', or uv sync --extra dask in a checkout"


class ClusterFailed(Exception):
    """The cluster cannot be used or was lost: the build stops with this one line."""


def environment() -> dict[str, str]:
    """What a worker must share with the build for their results to be the same bytes."""
    import polars

    return {
        "sidelines code sha256": str(build_provenance(None)["code_sha256"]),
        "python": platform.python_version(),
        "polars": polars.__version__,
    }


def mismatch(address: str, where: str, theirs: dict[str, str], ours: dict[str, str]) -> str:
    """The first difference between a cluster process's environment and the build's.

    >>> mismatch("tcp://s:8786", "the scheduler", {"python": "3.12.1"}, {"python": "3.11.7"})[:66]
    'tcp://s:8786: the scheduler runs python 3.12.1, this build 3.11.7:'
    """
    name = next(key for key in ours if theirs.get(key) != ours[key])
    return (
        f"{address}: {where} runs {name} {theirs.get(name)}, this build {ours[name]}: "
        "start the scheduler and workers from the same checkout and uv.lock (and restart them "
        "after updating it)"
    )


@contextmanager
def dask_executor(address: str) -> Iterator[tuple[concurrent.futures.Executor, int]]:
    """An executor whose tasks run on the Dask cluster at `address`, and how many tasks to
    keep submitted at once; every task still running is cancelled when the block fails
    (an error, Ctrl-C), and the connection is closed when it ends."""
    try:
        import dask
        from distributed import Client
    except ImportError as err:
        raise ClusterFailed(
            f"--scheduler {address}: the optional package distributed is not installed "
            f"({INSTALL_HINT})"
        ) from err
    quiet_client_logs()
    check_address(address)
    try:
        client = Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
    except (OSError, TimeoutError) as err:
        raise ClusterFailed(
            f"cannot reach the Dask scheduler at {address} within {CONNECT_SECONDS} s ({err})"
        ) from err
    try:
        workers = joined_workers(client, address)
        check_environments(client, address)
        # A task's input (a raw file, megabytes) is sent inside the task on purpose: the
        # scheduler keeps it, so that a task whose worker dies can be run again elsewhere.
        with dask.config.set({"distributed.admin.large-graph-warning-threshold": "1TB"}):
            executor = client.get_executor(pure=False)
            try:
                yield executor, TASKS_PER_THREAD * workers
            except concurrent.futures.CancelledError as err:
                executor.shutdown(wait=False)
                raise ClusterFailed(
                    f"{address}: the Dask scheduler dropped the build's tasks (connection lost)"
                ) from err
            except BaseException:
                executor.shutdown(wait=False)  # cancels what is queued or running
                raise
    finally:
        client.close()


def check_environments(client: Any, address: str) -> None:
    """Refuse a cluster whose scheduler or workers run other code than this build: the
    scheduler unpickles the tasks too, and the workers' results must be the same bytes."""
    ours = environment()
    try:
        found = {"the scheduler": client.run_on_scheduler(environment)}
        found |= {f"worker {w}": e for w, e in sorted(client.run(environment).items())}
    except Exception as err:  # sidelines not importable there: the message says which part
        raise ClusterFailed(
            f"{address}: the cluster cannot run sidelines ({type(err).__name__}: {err}); "
            "start the scheduler and workers from the same checkout and uv.lock"
        ) from err
    for where, theirs in found.items():
        if theirs != ours:
            raise ClusterFailed(mismatch(address, where, theirs, ours))


def quiet_client_logs() -> None:
    """Silence the log lines distributed writes to stderr in this process (results gathered
    again after a worker died, futures cancelled): the build's outcome is its one line, and
    the scheduler and workers keep their own logs."""
    for name in ("distributed", "distributed.client", "distributed.gc", "tornado.application"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def check_address(address: str) -> None:
    """Refuse an address no Dask transport reads, before a client is made for it (a client
    that fails on its address reports it again, slowly, when it is collected)."""
    from distributed.comm import parse_address
    from distributed.comm.registry import get_backend

    try:
        scheme, location = parse_address(address)
        get_backend(scheme).get_address_host(location)
    except (ValueError, TypeError) as err:
        raise ClusterFailed(f"--scheduler {address}: not a Dask scheduler address ({err})") from err


def joined_workers(client: Any, address: str) -> int:
    """The worker threads of the cluster, after waiting for a first worker if it has none."""
    try:
        client.wait_for_workers(1, timeout=WORKERS_SECONDS)
    except (OSError, TimeoutError) as err:
        raise ClusterFailed(
            f"{address}: no Dask worker joined the scheduler within {WORKERS_SECONDS} s"
        ) from err
    return max(1, sum(client.nthreads().values()))


def dask_worker_lost(err: BaseException) -> str | None:
    """Why a task failed, when it failed because its workers died more often than the
    scheduler retries (`distributed.scheduler.allowed-failures`, default 3)."""
    from distributed.scheduler import KilledWorker

    if isinstance(err, KilledWorker):
        return (
            f"the Dask workers running it died {err.allowed_failures + 1} times "
            f"(distributed.scheduler.allowed-failures = {err.allowed_failures})"
        )
    return None
