"""``quotes ingest`` (articles into the store) and ``quotes demo`` (a sample store, then the TUI).

Both read and extract through ``progress.ingest_with_progress``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from quotes.cli import output
from quotes.cli.options import (
    ClusterOption,
    DbOption,
    DemoDbOption,
    FormatOption,
    InputFormatOption,
    WorkersOption,
    check_format,
)
from quotes.cli.progress import ingest_with_progress
from quotes.cli.session import open_session
from quotes.config import LINK_WINDOW_DAYS, LINK_WINDOW_ENV, LINK_WINDOW_MAX
from quotes.config import link_window as link_window_setting
from quotes.errors import InputError

REPO = Path(__file__).resolve().parents[2]


def ingest_command(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders (.txt, .md with YAML front matter, .html; .jsonl and "
            ".parquet: one article per record); - reads stdin.",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    fmt: FormatOption = "table",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    workers: WorkersOption = None,
    as_kind: InputFormatOption = None,
    cluster: ClusterOption = None,
    link_window: Annotated[
        int | None,
        typer.Option(
            "--link-window",
            min=1,
            max=LINK_WINDOW_MAX,
            metavar="DAYS",
            help="Link an answer to a charge in another article at most DAYS after it "
            f"(default {LINK_WINDOW_DAYS}, or ${LINK_WINDOW_ENV}).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Read articles and briefing transcripts, extract their quotes and store them (re-running
    is safe)."""
    fmt = check_format(fmt, ("table", "json"))
    if cluster is not None:
        from quotes.cluster import check_address

        cluster = check_address(cluster, workers)
    show = not quiet and fmt == "table"
    with link_window_setting(link_window):  # read where the links are written
        done = ingest_with_progress(
            db, paths, show=show, workers=workers, as_kind=as_kind, cluster=cluster
        )
    summary = done.summary
    if fmt == "json":
        output.emit_json(summary.to_json())
    else:
        output.skipped(summary.skipped)
        output.line(output.ingest_line(summary, done.store))
    if summary.articles == 0 and summary.skipped:
        first = summary.skipped[0]
        more = f" (and {len(summary.skipped) - 1} more)" if len(summary.skipped) > 1 else ""
        raise InputError(f"nothing ingested: {first.path}: {first.reason}{more}")


def demo_sources() -> list[Path]:
    """The demo's articles: seeds/*.txt and corpus/*.md in the repo (corpus/README.md left out)."""
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    corpus = [path for path in sorted((REPO / "corpus").glob("*.md")) if path.name != "README.md"]
    return seeds + corpus


def demo_command(
    db: DemoDbOption = None,
    no_tui: Annotated[
        bool, typer.Option("--no-tui", help="Print timelines instead of opening the TUI.")
    ] = False,
    top: Annotated[int, typer.Option("--top", min=1, help="Timelines to print without TUI.")] = 3,
    workers: WorkersOption = None,
) -> None:
    """Build a local store from the sample articles, then open the TUI on it."""
    from quotes.config import demo_db_url

    url = db or demo_db_url()
    sources = demo_sources()
    if not sources:
        raise InputError("no sample articles found (seeds/ or corpus/)")
    folders = sorted({str(path.parent) for path in sources})
    output.note(f"building the demo store at {url} from {', '.join(folders)}")
    done = ingest_with_progress(url, sources, show=True, workers=workers)
    output.skipped(done.summary.skipped)
    output.note(output.ingest_line(done.summary, done.store))
    if not no_tui and sys.stdout.isatty() and sys.stdin.isatty() and _open_tui(url):
        return
    _print_top_timelines(url, top)


def _open_tui(url: str) -> bool:
    """Open the TUI if it (and textual) can be loaded; False when not available."""
    import importlib.util

    if importlib.util.find_spec("textual") is None:
        output.note("textual is not installed; printing timelines instead")
        return False
    try:
        from quotes.cli.tui import open_tui
    except ImportError as err:
        output.note(f"the TUI cannot be loaded ({err}); printing timelines instead")
        return False
    open_tui(url)
    return True


def _print_top_timelines(url: str, top: int) -> None:
    from quotes.store.read import speaker_timeline
    from quotes.store.speakers import list_speakers

    with open_session(url) as session:
        for who in list_speakers(session, limit=top):
            rows = speaker_timeline(session, who.id, limit=10)
            output.line(f"\n{output.speaker_heading(who)}")
            output.line(output.quote_table(rows))
