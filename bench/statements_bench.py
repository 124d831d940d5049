"""Grouping quotes into statements (issue 18): accuracy on labelled pairs, the cost it adds to
ingest, and that the cost per article stays flat as the store grows.

    python bench/statements_bench.py pairs [--split dev|test]     # precision/recall/F1, drift
    python bench/statements_bench.py ingest                       # demo corpus, with/without
    python bench/statements_bench.py scale [--sizes 1000 100000]  # ms per article by store size

``pairs`` reads ``data/statements/pairs/<split>.jsonl`` and decides each pair with
``quotes.nlp.variants.same_statement`` (the embedding similarity included): precision, recall
and F1 of "same statement", recall per kind, the false positives among hard negatives, and the
accuracy of the drift flag on the same-statement pairs.

``ingest`` extracts the demo corpus (``corpus/[0-9w]*.md``) once, then stores the extractions
into a fresh SQLite file twice, each time in a fresh process (so the sentence encoder's load
counts): without grouping and with it. The overhead is the extra store time over the whole
ingest time (extraction + store without grouping).

``scale`` synthesises stores of the given sizes by inserting rows directly (articles, speakers,
quotes, their statements and shingles; no extractor), then times ``save_extraction`` (grouping
included) of the same 40 hand-built articles on each.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ROOT = Path(__file__).resolve().parent.parent


# -- pairs ------------------------------------------------------------------------------------


def _version(side: dict[str, Any]) -> Any:
    from quotes.dates import leading_date
    from quotes.nlp.variants import Version

    return Version(side["text"], side.get("speaker"), leading_date(side.get("date")), None)


def run_pairs(split: str) -> dict[str, Any]:
    """Precision, recall and F1 of ``same_statement`` on one labelled split."""
    from quotes.nlp.variants import EmbeddingSimilarity, drift, same_statement

    path = ROOT / "data" / "statements" / "pairs" / f"{split}.jsonl"
    items = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    similarity = EmbeddingSimilarity()
    tp = fp = fn = tn = 0
    by_kind: Counter[str] = Counter()
    hit_kind: Counter[str] = Counter()
    drift_right = drift_total = 0
    errors: list[str] = []
    for item in items:
        found = same_statement(_version(item["a"]), _version(item["b"]), similarity)
        gold = bool(item["same"])
        by_kind[item["kind"]] += 1
        hit_kind[item["kind"]] += found.same == gold
        if found.same and gold:
            tp += 1
        elif found.same:
            fp += 1
        elif gold:
            fn += 1
        else:
            tn += 1
        if found.same != gold:
            errors.append(f"{item['id']} {item['kind']} predicted {found.kind}")
        if gold and found.same and item.get("drift") is not None:
            drift_total += 1
            predicted = drift(item["a"]["text"], item["b"]["text"], found.kind)
            drift_right += predicted == bool(item["drift"])
            if predicted != bool(item["drift"]):
                errors.append(f"{item['id']} drift: gold {item['drift']} predicted {predicted}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "split": split,
        "pairs": len(items),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "correct_by_kind": {k: f"{hit_kind[k]}/{n}" for k, n in sorted(by_kind.items())},
        "drift_accuracy": f"{drift_right}/{drift_total}",
        "errors": errors,
    }


# -- ingest overhead --------------------------------------------------------------------------


def _extract_corpus(out: Path) -> float:
    """Extract the demo corpus in this process; pickle the extractions; return the seconds."""
    from quotes.ingest import default_extractor
    from quotes.readers import read_document

    paths = sorted(p for p in (ROOT / "corpus").glob("[0-9w]*.md"))
    docs = [read_document(p) for p in paths]
    extract = default_extractor()
    extract(docs[:1])  # model load is not extraction time
    start = time.perf_counter()
    extractions = extract(docs)
    seconds = time.perf_counter() - start
    out.write_bytes(pickle.dumps(extractions))
    return seconds


def _store_only(pickled: Path, grouping: bool) -> float:
    """Store pickled extractions into a fresh SQLite file; the seconds it took (this is run
    in a fresh process, so loading the sentence encoder counts where grouping needs it)."""
    from sqlmodel import Session

    from quotes.store import statements
    from quotes.store.db import init_db, make_engine
    from quotes.store.write import save_extraction

    statements.GROUPING = grouping
    extractions = pickle.loads(pickled.read_bytes())
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/bench.sqlite")
        init_db(engine)
        start = time.perf_counter()
        with Session(engine, expire_on_commit=False) as session:
            for item in extractions:
                save_extraction(session, item)
        seconds = time.perf_counter() - start
        engine.dispose()
    return seconds


def run_ingest(rounds: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        pickled = Path(tmp) / "extractions.pickle"
        extraction = _extract_corpus(pickled)
        times: dict[str, list[float]] = {"off": [], "on": []}
        for _ in range(rounds):
            for mode in ("off", "on"):
                done = subprocess.run(
                    [sys.executable, __file__, "_store", str(pickled), mode],
                    check=True,
                    capture_output=True,
                    text=True,
                )
                times[mode].append(float(done.stdout.strip().splitlines()[-1]))
        extractions = pickle.loads(pickled.read_bytes())
    store_off, store_on = statistics.median(times["off"]), statistics.median(times["on"])
    whole = extraction + store_off
    return {
        "articles": len(extractions),
        "quotes": sum(len(e.quotes) for e in extractions),
        "extraction_s": round(extraction, 2),
        "store_without_grouping_s": round(store_off, 2),
        "store_with_grouping_s": round(store_on, 2),
        "store_runs": times,
        "overhead_pct_of_ingest": round(100 * (store_on - store_off) / whole, 2),
    }


# -- scale ------------------------------------------------------------------------------------

WORDS = [
    "sanctions",
    "border",
    "drones",
    "missiles",
    "talks",
    "ceasefire",
    "water",
    "dam",
    "river",
    "inspectors",
    "accusations",
    "groundless",
    "smears",
    "slander",
    "speculation",
    "threats",
    "trade",
    "tariffs",
    "embassy",
    "envoy",
    "treaty",
    "summit",
    "security",
    "troops",
    "exercise",
    "navy",
    "coast",
    "guard",
    "fishing",
    "vessels",
    "airspace",
    "violation",
    "protest",
    "note",
    "sovereignty",
    "territory",
    "election",
    "interference",
    "cyber",
    "attack",
    "hackers",
    "spies",
    "report",
    "evidence",
    "investigation",
    "court",
    "ruling",
    "appeal",
    "reform",
    "budget",
    "energy",
    "gas",
    "pipeline",
    "grain",
    "exports",
    "farmers",
]
SPAN_END = date(2031, 1, 1)  # the synthetic store ends here; the new articles are its last days
FILLER = [
    "we",
    "will",
    "not",
    "accept",
    "the",
    "of",
    "and",
    "to",
    "in",
    "that",
    "this",
    "our",
    "their",
    "is",
    "are",
    "be",
    "has",
    "have",
]


SYLLABLES = ["ka", "lo", "mer", "tan", "vi", "dra", "sel", "gon", "pu", "rik", "zen", "bo"]


def _vocabulary() -> list[str]:
    """The topic words and 3,000 made-up ones (a store's vocabulary is far larger than a
    dispute's: quotes by one speaker share some topic words, not all)."""
    rng = random.Random(3)
    made = {"".join(rng.choice(SYLLABLES) for _ in range(3)) for _ in range(6000)}
    return list(WORDS) + sorted(made)[:3000]


VOCABULARY = _vocabulary()


def _sentence(rng: random.Random, n: int) -> str:
    """``n`` words: function words between content words, these drawn with a skew towards
    the topic words (the first ones), like a real store's."""
    picked = []
    for i in range(n):
        if i % 2:
            picked.append(VOCABULARY[min(int(rng.paretovariate(0.6)) - 1, len(VOCABULARY) - 1)])
        else:
            picked.append(rng.choice(FILLER))
    return " ".join(picked).capitalize() + "."


def _synthesise(engine: Any, size: int, rng: random.Random) -> None:
    """``size`` quotes by 500 speakers, each its own statement with its shingles, inserted with
    executemany (the shape the grouping indexes read). The store grows as an archive does: by
    covering more days (``size / 20`` of them), so a speaker says about as much per week in a
    big store as in a small one; what a bigger store must not do is cost more per article."""
    from sqlalchemy import insert

    from quotes.nlp.variants import shingles
    from quotes.store.tables import Article, Quote, Speaker, Statement, StatementShingle

    speakers = [
        {
            "id": i,
            "name": f"Speaker{i} Surname{i}",
            "key": f"speaker{i} surname{i}",
            "surname": f"surname{i}",
            "kind": "person",
        }
        for i in range(1, 501)
    ]
    per_article = 5
    start = SPAN_END - timedelta(days=max(30, size // 20))
    articles, quotes, stmts, shingle_rows = [], [], [], []
    for a in range(1, size // per_article + 1):
        day = start + timedelta(days=rng.randrange((SPAN_END - start).days))
        articles.append(
            {
                "id": a,
                "title": f"A{a}",
                "outlet": f"Outlet{a % 40}",
                "published": day,
                "date_text": day.isoformat(),
                "content_hash": f"{a:064d}",
                "text": "x" * 50,
            }
        )
        for k in range(per_article):
            qid = (a - 1) * per_article + k + 1
            text = _sentence(rng, rng.randrange(8, 30))
            speaker = rng.randrange(1, 501)
            quotes.append(
                {
                    "id": qid,
                    "article_id": a,
                    "speaker_id": speaker,
                    "position": k,
                    "start": 0,
                    "end": 10,
                    "text": text,
                    "statement_id": qid,
                }
            )
            stmts.append(
                {
                    "id": qid,
                    "speaker_id": speaker,
                    "first_quote_id": qid,
                    "first_date": day,
                    "last_date": day,
                    "versions": 1,
                    "outlets": 1,
                    "drift": False,
                }
            )
            shingle_rows.extend({"hash": h, "statement_id": qid} for h in shingles(text))
    with engine.begin() as conn:
        conn.execute(insert(Speaker), speakers)
        for table, rows in ((Article, articles), (Quote, quotes), (Statement, stmts)):
            for at in range(0, len(rows), 20000):
                conn.execute(insert(table), rows[at : at + 20000])
        for at in range(0, len(shingle_rows), 50000):
            conn.execute(insert(StatementShingle), shingle_rows[at : at + 50000])


def _new_articles(rng: random.Random, count: int) -> list[Any]:
    """``count`` hand-built extractions of 5 quotes each; every other one repeats (a copy, or
    a cut) a quote of the one before, so grouping finds matches as well as misses."""
    from quotes.nlp.types import (
        Document,
        DocumentMeta,
        ExtractedQuote,
        ExtractedSpeaker,
        Extraction,
    )

    out = []
    previous: list[str] = []
    for n in range(count):
        texts = [_sentence(rng, rng.randrange(8, 30)) for _ in range(5)]
        if previous and n % 2:
            texts[0] = previous[0] if n % 4 == 1 else previous[1].rsplit(" ", 3)[0] + "..."
        body = " ".join(f'"{t}" Speaker{n % 500 + 1} Surname{n % 500 + 1} said.' for t in texts)
        quotes, at = [], 0
        for t in texts:
            start = body.index(f'"{t}"', at)
            at = start + len(t) + 2
            who = ExtractedSpeaker(name=f"Speaker{n % 500 + 1} Surname{n % 500 + 1}", kind="person")
            quotes.append(ExtractedQuote(start=start, end=at, text=t, speaker=who, cue="said"))
        day = SPAN_END - timedelta(days=20) + timedelta(days=n // 4)
        meta = DocumentMeta(
            title=f"new {n}",
            date=day.isoformat(),
            outlet=f"Outlet{n % 7}",
            url=f"https://example.org/new/{n}",
        )
        out.append(Extraction(Document(text=body, meta=meta), quotes))
        previous = texts
    return out


def run_scale(sizes: list[int], articles: int) -> dict[str, Any]:
    from sqlmodel import Session

    from quotes.store import statements
    from quotes.store.db import init_db, make_engine
    from quotes.store.statements import similarity
    from quotes.store.write import save_extraction

    similarity()("warm the sentence encoder up", "so its load is in no figure")
    result: dict[str, Any] = {}
    for size, grouping in [(size, g) for size in sizes for g in (False, True)]:
        statements.GROUPING = grouping
        rng = random.Random(7)
        with tempfile.TemporaryDirectory() as tmp:
            engine = make_engine(f"sqlite:///{tmp}/scale.sqlite")
            init_db(engine)
            _synthesise(engine, size, rng)
            new = _new_articles(random.Random(11), articles)
            per_article: list[float] = []
            with Session(engine, expire_on_commit=False) as session:
                save_extraction(session, _new_articles(random.Random(99), 1)[0])  # warm up
                for item in new:
                    start = time.perf_counter()
                    save_extraction(session, item)
                    per_article.append(1000 * (time.perf_counter() - start))
            engine.dispose()
        result[f"{size} quotes, grouping {'on' if grouping else 'off'}"] = {
            "ms_per_article_median": round(statistics.median(per_article), 1),
            "ms_per_article_p90": round(sorted(per_article)[int(0.9 * len(per_article))], 1),
        }
    return result


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "_store":
        print(_store_only(Path(sys.argv[2]), sys.argv[3] == "on"))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    pairs = sub.add_parser("pairs")
    pairs.add_argument("--split", default="dev", choices=["dev", "test"])
    pairs.add_argument("--errors", action="store_true", help="list the wrong pairs")
    ingest = sub.add_parser("ingest")
    ingest.add_argument("--rounds", type=int, default=3)
    scale = sub.add_parser("scale")
    scale.add_argument("--sizes", type=int, nargs="+", default=[1000, 100000])
    scale.add_argument("--articles", type=int, default=40)
    args = parser.parse_args()
    if args.what == "pairs":
        out = run_pairs(args.split)
        if not args.errors:
            out["errors"] = len(out["errors"])
    elif args.what == "ingest":
        out = run_ingest(args.rounds)
    else:
        out = run_scale(args.sizes, args.articles)
    print(json.dumps(out, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
