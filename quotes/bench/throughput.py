"""Throughput of the packaged stanza pipeline on a folder of plain-text articles."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from quotes.errors import InputError
from quotes.nlp.stanza_models import DEFAULT_PROCESSORS, clear_cache, get_pipeline

DEFAULT_TEXTS = Path("../shared/polnear/dev/text")
"""The 84 PolNeAR dev articles, relative to the repository root."""


@dataclass(frozen=True)
class PipelineThroughput:
    """Timing of one pass of the pipeline over every text."""

    processors: str
    articles: int
    words: int
    sentences: int
    load_s: float
    run_s: float

    @property
    def words_per_s(self) -> float:
        """Words (stanza words, after MWT) per second of processing, load excluded."""
        return self.words / self.run_s if self.run_s else 0.0

    @property
    def articles_per_s(self) -> float:
        """Articles per second of processing, load excluded."""
        return self.articles / self.run_s if self.run_s else 0.0

    def lines(self) -> list[str]:
        """Human-readable summary."""
        return [
            f"processors   {self.processors}",
            f"articles     {self.articles}",
            f"words        {self.words}",
            f"sentences    {self.sentences}",
            f"load time    {self.load_s:.2f} s",
            f"run time     {self.run_s:.2f} s",
            f"words/s      {self.words_per_s:.0f}",
            f"articles/s   {self.articles_per_s:.2f}",
        ]


def default_texts_dir() -> Path:
    """``../shared/polnear/dev/text`` beside the repository (or the working directory)."""
    repo = Path(__file__).resolve().parents[2]
    for base in (repo, Path.cwd()):
        candidate = (base / DEFAULT_TEXTS).resolve()
        if candidate.is_dir():
            return candidate
    return (repo / DEFAULT_TEXTS).resolve()


def read_texts(folder: Path) -> list[str]:
    """All ``*.txt`` files of ``folder``, sorted by name; an empty or missing folder is an error."""
    if not folder.is_dir():
        raise InputError(f"{folder} is not a folder of .txt articles")
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.glob("*.txt"))]
    texts = [t for t in texts if t.strip()]
    if not texts:
        raise InputError(f"{folder} holds no non-empty .txt file")
    return texts


def run_bench(
    folder: Path | None = None, processors: str = DEFAULT_PROCESSORS
) -> PipelineThroughput:
    """Load the pipeline (timed, from a cold cache) and run it once over every article."""
    texts = read_texts(folder or default_texts_dir())
    clear_cache()
    t0 = time.perf_counter()
    nlp = get_pipeline(processors)
    load_s = time.perf_counter() - t0
    words = sentences = 0
    t1 = time.perf_counter()
    for text in texts:
        doc = nlp(text)
        sentences += len(doc.sentences)
        words += sum(len(s.words) for s in doc.sentences)
    run_s = time.perf_counter() - t1
    return PipelineThroughput(processors, len(texts), words, sentences, load_s, run_s)
