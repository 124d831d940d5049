"""The option and argument types the commands share, each defined once, and their checks.

``DbOption``, ``FormatOption``, ``WorkersOption``, ``ClusterOption``, the quote filters
(``--speaker``, ``--type``, ``--since``, ``--until``, ``--outlet``, ``--party``) and the row
limits are ``Annotated`` types a command names as a parameter's type; ``check_format`` checks a
``--format`` value. Dates and speakers are read by ``quotes.store.filters``. Bad values
raise ``QuotesError``s.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any

import typer

from quotes.errors import InputError


def db_option(help: str, envvar: str | None = None) -> Any:
    """A ``--db URL`` option with this help text (and environment variable, if any)."""
    return typer.Option("--db", metavar="URL", envvar=envvar, show_envvar=True, help=help)


DbOption = Annotated[
    str | None,
    db_option(
        "Database URL: sqlite:///file.sqlite or postgresql+psycopg://user@host/db, or a "
        "SQLite file's path (default: a SQLite file in your user data folder).",
        envvar="QUOTES_DB",
    ),
]
DemoDbOption = Annotated[
    str | None,
    db_option("Where to build the demo store (default: demo.sqlite in your user data folder)."),
]
TuiDbOption = Annotated[
    str | None,
    db_option(
        "Database URL or SQLite file, e.g. quotes.sqlite (default: $QUOTES_DB, "
        "else the store in your data folder)."
    ),
]
WorkersOption = Annotated[
    int | None,
    typer.Option(
        "--workers",
        "-w",
        min=1,
        help="Extraction processes (default: one per core, at most 4; fewer for a few articles, "
        "since each loads the models).",
        show_default=False,
    ),
]
InputFormatOption = Annotated[
    str | None,
    typer.Option(
        "--input-format",
        "--as",
        metavar="KIND",
        help="Read every input as a 'transcript' (briefing turns: MR. KIRBY:, Q) or an "
        "'article'; default: guessed per file. (--format is the output format.)",
    ),
]
ClusterOption = Annotated[
    str | None,
    typer.Option(
        "--cluster",
        metavar="ADDRESS",
        help="Extract on a Dask cluster: its scheduler (tcp://host:8786), or 'local' to start "
        "one here with --workers processes; this process stores the results "
        "(needs pip install 'quotes[cluster]').",
        show_default=False,
    ),
]
FormatOption = Annotated[
    str, typer.Option("--format", "-f", metavar="FORMAT", help="Output: table or json.")
]
SpeakerFilter = Annotated[
    str | None, typer.Option("--speaker", "-s", help="Only quotes of this speaker (any alias).")
]
TypeFilter = Annotated[
    str | None,
    typer.Option("--type", "-t", help="Only this statement type (accuse, deny, reject, ...)."),
]
SinceFilter = Annotated[
    str | None, typer.Option("--since", metavar="DATE", help="Articles on/after YYYY[-MM[-DD]].")
]
UntilFilter = Annotated[
    str | None, typer.Option("--until", metavar="DATE", help="Articles on/before YYYY[-MM[-DD]].")
]
OutletFilter = Annotated[
    str | None, typer.Option("--outlet", "-o", help="Only articles whose outlet contains this.")
]
PartyFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--party", "-p", metavar="PARTY", help="Only exchanges involving this party (twice: both)."
    ),
]
LimitOption = Annotated[int, typer.Option("--limit", "-n", min=1, help="At most this many rows.")]
MaxRowsOption = Annotated[int | None, typer.Option("--limit", "-n", min=1, help="At most N.")]


def check_format(fmt: str, allowed: Sequence[str]) -> str:
    """``fmt`` normalised (trimmed, lower case) if it is one of ``allowed``; else a usage error."""
    value = fmt.strip().lower()
    if value not in allowed:
        raise InputError(f"unknown format {fmt!r}: use {' or '.join(allowed)}", "usage error")
    return value
