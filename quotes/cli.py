"""The ``quotes`` command line: a Typer app whose commands are thin shells over ``quotes``.

Each area registers its commands from its own module (``cli_nlp``, ``cli_store``,
``cli_models``, ``cli_tui``). A ``QuotesError`` from any command becomes one line on stderr
and exit code 1 (see ``_Group.invoke``), so ``CliRunner`` tests see what users see.
"""

from __future__ import annotations

from typing import Any

import typer
from typer import _click  # typer's vendored click: the type its groups take
from typer.core import TyperGroup

from quotes.errors import QuotesError


class _Group(TyperGroup):
    """Typer group that reports ``QuotesError`` as ``<title>: <message>`` and exits 1."""

    def invoke(self, ctx: _click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except QuotesError as err:
            typer.echo(f"{err.title}: {err.message}", err=True)
            raise typer.Exit(code=1) from None


app = typer.Typer(
    name="quotes",
    cls=_Group,
    help="Extract, attribute and track direct quotes in diplomatic news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register() -> None:
    from quotes import cli_models, cli_nlp, cli_store, cli_tui

    for module in (cli_nlp, cli_store, cli_models, cli_tui):
        module.register(app)


_register()


def main() -> None:
    """Console-script entry point."""
    app()
