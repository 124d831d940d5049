"""Extraction over several processes: one stanza model set per worker, one thread each.

stanza's models run mostly single-threaded Python and small matrix products; on a 2-core
machine two worker processes with one thread each extract almost twice as many articles per
second as one process with two threads. Workers are spawned (not forked) so that no torch
state is shared, and each loads the packaged models once.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import TYPE_CHECKING

from quotes.nlp.types import Document, Extraction

if TYPE_CHECKING:
    from quotes.nlp.parse import StanzaParser

_PARSER: StanzaParser | None = None


PR_SET_PDEATHSIG = 1  # linux/prctl.h
WATCHDOG_SECONDS = 1.0


def _die_with_parent(parent: int) -> None:
    """End this worker when ``parent`` ends, however it ends (SIGKILL included).

    Linux: the kernel sends SIGKILL when the parent dies (``PR_SET_PDEATHSIG``). Everywhere: a
    daemon thread checks the parent id every second and exits once it has changed.
    """
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no prctl here: the watchdog still works
            pass
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCHDOG_SECONDS)
    os._exit(1)


def _init_worker(parent: int) -> None:
    _die_with_parent(parent)
    # Ctrl-C reaches the whole process group: the parent decides, a worker never prints a
    # KeyboardInterrupt traceback of its own
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    one_thread()


def one_thread() -> None:
    """torch on one thread in this process: a worker shares the cores with the other workers."""
    os.environ["OMP_NUM_THREADS"] = "1"
    import torch

    if torch.get_num_threads() != 1:
        torch.set_num_threads(1)


def release_free_memory() -> None:
    """Give the allocator's free pages back to the system (glibc's ``malloc_trim``; nothing
    where there is no glibc). A Dask worker extracts on a pool thread, whose malloc arena keeps
    the pages an extraction freed: without this a worker's memory grows with the run."""
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.malloc_trim(0)
    except (OSError, AttributeError):
        pass


def worker_pid(_: int) -> int:
    """This worker's process id (the orphan test asks every worker)."""
    time.sleep(0.05)  # hold the task a moment, so that every worker gets one
    return os.getpid()


def _warm_up(_: int) -> int:
    """Load the models in this worker (timed apart from the work by the benchmark)."""
    shared_parser().parse('Warm up. "The models load once," he said.')
    return os.getpid()


def shared_parser() -> StanzaParser:
    """This process's parser, loaded on first use: a pool or cluster worker loads it once."""
    global _PARSER
    if _PARSER is None:
        from quotes.nlp.parse import StanzaParser

        _PARSER = StanzaParser()
    return _PARSER


def _extract_chunk(chunk: list[Document]) -> list[Extraction]:
    from quotes.nlp.pipeline import extract_many

    return list(extract_many(chunk, shared_parser()))


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 4))


class ParallelExtractor:
    """A pool of extraction workers; use as a context manager."""

    def __init__(self, workers: int | None = None, chunk_size: int = 4) -> None:
        self.workers = workers or default_workers()
        self.chunk_size = chunk_size
        self._pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=get_context("spawn"),
            initializer=_init_worker,
            initargs=(os.getpid(),),
        )

    def __enter__(self) -> ParallelExtractor:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        if kind is None:
            self._pool.shutdown(cancel_futures=True)
        else:
            self.terminate()

    def terminate(self) -> None:
        """Stop now (an error or a signal): kill the workers, never wait for their articles."""
        processes = list((getattr(self._pool, "_processes", None) or {}).values())
        for process in processes:
            process.kill()
        self._pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.join(timeout=5)

    def warm_up(self) -> None:
        """Start every worker and load its models."""
        list(self._pool.map(_warm_up, range(self.workers * 2)))

    def extract(self, documents: Sequence[Document]) -> Iterator[Extraction]:
        """Extractions in the order of ``documents``."""
        chunks = [
            list(documents[i : i + self.chunk_size])
            for i in range(0, len(documents), self.chunk_size)
        ]
        for result in self._pool.map(_extract_chunk, chunks):
            yield from result
