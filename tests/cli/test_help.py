"""Every command's ``--help``: plain metavars (``--since DATE``), none on flags, no ``<type>``."""

from __future__ import annotations

import re

import pytest
import typer
from typer import _click
from typer.testing import CliRunner

from quotes.cli import app

runner = CliRunner()


def _command_paths(command: _click.Command, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [path]
    for name, sub in getattr(command, "commands", {}).items():
        found.extend(_command_paths(sub, (*path, name)))
    return found


COMMANDS = _command_paths(typer.main.get_command(app))


def _help(*path: str) -> str:
    result = runner.invoke(app, [*path, "--help"], terminal_width=120)
    assert result.exit_code == 0, result.output
    return result.output


def test_every_command_is_covered() -> None:
    names = {" ".join(p) for p in COMMANDS}
    assert {"", "search", "export", "bench polnear", "models train", "tui"} <= names


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "quotes")
def test_help_shows_no_typed_metavars(path: tuple[str, ...]) -> None:
    out = _help(*path)
    for typed in ("<bool>", "<list[", "<str>", "<int", "<float", "<path>"):
        assert typed not in out, f"{typed} in `quotes {' '.join(path)} --help`"
    assert not re.search(r"<[a-z][a-z ]*>", out), out


def test_values_show_an_upper_case_name_and_flags_none() -> None:
    out = _help("search")
    for option, metavar in [
        ("--since", "DATE"),
        ("--speaker", "TEXT"),
        ("--limit", "INTEGER"),
        ("--db", "URL"),
        ("--format", "FORMAT"),
    ]:
        assert re.search(rf"{option}\s+(-\w\s+)?{metavar}\b", out), (option, out)
    assert re.search(r"--party\s+-p\s+PARTY\b", _help("exchanges"))
    assert re.search(r"--help\s+Show this message", out)
    assert re.search(r"--quiet\s+-q\s+No progress bar", _help("ingest"))
