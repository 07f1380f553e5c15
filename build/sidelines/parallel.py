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
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack
from typing import Any, Protocol, TypeVar

from sidelines.gc_tuning import collect_less

T = TypeVar("T")
R = TypeVar("R")
P = TypeVar("P")
W = TypeVar("W")


class Progress(Protocol):
    """A hook that sees items as they finish and passes them on unchanged (a progress bar)."""

    def __call__(self, items: Iterable[T], label: str, total: int, /) -> Iterable[T]: ...


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


def start_worker(parent: int) -> None:
    """Worker initializer: die with the build process `parent`, and collect cycles as
    seldom as the build does (`gc_tuning.py`)."""
    die_with_parent(parent)
    collect_less()


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """Drop the queued work and kill the workers: after an error their results are not
    wanted, and after the last result a worker has nothing left to do but tear its
    interpreter down, freeing its caches object by object (about a second of the build's
    time, waited for by `shutdown`)."""
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
            "a worker process died while it or a file beside it was read (killed, out of memory?)"
        )
    return None


Task = tuple[Any, Callable[[Any], Any], Any]  # (key, function, argument)


def finished_in_any_order(
    executor: Executor,
    tasks: Iterable[Task],
    window: int | None,
    lost: LostWorker,
    name_of: Callable[[Any], str],
    then: Callable[[Any, Any], Iterable[Task]] = lambda key, result: (),
) -> Iterator[tuple[Any, Any]]:
    """`(key, function(argument))` for each task as it finishes, with at most `window` tasks
    submitted at a time (None: all); `then(key, result)` gives the tasks that a finished one
    leads to, queued behind the others. A task whose worker died raises `WorkerLost` naming
    its key."""
    queue = deque(tasks)
    running: dict[Future[Any], tuple[int, Any]] = {}
    submitted = itertools.count()

    def submit() -> None:
        while queue and (window is None or len(running) < window):
            key, func, argument = queue.popleft()
            running[executor.submit(func, argument)] = (next(submitted), key)

    submit()
    while running:
        done, _ = wait(running, return_when=FIRST_COMPLETED)
        for future in sorted(done, key=running.__getitem__):  # the same order on every run
            _, key = running.pop(future)
            try:
                result = future.result()
            except Exception as err:
                why = lost(err)
                if why is None:
                    raise
                raise WorkerLost(f"{name_of(key)}: {why}") from err
            queue.extend(then(key, result))
            yield key, result
        submit()


def parallel_map(
    func: Callable[[T], R],
    items: Sequence[T],
    jobs: int,
    progress: Progress,
    label: str,
    scheduler: str | None = None,
    name_of: Callable[[T], str] | None = None,
) -> list[R]:
    """`[func(x) for x in items]`, on the Dask cluster whose scheduler is at `scheduler`, else
    on up to `jobs` local processes when there is more than one item (`Workers.map`)."""
    with Workers(min(jobs, len(items)), scheduler) as workers:
        return workers.map(func, items, progress, label, name_of)


class Workers:
    """The workers of several maps (`with Workers(jobs) as w: w.map(…); w.map(…)`): up to
    `jobs` local processes, or the Dask cluster whose scheduler is at `scheduler`. They are
    started (or the cluster reached) once, at the first map that needs them, since starting
    and warming a worker costs a second or two, and stopped (or left) when the block ends.

    Local workers are spawned, not forked: a fork would copy polars' thread pool mid-flight.
    """

    def __init__(self, jobs: int, scheduler: str | None = None) -> None:
        self.jobs = jobs
        self.scheduler = scheduler
        self._open = ExitStack()
        self._executor: tuple[Executor, int | None, LostWorker] | None = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *error: Any) -> bool | None:
        return self._open.__exit__(*error)  # a cluster's tasks are cancelled on an error

    def _start(self) -> tuple[Executor, int | None, LostWorker]:
        """(executor, tasks to keep submitted at once (None: all), how a lost worker shows)."""
        if self.scheduler is not None:
            from sidelines.cluster import dask_executor, dask_worker_lost  # distributed: if asked

            executor, window = self._open.enter_context(dask_executor(self.scheduler))
            return executor, window, dask_worker_lost
        pool = ProcessPoolExecutor(
            max_workers=self.jobs,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=start_worker,
            initargs=(os.getpid(),),
        )
        self._open.callback(stop_workers, pool)
        return pool, None, local_worker_lost  # the pool queues the tasks itself

    def _executor_for(self, items: Sequence[Any]) -> tuple[Executor, int | None, LostWorker] | None:
        """The executor, window and lost-worker test to run the items on; None: run them here."""
        if not items or (self.scheduler is None and (self.jobs <= 1 or len(items) <= 1)):
            return None
        if self._executor is None:
            self._executor = self._start()
        return self._executor

    def _stop_local(self) -> None:
        """Kill the local workers now, on an error: their results are not wanted."""
        if self._executor is not None and isinstance(self._executor[0], ProcessPoolExecutor):
            stop_workers(self._executor[0])
            self._executor = None

    def map(
        self,
        func: Callable[[T], R],
        items: Sequence[T],
        progress: Progress,
        label: str,
        name_of: Callable[[T], str] | None = None,
    ) -> list[R]:
        """`[func(x) for x in items]`, on the workers when that is worth it. `progress` sees
        each result as it finishes; `name_of` names an item in the error when its worker
        dies."""
        run = self._executor_for(items)
        if run is None:
            return list(progress((func(x) for x in items), label, len(items)))
        executor, window, lost = run

        def named(index: int) -> str:
            return (
                name_of(items[index]) if name_of else f"{label}: item {index + 1} of {len(items)}"
            )

        tasks = [(index, func, item) for index, item in enumerate(items)]
        try:
            finished = finished_in_any_order(executor, tasks, window, lost, named)
            by_index = dict(progress(finished, label, len(items)))
        except BaseException:
            self._stop_local()
            raise
        return [by_index[index] for index in range(len(items))]

    def map_in_two_steps(
        self,
        first: Callable[[T], R],
        items: Sequence[T],
        parts: Callable[[R], Sequence[P]],
        second: Callable[[P], W],
        progress: Progress,
        label: str,
        name_of: Callable[[T], str],
        part_name: Callable[[P], str],
        finished: Callable[[int, R, list[W]], None],
    ) -> None:
        """`finished(index, r, [second(p) for p in parts(r)])` with `r = first(item)`, for
        each item as soon as it is done (in no set order), so that the caller can store it
        while the workers go on. An item's parts are queued as soon as its first step is
        done, behind the first steps still waiting, so that no worker idles while another
        finishes the last long first step. `progress` counts the items."""
        run = self._executor_for(items)
        if run is None:
            for index in progress(range(len(items)), label, len(items)):
                result = first(items[index])
                finished(index, result, [second(part) for part in parts(result)])
            return
        executor, window, lost = run
        firsts: dict[int, R] = {}
        seconds: dict[int, list[W]] = {}
        waiting: dict[int, int] = {}  # parts of an item still running
        names: dict[Any, str] = {}

        def then(key: Any, result: Any) -> list[Task]:
            if isinstance(key, tuple):
                return []
            split = parts(result)
            seconds[key] = [None] * len(split)  # type: ignore[list-item]
            waiting[key] = len(split)
            for number, part in enumerate(split):
                names[(key, number)] = part_name(part)
            return [((key, number), second, part) for number, part in enumerate(split)]

        def named(key: Any) -> str:
            return names[key] if isinstance(key, tuple) else name_of(items[key])

        def items_done() -> Iterator[int]:
            tasks = [(index, first, item) for index, item in enumerate(items)]
            for key, result in finished_in_any_order(executor, tasks, window, lost, named, then):
                if isinstance(key, tuple):
                    index, number = key
                    seconds[index][number] = result
                    waiting[index] -= 1
                else:
                    index = key
                    firsts[index] = result
                if waiting[index] == 0:
                    yield index

        try:
            for index in progress(items_done(), label, len(items)):
                finished(index, firsts.pop(index), seconds.pop(index))
        except BaseException:
            self._stop_local()
            raise
