"""Issue 13: ``data/diplo/tools/guide_ceiling.py`` scores a blind label as the shared scorer
scores a prediction (gold type or an accepted alternative), and pairs items by their spans."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]


def _tool() -> ModuleType:
    path = REPO / "data" / "diplo" / "tools" / "guide_ceiling.py"
    spec = importlib.util.spec_from_file_location("guide_ceiling", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["guide_ceiling"] = module
    spec.loader.exec_module(module)
    return module


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
