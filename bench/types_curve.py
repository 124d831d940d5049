"""Learning curve of the statement-type classifier: would more labels of the kind we have help?

    python bench/types_curve.py [--fractions 0.25 0.5 0.75 1] [--seeds 3]
                                [--diplo ../shared/diplo-dev --diplo data/diplo/dev2]

The classifier is retrained, with the shipped recipe (``run_training``'s settings), on a share
of the training *articles* of ``data/types/train`` (whole articles drawn at random, ``--seeds``
draws per share below 1), and each model is scored on ``data/types/dev`` (accuracy counting
accepted alternatives, macro-F1, stance) and, with ``--diplo``, on diplomatic gold folders
through the shared scorer (``../shared/eval/diplo.py``): the articles are extracted once, and the
statements the shipped model typed (those the lexicon left plain) are typed again by each
curve model, so only the model changes between rows. Prints one row per share, averaged over
the draws. Skips with a message when ``../shared`` is absent.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotes.nlp.statement_model import TypeModel, features, sentence_encoder, statement_input
from quotes.nlp.types import Extraction
from quotes.training import statement_types as st

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
MODEL_EVIDENCE = "type model:"  # the evidence line assign_types writes for a model-typed quote


@dataclass(slots=True)
class DiploSet:
    """A gold folder extracted once: what the scorer needs, and the model-typed quotes."""

    name: str
    golds: list[Any]
    stems: list[str]
    extractions: list[Extraction]
    retyped: list[list[int]]  # per article: indices of the quotes the model typed
    x: list[np.ndarray]  # per article: their feature rows


def articles_subset(items: Sequence[st.LabelledStatement], fraction: float, seed: int) -> list[int]:
    """Indices of the items whose article is in a random ``fraction`` of the articles."""
    documents = sorted({it.document for it in items})
    keep_n = max(1, round(fraction * len(documents)))
    order = np.random.default_rng(seed).permutation(len(documents))
    kept = {documents[i] for i in order[:keep_n]}
    return [i for i, it in enumerate(items) if it.document in kept]


def model_typed(extraction: Extraction) -> list[int]:
    """Indices of the quotes whose type the learned model gave (no lexicon cue)."""
    return [
        i
        for i, q in enumerate(extraction.quotes)
        if any(line.startswith(MODEL_EVIDENCE) for line in q.evidence)
    ]


def load_diplo(folder: Path, scorer: Any) -> DiploSet:
    from quotes.bench.diplo import gold_articles
    from quotes.nlp.pipeline import extract_many

    gold_files, documents = gold_articles(folder, SHARED)
    golds = [scorer.load_gold(path) for path in gold_files]
    extractions = list(extract_many(documents))
    encoder = sentence_encoder()
    retyped, rows = [], []
    for document, extraction in zip(documents, extractions, strict=True):
        idx = model_typed(extraction)
        inputs = [statement_input(extraction.quotes[i], document.text) for i in idx]
        retyped.append(idx)
        rows.append(features(inputs, encoder) if idx else np.zeros((0, 0), np.float32))
    stems = [path.name.removesuffix(".gold.json") for path in gold_files]
    return DiploSet(folder.name, golds, stems, extractions, retyped, rows)


def score_diplo(model: TypeModel, data: DiploSet, scorer: Any) -> tuple[float, float]:
    """Type and stance accuracy of the shared scorer with ``model`` typing the model's share."""
    preds: dict[str, list[dict[str, Any]]] = {}
    for stem, extraction, idx, x in zip(
        data.stems, data.extractions, data.retyped, data.x, strict=True
    ):
        labels = model.logits(x).argmax(1) if idx else []
        types = {i: model.labels[int(k)] for i, k in zip(idx, labels, strict=True)}
        quotes = []
        for i, q in enumerate(extraction.quotes):
            if q.form != "direct":
                continue
            row = q.to_json()
            row["type"] = types.get(i, q.type)
            quotes.append(row)
        preds[stem] = quotes
    figures = scorer.score(data.golds, preds, [])
    return float(figures["type_accuracy"]), float(figures["stance_accuracy"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--fractions", type=float, nargs="+", default=[0.25, 0.5, 0.75, 1.0])
    parser.add_argument("--seeds", type=int, default=3, help="draws per share below 1")
    parser.add_argument("--diplo", type=Path, action="append", default=[], help="gold folder")
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()
    if not (args.shared / "polnear").is_dir():
        print(f"skipped: {args.shared} not found (the labelled texts live there)")
        return 0
    train_items = st.load_split("train", REPO, args.shared)
    dev_items = st.load_split("dev", REPO, args.shared)
    encoder = sentence_encoder()
    x_train, x_dev = st.matrix(train_items, encoder), st.matrix(dev_items, encoder)
    diplo_sets = []
    if args.diplo:
        from quotes.bench.scorer import load_scorer

        scorer = load_scorer(args.shared, "diplo")
        diplo_sets = [load_diplo(folder, scorer) for folder in args.diplo]
    articles = len({it.document for it in train_items})
    print(f"train: {len(train_items)} statements, {articles} articles; dev: {len(dev_items)}")
    head = "share  items  dev acc  macro-F1  stance"
    print(head + "".join(f"  {d.name} type/stance" for d in diplo_sets))
    for fraction in args.fractions:
        rows = []
        for seed in range(args.seeds if fraction < 1 else 1):
            idx = articles_subset(train_items, fraction, seed)
            model = st.train(
                [train_items[i] for i in idx],
                dev_items,
                x_train[idx],
                x_dev,
                l2=0.2,
                class_power=0.3,
                context_weight=0.3,
            )
            scores, _ = st.evaluate(model, dev_items, x_dev)
            row = [len(idx), scores.accuracy, scores.macro_f1, scores.stance]
            for data in diplo_sets:
                row.extend(score_diplo(model, data, scorer))
            rows.append(row)
        mean = np.mean(np.array(rows, dtype=float), axis=0)
        line = f"{fraction:5.2f}  {mean[0]:5.0f}  {mean[1]:7.3f}  {mean[2]:8.3f}  {mean[3]:6.3f}"
        for k, data in enumerate(diplo_sets):
            pair = f"{mean[4 + 2 * k]:.3f} / {mean[5 + 2 * k]:.3f}"
            line += "  " + pair.rjust(len(data.name) + 12)
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
