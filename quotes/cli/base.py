"""The Typer group class every ``quotes`` command group uses.

A ``QuotesError`` raised by any command below a ``Group`` is reported by ``output.error``
as one line on stderr (``<title>: <message>``) with exit code 1, so ``CliRunner`` tests
see what users see.
"""

from __future__ import annotations

from typing import Any

import typer
from typer import _click  # typer's vendored click: the type its groups take
from typer.core import TyperGroup

from quotes.cli import output
from quotes.errors import QuotesError


class Group(TyperGroup):
    """Typer group that reports ``QuotesError`` as ``<title>: <message>`` and exits 1."""

    def invoke(self, ctx: _click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except QuotesError as err:
            output.error(err)
            raise typer.Exit(code=1) from None
