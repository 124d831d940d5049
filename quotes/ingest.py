"""Files -> documents -> extractor -> store: the one ingest function the CLI and TUI both call.

Every article is stored in its own transaction, so an article is stored whole or not at all;
an article whose text is already stored is not run through the extractor again. Bad inputs
and articles the extractor cannot handle are reported as ``Skipped`` with a reason.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from quotes.batches import BatchExtractor, document_label, extract_batch
from quotes.errors import ModelError, QuotesError
from quotes.nlp.types import Document, Extraction
from quotes.readers import Skipped, iter_documents
from quotes.store.db import init_db, session_scope
from quotes.store.tables import Article
from quotes.store.write import SaveResult, content_hash, save_extraction

Progress = Callable[[str, int, int], None]
BATCH_SIZE = 8
# Each worker process loads its own models (~4 s), so a worker needs this many articles to pay.
ARTICLES_PER_WORKER = 2


@dataclass(slots=True)
class IngestSummary:
    """What one ingest run did."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    quotes: int = 0
    speakers: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    results: list[SaveResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def articles(self) -> int:
        """Articles read successfully (added, updated or unchanged)."""
        return self.added + self.updated + self.unchanged

    def line(self) -> str:
        """One-line human summary."""
        text = (
            f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged; "
            f"{self.quotes} quotes, {self.speakers} new speakers"
        )
        if self.skipped:
            text += f"; {len(self.skipped)} skipped"
        return text + f" ({self.seconds:.1f} s)"

    def to_json(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "quotes": self.quotes,
            "speakers": self.speakers,
            "skipped": [{"path": s.path, "reason": s.reason} for s in self.skipped],
            "articles": [
                {"id": r.article_id, "status": r.status, "quotes": r.quotes} for r in self.results
            ],
            "seconds": round(self.seconds, 3),
        }


def default_extractor() -> BatchExtractor:
    """The NLP pipeline (imported here, so importing ``quotes`` loads no model)."""
    try:
        from quotes.nlp import pipeline
    except ImportError as err:  # the extractor is missing or broken in this installation
        raise ModelError(f"the extractor cannot be loaded: {err}") from None
    many = getattr(pipeline, "extract_many", None)
    if many is not None:
        return lambda docs: list(many(docs))
    return lambda docs: [pipeline.extract(doc) for doc in docs]


def pool_size(workers: int | None, articles: int) -> int:
    """Extraction processes worth starting for ``articles`` new articles.

    ``workers`` None means one per core (at most 4); never more than one per
    ``ARTICLES_PER_WORKER`` articles, since every worker loads the models first.
    """
    from quotes.nlp.pool import default_workers

    wanted = default_workers() if workers is None else workers
    return max(1, min(wanted, articles // ARTICLES_PER_WORKER))


def _stored_hashes(engine: Engine, hashes: Sequence[str]) -> set[str]:
    found: set[str] = set()
    with Session(engine) as session:
        for start in range(0, len(hashes), 500):
            chunk = list(hashes[start : start + 500])
            stmt = select(Article.content_hash).where(col(Article.content_hash).in_(chunk))
            found.update(session.exec(stmt))
    return found


@contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM wait (blocked in this thread) until the block ends: an article is
    written and counted before a stop, so what a stopped ingest reports is what it stored."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _store(engine: Engine, extraction: Extraction, summary: IngestSummary) -> None:
    with _signals_held():
        _store_and_count(engine, extraction, summary)


def _store_and_count(engine: Engine, extraction: Extraction, summary: IngestSummary) -> None:
    try:
        with session_scope(engine) as session:
            result = save_extraction(session, extraction, commit=False)
    except QuotesError as err:
        summary.skipped.append(Skipped(document_label(extraction.document), err.message))
        return
    except Exception as err:  # a bug in the store: this article only, said, not a traceback
        reason = f"could not be stored: {type(err).__name__}: {err}"
        summary.skipped.append(Skipped(document_label(extraction.document), reason))
        return
    _count(summary, result)


def _store_many(engine: Engine, extractions: Sequence[Extraction], summary: IngestSummary) -> None:
    """Store ``extractions`` in one transaction (the cluster's writer); if one of them cannot be
    stored (a known error or a bug), each in its own transaction instead, so that only that
    article is skipped."""
    with _signals_held():
        try:
            with session_scope(engine) as session:
                results = [save_extraction(session, item, commit=False) for item in extractions]
        except Exception:
            for item in extractions:
                _store_and_count(engine, item, summary)
            return
        for result in results:
            _count(summary, result)


def _count(summary: IngestSummary, result: SaveResult) -> None:
    summary.results.append(result)
    if result.status == "unchanged":
        summary.unchanged += 1
        return
    summary.added += result.status == "added"
    summary.updated += result.status == "updated"
    summary.quotes += result.quotes
    summary.speakers += result.new_speakers


def ingest_documents(
    engine: Engine,
    documents: Sequence[Document],
    *,
    progress: Progress | None = None,
    extract: BatchExtractor | None = None,
    batch_size: int = BATCH_SIZE,
    summary: IngestSummary | None = None,
    workers: int | None = 1,
    cluster: str | None = None,
) -> IngestSummary:
    """Extract and store already-read documents (skipping texts already stored).

    Without ``extract``, the packaged NLP pipeline runs in ``workers`` processes (None: one per
    core), as many as the number of new articles makes worth their model loading. With
    ``cluster`` (a Dask scheduler address, or ``local`` for ``workers`` local processes) it
    runs on that cluster instead, and this process stores the results (``quotes.cluster``).
    """
    summary = summary if summary is not None else IngestSummary()
    init_db(engine)
    total = len(documents)
    stored = _stored_hashes(engine, [content_hash(d.text) for d in documents])
    todo: list[Document] = []
    done = 0
    for doc in documents:
        digest = content_hash(doc.text)
        if digest in stored:
            summary.unchanged += 1
            done += 1
            if progress is not None:
                progress(document_label(doc), done, total)
        else:
            stored.add(digest)
            todo.append(doc)
    if not todo:
        return summary
    run = _Run(engine, summary, progress, done, total)
    if cluster is not None:
        from quotes.cluster import connect, extract_on_cluster

        with connect(cluster, workers) as client:
            for shard, items in extract_on_cluster(client, todo):
                run.store_shard(shard, items)
        return summary
    if extract is not None:
        run.extract_and_store(todo, extract, batch_size)
        return summary
    processes = pool_size(workers, len(todo))
    if processes == 1:
        run.extract_and_store(todo, default_extractor(), batch_size)
        return summary
    from quotes.nlp.pool import ParallelExtractor

    # one article per task, several tasks per worker in a batch: a long article does not hold
    # up the other workers (results still come back in order)
    with ParallelExtractor(processes, chunk_size=1) as pool:
        batch = max(batch_size, processes * 8)
        run.extract_and_store(todo, lambda docs: list(pool.extract(docs)), batch)
    return summary


@dataclass(slots=True)
class _Run:
    """Where one ingest stands: the store, its summary, and progress reporting."""

    engine: Engine
    summary: IngestSummary
    progress: Progress | None
    done: int
    total: int

    def extract_and_store(
        self, todo: Sequence[Document], extract: BatchExtractor, batch_size: int
    ) -> None:
        """Extract ``todo`` in batches, storing each article as soon as its batch is done."""
        size = max(batch_size, 1)
        for start in range(0, len(todo), size):
            batch = todo[start : start + size]
            for doc, item in zip(batch, extract_batch(extract, batch), strict=True):
                if isinstance(item, Skipped):
                    self.summary.skipped.append(item)
                else:
                    _store(self.engine, item, self.summary)
                self.done += 1
                if self.progress is not None:
                    self.progress(document_label(doc), self.done, self.total)

    def store_shard(self, shard: Sequence[Document], items: Sequence[Extraction | Skipped]) -> None:
        """Store a shard's extractions in one transaction, then report each article."""
        for item in items:
            if isinstance(item, Skipped):
                self.summary.skipped.append(item)
        _store_many(
            self.engine, [item for item in items if not isinstance(item, Skipped)], self.summary
        )
        for doc in shard:
            self.done += 1
            if self.progress is not None:
                self.progress(document_label(doc), self.done, self.total)


def ingest_paths(
    engine: Engine,
    paths: Sequence[Path | str],
    *,
    progress: Progress | None = None,
    extract: BatchExtractor | None = None,
    batch_size: int = BATCH_SIZE,
    stdin: BinaryIO | None = None,
    workers: int | None = 1,
    summary: IngestSummary | None = None,
    as_kind: str | None = None,
    cluster: str | None = None,
) -> IngestSummary:
    """Read files, folders (recursively) and ``-`` (stdin), extract quotes, store them.

    Pass ``summary`` to keep what was stored when the run is interrupted (a signal);
    ``as_kind`` ("transcript" or "article") overrides the reader's transcript guess."""
    began = time.perf_counter()
    summary = summary if summary is not None else IngestSummary()
    try:
        documents: list[Document] = []
        for item in iter_documents(paths, stdin=stdin, as_kind=as_kind):
            if isinstance(item, Skipped):
                summary.skipped.append(item)
            else:
                documents.append(item)
        ingest_documents(
            engine,
            documents,
            progress=progress,
            extract=extract,
            batch_size=batch_size,
            summary=summary,
            workers=workers,
            cluster=cluster,
        )
    finally:
        summary.seconds = time.perf_counter() - began
    return summary
