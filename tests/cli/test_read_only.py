"""Issue 14: read-only commands never create a store; ``quotes tui`` needs a terminal."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.cli import app

runner = CliRunner()
READ_ONLY = [
    ["speakers"],
    ["timeline", "Kostova"],
    ["search", "drones"],
    ["exchanges"],
    ["show", "1"],
    ["export"],
]


@pytest.mark.parametrize("args", READ_ONLY, ids=lambda args: args[0])
def test_read_only_command_on_a_missing_store_is_one_line_error(
    args: list[str], tmp_path: Path
) -> None:
    store = tmp_path / "nonexistent" / "dir" / "x.sqlite"
    result = runner.invoke(app, [*args, "--db", f"sqlite:///{store}"])
    assert result.exit_code == 1
    assert not store.parent.exists() and not store.exists()
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "no store" in lines[0].lower(), result.output


def test_tui_refuses_without_a_terminal(tmp_path: Path) -> None:
    result = runner.invoke(app, ["tui", "--db", f"sqlite:///{tmp_path / 'x.sqlite'}"])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "terminal" in lines[0], result.output
