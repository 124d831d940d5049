"""Ingest throughput: articles per second over ../shared/corpus (models loaded once).

    python bench/ingest_bench.py [--corpus ../shared/corpus] [--repeat 1] [--store-only]

Reads the corpus, loads the NLP models once (a warm-up article, timed separately), then
ingests every article into a fresh temporary SQLite store and prints articles/s, quotes/s and
how the time splits between extraction and storing. ``--store-only`` replaces the extractor by
a regex stand-in, to measure the store path alone (no models needed). Skips with a message
when the corpus is absent.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotes.ingest import default_extractor, ingest_documents
from quotes.nlp.types import Document, ExtractedQuote, ExtractedSpeaker, Extraction
from quotes.readers import Skipped, iter_documents
from quotes.store.db import open_store

REPO = Path(__file__).resolve().parent.parent
_QUOTE = re.compile(r"“([^”]{12,})”")


def regex_extract(docs: Sequence[Document]) -> list[Extraction]:
    """Stand-in extractor: every curly-quoted run, attributed to one speaker per outlet."""
    return [
        Extraction(
            doc,
            [
                ExtractedQuote(
                    start=m.start(),
                    end=m.end(),
                    text=m.group(1),
                    speaker=ExtractedSpeaker(
                        name=f"ExtractedSpeaker of {doc.meta.outlet}", kind="person"
                    ),
                )
                for m in _QUOTE.finditer(doc.text)
            ],
        )
        for doc in docs
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=1, help="ingest the corpus N times")
    parser.add_argument("--store-only", action="store_true", help="regex stand-in extractor")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"skipped: no corpus at {args.corpus}")
        return
    docs = [d for d in iter_documents([args.corpus]) if not isinstance(d, Skipped)]
    if args.repeat > 1:  # distinct texts so every copy is really processed
        docs = [
            Document(text=d.text + f"\n{n}", meta=replace(d.meta, path=f"{d.meta.path}#{n}"))
            for n in range(args.repeat)
            for d in docs
        ]
    chars = sum(len(d.text) for d in docs)
    if args.store_only:
        extract = regex_extract
        warm = 0.0
    else:
        began = time.perf_counter()
        extract = default_extractor()
        extract([Document(text="“We are ready,” the minister said.")])
        warm = time.perf_counter() - began
    spent = {"extract": 0.0}

    def timed(batch: Sequence[Document]) -> list[Extraction]:
        began = time.perf_counter()
        try:
            return extract(batch)
        finally:
            spent["extract"] += time.perf_counter() - began

    with tempfile.TemporaryDirectory() as tmp:
        engine = open_store(f"sqlite:///{tmp}/bench.sqlite")
        began = time.perf_counter()
        summary = ingest_documents(engine, docs, extract=timed)
        total = time.perf_counter() - began
        engine.dispose()
    store = total - spent["extract"]
    kind = "regex stand-in (store path only)" if args.store_only else "NLP pipeline"
    print(f"{len(docs)} articles, {chars / 1e3:.0f} k characters, extractor: {kind}")
    if not args.store_only:
        print(f"  model load + warm-up      {warm:6.1f} s (once)")
    print(f"  ingest total              {total:6.1f} s")
    print(f"    extraction              {spent['extract']:6.1f} s")
    print(f"    store (save + links)    {store:6.1f} s")
    print(
        f"  throughput                {len(docs) / total:6.2f} articles/s, "
        f"{summary.quotes / total:6.1f} quotes/s ({summary.quotes} quotes, "
        f"{len(summary.skipped)} skipped)"
    )


if __name__ == "__main__":
    main()
