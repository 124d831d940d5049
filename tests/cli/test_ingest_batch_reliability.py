"""Issue 17: one bad file in a folder is one skip line; the rest is stored; exit 0."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.cli import app
from tests.cli.test_store_cli import use_fake_extractor

runner = CliRunner()


@pytest.fixture(autouse=True)
def _fake(monkeypatch: pytest.MonkeyPatch) -> None:
    use_fake_extractor(monkeypatch)


def test_bad_date_in_a_batch_skips_one_file_and_stores_the_rest(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(8):
        (folder / f"good{n}.md").write_text(
            f"---\ntitle: Good {n}\n---\n“We reject claim number {n},” Brel said.\n"
        )
    (folder / "bad.md").write_text("---\ndate: 2023-13-45\n---\n“No,” Brel said.\n")
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    result = runner.invoke(app, ["ingest", str(folder), "--db", url, "--quiet"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    skips = [line for line in result.output.splitlines() if line.startswith("skipped")]
    assert skips == [
        f"skipped {folder / 'bad.md'}: broken front matter (line 1): impossible date '2023-13-45'"
    ]
    assert "8 added" in result.output and "1 skipped" in result.output
