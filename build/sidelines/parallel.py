"""Run a function over independent items on several cores, or on a Dask cluster, results in
input order.

Local workers never outlive the build: each asks Linux to kill it when the build process dies
(`prctl(PR_SET_PDEATHSIG)`), and an error or Ctrl-C in the build stops them at once instead
of letting them finish files nobody will read. On a cluster, the same error or Ctrl-C
cancels the build's tasks (`cluster.py`).
"""

from __future__ import annotations

import ctypes
import itertools
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import AbstractContextManager
from types import TracebackType
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


Progress = Callable[[Iterable[R], str, int], Iterable[R]]
# Why a task failed when the failure was its worker's death (else None: the task's own error).
LostWorker = Callable[[BaseException], str | None]
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def default_jobs() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def die_with_parent(parent: int) -> None:
    """Worker initializer: be killed when the build process `parent` dies, and leave at once
    if it died before this line ran. The signal follows the thread that started the worker;
    `Workers.map` starts them from the calling thread, which outlives the pool."""
    if sys.platform == "linux":
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """Drop the queued work and kill the running workers: their results are not wanted."""
    # No public way to reach the workers before Python 3.14's `terminate_workers`.
    workers = list((pool._processes or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        worker.kill()
    for worker in workers:
        worker.join()


class WorkerLost(Exception):
    """A worker died while running an item (killed, out of memory) and the item was not run
    to the end elsewhere: the build stops rather than leave the item out."""


def local_worker_lost(err: BaseException) -> str | None:
    """A process pool breaks, for every item in it, when one of its processes dies."""
    if isinstance(err, BrokenProcessPool):
        return (
            "a worker process died while it or an item beside it was run (killed, out of memory?)"
        )
    return None


def finished_in_any_order(
    executor: Executor,
    func: Callable[[T], R],
    items: Sequence[T],
    window: int,
    lost: LostWorker,
    name_of: Callable[[int], str],
) -> Iterator[tuple[int, R]]:
    """`(index, func(item))` for each item as its task finishes, with at most `window` tasks
    submitted at a time; a task whose worker died raises `WorkerLost` naming its item."""
    queue = iter(enumerate(items))
    running: dict[Future[R], int] = {}

    def submit(count: int) -> None:
        for index, item in itertools.islice(queue, count):
            running[executor.submit(func, item)] = index

    submit(window)
    while running:
        done, _ = wait(running, return_when=FIRST_COMPLETED)
        for future in sorted(done, key=running.__getitem__):  # the same order on every run
            index = running.pop(future)
            try:
                result = future.result()
            except Exception as err:
                why = lost(err)
                if why is None:
                    raise
                raise WorkerLost(f"{name_of(index)}: {why}") from err
            yield index, result
        submit(len(done))


def in_input_order(
    finished: Iterable[tuple[int, R]], progress: Progress[R], label: str, total: int
) -> list[R]:
    """The results of `finished_in_any_order` shown to `progress` as they come (it passes
    them on unchanged), then put back in the items' order."""
    order: list[int] = []

    def results() -> Iterator[R]:
        for index, result in finished:
            order.append(index)
            yield result

    by_index = dict(zip(order, list(progress(results(), label, total)), strict=True))
    return [by_index[index] for index in range(total)]


class Workers:
    """Where the maps of a stage run, shared by several maps (`with Workers(jobs) as w:
    w.map(…); w.map(…)`): up to `jobs` local worker processes, or the Dask cluster whose
    scheduler is at `scheduler`; started or connected once, at the first map worth it
    (starting and warming a worker costs a second or two), and stopped or disconnected when
    the block ends (an error in it cancels what was still to run).

    Local workers are spawned, not forked: a fork would copy polars' thread pool mid-flight.
    """

    def __init__(self, jobs: int, scheduler: str | None = None) -> None:
        self.jobs = jobs
        self.scheduler = scheduler
        self._pool: ProcessPoolExecutor | None = None
        self._cluster: AbstractContextManager[tuple[Executor, int]] | None = None
        self._cluster_executor: tuple[Executor, int] | None = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
        if self._cluster is not None:  # cancels the tasks on an error, then disconnects
            cluster, self._cluster, self._cluster_executor = self._cluster, None, None
            cluster.__exit__(kind, error, trace)

    def map(
        self,
        func: Callable[[T], R],
        items: Sequence[T],
        progress: Progress[R],
        label: str,
        name_of: Callable[[int], str] | None = None,
    ) -> list[R]:
        """`[func(x) for x in items]`, on the cluster, else on the local workers when there
        is more than one item; `progress` sees each result as it finishes, and `name_of`
        names the item at an index in the error when its worker dies."""

        def named(index: int) -> str:
            return name_of(index) if name_of else f"{label}: item {index + 1} of {len(items)}"

        def run(executor: Executor, window: int, lost: LostWorker) -> list[R]:
            finished = finished_in_any_order(executor, func, items, window, lost, named)
            return in_input_order(finished, progress, label, len(items))

        if not items:
            return []
        if self.scheduler is not None:
            from sidelines.cluster import dask_worker_lost

            return run(*self._connected(self.scheduler), dask_worker_lost)
        if self.jobs <= 1 or len(items) <= 1:
            return list(progress((func(x) for x in items), label, len(items)))
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.jobs,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=die_with_parent,
                initargs=(os.getpid(),),
            )
        try:
            return run(self._pool, len(items), local_worker_lost)  # the pool queues them
        except BaseException:
            stop_workers(self._pool)
            self._pool = None
            raise

    def _connected(self, scheduler: str) -> tuple[Executor, int]:
        """The cluster's executor and how many tasks to keep submitted, connecting at the
        first call (distributed is imported only then)."""
        if self._cluster_executor is None:
            from sidelines.cluster import dask_executor

            cluster = dask_executor(scheduler)
            self._cluster_executor = cluster.__enter__()
            self._cluster = cluster  # entered: to be left by __exit__
        return self._cluster_executor


def parallel_map(
    func: Callable[[T], R],
    items: Sequence[T],
    jobs: int,
    progress: Progress[R],
    label: str,
    scheduler: str | None = None,
    name_of: Callable[[int], str] | None = None,
) -> list[R]:
    """`[func(x) for x in items]`, on the Dask cluster at `scheduler`, else on up to `jobs`
    processes when there is more than one item."""
    with Workers(min(jobs, len(items)), scheduler) as workers:
        return workers.map(func, items, progress, label, name_of)
