"""``quotes extract`` and ``quotes bench`` through Typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.cli import app
from quotes.cli.output import extraction_lines
from quotes.nlp.types import Document, ExtractedQuote, Extraction

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "000_29a5e61329436f73.txt"
runner = CliRunner()


@pytest.mark.slow
def test_extract_seed_as_json_has_offsets_speakers_and_metadata() -> None:
    result = runner.invoke(app, ["extract", str(SEED), "--format", "json"])
    assert result.exit_code == 0, result.output
    (doc,) = json.loads(result.stdout)
    assert doc["document"]["outlet"] == "DER SPIEGEL"
    text = SEED.read_text(encoding="utf-8")
    direct = [q for q in doc["quotes"] if q["form"] == "direct"]
    assert len(direct) == 6
    for quote in direct:
        assert text[quote["start"] + 1 : quote["end"] - 1] == quote["text"]
        assert {"speaker", "cue", "type", "target", "responds_to", "confidence", "evidence"} <= set(
            quote
        )
    blinken = direct[0]["speaker"]
    assert blinken["name"] == "Antony Blinken"
    assert blinken["role"] == "U.S. Secretary of State"
    assert blinken["mention"]["text"] == "Blinken"


@pytest.mark.slow
def test_extract_reads_stdin_as_jsonl() -> None:
    text = '"We reject these smears," a Valdorian Foreign Ministry spokesperson said.\n'
    result = runner.invoke(app, ["extract", "-", "--format", "jsonl"], input=text)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout.splitlines()[0])
    (quote,) = doc["quotes"]
    assert quote["type"] == "deny"
    assert "Foreign Ministry spokesperson" in quote["speaker"]["name"]


def test_extract_empty_file_is_a_clear_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(app, ["extract", str(empty)])
    assert result.exit_code == 1
    assert "empty" in result.output
    assert "Traceback" not in result.output


def test_extract_binary_file_is_skipped_with_a_reason(tmp_path: Path) -> None:
    blob = tmp_path / "blob.txt"
    blob.write_bytes(b"\x00\x01\x02\xff" * 100)
    result = runner.invoke(app, ["extract", str(blob)])
    assert result.exit_code == 1
    assert "blob.txt" in result.output
    assert "Traceback" not in result.output


def test_extract_unknown_format_is_a_user_error() -> None:
    result = runner.invoke(app, ["extract", str(SEED), "--format", "xml"])
    assert result.exit_code == 1
    assert "unknown format" in result.output


def test_bench_polnear_without_data_is_a_user_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["bench", "polnear", str(tmp_path)])
    assert result.exit_code == 1
    assert "not a folder" in result.output


@pytest.mark.slow
def test_bench_polnear_scores_a_few_articles(shared: Path, tmp_path: Path) -> None:
    preds = tmp_path / "pred.jsonl"
    result = runner.invoke(
        app,
        [
            "bench",
            "polnear",
            str(shared / "polnear"),
            "--limit",
            "3",
            "--json",
            "--predictions",
            str(preds),
        ],
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert figures["docs"] == 3
    assert 0.0 <= figures["e2e_f1"] <= 1.0
    assert figures["articles_per_s"] > 0
    assert len(preds.read_text().splitlines()) == 3


def test_the_table_names_a_questions_premise_as_such() -> None:
    # issue 15: a premise has no speaker; the table says what it is instead of "?"
    premise = ExtractedQuote(3, 20, "Doesn't that show it?", form="question")
    (_, line) = extraction_lines(
        Extraction(Document("Q  Doesn't that show it?"), [premise]).to_json()
    )
    assert "(the question's premise): Doesn't that show it?" in line
