"""Issue 15: the link scorer of ``bench/transcripts_bench.py`` on hand-built statements (no
models): an answer linked to the question's own premise counts for the gold party "Reporter"."""

from __future__ import annotations

from types import ModuleType

from quotes.nlp.types import ExtractedQuote, ExtractedSpeaker
from tests.scripts import load_script


def _bench() -> ModuleType:
    return load_script("bench/transcripts_bench.py", "transcripts_bench")


def test_a_link_to_the_questions_premise_is_the_reporters_party() -> None:
    bench = _bench()
    premise = ExtractedQuote(0, 20, "Doesn't that show ...?", form="question")
    assert bench._party(premise, "Reporter")
    assert not bench._party(premise, "Russia")
    lavrov = ExtractedSpeaker("Sergey Lavrov", "Foreign Minister", "Russia", "person")
    charge = ExtractedQuote(0, 20, "The sanctions are illegal.", form="reported", speaker=lavrov)
    assert bench._party(charge, "Russia") and bench._party(charge, "Lavrov")
    assert not bench._party(charge, "Reporter")
