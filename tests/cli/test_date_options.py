"""``--since`` / ``--until`` go through ``quotes.dates``: impossible dates are one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.cli import app
from quotes.store.db import open_store

runner = CliRunner()


@pytest.mark.parametrize("command", [["search", "drones"], ["export"], ["timeline", "Marken"]])
@pytest.mark.parametrize("option", ["--since", "--until"])
@pytest.mark.parametrize("value", ["2023-99", "2023-02-30"])
def test_impossible_dates_are_refused(
    tmp_path: Path, command: list[str], option: str, value: str
) -> None:
    url = f"sqlite:///{tmp_path / 'dates.sqlite'}"
    open_store(url).dispose()  # an empty store: read-only commands refuse a missing one
    result = runner.invoke(app, [*command, option, value, "--db", url])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"query error: cannot read date '{value}'")
    assert len(result.stderr.strip().splitlines()) == 1
