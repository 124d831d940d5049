"""Dask distributed or Ray for ingest: the same articles extracted on a local cluster of each.

    python bench/cluster_bench.py --engine dask|ray|single [--workers 2] [--repeat 3]
        [--articles tests/cluster/articles.jsonl]

For one engine: the seconds to start a local cluster of ``--workers`` one-thread worker
processes, the seconds until every worker has loaded the models (a warm-up task each), then
the articles/s of extracting the articles ``--repeat`` times (shards of 4 articles, results
gathered in order the way ``quotes ingest --cluster`` gathers them), the CPU seconds per
article of the thread that extracts (less moved by other load on the machine than the wall
clock), and each worker's peak memory. ``single`` extracts in this process, for the ratio.
Only extraction is timed: the store writer is the same for every engine. Ray is not a
dependency of quotes; install it yourself to measure it (``pip install ray``).
Knobs used to look for Dask's gap: ``BENCH_NO_TRIM=1`` starts Dask's workers without its
``MALLOC_TRIM_THRESHOLD_`` setting, ``BENCH_SWITCH=0.05`` sets the workers' GIL switch interval,
``BENCH_THREAD=1`` runs ``single`` in a second thread, the way a Dask worker runs a task.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotes.nlp.types import Document
from quotes.readers import iter_documents

REPO = Path(__file__).resolve().parent.parent
SHARD = 4


def warm(_: int) -> tuple[int, float]:
    """Load the models in this worker; its pid and peak memory (MB)."""
    from quotes.cluster import extract_shard

    extract_shard([Document('Warm up. "The models load once," he said.')])
    time.sleep(0.5)  # hold the task a moment, so that every worker gets one
    return os.getpid(), _peak_mb()


def shard_quotes(shard: list[Document]) -> tuple[int, int, float, float]:
    """Extract a shard; (quotes found, pid, peak MB, CPU seconds of the extracting thread)."""
    from quotes.cluster import extract_shard

    if os.environ.get("BENCH_SWITCH"):
        sys.setswitchinterval(float(os.environ["BENCH_SWITCH"]))
    began = time.thread_time()
    found = extract_shard(shard)
    cpu = time.thread_time() - began
    quotes = sum(len(getattr(item, "quotes", ())) for item in found)
    return quotes, os.getpid(), _peak_mb(), cpu


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _shards(documents: Sequence[Document]) -> list[list[Document]]:
    return [list(documents[i : i + SHARD]) for i in range(0, len(documents), SHARD)]


def run_dask(workers: int, shards: list[list[Document]]) -> dict[str, Any]:
    import dask
    from distributed import Client, LocalCluster

    if os.environ.get("BENCH_NO_TRIM"):
        environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ"))
        environ.pop("MALLOC_TRIM_THRESHOLD_", None)
        dask.config.set({"distributed.nanny.pre-spawn-environ": environ})
    began = time.perf_counter()
    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    client = Client(cluster)
    started = time.perf_counter() - began
    began = time.perf_counter()
    client.gather([client.submit(warm, i, pure=False) for i in range(workers * 2)])
    loaded = time.perf_counter() - began
    return _timed(lambda s: client.gather(client.map(shard_quotes, s, pure=False)), shards) | {
        "start_s": started,
        "models_s": loaded,
        "close": lambda: (client.close(), cluster.close()),
    }


def run_ray(workers: int, shards: list[list[Document]]) -> dict[str, Any]:
    import ray

    began = time.perf_counter()
    ray.init(
        num_cpus=workers,
        include_dashboard=False,
        logging_level="ERROR",
        runtime_env={"env_vars": {"OMP_NUM_THREADS": "1", "PYTHONPATH": _pythonpath()}},
    )
    remote_warm = ray.remote(num_cpus=1)(warm)
    remote_shard = ray.remote(num_cpus=1)(shard_quotes)
    started = time.perf_counter() - began
    began = time.perf_counter()
    ray.get([remote_warm.remote(i) for i in range(workers * 2)])
    loaded = time.perf_counter() - began
    return _timed(lambda s: ray.get([remote_shard.remote(x) for x in s]), shards) | {
        "start_s": started,
        "models_s": loaded,
        "close": ray.shutdown,
    }


def _pythonpath() -> str:
    """This checkout first, then where this process found ray (a worker needs both)."""
    return os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))


def run_single(workers: int, shards: list[list[Document]]) -> dict[str, Any]:
    began = time.perf_counter()
    warm(0)
    loaded = time.perf_counter() - began
    if os.environ.get("BENCH_THREAD"):  # the way a Dask worker runs a task: in a thread
        from concurrent.futures import ThreadPoolExecutor

        pool = ThreadPoolExecutor(1)
        return _timed(lambda s: list(pool.map(shard_quotes, s)), shards) | {
            "start_s": 0.0,
            "models_s": loaded,
            "close": pool.shutdown,
        }
    return _timed(lambda s: [shard_quotes(x) for x in s], shards) | {
        "start_s": 0.0,
        "models_s": loaded,
        "close": lambda: None,
    }


def _timed(
    gather: Callable[[list[list[Document]]], list[tuple[int, int, float, float]]],
    shards: list[list[Document]],
) -> dict[str, Any]:
    began = time.perf_counter()
    results = gather(shards)
    seconds = time.perf_counter() - began
    peaks: dict[int, float] = {}
    for _, pid, peak, _cpu in results:
        peaks[pid] = max(peak, peaks.get(pid, 0.0))
    cpu = sum(r[3] for r in results)
    return {"seconds": seconds, "quotes": sum(r[0] for r in results), "peak_mb": peaks, "cpu": cpu}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=("dask", "ray", "single"), required=True)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--articles", default=str(REPO / "tests/cluster/articles.jsonl"))
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    documents = [d for d in iter_documents([args.articles]) if isinstance(d, Document)]
    documents = documents * args.repeat
    runner = {"dask": run_dask, "ray": run_ray, "single": run_single}[args.engine]
    workers = 1 if args.engine == "single" else args.workers
    found = runner(workers, _shards(documents))
    found["close"]()
    rate = len(documents) / found["seconds"]
    peaks = ", ".join(f"{mb:.0f}" for mb in sorted(found["peak_mb"].values()))
    print(
        f"{args.engine}: {workers} worker(s), {len(documents)} articles, {found['quotes']} quotes; "
        f"cluster start {found['start_s']:.1f} s, models loaded {found['models_s']:.1f} s; "
        f"extraction {found['seconds']:.1f} s = {rate:.2f} articles/s "
        f"({rate / workers:.2f} per worker); extracting thread CPU "
        f"{found['cpu'] / len(documents):.3f} s per article; peak MB per worker: {peaks}"
    )


if __name__ == "__main__":
    main()
