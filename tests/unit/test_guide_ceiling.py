"""Issue 13: ``data/diplo/tools/guide_ceiling.py`` scores a blind label as the shared scorer
scores a prediction (gold type or an accepted alternative), and pairs items by their spans."""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.scripts import load_script


def _tool() -> ModuleType:
    return load_script("data/diplo/tools/guide_ceiling.py", "guide_ceiling")


def test_a_label_counts_when_it_is_the_gold_type_or_an_alternative() -> None:
    tool = _tool()
    gold = {"type": "CONDEMN", "also": ["ACCUSE"]}
    assert tool.accepted("condemn", gold)
    assert tool.accepted("accuse", gold)
    assert not tool.accepted("warn", gold)


def test_stance_counts_when_it_is_the_stance_of_the_gold_or_an_alternative() -> None:
    tool = _tool()
    assert tool.stance_accepted("warn", {"type": "CONDEMN"})  # both hostile
    assert not tool.stance_accepted("deny", {"type": "CONDEMN"})  # defensive
    assert tool.stance_accepted("deny", {"type": "CONDEMN", "also": ["REJECT"]})


def test_files_whose_spans_differ_from_the_gold_are_refused() -> None:
    tool = _tool()
    blind = {"document": "corpus/x.md", "items": [{"span": [0, 5], "type": "deny"}]}
    same = {"quotes": [{"span": [0, 5], "type": "DENY"}]}
    assert [(b["type"], g["type"]) for b, g in tool.paired(blind, same)] == [("deny", "DENY")]
    with pytest.raises(ValueError, match="spans differ"):
        tool.paired(blind, {"quotes": [{"span": [0, 6], "type": "DENY"}]})
