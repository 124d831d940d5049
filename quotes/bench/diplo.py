"""Diplomatic-news benchmark: extract the articles of a gold folder and score them with the
shared scorer (``../shared/eval/diplo.py``), loaded from its file so its metrics are the ones
reported: quote precision/recall, speaker, role, statement-type and stance accuracy, e2e F1.

A gold file names its article: a path relative to the gold file (the repository's own texts),
else a file of the repository's ``corpus/``, else of ``../shared/corpus``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quotes.bench.scorer import load_scorer
from quotes.errors import InputError
from quotes.nlp.types import Document

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


def gold_articles(gold_dir: Path, shared: Path) -> tuple[list[Path], list[Document]]:
    """The gold files of ``gold_dir`` (sorted) and the article each one names, read."""
    from quotes.readers import read_document

    gold_files = sorted(gold_dir.glob("*.gold.json"))
    if not gold_files:
        raise InputError(f"no *.gold.json files in {gold_dir}")
    documents = []
    for gold_file in gold_files:
        document = json.loads(gold_file.read_text(encoding="utf-8"))["document"]
        documents.append(read_document(article_path(gold_file, document, shared)))
    return gold_files, documents


def run_diplo(gold_dir: Path, shared: Path) -> DiploScore:
    """Extract every article ``gold_dir`` holds gold for and score the direct quotes."""
    from quotes.nlp.pipeline import extract_many

    gold_files, documents = gold_articles(gold_dir, shared)
    scorer = load_scorer(shared, "diplo")
    preds: dict[str, list[dict[str, Any]]] = {}
    for gold_file, extraction in zip(gold_files, extract_many(documents), strict=True):
        quotes = [q.to_json() for q in extraction.quotes if q.form == "direct"]
        preds[gold_file.name.removesuffix(".gold.json")] = quotes
    golds = [scorer.load_gold(path) for path in gold_files]
    errors: list[str] = []
    figures = scorer.score(golds, preds, errors)
    texts = [document.text for document in documents]
    figures.update(party_figures(golds, texts, list(preds.values()), scorer.coverage, errors))
    return DiploScore(figures, errors)


def party_figures(
    golds: list[dict[str, Any]],
    texts: list[str],
    preds: list[list[dict[str, Any]]],
    coverage: Callable[[str, str], float],
    errors: list[str] | None = None,
) -> dict[str, Any]:
    """Our own figures beside the shared scorer's: for the gold quotes (as the scorer loads them,
    with their text) the extractor found (the predicted quote covering most of the gold quote's
    words, at least half, by the scorer's own ``coverage``), whether the speaker's party
    (``country`` in the gold) and the quote's target agree with the gold. Parties compare as
    the country lexicon reads them ("the Sardovian government" is Sardovia), with the
    article's own parties known (``quotes.nlp.parties``). Accuracy over gold quotes that have
    one; precision over the predicted targets."""
    from quotes.nlp import lexicon, parties

    party = [0, 0]  # right, gold has a party
    target = [0, 0, 0, 0]  # right, gold has a target, predicted targets, right of those
    for gold, text, quotes in zip(golds, texts, preds, strict=True):
        found = parties.discover(text, lexicon.base_countries())
        with lexicon.document_parties(parties.rows(found)):
            countries = {s["name"]: s.get("country") for s in gold.get("speakers", [])}
            for gq in gold.get("quotes", []):
                pq = _covering(gq.get("text", ""), quotes, coverage)
                if pq is None:
                    continue
                want = countries.get(gq.get("speaker") or "")
                got = (pq.get("speaker") or {}).get("affiliation")
                if want:
                    party[1] += 1
                    party[0] += _same_party(want, got)
                    if errors is not None and not _same_party(want, got):
                        errors.append(f"party: {pq['text'][:50]!r} {got!r} (gold {want!r})")
                if gq.get("target"):
                    target[1] += 1
                    target[0] += _same_party(gq["target"], pq.get("target"))
                if pq.get("target"):
                    target[2] += 1
                    target[3] += _same_party(gq.get("target"), pq["target"])
    return {
        "party_accuracy": round(party[0] / party[1], 4) if party[1] else None,
        "target_accuracy": round(target[0] / target[1], 4) if target[1] else None,
        "target_precision": round(target[3] / target[2], 4) if target[2] else None,
    }


def _covering(
    text: str, quotes: list[dict[str, Any]], coverage: Callable[[str, str], float]
) -> dict[str, Any] | None:
    """The predicted quote holding the most of ``text``'s words, if at least half of them."""
    best: tuple[float, dict[str, Any]] | None = None
    for quote in quotes:
        share = coverage(text, quote["text"])
        if share >= 0.5 and (best is None or share > best[0]):
            best = (share, quote)
    return best[1] if best else None


def _same_party(gold: str | None, predicted: str | None) -> bool:
    """Whether two parties are one: the same words, or the same country as the lexicon reads
    them ("Sardovian government" and "Sardovia")."""
    from quotes.nlp import lexicon

    if not gold or not predicted:
        return False
    if lexicon.fold(gold) == lexicon.fold(predicted):
        return True
    countries = lexicon.countries()
    mine = countries.first(predicted)
    return mine is not None and mine == countries.first(gold)
