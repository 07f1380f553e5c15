"""Run a function over independent items on several cores, results in input order.

Workers never outlive the build: each asks Linux to kill it when the build process dies
(`prctl(PR_SET_PDEATHSIG)`), and an error or Ctrl-C in the build stops them at once instead
of letting them finish files nobody will read.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")
Progress = Callable[[Iterable[R], str, int], Iterable[R]]
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


class Workers:
    """Up to `jobs` worker processes shared by several maps (`with Workers(jobs) as w:
    w.map(…); w.map(…)`): started once, at the first map worth them (starting and warming
    a worker costs a second or two), and stopped when the block ends.

    Workers are spawned, not forked: a fork would copy polars' thread pool mid-flight.
    """

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *error: object) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None

    def map(
        self, func: Callable[[T], R], items: Sequence[T], progress: Progress[R], label: str
    ) -> list[R]:
        """`[func(x) for x in items]`, on the workers when there is more than one item."""
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
            return list(progress(self._pool.map(func, items), label, len(items)))
        except BaseException:
            stop_workers(self._pool)
            self._pool = None
            raise


def parallel_map(
    func: Callable[[T], R],
    items: Sequence[T],
    jobs: int,
    progress: Progress[R],
    label: str,
) -> list[R]:
    """`[func(x) for x in items]`, on up to `jobs` processes when there is more than one item."""
    with Workers(min(jobs, len(items))) as workers:
        return workers.map(func, items, progress, label)
