"""``quotes export``: quotes (all, filtered or searched) as Markdown citations, CSL-JSON or CSV."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from quotes.cli import output
from quotes.cli.options import (
    DbOption,
    MaxRowsOption,
    OutletFilter,
    SinceFilter,
    SpeakerFilter,
    TypeFilter,
    UntilFilter,
    check_format,
    period,
)
from quotes.cli.session import open_session
from quotes.errors import InputError

if TYPE_CHECKING:
    from quotes.views import ExchangeRow, QuoteRow


def export_command(
    query: Annotated[
        str | None, typer.Argument(help="Optional search words; without them, every quote.")
    ] = None,
    fmt: Annotated[
        str,
        typer.Option("--format", "-f", metavar="FORMAT", help="markdown, csl-json or csv."),
    ] = "markdown",
    group: Annotated[
        str, typer.Option("--group", "-g", help="Markdown grouping: speaker or exchange.")
    ] = "speaker",
    out: Annotated[
        Path | None, typer.Option("--out", metavar="FILE", help="Write here, not stdout.")
    ] = None,
    speaker: SpeakerFilter = None,
    type: TypeFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    outlet: OutletFilter = None,
    limit: MaxRowsOption = None,
    db: DbOption = None,
) -> None:
    """Export quotes as Markdown citations, CSL-JSON or CSV."""
    from quotes.search import search_quotes
    from quotes.store import exchanges, list_quotes

    fmt = check_format(fmt, ("markdown", "csl-json", "csv"))
    group = check_format(group, ("speaker", "exchange"))
    first, last = period(since, until)
    filters: dict[str, Any] = {
        "speaker": speaker,
        "type": type,
        "since": first,
        "until": last,
        "outlet": outlet,
    }
    with open_session(db) as session:
        if query is not None and query.strip():
            rows = search_quotes(session, query, limit=limit or 1000, **filters)
        else:
            rows = list_quotes(session, limit=limit, **filters)
        pairs = exchanges(session) if group == "exchange" else []
    text = _render(rows, fmt, group, pairs)
    if out is None:
        output.line(text, nl=False)
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as err:
        raise InputError(f"cannot write {out}: {err.strerror}") from None
    output.note(f"{output.plural(len(rows), 'quote')} written to {out}")


def _render(rows: list[QuoteRow], fmt: str, group: str, pairs: list[ExchangeRow]) -> str:
    from quotes import export

    if fmt == "markdown":
        return export.to_markdown(rows, group=group, exchanges=pairs)
    if fmt == "csl-json":
        return export.to_csl_json(rows)
    return export.to_csv(rows)
