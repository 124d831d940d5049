"""``quotes statements``: maintenance of the grouping of quotes into statements (issue 18)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from quotes.cli import output
from quotes.cli.base import Command, Group
from quotes.cli.options import DbOption
from quotes.cli.progress import progress_bar
from quotes.cli.session import open_session
from quotes.cli.signals import Stopped, stop_on_signals

if TYPE_CHECKING:
    from quotes.store.statements import Regrouped

app = typer.Typer(
    cls=Group,
    help="Statements (one remark reported by many outlets): regroup a store's quotes.",
    no_args_is_help=True,
)


@app.command("regroup", cls=Command)
def regroup_command(
    db: DbOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Group every stored quote into statements anew (an older store, or changed rules)."""
    from quotes.store.statements import regroup

    try:
        with (
            stop_on_signals(),
            open_session(db, create=False) as session,
            progress_bar(not quiet) as progress,
        ):
            done = regroup(session, progress)
    except Stopped as stop:  # the transaction was rolled back: the old grouping stands
        output.note(f"stopped by {stop.name}: nothing changed (the old grouping is kept)")
        raise typer.Exit(code=stop.exit_code) from None
    output.line(regroup_line(done))


def regroup_line(done: Regrouped) -> str:
    """The one-line summary: statements before and after, and the quotes grouped."""
    return (
        f"regrouped: {output.plural(done.before, 'statement')} before, {done.after} after; "
        f"{output.plural(done.quotes, 'quote')} grouped"
    )
