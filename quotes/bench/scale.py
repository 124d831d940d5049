"""Ingest at scale: the same articles into PostgreSQL on a local Dask cluster and into SQLite in
one process, measured in one run (``bench/ingest_bench.py --scale N``).

The articles are PolNeAR's train and dev texts and ``../shared/corpus`` (each text once),
repeated with a changed id and a changed last line (so every copy is new to the store) up to
the count asked.
Each leg loads the models before its clock starts. Per leg: articles/s (wall), wall seconds per
article per core (wall x cores used / articles), CPU seconds per article of the extracting
processes (steadier than wall time on a shared machine), and each extracting process's peak
memory (``ru_maxrss``). The cluster's writer is this process; its CPU is reported apart.
"""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from quotes.nlp.types import Document, DocumentMeta
from quotes.readers import Skipped, iter_documents

WARM_UP = 'Warm up. "The models load once," he said.'


@dataclass(slots=True)
class Leg:
    """One store and engine: how fast, at what cost per core, how much memory."""

    name: str
    articles: int
    cores: int
    seconds: float
    cpu_seconds: float  # the extracting processes' CPU time
    writer_cpu_seconds: float  # this process's CPU time (the writer; the extractor when single)
    peak_mb: list[float] = field(default_factory=list)  # per extracting process
    quotes: int = 0

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def wall_s_per_article_per_core(self) -> float:
        return self.seconds * self.cores / self.articles if self.articles else 0.0

    @property
    def cpu_s_per_article(self) -> float:
        return self.cpu_seconds / self.articles if self.articles else 0.0

    def line(self) -> str:
        peaks = ", ".join(f"{mb:.0f}" for mb in self.peak_mb)
        return (
            f"{self.name}: {self.articles} articles, {self.quotes} quotes in {self.seconds:.1f} s"
            f" = {self.articles_per_s:.3f} articles/s; {self.wall_s_per_article_per_core:.3f}"
            f" wall s/article per core ({self.cores} core(s)); extracting CPU"
            f" {self.cpu_s_per_article:.3f} s/article; writer CPU"
            f" {self.writer_cpu_seconds / max(self.articles, 1):.3f} s/article;"
            f" peak MB per worker: {peaks}"
        )


def scale_documents(shared: Path, count: int) -> list[Document]:
    """``count`` articles: PolNeAR train and dev, then the corpus, repeated with new ids."""
    base = _base_documents(shared)
    if not base:
        return []
    out: list[Document] = []
    copy = 0
    while len(out) < count:
        for doc in base[: count - len(out)]:
            out.append(doc if copy == 0 else _copy(doc, copy))
        copy += 1
    return out


def _base_documents(shared: Path) -> list[Document]:
    """PolNeAR train, dev, then the corpus; a text seen before is left out (the store would
    take it for the same article and extract it once)."""
    docs: list[Document] = []
    for split in ("train", "dev"):
        folder = shared / "polnear" / split / "text"
        for path in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
            text = path.read_text(encoding="utf-8", errors="replace")
            if text.strip():
                docs.append(Document(text, DocumentMeta(path=f"polnear/{split}/{path.name}")))
    corpus = shared / "corpus"
    if corpus.is_dir():
        docs += [d for d in iter_documents([corpus]) if not isinstance(d, Skipped)]
    unique = {d.text: d for d in reversed(docs)}  # the first of equal texts wins
    return [d for d in docs if unique[d.text] is d]


def _copy(doc: Document, n: int) -> Document:
    """A copy the store sees as a new article: another id, one more line."""
    return Document(doc.text + f"\n{n}", replace(doc.meta, path=f"{doc.meta.path}#{n}"))


def _usage() -> tuple[int, float, float]:
    """This process: pid, CPU seconds so far, peak memory (MB)."""
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return os.getpid(), ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024


def _warm_worker() -> tuple[int, float, float]:
    """Load the models in a cluster worker; its usage afterwards."""
    from quotes.cluster import extract_shard

    extract_shard([Document(WARM_UP)])
    return _usage()


def run_cluster(url: str, docs: Sequence[Document], workers: int) -> Leg:
    """Ingest ``docs`` into the store at ``url`` on a local cluster of ``workers`` processes."""
    from distributed import Client

    from quotes.cluster import start_local_cluster
    from quotes.ingest import ingest_documents
    from quotes.store.db import open_store

    cluster = start_local_cluster(workers)
    client = Client(cluster, set_as_default=False)
    try:
        before = client.run(_warm_worker)
        engine = open_store(url)
        writer0 = time.process_time()
        began = time.perf_counter()
        summary = ingest_documents(engine, docs, cluster=cluster.scheduler_address, workers=None)
        seconds = time.perf_counter() - began
        writer = time.process_time() - writer0
        after = client.run(_usage)
        engine.dispose()
    finally:
        client.close()
        cluster.close()
    cpu = sum(after[w][1] - before[w][1] for w in after if w in before)
    peaks = sorted(after[w][2] for w in after)
    return Leg(
        f"postgresql, local cluster of {workers}",
        len(docs),
        workers,
        seconds,
        cpu,
        writer,
        peaks,
        summary.quotes,
    )


def run_single(url: str, docs: Sequence[Document]) -> Leg:
    """Ingest ``docs`` into the store at ``url`` in this process, with one torch thread."""
    from quotes.ingest import default_extractor, ingest_documents
    from quotes.nlp.pool import one_thread
    from quotes.store.db import open_store

    one_thread()
    extract = default_extractor()
    extract([Document(WARM_UP)])
    engine = open_store(url)
    cpu0 = time.process_time()
    began = time.perf_counter()
    summary = ingest_documents(engine, docs, extract=extract)
    seconds = time.perf_counter() - began
    cpu = time.process_time() - cpu0
    engine.dispose()
    return Leg(
        "sqlite, one process", len(docs), 1, seconds, cpu, cpu, [_usage()[2]], summary.quotes
    )


@contextmanager
def fresh_postgres(server_url: str) -> Iterator[str]:
    """A new, empty database on the server of ``server_url``, dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"quotes_scale_{os.getpid()}"
    admin = create_engine(
        make_url(server_url).set(database="postgres"), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def ratio_lines(cluster: Leg, single: Leg) -> list[str]:
    """How the cluster compares with one process: throughput, and cost per core."""
    speedup = cluster.articles_per_s / single.articles_per_s if single.articles_per_s else 0.0
    per_core = (
        single.wall_s_per_article_per_core / cluster.wall_s_per_article_per_core
        if cluster.wall_s_per_article_per_core
        else 0.0
    )
    cpu = single.cpu_s_per_article / cluster.cpu_s_per_article if cluster.cpu_s_per_article else 0
    return [
        f"ratio cluster/single: {speedup:.2f}x articles/s; per-core efficiency"
        f" {per_core:.2f} (wall), {cpu:.2f} (extracting CPU);"
        f" peak MB {max(cluster.peak_mb, default=0):.0f} vs {max(single.peak_mb, default=0):.0f}"
    ]
