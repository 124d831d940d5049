"""``quotes tui``: open the terminal UI. ``tui`` (and textual) load only when it runs."""

from __future__ import annotations

from typing import Annotated

import typer


def open_tui(db_url: str | None) -> None:
    """Run the terminal UI over the store at ``db_url`` until the user quits."""
    from tui.app import make_app  # the one allowed import of the UI from the core (lazy)

    make_app(db_url).run()


def register(app: typer.Typer) -> None:
    """Add ``quotes tui`` to ``app``."""

    @app.command("tui")
    def tui_command(
        db: Annotated[
            str | None,
            typer.Option(
                "--db",
                metavar="URL",
                help="Database URL, e.g. sqlite:///quotes.sqlite (default: $QUOTES_DB, "
                "else the store in your data folder).",
            ),
        ] = None,
    ) -> None:
        """Browse speakers' timelines, exchanges between parties, and search, in the terminal."""
        open_tui(db)
