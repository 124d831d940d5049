"""Diplomatic-news benchmark: extract the articles of a gold folder and score them with the
shared scorer (``../shared/eval/diplo.py``), loaded from its file so its metrics are the ones
reported: quote precision/recall, speaker, role, statement-type and stance accuracy, e2e F1.

A gold file names its article: a path relative to the gold file (the repository's own texts),
else a file of the repository's ``corpus/``, else of ``../shared/corpus``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quotes.bench.scorer import load_scorer
from quotes.errors import InputError

REPO = Path(__file__).resolve().parents[2]


@dataclass(slots=True)
class DiploScore:
    figures: dict[str, Any]
    errors: list[str]


def article_path(gold_file: Path, document: str, shared: Path) -> Path:
    """Where a gold file's article lies (see the module docstring)."""
    name = Path(document).name
    for candidate in (gold_file.parent / document, REPO / "corpus" / name):
        if candidate.is_file():
            return candidate
    candidate = shared / "corpus" / name
    if candidate.is_file():
        return candidate
    raise InputError(f"{gold_file.name}: article {document!r} not found")


def run_diplo(gold_dir: Path, shared: Path) -> DiploScore:
    """Extract every article ``gold_dir`` holds gold for and score the direct quotes."""
    from quotes.nlp.pipeline import extract_many
    from quotes.readers import read_document

    gold_files = sorted(gold_dir.glob("*.gold.json"))
    if not gold_files:
        raise InputError(f"no *.gold.json files in {gold_dir}")
    scorer = load_scorer(shared, "diplo")
    documents = []
    for gold_file in gold_files:
        document = json.loads(gold_file.read_text(encoding="utf-8"))["document"]
        documents.append(read_document(article_path(gold_file, document, shared)))
    preds: dict[str, list[dict[str, Any]]] = {}
    for gold_file, extraction in zip(gold_files, extract_many(documents), strict=True):
        quotes = [q.to_json() for q in extraction.quotes if q.form == "direct"]
        preds[gold_file.name.removesuffix(".gold.json")] = quotes
    golds = [scorer.load_gold(path) for path in gold_files]
    errors: list[str] = []
    figures = scorer.score(golds, preds, errors)
    return DiploScore(figures, errors)
