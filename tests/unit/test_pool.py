"""Extraction in worker processes gives what one process gives (real models: slow)."""

from __future__ import annotations

import platform
import sys
import threading

import pytest

from quotes.nlp.types import Document

TEXTS = [
    '"We deny these smears," a Valdorian Foreign Ministry spokesperson said.',
    'Prime Minister Olav Dahl spoke on Monday. "Nobody wants a war," he said.',
    '"There will be serious consequences," said Foreign Minister Ilse Marken.',
]


@pytest.mark.slow
def test_parallel_extraction_matches_sequential_and_keeps_order() -> None:
    from quotes.nlp.pipeline import extract_many
    from quotes.nlp.pool import ParallelExtractor

    documents = [Document(t) for t in TEXTS]
    sequential = [e.to_json() for e in extract_many(documents)]
    with ParallelExtractor(workers=2, chunk_size=1) as pool:
        parallel = [e.to_json() for e in pool.extract(documents)]
    assert parallel == sequential
    assert [q["speaker"]["name"] for e in parallel for q in e["quotes"]] == [
        "Valdorian Foreign Ministry spokesperson",
        "Olav Dahl",
        "Ilse Marken",
    ]


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
    reason="malloc_trim is glibc's",
)
def test_free_memory_goes_back_to_the_system_from_a_worker_thread() -> None:
    """A Dask worker extracts on a pool thread: the pages that thread's malloc arena freed stay
    with the process (here ~80 MB kept by one live block in 64) until they are released."""
    from quotes.nlp.pool import release_free_memory

    measured: dict[str, float] = {}

    def churn() -> None:
        blocks = [bytes(1200) for _ in range(70_000)]
        keep = blocks[::64]
        del blocks
        measured["freed"] = _rss_mb()
        release_free_memory()
        measured["released"] = _rss_mb()
        del keep

    thread = threading.Thread(target=churn)
    thread.start()
    thread.join()
    assert measured["freed"] - measured["released"] > 40
