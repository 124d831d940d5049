"""``quotes export``: quotes (all, filtered or searched) as Markdown citations, CSL-JSON or CSV."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

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
)
from quotes.cli.session import open_session
from quotes.errors import InputError

if TYPE_CHECKING:
    from quotes.store.rows import ExchangeRow, QuoteRow


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
    from quotes.export import earliest_sources
    from quotes.store.exchanges import exchanges
    from quotes.store.filters import filter_from_options
    from quotes.store.read import list_quotes, statement_sources
    from quotes.store.search import search_quotes

    fmt = check_format(fmt, ("markdown", "csl-json", "csv"))
    group = check_format(group, ("speaker", "exchange"))
    with open_session(db, create=False) as session:
        filters = filter_from_options(
            session, speaker=speaker, type=type, since=since, until=until, outlet=outlet
        )
        if query is not None and query.strip():
            rows = search_quotes(session, query, filters, limit=limit or 1000)
        else:
            rows = list_quotes(session, filters, limit=limit)
        pairs = exchanges(session) if group == "exchange" else []
        rows, others = earliest_sources(rows, statement_sources(session, rows))
    view = export_view(query, speaker=speaker, type=type, since=since, until=until, outlet=outlet)
    text = _render(rows, fmt, group, pairs, view, others)
    if out is None:
        output.line(text, nl=False)
        return
    from quotes.export import write_atomic

    try:
        write_atomic(out, text)
    except OSError as err:
        raise InputError(f"cannot write {out}: {err.strerror}") from None
    output.note(f"{output.plural(len(rows), 'quote')} written to {out}")


def export_view(query: str | None, **filters: str | None) -> str | None:
    from quotes.export import view_label

    return view_label(query, **filters)


def _render(
    rows: list[QuoteRow],
    fmt: str,
    group: str,
    pairs: list[ExchangeRow],
    view: str | None,
    others: dict[int, list[QuoteRow]] | None = None,
) -> str:
    from quotes import export

    return export.render(rows, fmt, group=group, exchanges=pairs, title=view, others=others)
