"""Ingest on a Dask distributed cluster: the workers extract, this process alone writes.

``quotes ingest PATH... --cluster ADDRESS`` reads the articles here, cuts the new ones into
shards (consecutive articles in input order: files in the order given, the records of a JSONL
or Parquet archive in theirs, so a large archive becomes many shards) and sends each shard to
the cluster as one task, so the workers need neither the files nor the store. Each worker
process loads the models once (``quotes.nlp.pool``'s per-process parser) and runs one thread.
Results come back in input order, at most ``WINDOW_PER_WORKER`` shards per worker in flight,
and the one writer (``quotes.ingest``) stores each shard in one transaction: the store is the
one a single process builds, article ids included.

A task that raises is retried (``RETRIES``); a shard whose worker dies is run again
elsewhere by the scheduler. Either way nothing is stored twice: only this process writes,
each shard once, and the content hash makes storing the same article again a no-op. The
address ``local`` starts a cluster of worker processes on this machine. Dask is an optional
extra (``pip install 'quotes[cluster]'``); nothing here imports it until a cluster is asked
for.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from quotes.errors import QuotesError
from quotes.nlp.types import Document, Extraction
from quotes.readers import Skipped

if TYPE_CHECKING:
    from distributed import Client

LOCAL = "local"
SHARD_SIZE = 4
WINDOW_PER_WORKER = 4
RETRIES = 2
CONNECT_SECONDS = 10.0
INSTALL_HINT = "pip install 'quotes[cluster]'"


class ClusterError(QuotesError):
    """The cluster cannot be reached, started, or finish the work."""

    title = "cluster error"


def _distributed() -> Any:
    """The ``distributed`` package, or a one-line error saying how to install it."""
    try:
        import distributed
    except ImportError:
        raise ClusterError(f"--cluster needs Dask distributed: {INSTALL_HINT}") from None
    return distributed


def check_address(address: str, workers: int | None) -> str:
    """``address`` trimmed, if it names a cluster; ``--workers`` only counts local workers."""
    value = address.strip()
    if not value:
        raise ClusterError("--cluster needs an address (tcp://host:8786) or 'local'")
    if value != LOCAL and workers is not None:
        raise ClusterError(
            "--workers starts local workers: use it with --cluster local, "
            "or start more workers on the cluster itself"
        )
    return value


@contextmanager
def connect(address: str, workers: int | None = None) -> Iterator[Client]:
    """A client of the cluster at ``address``, or of a local cluster of ``workers`` processes
    (``local``; default one per core, at most 4); closed (and a local cluster stopped) after.
    ``workers`` is ignored for a running cluster (the command line refuses it there)."""
    distributed = _distributed()
    address = check_address(address, None)
    if address == LOCAL:
        with _local_client(distributed, workers) as client:
            yield client
        return
    try:
        client = distributed.Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
    except (OSError, TimeoutError, ValueError, TypeError) as err:
        detail = str(err).strip().splitlines()[0][:200] if str(err).strip() else type(err).__name__
        raise ClusterError(f"cannot reach the cluster at {address}: {detail}") from None
    try:
        _wait_for_workers(client, address)
        yield client
    finally:
        client.close()


def _wait_for_workers(client: Client, address: str) -> None:
    """Return once the cluster has a worker; a scheduler without any is a one-line error."""
    try:
        client.wait_for_workers(1, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError):
        raise ClusterError(
            f"the cluster at {address} has no workers (start some: dask worker {address})"
        ) from None


WORKER_CONFIG = {"distributed.worker.profile.enabled": False}
"""Dask settings for the workers this module starts. Dask's statistical profiler samples the
running task's stack every 10 ms and keeps the last 1,000 one-second trees; with stanza's deep
stacks it grew each worker by about 12 MB per 100 articles over a long ingest. Workers started
by hand take the same setting from the environment (README, "When one machine is not enough")."""


def start_local_cluster(workers: int) -> Any:
    """A ``distributed.LocalCluster`` of ``workers`` one-thread processes, without the profiler."""
    import dask

    distributed = _distributed()
    with dask.config.set(WORKER_CONFIG):
        return distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        )


@contextmanager
def _local_client(distributed: Any, workers: int | None) -> Iterator[Client]:
    from quotes.nlp.pool import default_workers

    count = workers or default_workers()
    try:
        cluster = start_local_cluster(count)
    except Exception as err:  # no traceback for a cluster that cannot start here
        raise ClusterError(f"cannot start a local cluster: {type(err).__name__}: {err}") from None
    try:
        client = distributed.Client(cluster, set_as_default=False)
        try:
            yield client
        finally:
            client.close()
    finally:
        cluster.close()


def shards(documents: Sequence[Document], size: int = SHARD_SIZE) -> list[list[Document]]:
    """``documents`` cut into consecutive shards of at most ``size`` articles."""
    step = max(size, 1)
    return [list(documents[i : i + step]) for i in range(0, len(documents), step)]


def extract_shard(shard: list[Document]) -> list[Extraction | Skipped]:
    """Run on a worker: extract a shard with this process's models (loaded once, one thread).

    An article the extractor cannot handle comes back as ``Skipped``; a missing model raises
    (the task fails, and the run stops with its message)."""
    from quotes.batches import extract_batch
    from quotes.nlp.pipeline import extract_many
    from quotes.nlp.pool import one_thread, release_free_memory, shared_parser

    one_thread()
    parser = shared_parser()
    try:
        return extract_batch(lambda docs: list(extract_many(docs, parser)), shard)
    finally:
        release_free_memory()


def extract_on_cluster(
    client: Client, todo: Sequence[Document], shard_size: int = SHARD_SIZE
) -> Iterator[tuple[list[Document], list[Extraction | Skipped]]]:
    """Each shard of ``todo`` with its results, in input order, extracted on the cluster."""
    parts = shards(todo, shard_size)
    workers = max(len(client.nthreads()), 1)
    window = workers * WINDOW_PER_WORKER
    pending: dict[int, Any] = {}
    submitted = 0
    try:
        for index, shard in enumerate(parts):
            while submitted < len(parts) and submitted < index + window:
                pending[submitted] = client.submit(
                    extract_shard, parts[submitted], retries=RETRIES, pure=False
                )
                submitted += 1
            yield shard, _result(pending.pop(index), index, len(parts))
    finally:
        for future in pending.values():
            future.cancel()


def _result(future: Any, index: int, total: int) -> list[Extraction | Skipped]:
    """A shard's results; a shard the cluster could not finish is a one-line error."""
    try:
        found: list[Extraction | Skipped] = future.result()
    except QuotesError:
        raise
    except Exception as err:
        name = type(err).__name__
        raise ClusterError(
            f"shard {index + 1} of {total} failed on the cluster ({name}: {err}); "
            "what was stored before it stays stored: run the command again for the rest"
        ) from None
    return found
