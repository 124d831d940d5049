"""``quotes tui``: open the terminal UI. ``tui`` (and textual) load only when it runs."""

from __future__ import annotations

import sys

from quotes.cli.options import TuiDbOption
from quotes.errors import InputError


def open_tui(db_url: str | None) -> None:
    """Run the terminal UI over the store at ``db_url`` until the user quits; refuses (one
    line, exit 1) where stdin or stdout is not a terminal (``quotes tui | cat``)."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise InputError("quotes tui needs a terminal: stdin and stdout must not be redirected")
    from tui.app import make_app  # the one allowed import of the UI from the core (lazy)

    make_app(db_url).run()


def tui_command(db: TuiDbOption = None) -> None:
    """Browse speakers' timelines, exchanges between parties, and search, in the terminal."""
    open_tui(db)
