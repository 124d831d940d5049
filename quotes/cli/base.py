"""The Typer group and command classes every ``quotes`` command uses.

``Group``: a ``QuotesError`` raised by any command below it is reported by ``output.error``
as one line on stderr (``<title>: <message>``) with exit code 1, so ``CliRunner`` tests see
what users see.

``Command`` and ``Group`` also give ``--help`` plain metavars. Typer (0.29) labels every
parameter with its Python type (``<str>``, ``<bool>``, ``<list[str]>``, ``<int range>``, see
``typer.core._TyperParameter.display_type``); here a flag shows none, a value its ``metavar``
if it has one (``--since DATE``), else click's upper-case type name (``TEXT``, ``INTEGER``).
"""

from __future__ import annotations

from typing import Any, get_args, get_origin

import typer
from typer import _click  # typer's vendored click: the type its groups take
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from quotes.cli import output
from quotes.errors import QuotesError

_TYPE_NAMES: dict[Any, str] = {str: "TEXT", int: "INTEGER", float: "FLOAT", bool: "BOOLEAN"}


def plain_metavar(param: TyperOption | TyperArgument) -> str | None:
    """What ``--help`` shows after ``param``: None for a flag, else one plain upper-case name."""
    if isinstance(param, TyperOption):
        if param.is_flag or param.count:
            return None
        if param.metavar is not None:
            return param.metavar
    described = param.type_descriptor
    if described.is_choice:
        return "[" + "|".join(str(getattr(c, "value", c)) for c in described.choices or ()) + "]"
    if described.is_path:
        return "PATH"
    annotation = described.annotation
    if get_origin(annotation) is list:
        (annotation,) = get_args(annotation)
    return _TYPE_NAMES.get(annotation, "TEXT")


class _PlainOption(TyperOption):
    def display_type_rich(self, ctx: _click.Context) -> str | None:
        return plain_metavar(self)


class _PlainArgument(TyperArgument):
    def display_type_rich(self, ctx: _click.Context) -> str | None:
        return plain_metavar(self)


def _plain(param: _click.Parameter) -> _click.Parameter:
    """``param`` with a plain metavar in help (its class narrowed to one that shows it)."""
    if type(param) is TyperOption:
        param.__class__ = _PlainOption
    elif type(param) is TyperArgument:
        param.__class__ = _PlainArgument
    return param


class Command(TyperCommand):
    """A Typer command whose ``--help`` shows plain metavars."""

    def get_params(self, ctx: _click.Context) -> list[_click.Parameter]:
        return [_plain(param) for param in super().get_params(ctx)]


class Group(TyperGroup):
    """Typer group that reports ``QuotesError`` as ``<title>: <message>`` and exits 1."""

    def get_params(self, ctx: _click.Context) -> list[_click.Parameter]:
        return [_plain(param) for param in super().get_params(ctx)]

    def invoke(self, ctx: _click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except QuotesError as err:
            output.error(err)
            raise typer.Exit(code=1) from None
