"""Extraction in worker processes gives what one process gives (real models: slow)."""

from __future__ import annotations

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
