"""Speaker rules through the real models (stanza tags, parse and NER): slow."""

from __future__ import annotations

import pytest
from test_rules_surface import LABELS


@pytest.mark.slow
def test_name_and_title_labels_with_the_real_models() -> None:
    from quotes.nlp.parse import StanzaParser
    from quotes.nlp.pipeline import extract_many
    from quotes.nlp.types import Document

    found = extract_many([Document(text) for text, _, _ in LABELS], StanzaParser())
    got = [
        [(q.speaker.name, q.speaker.role) if q.speaker else None for q in ex.quotes] for ex in found
    ]
    assert got == [[(name, role)] for _, name, role in LABELS]
