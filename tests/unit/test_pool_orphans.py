"""Issue 17: extraction workers die with their parent, whatever signal kills it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PARENT = """
import os, sys, time
from quotes.nlp.pool import ParallelExtractor, worker_pid

pool = ParallelExtractor(workers=2, chunk_size=1)
pids = sorted(set(pool._pool.map(worker_pid, range(8))))
print(" ".join(map(str, pids)), flush=True)
time.sleep(600)
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ")[1][0] != "Z"  # a zombie has exited
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize(
    "sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT], ids=["SIGKILL", "SIGTERM", "SIGINT"]
)
def test_workers_die_with_their_parent(sig: signal.Signals) -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    try:
        assert parent.stdout is not None
        workers = [int(p) for p in parent.stdout.readline().split()]
        assert workers and all(_alive(p) for p in workers)
        os.kill(parent.pid, sig)
        parent.wait(timeout=30)
        deadline = time.monotonic() + 15
        while any(_alive(p) for p in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        orphans = [p for p in workers if _alive(p)]
    finally:
        if parent.poll() is None:
            parent.kill()
    for pid in orphans:  # clean up before failing: only the processes this test started
        os.kill(pid, signal.SIGKILL)
    assert orphans == []


STOPPING = """
import os, sys, time
from quotes.nlp.pool import ParallelExtractor, worker_pid

def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False

pool = ParallelExtractor(workers=2, chunk_size=1)
pids = sorted(set(pool._pool.map(worker_pid, range(8))))
began = time.monotonic()
try:
    with pool:
        for _ in range(2):
            pool._pool.submit(time.sleep, 60)  # two long articles
        time.sleep(0.5)
        raise RuntimeError("stop")  # an error or a signal in the parent
except RuntimeError:
    pass
print(round(time.monotonic() - began, 1), [p for p in pids if alive(p)], flush=True)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_stopped_pool_kills_its_workers_without_waiting() -> None:
    done = subprocess.run(
        [sys.executable, "-c", STOPPING], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    seconds, alive = done.stdout.split(maxsplit=1)
    assert float(seconds) < 15  # not the 60 s the running tasks would take
    assert alive.strip() == "[]"
    assert "Traceback" not in done.stderr
