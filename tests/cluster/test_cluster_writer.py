"""The cluster path's writer, with a stand-in cluster that runs each task at once in this
process: results stored in input order, one transaction per shard, the store the one a single
process builds, failures isolated. No Dask needed (the real engine: test_cluster_engine.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from quotes.cluster import ClusterError, shards
from quotes.errors import StoreError
from quotes.ingest import extract_batch, ingest_paths
from quotes.nlp.types import Document, Extraction
from quotes.readers import Skipped
from quotes.store.db import make_engine
from quotes.store.tables import Article, Quote, Speaker
from tests.cli.test_store_cli import CORPUS, fake_batch

ARTICLES = Path(__file__).with_name("articles.jsonl")
INPUTS = [*CORPUS, ARTICLES]


class _Finished:
    """A task that has run: its value, or the error it raised."""

    def __init__(self, run: Callable[[], Any]) -> None:
        try:
            self.value, self.error = run(), None
        except Exception as err:
            self.value, self.error = None, err

    def result(self) -> Any:
        if self.error is not None:
            raise self.error
        return self.value

    def cancel(self) -> None:
        pass


class FakeClient:
    """A two-worker 'cluster' that runs every submitted task at once, here."""

    def __init__(self, fail: Callable[[list[Document]], bool] = lambda shard: False) -> None:
        self.fail = fail
        self.submitted: list[int] = []

    def nthreads(self) -> dict[str, int]:
        return {"tcp://a": 1, "tcp://b": 1}

    def submit(self, fn: Callable[..., Any], shard: list[Document], **_: Any) -> _Finished:
        self.submitted.append(len(shard))

        def run() -> Any:
            if self.fail(shard):
                raise RuntimeError("worker lost")
            return fn(shard)

        return _Finished(run)


def fake_shard(shard: list[Document]) -> list[Extraction | Skipped]:
    return extract_batch(fake_batch, shard)


@pytest.fixture
def client(monkeypatch: pytest.MonkeyPatch) -> FakeClient:
    fake = FakeClient()

    @contextmanager
    def connect(address: str, workers: int | None = None) -> Iterator[FakeClient]:
        yield fake

    monkeypatch.setattr("quotes.cluster.connect", connect)
    monkeypatch.setattr("quotes.cluster.extract_shard", fake_shard)
    return fake


def stored(engine: Engine) -> list[tuple[Any, ...]]:
    """Every quote with its article and speaker, ids included, in id order."""
    with Session(engine) as session:
        stmt = (
            select(
                Quote.id,
                Article.id,
                Article.content_hash,
                Quote.start,
                Quote.end,
                Quote.text,
                Quote.type,
                Quote.target,
                Quote.role,
                Speaker.id,
                Speaker.name,
            )
            .join(Article, col(Article.id) == col(Quote.article_id))
            .outerjoin(Speaker, col(Speaker.id) == col(Quote.speaker_id))
            .order_by(col(Quote.id))
        )
        return [tuple(row) for row in session.exec(stmt)]


def test_shards_are_consecutive_and_keep_the_order() -> None:
    docs = [Document(f"article {i}") for i in range(10)]
    parts = shards(docs, 4)
    assert [len(p) for p in parts] == [4, 4, 2]
    assert [d for p in parts for d in p] == docs


def test_cluster_store_equals_the_single_process_store(client: FakeClient) -> None:
    one, many = make_engine("sqlite://"), make_engine("sqlite://")
    seen: list[tuple[str, int, int]] = []
    first = ingest_paths(one, INPUTS, extract=fake_batch)
    second = ingest_paths(many, INPUTS, cluster="local", progress=lambda *a: seen.append(a))
    assert second.added == first.added == 24 and second.quotes == first.quotes > 5
    assert stored(many) == stored(one)
    assert [done for _, done, _ in seen] == list(range(1, 25))
    assert client.submitted == [4] * 6  # 24 articles in shards of 4
    again = ingest_paths(many, INPUTS, cluster="local")
    assert (again.added, again.unchanged) == (0, 24)
    assert client.submitted == [4] * 6  # nothing new: no task sent


def test_an_article_that_cannot_be_stored_is_skipped_alone(
    client: FakeClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quotes import ingest

    save = ingest.save_extraction

    def picky(session: Session, extraction: Extraction, *, commit: bool = True) -> Any:
        if "Hiroshima" in extraction.document.text:
            raise StoreError("database error: no room")
        return save(session, extraction, commit=commit)

    monkeypatch.setattr("quotes.ingest.save_extraction", picky)
    engine = make_engine("sqlite://")
    summary = ingest_paths(engine, INPUTS, cluster="local")
    assert [s.reason for s in summary.skipped] == ["database error: no room"]
    assert summary.added == 23
    with Session(engine) as session:
        assert len(session.exec(select(Article.id)).all()) == 23


def test_a_shard_the_cluster_cannot_finish_stops_the_run_in_one_line(
    client: FakeClient,
) -> None:
    client.fail = lambda shard: any("Hiroshima" in d.text for d in shard)
    engine = make_engine("sqlite://")
    with pytest.raises(ClusterError, match=r"^shard 3 of 6 failed on the cluster"):
        ingest_paths(engine, INPUTS, cluster="local")
    client.fail = lambda shard: False
    summary = ingest_paths(engine, INPUTS, cluster="local")
    assert (summary.added, summary.unchanged) == (16, 8)  # the two shards before stay stored
    with Session(engine) as session:
        hashes = session.exec(select(Article.content_hash)).all()
    assert len(hashes) == len(set(hashes)) == 24  # every article once
