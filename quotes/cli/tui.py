"""``quotes tui``: open the terminal UI. ``tui`` (and textual) load only when it runs."""

from __future__ import annotations

from quotes.cli.options import TuiDbOption


def open_tui(db_url: str | None) -> None:
    """Run the terminal UI over the store at ``db_url`` until the user quits."""
    from tui.app import make_app  # the one allowed import of the UI from the core (lazy)

    make_app(db_url).run()


def tui_command(db: TuiDbOption = None) -> None:
    """Browse speakers' timelines, exchanges between parties, and search, in the terminal."""
    open_tui(db)
