"""Issue 13: the agreement figures of ``data/types/tools/agreement.py`` (the ceiling reported with
the statement-type model) on hand-built labels: pairing by span, Cohen's kappa."""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.scripts import load_script


def _tool() -> ModuleType:
    return load_script("data/types/tools/agreement.py", "types_agreement")


def test_spans_pair_when_they_share_half_the_shorter_one() -> None:
    tool = _tool()
    assert tool.overlap([0, 10], [5, 30])  # 5 of the shorter 10
    assert not tool.overlap([0, 10], [6, 30])
    first = {"items": [{"span": [0, 10], "type": "deny"}, {"span": [50, 60], "type": "accuse"}]}
    second = {"items": [{"span": [2, 9], "type": "reject"}, {"span": [20, 30], "type": "warn"}]}
    assert [(a["type"], b["type"]) for a, b in tool.pairs(first, second)] == [("deny", "reject")]


def test_kappa_is_one_for_identical_labels_and_zero_at_chance() -> None:
    tool = _tool()
    assert tool.kappa(["a", "b", "a"], ["a", "b", "a"]) == pytest.approx(1.0)
    # each annotator says "a" half the time, independently: observed 0.5, expected 0.5
    assert tool.kappa(["a", "a", "b", "b"], ["a", "b", "a", "b"]) == pytest.approx(0.0)
    assert tool.kappa(["a", "a", "a", "b"], ["a", "a", "b", "b"]) == pytest.approx(0.5)
