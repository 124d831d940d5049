"""Ingest with a progress bar: the one helper ``quotes ingest`` and ``quotes demo`` share.

``ingest_with_progress`` returns what the run did and what the store holds afterwards.

The bar (rich, on stderr) shows only when asked for and when stderr is a terminal; it is
transient, so a finished ingest leaves only its summary behind.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from quotes.cli import output
from quotes.cli.output import clip, plural
from quotes.cli.signals import Stopped, stop_on_signals

if TYPE_CHECKING:
    from quotes.ingest import IngestSummary, Progress


@dataclass(frozen=True, slots=True)
class Ingested:
    """One ingest run: its summary, and the store's counts after it (``quotes.store.stats``)."""

    summary: IngestSummary
    store: dict[str, int]


def ingest_with_progress(
    db: str | None,
    paths: Sequence[str | Path],
    *,
    show: bool,
    workers: int | None,
    as_kind: str | None = None,
    cluster: str | None = None,
) -> Ingested:
    """Ingest ``paths`` into the store at ``db``, with a progress bar if ``show`` (and a tty);
    ``as_kind`` reads every input as a transcript or an article (``readers.mark_kind``); on
    the Dask cluster at ``cluster`` (``local``: started here) if given."""
    from quotes.ingest import IngestSummary, ingest_paths
    from quotes.store.db import open_store, session_scope
    from quotes.store.read import stats

    summary = IngestSummary()
    with stop_on_signals():
        try:
            engine = open_store(db)
            try:
                with progress_bar(show) as progress:
                    ingest_paths(
                        engine,
                        paths,
                        progress=progress,
                        workers=workers,
                        summary=summary,
                        as_kind=as_kind,
                        cluster=cluster,
                    )
                with session_scope(engine) as session:
                    return Ingested(summary, stats(session))
            finally:
                engine.dispose()
        except (Stopped, KeyboardInterrupt) as stop:
            signum = stop.signum if isinstance(stop, Stopped) else signal.SIGINT
            output.note(stopped_line(signal.Signals(signum).name, summary))
            raise typer.Exit(code=128 + signum) from None


def stopped_line(name: str, summary: IngestSummary) -> str:
    """What a signalled ingest had stored, in one line."""
    return (
        f"stopped by {name}: {summary.added} added, {summary.updated} updated, "
        f"{summary.unchanged} unchanged; {plural(summary.quotes, 'new quote')} stored"
        " (run the command again for the rest)"
    )


@contextmanager
def progress_bar(show: bool) -> Iterator[Progress | None]:
    """A progress callback drawing a bar on stderr while open; None when not shown."""
    if not show or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn
    from rich.progress import Progress as Bar

    bar = Bar(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = bar.add_task("ingesting", total=None)

    def update(label: str, done: int, total: int) -> None:
        bar.update(task, completed=done, total=total, description=clip(Path(label).name, 40))

    with bar:
        yield update
