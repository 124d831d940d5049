"""``quotes correct``: a user's correction of one quote (its speaker, its type, or not a quote)."""

from __future__ import annotations

from typing import Annotated

import typer

from quotes.cli import output
from quotes.cli.options import DbOption
from quotes.cli.session import open_session
from quotes.errors import QueryError


def correct_command(
    quote_id: Annotated[int, typer.Argument(help="Quote id.")],
    speaker: Annotated[
        str | None, typer.Option("--speaker", "-s", help="The real speaker.")
    ] = None,
    type: Annotated[str | None, typer.Option("--type", "-t", help="The real type.")] = None,
    not_a_quote: Annotated[
        bool, typer.Option("--not-a-quote", help="It is not a statement at all: remove it.")
    ] = False,
    note: Annotated[str | None, typer.Option("--note", help="Why (kept with it).")] = None,
    db: DbOption = None,
) -> None:
    """Correct the extractor; the correction also wins when the article is ingested again."""
    from quotes.store.write import correct_quote

    if not (speaker or type or not_a_quote):
        raise QueryError("say what to correct: --speaker, --type or --not-a-quote")
    if not_a_quote and (speaker or type):
        raise QueryError("--not-a-quote cannot be combined with --speaker or --type")
    with open_session(db) as session:
        correct_quote(session, quote_id, wrong=not_a_quote, speaker=speaker, type=type, note=note)
    output.line(f"quote {quote_id}: {'removed' if not_a_quote else 'corrected'}")
