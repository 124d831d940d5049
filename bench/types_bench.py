"""Statement types against PLOVER's gold-standard sentences (../shared/types).

    python bench/types_bench.py [--data ../shared/types/PLOVER_GSR_CAMEO.txt] [--parser stanza]
                                [--half all|study|report]

Each PLOVER example sentence goes through the extractor as a one-sentence document; the type
of the statement it finds (reported or direct; "statement" when it finds none) is compared with
the PLOVER category; so is the type the lexicon alone gives the whole sentence (without the
extractor's statement detection), and the type the extractor's typing gives it: the lexicon's
cue, else the learned model (``quotes.nlp.statement_model``), the sentence being both the
statement and its reporting clause. Only the categories that are statements are
scored, each against the types of ours it covers (PLOVER's DISAPPROVE is our
condemn/accuse/protest; its PROTEST is a street protest and COERCE, FIGHT, ASSAULT, ... are
actions, so they are left out). Prints
accuracy per category, overall, and the most frequent confusions. Skips with a message when
the data is absent.

The sentences split in two fixed halves by a hash of their text: cues are studied on the "study"
half only, so the "report" half measures them on sentences nobody tuned for.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotes.nlp.classify import classify
from quotes.nlp.parse import Parser, StanzaParser, SurfaceParser
from quotes.nlp.pipeline import extract_many
from quotes.nlp.statement_model import StatementInput, predict
from quotes.nlp.types import Document, Extraction

REPO = Path(__file__).resolve().parent.parent
DEFAULT = REPO.parent / "shared" / "types" / "PLOVER_GSR_CAMEO.txt"

# PLOVER category -> the statement types of ours that count as right
COVERS: dict[str, frozenset[str]] = {
    "AGREE": frozenset({"agree"}),
    "DEMAND": frozenset({"demand", "appeal"}),
    "REJECT": frozenset({"reject", "deny"}),
    "THREATEN": frozenset({"threaten", "warn"}),
    "DISAPPROVE": frozenset({"condemn", "accuse", "protest"}),
    "SUPPORT": frozenset({"support"}),
    "CONCEDE": frozenset({"concede", "acknowledge"}),
}


def load(path: Path) -> list[tuple[str, str]]:
    """(category, sentence) for the scored categories."""
    records = json.loads(path.read_text(encoding="utf-8"))
    return [(r["event"], r["text"]) for r in records if r.get("event") in COVERS and r.get("text")]


def half_of(text: str) -> str:
    """ "study" or "report": a fixed split by the SHA-256 of the sentence."""
    return (
        "study" if int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "report"
    )


def predicted_type(extraction: Extraction) -> str:
    """The type of the first typed statement found, else "statement"."""
    typed = [q.type for q in extraction.quotes if q.type != "statement"]
    return typed[0] if typed else "statement"


def report(title: str, examples: list[tuple[str, str]], found: list[str]) -> None:
    """Accuracy per PLOVER category and overall, and the most frequent misses."""
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    confusions: Counter[tuple[str, str]] = Counter()
    for (category, _text), got in zip(examples, found, strict=True):
        total[category] += 1
        if got in COVERS[category]:
            right[category] += 1
        else:
            confusions[(category, got)] += 1
    print(title)
    for category in COVERS:
        share = right[category] / total[category] if total[category] else 0.0
        print(f"  {category:<11} {right[category]:>3}/{total[category]:<3} {share:6.1%}")
    overall = sum(right.values()) / len(examples) if examples else 0.0
    print(f"  {'overall':<11} {sum(right.values()):>3}/{len(examples):<3} {overall:6.1%}")
    misses = ", ".join(f"{c}->{g} {n}" for (c, g), n in confusions.most_common(6))
    print(f"  most frequent misses (PLOVER->ours): {misses}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--parser", choices=("stanza", "surface"), default="stanza")
    parser.add_argument("--half", choices=("all", "study", "report"), default="all")
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"skipped: {args.data} not found (it lives in ../shared/types)")
        return 0
    examples = [e for e in load(args.data) if args.half in ("all", half_of(e[1]))]
    nlp: Parser = StanzaParser() if args.parser == "stanza" else SurfaceParser()
    found = [predicted_type(e) for e in extract_many([Document(t) for _, t in examples], nlp)]
    print(
        f"PLOVER statement categories, {len(examples)} sentences ({args.half}), "
        f"parser {args.parser}"
    )
    report("extractor (statement found in the sentence)", examples, found)
    alone = [classify(text, None, text).type for _, text in examples]
    report("classifier alone on the whole sentence", examples, alone)
    typed = typed_by_model(examples, alone)
    report("lexicon, else the learned model, on the whole sentence", examples, typed)
    return 0


def typed_by_model(examples: list[tuple[str, str]], lexical_types: list[str]) -> list[str]:
    """Each sentence typed as the extractor types a statement: the lexicon's type
    (``lexical_types``, one per sentence) where a cue fired, else the learned model (the
    lexicon's type where no model ships)."""
    lexical = list(lexical_types)
    plain = [i for i, kind in enumerate(lexical) if kind == "statement"]
    inputs = [StatementInput(examples[i][1], examples[i][1], "reported") for i in plain]
    for i, prediction in zip(plain, predict(inputs) or [], strict=False):
        lexical[i] = prediction.type
    return lexical


if __name__ == "__main__":
    raise SystemExit(main())
