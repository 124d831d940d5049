"""The statement-type classifier: the clause it reads, its saved weights, how it types quotes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from quotes.nlp.statement_model import (
    StatementInput,
    TypeModel,
    assign_types,
    features,
    handmade_features,
    predict,
    reporting_clause,
)
from quotes.nlp.types import STATEMENT_TYPES, ExtractedQuote


def _model_favouring(label: str) -> TypeModel:
    """A hand-made model on the handmade features alone that always prefers ``label``."""
    width = len(handmade_features(StatementInput("x")))
    bias = np.zeros(len(STATEMENT_TYPES), dtype=np.float32)
    bias[STATEMENT_TYPES.index(label)] = 5.0
    return TypeModel(
        labels=STATEMENT_TYPES,
        weights=np.zeros((width, len(STATEMENT_TYPES)), dtype=np.float32),
        bias=bias,
        mean=np.zeros(width, dtype=np.float32),
        scale=np.ones(width, dtype=np.float32),
        embedding="none",
    )


def test_reporting_clause_keeps_the_reporter_words_without_the_quote() -> None:
    text = 'Intro.\n\n"We never sent drones," the ministry said on Monday. Next sentence.'
    start = text.index("We never")
    clause = reporting_clause(text, start, start + len("We never sent drones,"))
    assert clause == "the ministry said on Monday."


def test_reporting_clause_reads_a_bounded_window_of_a_huge_paragraph() -> None:
    text = "word " * 200_000 + '"Yes," he said.'
    start = text.index("Yes")
    assert len(reporting_clause(text, start, start + 4)) < 1_500


def test_handmade_features_see_the_reporting_verb_and_negation() -> None:
    denial = handmade_features(StatementInput("We did not do it.", "the ministry denied", "direct"))
    plain = handmade_features(StatementInput("We did it.", "the ministry said", "direct"))
    assert denial[STATEMENT_TYPES.index("deny")] == 1.0
    assert plain[STATEMENT_TYPES.index("deny")] == 0.0
    assert denial.sum() > plain.sum()


def test_features_without_an_encoder_are_the_handmade_ones() -> None:
    items = [StatementInput("We welcome the deal.", "she said")]
    assert features(items, None).shape == (1, len(handmade_features(items[0])))


def test_saved_model_loads_and_a_changed_file_is_refused(tmp_path: Path) -> None:
    model = _model_favouring("deny")
    model.save(tmp_path, {"note": "test"})
    loaded = TypeModel.load(tmp_path)
    (pred,) = predict([StatementInput("Nothing of the sort happened.")], loaded) or []
    assert pred.type == "deny" and pred.probability > 0.9
    weights = tmp_path / "weights.npz"
    raw = bytearray(weights.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    weights.write_bytes(bytes(raw))
    with pytest.raises(ValueError, match="checksum"):
        TypeModel.load(tmp_path)


def test_model_types_only_what_the_lexicon_left_plain() -> None:
    text = '"It is groundless," she said. "We will see," he said.'
    cued = ExtractedQuote(0, 17, "It is groundless,", type="deny")
    plain = ExtractedQuote(30, 43, "We will see,", type="statement")
    assign_types([cued, plain], text, _model_favouring("warn"))
    assert cued.type == "deny" and cued.type_confidence is None
    assert plain.type == "warn" and plain.type_confidence is not None
    assert any("type model: warn" in e for e in plain.evidence)


def test_low_confidence_is_said_in_the_evidence() -> None:
    model = _model_favouring("warn")
    model.bias[:] = 0.0  # every type equally likely
    quote = ExtractedQuote(0, 5, "Hm.", type="statement")
    assign_types([quote], '"Hm."', model)
    assert any("low confidence" in e for e in quote.evidence)


def test_the_packaged_model_loads_with_its_checksum() -> None:
    from quotes.nlp.statement_model import packaged_model

    model = packaged_model()
    assert model is not None
    assert model.labels == STATEMENT_TYPES
    assert model.weights.shape == (len(model.mean), len(STATEMENT_TYPES))
