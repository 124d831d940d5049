"""Extraction time against text length: one paragraph of 1, 2, 4, 8 MB, surface parser.

    python bench/linearity_bench.py [--sizes 1,2,4,8] [--unit 1000000] [--profile]

Builds one paragraph (no line breaks) of varied diplomatic sentences with quotes, charges and
answers, runs ``surface_parse`` + ``extract_parsed`` on it and prints seconds, seconds per MB
and quotes. Linear extraction keeps s/MB flat; a quadratic part doubles it with each size.
``--profile`` prints the top functions of the largest size (cProfile).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotes.nlp.parse import surface_parse
from quotes.nlp.pipeline import extract_parsed
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


def run(size: int) -> tuple[float, int]:
    text = one_paragraph(size)
    began = time.perf_counter()
    extraction = extract_parsed(Document(text), surface_parse(text))
    return time.perf_counter() - began, len(extraction.quotes)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1,2,4,8", help="sizes in units (default MB)")
    ap.add_argument("--unit", type=int, default=1_000_000, help="characters per unit")
    ap.add_argument("--profile", action="store_true", help="profile the largest size")
    args = ap.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    print(f"{'size':>8} {'seconds':>9} {'s/unit':>8} {'quotes':>8}")
    for units in sizes:
        seconds, quotes = run(int(units * args.unit))
        print(f"{units:>8g} {seconds:>9.2f} {seconds / units:>8.2f} {quotes:>8}", flush=True)
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(run, int(sizes[-1] * args.unit))
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
