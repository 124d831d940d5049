"""`quotes ingest` on bad input: one clear line per skipped file, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.cli import app
from tests.cli.test_store_cli import use_fake_extractor

runner = CliRunner()

BAD = [
    ("empty.txt", b"", "empty (no text)"),
    ("spaces.md", b"   \n\n", "empty (no text)"),
    (
        "latin1.txt",
        "Äußerung".encode("latin-1"),
        "not valid UTF-8 (byte 0xc4 at offset 0); convert the file to UTF-8 first",
    ),
    (
        "image.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "binary data (NUL bytes), not a text file",
    ),
    ("open.md", b"---\ntitle: x\nno end\n", "broken front matter: no closing '---' line"),
    (
        "yaml.md",
        b"---\ntitle: [unclosed\n---\nBody.\n",
        "broken front matter (line 2): not valid YAML",
    ),
    ("lines.jsonl", b'{"title": "no text"}\n', "no 'text' (or it is empty)"),
]


@pytest.fixture(autouse=True)
def _fake(monkeypatch: pytest.MonkeyPatch) -> None:
    use_fake_extractor(monkeypatch)


@pytest.mark.parametrize(("name", "data", "reason"), BAD)
def test_each_bad_input(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    result = runner.invoke(app, ["ingest", str(path), "--db", url])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    where = f"{path}:1" if name.endswith(".jsonl") else str(path)
    assert lines[0] == f"skipped {where}: {reason}"
    assert lines[-1] == f"input error: nothing ingested: {where}: {reason}"


def test_oversized_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("quotes.readers.MAX_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text("word " * 50)
    result = runner.invoke(app, ["ingest", str(path), "--db", f"sqlite:///{tmp_path / 'd'}"])
    assert result.exit_code == 1
    assert "file is larger than 50 MB" in result.stderr


def test_missing_path(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path / "nope"), "--db", "sqlite://"])
    assert result.exit_code == 1
    assert result.stderr.strip().endswith("no such file or folder")


def test_good_and_bad_together(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01")
    (tmp_path / "good.md").write_text(
        "---\ntitle: G\ndate: 2031-01-01\n---\n“We reject these claims entirely,” Brel said.\n",
        encoding="utf-8",
    )
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", url, "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["added"] == 1 and data["quotes"] == 1
    assert data["skipped"] == [
        {"path": str(tmp_path / "bad.txt"), "reason": "binary data (NUL bytes), not a text file"}
    ]


def test_stdin(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    text = "“We reject these claims entirely,” Brel said.\n"
    result = runner.invoke(app, ["ingest", "-", "--db", url], input=text.encode())
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("1 added")
    empty = runner.invoke(app, ["ingest", "-", "--db", url], input=b"")
    assert empty.exit_code == 1
    assert "skipped <stdin>: empty (no text)" in empty.stderr
