"""``quotes tui``: open the terminal UI. ``tui`` (and textual) load only when it runs."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from quotes.cli.options import TuiDbOption
from quotes.config import EXPORT_ENV
from quotes.errors import InputError

ExportDirOption = Annotated[
    str | None,
    typer.Option(
        "--export-dir",
        metavar="FOLDER",
        envvar=EXPORT_ENV,
        show_envvar=True,
        help="Where exports are written (default: 'quotes' in your documents folder, else "
        "'exports' in your user data folder; never the current folder).",
    ),
]


def open_tui(db_url: str | None, export_dir: str | None = None) -> None:
    """Run the terminal UI over the store at ``db_url`` until the user quits; refuses (one
    line, exit 1) where stdin or stdout is not a terminal (``quotes tui | cat``)."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise InputError("quotes tui needs a terminal: stdin and stdout must not be redirected")
    from tui.app import make_app  # the one allowed import of the UI from the core (lazy)

    make_app(db_url, export_dir=export_dir).run()


def tui_command(db: TuiDbOption = None, export_dir: ExportDirOption = None) -> None:
    """Browse speakers' timelines, exchanges between parties, and search, in the terminal."""
    open_tui(db, export_dir)
