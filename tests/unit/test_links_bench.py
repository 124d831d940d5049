"""Issue 13: the exchange-link scorer of ``bench/links_bench.py`` on hand-built links (no
models): how stored quotes align with labelled spans and how links count."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from tests.scripts import load_script

REPO = Path(__file__).resolve().parents[2]


def _bench() -> ModuleType:
    return load_script("bench/links_bench.py", "links_bench")


lb = _bench()
Span, GoldLink, PredLink = lb.Span, lb.GoldLink, lb.PredLink

A, B = "a.md", "b.md"


def test_overlap_is_measured_against_the_shorter_span() -> None:
    labelled = Span(A, 10, 30)  # a quote without its marks
    assert lb.overlaps(Span(A, 9, 31), labelled)  # the stored quote with its marks
    assert lb.overlaps(Span(A, 12, 18), Span(A, 0, 200))  # a fragment inside a reported clause
    assert lb.overlaps(Span(A, 20, 40), labelled)  # exactly half of the shorter
    assert not lb.overlaps(Span(A, 21, 40), labelled)  # less than half
    assert not lb.overlaps(Span(B, 10, 30), labelled)  # same offsets, other document
    assert not lb.overlaps(Span(A, 10, 10), labelled)  # empty


def test_a_link_is_right_with_the_main_or_an_equal_charge() -> None:
    gold = GoldLink("L1", Span(B, 100, 150), (Span(A, 10, 60), Span(A, 0, 9)))
    assert lb.matches(PredLink(Span(B, 99, 151), Span(A, 11, 59)), gold)
    assert lb.matches(PredLink(Span(B, 99, 151), Span(A, 0, 9)), gold)  # also_charges
    assert not lb.matches(PredLink(Span(B, 99, 151), Span(A, 70, 90)), gold)  # other charge
    assert not lb.matches(PredLink(Span(B, 200, 240), Span(A, 11, 59)), gold)  # other answer


def test_scores_split_within_and_cross_and_list_errors() -> None:
    cross = GoldLink("L1", Span(B, 100, 150), (Span(A, 10, 60),), days=3)
    within = GoldLink("L2", Span(A, 200, 250), (Span(A, 10, 60),), days=0)
    missed = GoldLink("L3", Span(B, 300, 350), (Span(A, 10, 60),), days=3)
    preds = [
        PredLink(Span(B, 99, 151), Span(A, 9, 61), days=3),  # right, cross
        PredLink(Span(B, 120, 130), Span(A, 9, 61), days=3),  # a fragment of the same answer
        PredLink(Span(A, 199, 251), Span(A, 70, 90), days=0),  # right answer, wrong charge
        PredLink(Span(B, 400, 420), Span(A, 9, 61), days=3),  # answers no charge
    ]
    chargeless = [Span(B, 398, 422)]
    s = lb.score_links([cross, within, missed], preds, chargeless)
    assert (s.overall.predicted, s.overall.right, s.overall.gold, s.overall.found) == (4, 2, 3, 1)
    assert (s.cross.predicted, s.cross.right, s.cross.gold, s.cross.found) == (3, 2, 2, 1)
    assert (s.within.predicted, s.within.right, s.within.gold, s.within.found) == (1, 0, 1, 0)
    assert s.overall.precision == pytest.approx(0.5)
    assert s.overall.recall == pytest.approx(1 / 3)
    assert s.overall.f1 == pytest.approx(0.4)
    assert [g.id for g in s.missed] == ["L2", "L3"]
    assert len(s.false) == 2
    assert s.false_on_chargeless == 1


def test_a_stored_link_listed_twice_counts_once() -> None:
    gold = [GoldLink("L1", Span(B, 100, 150), (Span(A, 10, 60),))]
    pred = PredLink(Span(B, 99, 151), Span(A, 9, 61))
    s = lb.score_links(gold, [pred, pred])
    assert (s.overall.predicted, s.overall.right) == (1, 1)


def test_the_window_leaves_out_links_between_distant_articles() -> None:
    late = GoldLink("L1", Span(B, 100, 150), (Span(A, 10, 60),), days=82)
    s = lb.score_links([late], [], window=60)
    assert s.overall.gold == 0
    s = lb.score_links([late], [], window=90)
    assert (s.overall.gold, s.overall.found, s.overall.recall) == (1, 0, 0.0)


def test_empty_figures_are_zero_not_an_error() -> None:
    s = lb.score_links([], [])
    assert (s.overall.precision, s.overall.recall, s.overall.f1) == (0.0, 0.0, 0.0)


def test_types_spans_move_by_the_front_matter() -> None:
    raw = "---\ntitle: x\n---\nBody text here."
    assert lb.body_shift(raw, "Body text here.") == len("---\ntitle: x\n---\n")
    assert lb.body_shift("plain", "plain") == 0


def test_restrict_to_labelled_keeps_links_between_labelled_items() -> None:
    items = {A: [Span(A, 10, 60), Span(A, 200, 250)]}
    inside = PredLink(Span(A, 199, 251), Span(A, 9, 61))
    outside = PredLink(Span(A, 500, 520), Span(A, 9, 61))
    kept, unscored = lb.restrict_to_labelled([inside, outside], items)
    assert kept == [inside] and unscored == 1


def test_the_labels_agree_with_the_scorer_spans() -> None:
    """Every labelled link in data/links loads, and its answer matches itself as a link."""
    docs, gold, chargeless = lb.load_link_labels("dev")
    assert gold and chargeless and all(g.answer.document in docs for g in gold)
    perfect = [PredLink(g.answer, g.charges[0], g.days) for g in gold]
    s = lb.score_links(gold, perfect, chargeless)
    assert s.overall.precision == 1.0 and s.overall.recall == 1.0
    rows = [json.loads(x) for x in (REPO / "data/links/links.jsonl").read_text().splitlines()]
    assert sum(r["cross_article"] for r in rows if r["split"] == "dev") == s.cross.gold
