"""``quotes bench diplo`` prints the shared diplomatic scorer's figures for a gold folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.cli import app

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
GOLD = REPO / "data" / "diplo" / "dev2" / "2031-04-01-valdoria-warns-sanctions.gold.json"


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "eval" / "diplo.py").exists(), reason="needs ../shared")
def test_bench_diplo_scores_a_gold_folder(tmp_path: Path) -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    article = REPO / "corpus" / Path(gold["document"]).name
    shutil.copy(article, tmp_path / article.name)
    gold["document"] = article.name  # beside the gold file, where the scorer looks first
    (tmp_path / GOLD.name).write_text(json.dumps(gold), encoding="utf-8")
    result = CliRunner().invoke(app, ["bench", "diplo", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["articles"] == 1
    assert figures["quote_recall"] >= 0.8
    assert {"speaker_accuracy", "role_accuracy", "type_accuracy", "e2e_f1"} <= figures.keys()


def test_bench_diplo_refuses_a_folder_without_gold(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["bench", "diplo", str(tmp_path)])
    assert result.exit_code == 1
    assert "no *.gold.json" in result.stderr
