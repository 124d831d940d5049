"""Transcripts through the reader and the CLI: recognised by their turns, or forced."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.cli import app
from quotes.errors import InputError
from quotes.readers import Skipped, iter_documents, read_document

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "transcripts"
runner = CliRunner()


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.iterdir()))
def test_the_reader_recognises_each_sample_transcript(name: str) -> None:
    assert read_document(SAMPLES / name).meta.kind == "transcript"


def test_an_article_is_not_marked_and_the_override_wins(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text('Minister Anna Berg said: "We will not accept this."\n', encoding="utf-8")
    assert read_document(article).meta.kind is None
    assert read_document(article, as_kind="transcript").meta.kind == "transcript"
    assert read_document(SAMPLES / "mfa_caps.txt", as_kind="article").meta.kind == "article"
    (doc,) = [d for d in iter_documents([str(article)], as_kind="transcript")]
    assert not isinstance(doc, Skipped) and doc.meta.kind == "transcript"
    with pytest.raises(InputError):
        list(iter_documents([str(article)], as_kind="speech"))


def test_front_matter_source_url_is_the_url_and_names_the_publisher() -> None:
    meta = read_document(SAMPLES / "kirby_briefing.md").meta
    assert meta.url is not None and meta.url.startswith("https://www.whitehouse.gov/")
    assert meta.outlet == "The White House"


def test_unknown_input_format_is_a_one_line_error() -> None:
    result = runner.invoke(app, ["extract", str(SAMPLES / "qa_interview.txt"), "--as", "speech"])
    assert result.exit_code == 1
    assert "unknown input format 'speech'" in result.output


@pytest.mark.slow
def test_extract_a_transcript_as_json_with_form_transcript() -> None:
    result = runner.invoke(
        app, ["extract", str(SAMPLES / "mfa_title_case.txt"), "--input-format", "transcript"]
    )
    assert result.exit_code == 0, result.output
    (doc,) = json.loads(result.stdout)
    assert doc["document"]["kind"] == "transcript"
    statements = [q for q in doc["quotes"] if q["form"] == "transcript"]
    assert {q["speaker"]["name"] for q in statements} == {"Wang Wenbin"}
    denial = next(q for q in statements if q["text"].startswith("The US accusation"))
    assert denial["type"] == "deny"
    charge = doc["quotes"][denial["responds_to"]]
    assert charge["speaker"]["affiliation"] == "United States"
