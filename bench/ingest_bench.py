"""Ingest throughput: articles per second over ../shared/corpus (models loaded once).

    python bench/ingest_bench.py [--corpus ../shared/corpus] [--repeat 1] [--store-only]
    python bench/ingest_bench.py --scale 2000 [--workers 2] [--pg-url URL]

Reads the corpus, loads the NLP models once (a warm-up article, timed separately), then
ingests every article into a fresh temporary SQLite store and prints articles/s, quotes/s and
how the time splits between extraction and storing. ``--store-only`` replaces the extractor by
a regex stand-in, to measure the store path alone (no models needed). Skips with a message
when the corpus is absent.

``--scale N`` measures ingest at scale instead (``quotes.bench.scale``): N articles (PolNeAR
train and dev plus the corpus, repeated with changed ids) into a fresh PostgreSQL database on a
local cluster of ``--workers`` processes, then into SQLite in this one process, and prints for
each articles/s, wall and CPU seconds per article per core, peak memory per worker, and the
ratio between them. The server is ``--pg-url``, else the one ``scripts/ci-postgres.sh`` wrote
to /tmp/quotes-pg/url.
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


def run_scale(count: int, workers: int, pg_url: str | None) -> None:
    """The ``--scale`` mode: the cluster into PostgreSQL, then one process into SQLite."""
    from quotes.bench.scale import (
        fresh_postgres,
        ratio_lines,
        run_cluster,
        run_single,
        scale_documents,
    )

    url_file = Path("/tmp/quotes-pg/url")
    server = pg_url or (url_file.read_text().strip() if url_file.is_file() else None)
    if server is None:
        print("skipped: no PostgreSQL (run scripts/ci-postgres.sh or pass --pg-url)")
        return
    docs = scale_documents(REPO.parent / "shared", count)
    if not docs:
        print("skipped: no PolNeAR or corpus under ../shared")
        return
    chars = sum(len(d.text) for d in docs)
    print(f"{len(docs)} articles, {chars / 1e3:.0f} k characters")
    with fresh_postgres(server) as url:
        cluster = run_cluster(url, docs, workers)
    print(cluster.line(), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        single = run_single(f"sqlite:///{tmp}/scale.sqlite", docs)
    print(single.line())
    for line in ratio_lines(cluster, single):
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=1, help="ingest the corpus N times")
    parser.add_argument("--store-only", action="store_true", help="regex stand-in extractor")
    parser.add_argument("--scale", type=int, help="ingest N articles: cluster+PostgreSQL, SQLite")
    parser.add_argument("--workers", type=int, default=2, help="cluster workers (--scale)")
    parser.add_argument("--pg-url", help="PostgreSQL server URL (--scale)")
    args = parser.parse_args()
    if args.scale:
        run_scale(args.scale, args.workers, args.pg_url)
        return
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
