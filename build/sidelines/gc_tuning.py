"""Python's cycle collector, set for the build.

Extraction makes millions of short-lived objects (matches, tuples, named tuples) and keeps
large caches of them (`extract/memo.py`). With Python's default thresholds the collector
ran about 1,800 times per 100 k posts, each full pass walking those caches: 8-10 % of the
extraction's time (measured on 100 k bench posts in one process, 16.5 -> 15.0 s). Cycles
are rare in this code, so the collector runs about a hundredth as often; garbage without
cycles is freed at once as always, so memory stays as it was.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# New objects before a young collection, and young (then middle) collections before an
# older one; Python's defaults are (700, 10, 10).
THRESHOLDS = (100_000, 50, 100)


def collect_less() -> None:
    """For a process that only builds (a worker): the build's thresholds from now on."""
    gc.set_threshold(*THRESHOLDS)


@contextmanager
def collecting_less() -> Iterator[None]:
    """The build's thresholds while the block runs, the caller's own after it."""
    before = gc.get_threshold()
    gc.set_threshold(*THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)
