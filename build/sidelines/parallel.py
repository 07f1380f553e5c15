"""Run a function over independent items on several cores, results in input order."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")
Progress = Callable[[Iterable[R], str, int], Iterable[R]]


def default_jobs() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def parallel_map(
    func: Callable[[T], R],
    items: Sequence[T],
    jobs: int,
    progress: Progress[R],
    label: str,
) -> list[R]:
    """`[func(x) for x in items]`, on up to `jobs` processes when there is more than one item.

    Workers are spawned, not forked: a fork would copy polars' thread pool mid-flight.
    """
    if jobs <= 1 or len(items) <= 1:
        return list(progress((func(x) for x in items), label, len(items)))
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(jobs, len(items)), mp_context=context) as pool:
        return list(progress(pool.map(func, items), label, len(items)))
