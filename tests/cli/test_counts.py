"""Counts in CLI output read right: one quote is "1 quote", and a re-run is not an empty store."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.cli import app
from tests.cli.test_store_cli import CORPUS_ARGS, use_fake_extractor

runner = CliRunner()
ONE_QUOTE = '"Both sides must come back to the table," said the mediator, Amara Osei.\n'


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    use_fake_extractor(monkeypatch)
    return f"sqlite:///{tmp_path / 'counts.sqlite'}"


@pytest.fixture
def one_quote(db: str, tmp_path: Path) -> Path:
    article = tmp_path / "one.txt"
    article.write_text(ONE_QUOTE, encoding="utf-8")
    return article


def test_ingest_of_one_quote_and_one_speaker_is_singular(db: str, one_quote: Path) -> None:
    result = runner.invoke(app, ["ingest", str(one_quote), "--db", db])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("1 added, 0 updated, 0 unchanged; 1 new quote, 1 new speaker;")
    assert "store: 1 article, 1 quote, 1 speaker" in result.stdout


def test_timeline_of_one_quote_is_singular(db: str, one_quote: Path) -> None:
    assert runner.invoke(app, ["ingest", str(one_quote), "--db", db]).exit_code == 0
    result = runner.invoke(app, ["timeline", "Osei", "--db", db])
    assert result.stdout.splitlines()[0] == "Amara Osei, mediator — 1 quote"


def test_export_of_one_quote_is_singular(db: str, one_quote: Path, tmp_path: Path) -> None:
    assert runner.invoke(app, ["ingest", str(one_quote), "--db", db]).exit_code == 0
    target = tmp_path / "one.md"
    result = runner.invoke(app, ["export", "--db", db, "--out", str(target)])
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == f"1 quote written to {target}"


def test_a_rerun_says_what_the_store_holds(db: str) -> None:
    first = runner.invoke(app, ["ingest", *CORPUS_ARGS, "--db", db])
    assert first.exit_code == 0, first.output
    added = re.search(r"; (\d+) new quotes, 5 new speakers;", first.stdout)
    assert added is not None, first.stdout
    again = runner.invoke(app, ["ingest", *CORPUS_ARGS, "--db", db])
    assert again.exit_code == 0, again.output
    line = again.stdout.strip()
    assert line.startswith("0 added, 0 updated, 4 unchanged; 0 new quotes, 0 new speakers;")
    assert f"store: 4 articles, {added.group(1)} quotes, 5 speakers" in line
