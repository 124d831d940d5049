"""Extraction time against text length: one paragraph of 1, 2, 4, 8 MB, surface parser.

    python bench/linearity_bench.py [--sizes 1,2,4,8] [--unit 1000000] [--models] [--marks]
                                    [--profile]

Builds one paragraph (no line breaks) of varied diplomatic sentences with quotes, charges and
answers, runs ``surface_parse`` + ``extract_parsed`` on it and prints wall seconds, CPU
seconds, CPU seconds per unit and quotes. Linear extraction keeps s/unit flat; a quadratic part
doubles it with each size. CPU time is the figure to read on a loaded machine.

``--models`` runs the whole extractor instead (``pipeline.extract`` with the stanza parser and
its deep-parse budget) and also prints how many sentences got the full parse; documents over
``DEEP_PARSE_LIMIT`` characters get the surface parse only. ``--marks`` builds the
pathological text instead: unbalanced quote marks, every sentence a deep-parse candidate.
A small text is extracted first, so that loading lexicons and models is not timed.
``--profile`` prints the top functions of the largest size (cProfile).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotes.nlp.parse import DeepSelector, ParsedDoc, StanzaParser, surface_parse
from quotes.nlp.pipeline import extract, extract_parsed
from quotes.nlp.types import Document

SENTENCES = (
    "“We reject these accusations entirely,” said Foreign Minister Ilse Marken of Valdoria.",
    "Prime Minister Olav Dahl accused Valdoria of massing troops on the border.",
    "“Nobody wants a war, but we will defend ourselves,” he said on Monday.",
    "The spokesperson denied that China had supplied drones to Russia.",
    "“These claims are baseless,” a Chinese Foreign Ministry spokesperson told reporters.",
    "Secretary of State Antony Blinken warned that there would be consequences.",
    "Talks resumed in Geneva after a pause of several weeks, officials said.",
    "“We call on all parties to show restraint,” the French ambassador added.",
)


def one_paragraph(size: int) -> str:
    """About ``size`` characters of one paragraph, the sentences in a rotating order."""
    parts: list[str] = []
    length = 0
    i = 0
    while length < size:
        sentence = SENTENCES[i % len(SENTENCES)]
        parts.append(sentence)
        length += len(sentence) + 1
        i += 1
    return " ".join(parts)


def unbalanced_marks(size: int) -> str:
    """About ``size`` characters of sentences each holding one unbalanced quote mark."""
    unit = 'It was "denied. '
    return unit * max(1, size // len(unit))


class CountingParser(StanzaParser):
    """The stanza parser, counting the sentences it fully parsed."""

    deep = 0

    def parse_many(self, texts: Sequence[str], deep: DeepSelector | None = None) -> list[ParsedDoc]:
        docs = super().parse_many(texts, deep)
        self.deep += sum(s.parsed for d in docs for s in d.sentences)
        return docs


def run(size: int, models: bool = False, marks: bool = False) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds, quotes and deep-parsed sentences of one text of ``size``."""
    text = unbalanced_marks(size) if marks else one_paragraph(size)
    parser = CountingParser() if models else None
    began, cpu = time.perf_counter(), time.process_time()
    if parser is not None:
        extraction = extract(Document(text), parser)
    else:
        extraction = extract_parsed(Document(text), surface_parse(text))
    wall, cpu = time.perf_counter() - began, time.process_time() - cpu
    return wall, cpu, len(extraction.quotes), parser.deep if parser else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1,2,4,8", help="sizes in units (default MB)")
    ap.add_argument("--unit", type=int, default=1_000_000, help="characters per unit")
    ap.add_argument("--models", action="store_true", help="the whole extractor, stanza included")
    ap.add_argument("--marks", action="store_true", help="unbalanced quote marks, not articles")
    ap.add_argument("--profile", action="store_true", help="profile the largest size")
    args = ap.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    run(2_000, args.models, args.marks)  # load lexicons, the type classifier and models
    print(f"{'size':>8} {'wall s':>8} {'cpu s':>8} {'cpu s/unit':>10} {'quotes':>7} {'deep':>6}")
    for units in sizes:
        wall, cpu, quotes, deep = run(int(units * args.unit), args.models, args.marks)
        print(
            f"{units:>8g} {wall:>8.2f} {cpu:>8.2f} {cpu / units:>10.2f} {quotes:>7} {deep:>6}",
            flush=True,
        )
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(run, int(sizes[-1] * args.unit), args.models, args.marks)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
