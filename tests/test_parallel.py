"""Worker processes never outlive the build: killed with it, stopped on its errors."""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterable
from pathlib import Path

import pytest

from sidelines.gc_tuning import THRESHOLDS, collecting_less
from sidelines.parallel import WorkerLost, parallel_map
from tests.conftest import ROOT


def nap(job: tuple[str, float]) -> int:
    """A stand-in for a long parse: note this worker's pid, then sleep."""
    folder, seconds = job
    Path(folder, str(os.getpid())).touch()
    time.sleep(seconds)
    return os.getpid()


def alive(pid: int) -> bool:
    """Running, not merely a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def wait_for(condition, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def worker_pids(folder: Path) -> list[int]:
    return [int(p.name) for p in folder.iterdir()]


@pytest.mark.skipif(sys.platform != "linux", reason="PR_SET_PDEATHSIG is Linux's")
def test_workers_die_when_the_build_is_killed(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        from sidelines.parallel import parallel_map
        from tests.test_parallel import nap
        jobs = [({str(tmp_path)!r}, 120.0)] * 2
        parallel_map(nap, jobs, 2, lambda items, label, total: items, "parse")
        """
    )
    parent = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT)
    try:
        assert wait_for(lambda: len(worker_pids(tmp_path)) == 2, 60), "workers did not start"
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    pids = worker_pids(tmp_path)
    assert wait_for(lambda: not any(alive(p) for p in pids), 10), f"workers left: {pids}"


def test_an_interrupted_build_stops_its_workers(tmp_path: Path) -> None:
    def interrupt_after_first(items: Iterable[int], label: str, total: int) -> Iterable[int]:
        for item in items:
            yield item
            raise KeyboardInterrupt

    jobs = [(str(tmp_path), 0.0)] + [(str(tmp_path), 120.0)] * 3
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        parallel_map(nap, jobs, 2, interrupt_after_first, "parse")
    assert time.monotonic() - started < 60  # not the two minutes of the sleeping workers
    pids = worker_pids(tmp_path)
    assert pids and not any(alive(p) for p in pids)


def die_on(job: tuple[str, str]) -> str:
    """A stand-in for a parse that kills its process (out of memory, a kill -9) on one item."""
    name, fate = job
    if fate == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    return name


def test_a_dead_worker_stops_the_run_naming_an_item() -> None:
    jobs = [("a.txt", "live"), ("b.txt", "die"), ("c.txt", "live")]
    with pytest.raises(WorkerLost, match=r"^(a|b|c)\.txt: a worker process died"):
        parallel_map(
            die_on, jobs, 2, lambda items, label, total: items, "parse", None, lambda j: j[0]
        )


def thresholds(_: int) -> tuple[int, int, int]:
    """A task that tells how its worker collects cycles."""
    return gc.get_threshold()


def test_workers_collect_cycles_as_seldom_as_the_build() -> None:
    found = parallel_map(thresholds, [1, 2, 3], 2, lambda items, label, total: items, "gc")
    assert found == [THRESHOLDS] * 3


def test_the_build_sets_the_thresholds_only_while_it_runs() -> None:
    before = gc.get_threshold()
    with collecting_less():
        assert gc.get_threshold() == THRESHOLDS
    assert gc.get_threshold() == before != THRESHOLDS
