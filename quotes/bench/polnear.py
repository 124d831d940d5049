"""PolNeAR benchmark: run the extractor over the dev texts and score with the shared scorer.

The scorer (``../shared/eval/polnear.py``) is loaded from its file, not copied: its metrics are
the project's reference. Only direct quotes are scored; reported statements are not quotes.
"""

from __future__ import annotations

import json
import resource
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quotes.bench.scorer import load_scorer
from quotes.errors import InputError
from quotes.nlp.types import Document, DocumentMeta, Extraction


@dataclass(slots=True)
class PolnearScore:
    """The extractor on one PolNeAR split: the scorer's figures, and how fast it got them."""

    scores: dict[str, Any]
    articles: int
    words: int
    seconds: float
    load_seconds: float
    cpu_seconds: float | None = None  # CPU time of the extracting process (one worker only)
    peak_rss_mb: float | None = None  # its peak resident memory after extracting

    @property
    def cpu_s_per_article(self) -> float | None:
        """CPU seconds per article: the per-core cost, steadier than wall time on a busy box."""
        return self.cpu_seconds / self.articles if self.cpu_seconds and self.articles else None

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def prediction(stem: str, extraction: Extraction) -> dict[str, Any]:
    """One line of the scorer's prediction format, direct quotes only."""
    quotes = []
    for q in extraction.quotes:
        if q.form != "direct":
            continue
        mention = q.speaker.mention if q.speaker else None
        quotes.append(
            {
                "start": q.start,
                "end": q.end,
                "speaker": q.speaker.name if q.speaker else None,
                "mention_start": mention.start if mention else None,
                "mention_end": mention.end if mention else None,
            }
        )
    return {"doc": stem, "quotes": quotes}


def _single_thread() -> None:
    import torch

    torch.set_num_threads(1)


def run_polnear(
    data_dir: Path,
    split: str = "dev",
    *,
    shared: Path | None = None,
    limit: int | None = None,
    predictions_out: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
    parser_name: str = "stanza",
    workers: int = 1,
) -> PolnearScore:
    """Extract every text of ``split``, score it, and time it (model load timed apart)."""
    from quotes.nlp.parse import Parser, StanzaParser, SurfaceParser
    from quotes.nlp.pipeline import extract_many
    from quotes.nlp.pool import ParallelExtractor

    shared = shared or data_dir.parent
    scorer = load_scorer(shared, "polnear")
    docs = scorer.load_split(data_dir, split)
    if not docs:
        raise InputError(f"no annotated texts under {data_dir / split}")
    docs = docs[:limit] if limit else docs
    documents = [Document(d.text, DocumentMeta(path=d.stem)) for d in docs]
    preds: dict[str, list[dict[str, Any]]] = {}
    lines = []
    t0 = time.perf_counter()
    with ExitStack() as stack:
        if parser_name == "surface" or workers <= 1:
            if parser_name != "surface":
                _single_thread()  # like each worker: one thread (threads fight on 2 cores)
            parser: Parser = SurfaceParser() if parser_name == "surface" else StanzaParser()
            parser.parse('Warm up. "The models load once," he said.')
            load = time.perf_counter() - t0
            t1 = time.perf_counter()
            c1 = time.process_time()
            results = extract_many(documents, parser)
        else:
            pool = stack.enter_context(ParallelExtractor(workers))
            pool.warm_up()
            load = time.perf_counter() - t0
            t1 = time.perf_counter()
            c1 = None  # the workers' CPU time is not this process's
            results = pool.extract(documents)
        for i, (doc, extraction) in enumerate(zip(docs, results, strict=True)):
            line = prediction(doc.stem, extraction)
            preds[doc.stem] = line["quotes"]
            lines.append(line)
            if progress:
                progress(i + 1, len(docs))
        seconds = time.perf_counter() - t1
        cpu = time.process_time() - c1 if c1 is not None else None
    if predictions_out is not None:
        predictions_out.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    scores = scorer.score(docs, preds)
    words = sum(len(d.text.split()) for d in docs)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 if cpu is not None else None
    return PolnearScore(scores, len(docs), words, seconds, load, cpu, peak)
