"""The ingest-at-scale bench: which articles it ingests, and the figures it derives."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes.bench.scale import Leg, ratio_lines, scale_documents


@pytest.mark.shared
def test_scale_documents_repeats_polnear_and_the_corpus_as_new_articles(shared: Path) -> None:
    first = scale_documents(shared, 3)
    assert [d.meta.path for d in first] == [
        f"polnear/train/{p.name}" for p in sorted((shared / "polnear/train/text").glob("*.txt"))[:3]
    ]
    docs = scale_documents(shared, 2000)
    assert len(docs) == 2000
    assert len({d.meta.path for d in docs}) == 2000  # every copy has its own id
    assert len({d.text for d in docs}) == 2000  # and new text: the store extracts each
    assert any((d.meta.path or "").startswith("polnear/dev/") for d in docs)


def test_scale_documents_is_empty_without_the_data(tmp_path: Path) -> None:
    assert scale_documents(tmp_path, 10) == []


def test_a_leg_reports_throughput_cost_per_core_and_the_ratio() -> None:
    cluster = Leg("cluster", 100, 2, 50.0, 80.0, 5.0, [600.0, 650.0], 900)
    single = Leg("single", 100, 1, 90.0, 85.0, 85.0, [640.0], 900)
    assert cluster.articles_per_s == 2.0
    assert cluster.wall_s_per_article_per_core == 1.0
    assert single.cpu_s_per_article == 0.85
    assert "2.000 articles/s" in cluster.line() and "600, 650" in cluster.line()
    (ratio,) = ratio_lines(cluster, single)
    assert "1.80x articles/s" in ratio and "per-core efficiency 0.90 (wall)" in ratio
