"""Reading the store: ``quotes speakers``, ``timeline``, ``search``, ``exchanges`` and ``show``.

Each command parses its options, calls one function of ``quotes.store`` / ``quotes.search``
and hands the rows to ``output`` as a table or as JSON.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Annotated

import typer

from quotes.cli import output
from quotes.cli.options import (
    DbOption,
    FormatOption,
    LimitOption,
    MaxRowsOption,
    OutletFilter,
    PartyFilter,
    SinceFilter,
    SpeakerFilter,
    TypeFilter,
    UntilFilter,
    check_format,
)
from quotes.cli.session import open_session
from quotes.config import LINK_WINDOW_DAYS
from quotes.errors import QueryError

if TYPE_CHECKING:
    from quotes.store.rows import ExchangeRow


def speakers_command(
    query: Annotated[
        str | None, typer.Option("--query", "-q", help="Only speakers whose name contains this.")
    ] = None,
    limit: MaxRowsOption = None,
    db: DbOption = None,
    fmt: FormatOption = "table",
) -> None:
    """List speakers, most statements first, with their latest role, statements and quotes."""
    from quotes.store.speakers import list_speakers

    fmt = check_format(fmt, ("table", "json"))
    with open_session(db, create=False) as session:
        rows = list_speakers(session, query=query, limit=limit)
    if fmt == "json":
        output.emit_json([asdict(r) for r in rows])
    elif rows:
        output.line(output.speaker_table(rows))
    else:
        output.note("no speakers (ingest articles with `quotes ingest PATH`)")


def timeline_command(
    speaker: Annotated[
        str, typer.Argument(help="Name, alias or id: 'Blinken', 'Antony Blinken', '3'.")
    ],
    since: SinceFilter = None,
    until: UntilFilter = None,
    limit: MaxRowsOption = None,
    db: DbOption = None,
    fmt: FormatOption = "table",
) -> None:
    """One speaker's quotes in date order, with the role they held at the time."""
    from quotes.export import row_json
    from quotes.store.filters import filter_from_options
    from quotes.store.read import speaker_timeline
    from quotes.store.speakers import resolve_speaker_filter, speaker_roles

    fmt = check_format(fmt, ("table", "json"))
    with open_session(db, create=False) as session:
        dates = filter_from_options(session, since=since, until=until)
        who = resolve_speaker_filter(session, speaker)
        rows = speaker_timeline(session, who.id, dates, limit=limit)
        roles = speaker_roles(session, who.id)
    if fmt == "json":
        output.emit_json(
            {
                "speaker": asdict(who),
                "roles": [{"seen": d, "role": r} for d, r in roles],
                "quotes": [row_json(r) for r in rows],
            }
        )
        return
    output.line(output.speaker_heading(who))
    if rows:
        output.line(output.quote_table(rows))


def search_command(
    query: Annotated[
        str,
        typer.Argument(
            help='Words; "a phrase"; prefix*; a OR b. All words must match. Leave it out to '
            "list every quote the filters keep (newest first).",
            show_default=False,
        ),
    ] = "",
    speaker: SpeakerFilter = None,
    type: TypeFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    outlet: OutletFilter = None,
    sort: Annotated[
        str,
        typer.Option(
            "--sort", metavar="ORDER", help="relevance (best match first) or date (newest first)."
        ),
    ] = "relevance",
    limit: LimitOption = 50,
    db: DbOption = None,
    fmt: FormatOption = "table",
) -> None:
    """Search quote texts (ranked, or newest first), filtered by speaker, type, date and outlet;
    the filters alone list every quote they keep."""
    from quotes.store.filters import filter_from_options
    from quotes.store.search import search_quotes

    fmt = check_format(fmt, ("table", "json"))
    with open_session(db, create=False) as session:
        filters = filter_from_options(
            session, speaker=speaker, type=type, since=since, until=until, outlet=outlet
        )
        rows = search_quotes(session, query, filters, limit=limit, sort=sort)
    output.quotes(rows, fmt, f"no quotes match {query!r}" if query else "no quotes match")


def exchanges_command(
    party: PartyFilter = None,
    window: Annotated[
        int | None,
        typer.Option(
            "--window",
            min=0,
            metavar="DAYS",
            help="Only pairs whose articles are at most DAYS apart (links are made at ingest "
            f"within `quotes ingest --link-window`, {LINK_WINDOW_DAYS} days by default).",
        ),
    ] = None,
    db: DbOption = None,
    fmt: FormatOption = "table",
) -> None:
    """Statements and the responses that answer them (denials of accusations, ...)."""
    from quotes.store.exchanges import exchanges

    fmt = check_format(fmt, ("table", "json"))
    given = list(party or [])
    if len(given) > 2:
        raise QueryError("give at most two --party options")
    with open_session(db, create=False) as session:
        a, b = [*given, None, None][:2]
        pairs = exchanges(session, a, b, within_days=window)
    if fmt == "json":
        output.emit_json([_exchange_json(p) for p in pairs])
        return
    if not pairs:
        output.note("no exchanges")
    for pair in pairs:
        for text in output.exchange_lines(pair):
            output.line(text)


def _exchange_json(pair: ExchangeRow) -> dict[str, object]:
    from quotes.export import row_json

    return {
        "statement": row_json(pair.statement),
        "response": row_json(pair.response),
        "cross_article": pair.cross_article,
    }


def show_command(
    quote_id: Annotated[int, typer.Argument(help="Quote id (from search or timeline).")],
    db: DbOption = None,
    fmt: FormatOption = "table",
) -> None:
    """One quote with its paragraph, speaker, cue and the extractor's evidence."""
    from quotes.export import row_json
    from quotes.store.read import quote_detail

    fmt = check_format(fmt, ("table", "json"))
    with open_session(db, create=False) as session:
        detail = quote_detail(session, quote_id)
    if fmt == "json":
        data = asdict(detail)
        data["quote"] = row_json(detail.quote)
        output.emit_json(data)
        return
    for text in output.detail_lines(detail):
        output.line(text)
