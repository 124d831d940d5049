"""The ``quotes`` command line: the Typer ``app`` and ``main``, the console-script entry point.

Commands are thin shells over ``quotes``, one module per command group: ``extract``,
``ingest`` (ingest, demo), ``browse`` (speakers, timeline, search, exchanges, show),
``correct``, ``export``, ``tui``, and the ``bench``, ``models``, ``types`` and ``statements``
sub-apps. They share ``options`` (option types and checks), ``output`` (all printing),
``progress`` (a progress bar, for ingest and regroup) and ``session`` (a store session);
``base.Group`` turns a ``QuotesError`` from any command into one line on stderr and exit code 1.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Callable

import typer

from quotes.cli import (
    bench,
    browse,
    correct,
    export,
    extract,
    ingest,
    models,
    statements,
    tui,
    types,
)
from quotes.cli.base import Command, Group

__all__ = ["app", "main"]

app = typer.Typer(
    name="quotes",
    cls=Group,
    help="Extract, attribute and track direct quotes in diplomatic news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

COMMANDS: list[tuple[str, Callable[..., None]]] = [
    ("extract", extract.extract_command),
    ("ingest", ingest.ingest_command),
    ("speakers", browse.speakers_command),
    ("timeline", browse.timeline_command),
    ("search", browse.search_command),
    ("exchanges", browse.exchanges_command),
    ("show", browse.show_command),
    ("correct", correct.correct_command),
    ("export", export.export_command),
    ("demo", ingest.demo_command),
    ("tui", tui.tui_command),
]
"""The top-level commands, in the order ``quotes --help`` lists them."""

for _name, _function in COMMANDS:
    app.command(_name, cls=Command)(_function)
app.add_typer(bench.app, name="bench")
app.add_typer(models.app, name="models")
app.add_typer(types.app, name="types")
app.add_typer(statements.app, name="statements")


def main(prog_name: str | None = None) -> None:
    """Console-script entry point: a full or closed stdout is one line, never a traceback."""
    try:
        app(prog_name=prog_name)
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else 1
        if code and _pipe_closed():  # typer saw EPIPE and exits 1; a closed pipe is no error
            sys.exit(0)
        sys.exit(_flush_stdout(code))
    except OSError as err:  # stdout failed while a command was writing
        sys.exit(_output_failed(err))


def _pipe_closed() -> bool:
    """Typer (click) met EPIPE on stdout: it swapped stdout for a wrapper that drops flushes."""
    return type(sys.stdout).__name__.lstrip("_") == "PacifyFlushWrapper"


def _flush_stdout(code: int) -> int:
    """Flush stdout now (not at interpreter exit, where a failure is a traceback)."""
    try:
        sys.stdout.flush()
    except OSError as err:
        return _output_failed(err)
    return code


def _output_failed(err: OSError) -> int:
    """Report a failed write to stdout as one line; a closed pipe (``| head``) is no error."""
    with contextlib.suppress(OSError):  # nothing more may reach the broken stdout
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    if err.errno == errno.EPIPE:
        return 0
    sys.stderr.write(f"error: cannot write the output: {err.strerror or err}\n")
    return 1
