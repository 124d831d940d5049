"""Issue 15: the link scorer of ``bench/transcripts_bench.py`` on hand-built statements (no
models): an answer linked to the question's own premise counts for the gold party "Reporter"."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from quotes.nlp.types import ExtractedQuote, ExtractedSpeaker

REPO = Path(__file__).resolve().parents[2]


def _bench() -> ModuleType:
    path = REPO / "bench" / "transcripts_bench.py"
    spec = importlib.util.spec_from_file_location("transcripts_bench", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["transcripts_bench"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_a_link_to_the_questions_premise_is_the_reporters_party() -> None:
    bench = _bench()
    premise = ExtractedQuote(0, 20, "Doesn't that show ...?", form="question")
    assert bench._party(premise, "Reporter")
    assert not bench._party(premise, "Russia")
    lavrov = ExtractedSpeaker("Sergey Lavrov", "Foreign Minister", "Russia", "person")
    charge = ExtractedQuote(0, 20, "The sanctions are illegal.", form="reported", speaker=lavrov)
    assert bench._party(charge, "Russia") and bench._party(charge, "Lavrov")
    assert not bench._party(charge, "Reporter")
