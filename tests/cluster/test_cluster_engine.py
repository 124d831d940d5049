"""The real engine: local Dask clusters of 2 worker processes with the real models, on the 20
articles of articles.jsonl, against the store one process builds (slow: every worker loads
the models). Skips where Dask is not installed (``pip install 'quotes[cluster]'``)."""

from __future__ import annotations

import json
import logging
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session, select
from typer.testing import CliRunner

from quotes.cli import app
from quotes.ingest import ingest_paths
from quotes.store.db import make_engine, open_store
from quotes.store.tables import Article
from tests.cluster.test_cluster_writer import stored

distributed = pytest.importorskip("distributed")

pytestmark = pytest.mark.slow
ARTICLES = Path(__file__).with_name("articles.jsonl")
runner = CliRunner()


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Any, ...]]:
    """The 20 articles stored by one process, the default path: every quote, ids included."""
    url = f"sqlite:///{tmp_path_factory.mktemp('one') / 'one.sqlite'}"
    engine = open_store(url)
    summary = ingest_paths(engine, [ARTICLES], workers=1)
    assert summary.added == 20 and not summary.skipped
    rows = stored(engine)
    engine.dispose()
    assert len(rows) > 20
    return rows


def test_a_local_cluster_of_two_stores_what_one_process_stores(
    reference: list[tuple[Any, ...]], tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'two.sqlite'}"
    args = ["ingest", str(ARTICLES), "--db", url, "--cluster", "local", "--workers", "2"]
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["added"] == 20 and summary["skipped"] == []
    assert summary["quotes"] == len(reference)
    engine = make_engine(url)
    assert stored(engine) == reference  # quote for quote, ids and speakers included
    engine.dispose()


@pytest.fixture
def cluster() -> Iterator[Any]:
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        ) as local,
        distributed.Client(local, set_as_default=False) as client,
    ):
        yield client


def test_a_worker_killed_mid_run_loses_and_duplicates_no_article(
    cluster: Any, reference: list[tuple[Any, ...]], tmp_path: Path
) -> None:
    pids: dict[str, int] = cluster.run(os.getpid)
    killed: list[int] = []

    def kill_a_busy_worker(label: str, done: int, total: int) -> None:
        if killed or done < 4:  # after the first shard is stored
            return
        busy = [worker for worker, keys in cluster.processing().items() if keys]
        pid = pids[busy[0] if busy else next(iter(pids))]
        os.kill(pid, signal.SIGKILL)
        killed.append(pid)

    engine = make_engine(f"sqlite:///{tmp_path / 'killed.sqlite'}")
    address = cluster.scheduler.address
    summary = ingest_paths(engine, [ARTICLES], cluster=address, progress=kill_a_busy_worker)
    assert killed
    assert set(cluster.run(os.getpid).values()) != set(pids.values())  # the nanny restarted it
    assert (summary.added, summary.unchanged, summary.skipped) == (20, 0, [])
    with Session(engine) as session:
        hashes = session.exec(select(Article.content_hash)).all()
    assert len(hashes) == len(set(hashes)) == 20
    assert stored(engine) == reference
    engine.dispose()


def _hold(seconds: float) -> float:
    import time

    time.sleep(seconds)
    return seconds


def _profile_cycles(dask_worker: Any) -> int:
    return len(dask_worker.profile_history)


def test_local_workers_keep_no_profile_of_the_extraction() -> None:
    """Dask's statistical profiler samples the running task's stack every 10 ms and keeps the
    last 1,000 one-second trees: with stanza's deep stacks that grew each worker by about 12 MB
    per 100 articles over a long ingest. The local cluster runs without it."""
    from quotes.cluster import connect

    with connect("local", 1) as client:
        assert client.submit(_hold, 2.5, pure=False).result() == 2.5
        assert list(client.run(_profile_cycles).values()) == [0]
