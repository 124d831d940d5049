"""The seed article against its hand-made reference annotation (real models: slow)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from quotes.nlp.types import Document, ExtractedQuote, Extraction

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "000_29a5e61329436f73.txt"


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    """The hand-made reference, kept in the repository (the test runs on a fresh clone)."""
    return json.loads((REPO / "seeds" / "000_29a5e61329436f73.gold.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def extraction() -> Extraction:
    from quotes.nlp.pipeline import extract

    return extract(Document(SEED.read_text(encoding="utf-8")))


def _direct(extraction: Extraction) -> list[ExtractedQuote]:
    return [q for q in extraction.quotes if q.form == "direct"]


def _speaker_matches(quote: ExtractedQuote, speaker: dict[str, Any]) -> bool:
    assert quote.speaker is not None
    names = {speaker["name"], *speaker["aliases"]}
    if quote.speaker.name in names:
        return True
    role = speaker.get("role") or ""
    return not speaker.get("named", True) and role.lower() in quote.speaker.name.lower()


@pytest.mark.slow
def test_all_six_direct_quotes_with_speaker_role_and_type(
    extraction: Extraction, gold: dict[str, Any]
) -> None:
    speakers = {s["name"]: s for s in gold["speakers"]}
    found = {(q.start, q.end): q for q in _direct(extraction)}
    for item in gold["quotes"]:
        quote = found.get(tuple(item["quote"]))
        assert quote is not None, f"missing quote at {item['quote']}"
        spec = speakers[item["speaker"]]
        assert _speaker_matches(quote, spec), (quote.speaker, spec["name"])
        assert quote.speaker is not None
        assert quote.speaker.affiliation == spec["country"]
        if spec["role"] and spec.get("named", True):
            assert quote.speaker.role == spec["role"]
        assert quote.type in {item["type"], *item.get("also", [])}, (quote.text, quote.type)


@pytest.mark.slow
def test_show_title_is_not_returned(extraction: Extraction, gold: dict[str, Any]) -> None:
    for item in gold["not_quotes"]:
        start, end = item["span"]
        assert not any(q.start <= start and end <= q.end for q in _direct(extraction))


@pytest.mark.slow
def test_both_exchanges_are_linked(extraction: Extraction, gold: dict[str, Any]) -> None:
    quotes = extraction.quotes
    index = {(q.start, q.end): i for i, q in enumerate(quotes)}
    gold_quotes = gold["quotes"]
    first, second = gold["exchanges"]
    charges = {index[tuple(gold_quotes[i]["quote"])] for i in first["accusation"]}
    for i in first["response"]:
        answer = quotes[index[tuple(gold_quotes[i]["quote"])]]
        assert answer.responds_to in charges, answer
    scholz = index[tuple(gold_quotes[second["accusation"][0]]["quote"])]
    reported_text = gold["reported_statements"][second["response_reported"][0]]["text"]
    answers = [q for q in quotes if q.form == "reported" and reported_text.rstrip(".") in q.text]
    assert answers, f"reported statement not extracted: {reported_text}"
    assert answers[0].responds_to == scholz
    assert answers[0].type == "deny"


@pytest.mark.slow
def test_offsets_and_text_round_trip(extraction: Extraction) -> None:
    text = SEED.read_text(encoding="utf-8")
    for quote in _direct(extraction):
        assert text[quote.start + 1 : quote.end - 1] == quote.text
        if quote.speaker and quote.speaker.mention:
            m = quote.speaker.mention
            assert text[m.start : m.end] == m.text
