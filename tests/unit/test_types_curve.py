"""Issue 13: ``bench/types_curve.py`` draws whole articles for each share of the training set,
and re-types only the statements the learned model typed (the lexicon's types stay)."""

from __future__ import annotations

from types import ModuleType

from quotes.nlp.statement_model import StatementInput
from quotes.nlp.types import Document, ExtractedQuote, Extraction
from quotes.training.statement_types import LabelledStatement
from tests.scripts import load_script


def _bench() -> ModuleType:
    return load_script("bench/types_curve.py", "types_curve")


def _item(document: str, n: int) -> LabelledStatement:
    return LabelledStatement(document, f"q{n}", StatementInput(f"words {n}"), "statement")


def test_a_share_keeps_or_leaves_whole_articles() -> None:
    bench = _bench()
    items = [_item(f"doc{d}", d * 10 + k) for d in range(8) for k in range(3)]
    kept = bench.articles_subset(items, 0.5, seed=1)
    articles = {items[i].document for i in kept}
    assert len(articles) == 4
    assert kept == [i for i, it in enumerate(items) if it.document in articles]  # all of each
    assert bench.articles_subset(items, 0.5, seed=1) == kept  # the same draw for the same seed
    assert len(bench.articles_subset(items, 1.0, seed=0)) == len(items)


def test_only_the_model_typed_quotes_are_typed_again() -> None:
    bench = _bench()
    by_cue = ExtractedQuote(0, 5, "lies", type="deny", evidence=["type: deny (deny:lies)"])
    by_model = ExtractedQuote(
        10, 20, "we will see", type="warn", evidence=["type model: warn p=0.50 (next: ...)"]
    )
    extraction = Extraction(Document("x"), [by_cue, by_model])
    assert bench.model_typed(extraction) == [1]
