"""Keyword search latency on a store of synthetic quotes (default 1,000,000 rows).

    python bench/search_bench.py [--rows 1000000] [--db sqlite:////tmp/quotes-bench.sqlite]
                                 [--queries 300] [--keep]

Builds the store fast (executemany in one transaction, FTS index rebuilt once at the end),
then times ``quotes.store.search.search_quotes`` end to end (SQL + row building) over a mix of
common words, rare words, several words, phrases, prefixes and a speaker filter, and prints
p50/p95/max per kind and overall. Target: p95 < 50 ms. Timing limits live here, not in tests.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotes.nlp.lexicon import word_list
from quotes.store.db import POSTGRES_FTS, SQLITE_FTS, init_db, make_engine
from quotes.store.filters import QuoteFilter
from quotes.store.search import search_quotes

TOPIC = [
    "lethal",
    "support",
    "drones",
    "sanctions",
    "missiles",
    "border",
    "ceasefire",
    "smear",
    "smears",
    "smearing",
    "disinformation",
    "aggression",
    "sovereignty",
    "negotiations",
    "nuclear",
    "weapons",
    "troops",
    "embassy",
    "ambassador",
    "provocation",
    "interference",
    "genocide",
    "humanitarian",
    "corridor",
    "talks",
    "treaty",
]
TYPES = ("accuse", "deny", "reject", "warn", "demand", "statement", "support", "condemn")


def vocabulary(size: int, rng: random.Random) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = {"".join(rng.choices(letters, k=rng.randint(3, 10))) for _ in range(size * 2)}
    return sorted(words)[:size]


def word_ranks(rng: random.Random) -> list[str]:
    """Words by frequency rank: English stop words first (the query parser drops them), then
    synthetic words, with the topic words placed at ranks 80+ (about 2% of quotes each) and
    350+ (rarer), roughly as content words fall in real quotes."""
    synthetic = vocabulary(20_000, rng)
    stop = sorted(word_list("search_stopwords"))
    return stop + synthetic[:30] + TOPIC[:6] + synthetic[30:300] + TOPIC[6:] + synthetic[300:]


def build(engine: Engine, rows: int, seed: int = 7) -> float:
    """Fill the store with ``rows`` synthetic quotes; returns seconds taken."""
    rng = random.Random(seed)
    words = word_ranks(rng)
    weights = [1.0 / (rank + 1) for rank in range(len(words))]  # Zipf-like
    n_articles, n_speakers = max(rows // 100, 1), max(rows // 500, 1)
    began = time.perf_counter()
    with engine.begin() as conn:
        for statement in ("quote_fts_ai", "quote_fts_ad", "quote_fts_au"):
            if engine.dialect.name == "sqlite":
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {statement}")
        start = date(2000, 1, 1)
        conn.execute(
            text(
                "INSERT INTO article (id, title, outlet, url, path, published, date_text, "
                "content_hash, text, ingested_at) VALUES (:id, :title, :outlet, NULL, NULL, "
                ":published, NULL, :hash, :text, :now)"
            ),
            [
                {
                    "id": i,
                    "title": f"Article {i}",
                    "outlet": f"Outlet {i % 40}",
                    "published": start + timedelta(days=i % 9000),
                    "hash": f"{i:064d}",
                    "text": "synthetic",
                    "now": "2026-01-01 00:00:00",
                }
                for i in range(1, n_articles + 1)
            ],
        )
        conn.execute(
            text(
                "INSERT INTO speaker (id, name, key, surname, kind, country) "
                "VALUES (:id, :name, :key, :surname, 'person', :country)"
            ),
            [
                {
                    "id": i,
                    "name": f"Speaker{i} Person{i}",
                    "key": f"speaker{i} person{i}",
                    "surname": f"person{i}",
                    "country": f"Country {i % 90}",
                }
                for i in range(1, n_speakers + 1)
            ],
        )
        insert = text(
            'INSERT INTO quote (id, article_id, speaker_id, position, start, "end", text, form, '
            "type, target, cue, confidence, evidence, role, affiliation, mention_start, "
            "mention_end, mention_text, paragraph, corrected) VALUES (:id, :article, :speaker, "
            "0, 0, 10, :text, 'direct', :type, NULL, 'said', 0.8, '[]', NULL, NULL, NULL, NULL, "
            "NULL, 0, false)"
        )
        chunk = 50_000
        for base in range(0, rows, chunk):
            batch = []
            picks = rng.choices(words, weights=weights, k=min(chunk, rows - base) * 20)
            for j in range(min(chunk, rows - base)):
                size = 8 + (j * 7) % 18
                batch.append(
                    {
                        "id": base + j + 1,
                        "article": rng.randint(1, n_articles),
                        "speaker": rng.randint(1, n_speakers),
                        "text": " ".join(picks[j * 20 : j * 20 + size]),
                        "type": TYPES[j % len(TYPES)],
                    }
                )
            conn.execute(insert, batch)
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("INSERT INTO quote_fts(quote_fts) VALUES ('rebuild')")
            for statement in SQLITE_FTS[1:]:
                conn.exec_driver_sql(statement)
    if engine.dialect.name == "sqlite":
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    else:
        with engine.begin() as conn:
            for statement in POSTGRES_FTS:
                conn.exec_driver_sql(statement)
            conn.exec_driver_sql("ANALYZE")
    return time.perf_counter() - began


def queries(rng: random.Random, n: int) -> list[tuple[str, str, str | None]]:
    kinds = [
        ("common word", lambda: rng.choice(TOPIC[:6]), None),
        ("with stopword", lambda: f"the {rng.choice(TOPIC[:6])} of", None),
        ("rare word", lambda: rng.choice(TOPIC[10:]), None),
        ("two words", lambda: f"{rng.choice(TOPIC)} {rng.choice(TOPIC)}", None),
        ("phrase", lambda: '"lethal support"', None),
        ("prefix", lambda: rng.choice(["smear*", "sanc*", "disinf*", "drone*"]), None),
        ("with speaker", lambda: rng.choice(TOPIC), "speaker"),
    ]
    out = []
    for i in range(n):
        label, make, filt = kinds[i % len(kinds)]
        out.append((label, make(), filt))
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def run(engine: Engine, n: int, speakers: int) -> dict[str, list[float]]:
    rng = random.Random(11)
    timings: dict[str, list[float]] = {}
    with Session(engine) as session:
        search_quotes(session, "warmup")
        for label, query, filt in queries(rng, n):
            who = QuoteFilter(speaker_ids=(rng.randint(1, speakers),)) if filt else QuoteFilter()
            began = time.perf_counter()
            search_quotes(session, query, who, limit=50)
            timings.setdefault(label, []).append((time.perf_counter() - began) * 1000)
    return timings


def _has_quotes(engine: Engine) -> bool:
    """Whether a PostgreSQL bench store already holds quotes (``--keep``)."""
    with engine.connect() as conn:
        found = conn.exec_driver_sql("SELECT to_regclass('quote') IS NOT NULL").scalar()
        return bool(found) and conn.exec_driver_sql("SELECT count(*) FROM quote").scalar() > 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--db", default="sqlite:////tmp/quotes-search-bench.sqlite")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument(
        "--keep",
        action="store_true",
        help="reuse an existing bench store (SQLite file, or PostgreSQL database with quotes)",
    )
    args = parser.parse_args()
    engine = make_engine(args.db)
    fresh = True
    if engine.dialect.name == "sqlite" and args.keep:
        path = Path(engine.url.database or "")
        fresh = not path.is_file()
    elif engine.dialect.name == "sqlite":
        path = Path(engine.url.database or "")
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    elif args.keep:
        fresh = not _has_quotes(engine)
    if not fresh:
        began = time.perf_counter()
        init_db(engine)  # upgrades a store built by an older version
        print(f"reused the store (init_db {time.perf_counter() - began:.1f} s)")
    if fresh:
        from sqlmodel import SQLModel

        if engine.dialect.name != "sqlite":
            SQLModel.metadata.drop_all(engine)
        init_db(engine)
        seconds = build(engine, args.rows)
        print(f"built {args.rows:,} quotes in {seconds:.1f} s ({args.rows / seconds:,.0f} rows/s)")
    speakers = max(args.rows // 500, 1)
    timings = run(engine, args.queries, speakers)
    every = [t for values in timings.values() for t in values]
    print(f"{engine.dialect.name}, {args.rows:,} quotes, {len(every)} queries, limit 50")
    for label, values in timings.items():
        print(
            f"  {label:13s} p50 {statistics.median(values):7.1f} ms   "
            f"p95 {percentile(values, 0.95):7.1f} ms   max {max(values):7.1f} ms"
        )
    p95 = percentile(every, 0.95)
    verdict = "OK" if p95 < 50 else "OVER TARGET"
    print(
        f"  {'all':13s} p50 {statistics.median(every):7.1f} ms   p95 {p95:7.1f} ms  "
        f"(target p95 < 50 ms: {verdict})"
    )


if __name__ == "__main__":
    main()
