"""Store commands: ingest, speakers, timeline, search, exchanges, show, correct, export, demo.

Each command parses its options, calls one function of ``quotes.ingest`` / ``quotes.store.*`` /
``quotes.export``, and prints the result as a table or as JSON. User
errors are ``QuotesError``s, which the hub (``quotes.cli``) turns into one line and exit 1.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from quotes.errors import InputError, QueryError
from quotes.store.rows import QuoteRow, SpeakerRow

if TYPE_CHECKING:
    from sqlmodel import Session

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        metavar="URL",
        envvar="QUOTES_DB",
        show_envvar=True,
        help="Database URL: sqlite:///file.sqlite or postgresql+psycopg://user@host/db "
        "(default: a SQLite file in your user data folder).",
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
LimitOption = Annotated[int, typer.Option("--limit", "-n", min=1, help="At most this many rows.")]

REPO = Path(__file__).resolve().parent.parent
TEXT_WIDTH = 90


# -- helpers -----------------------------------------------------------------------------------


@contextmanager
def _session(db: str | None) -> Iterator[Session]:
    from quotes.store.db import open_store, session_scope

    engine = open_store(db)
    try:
        with session_scope(engine) as session:
            yield session
    finally:
        engine.dispose()


def _check_format(fmt: str, allowed: Sequence[str]) -> str:
    value = fmt.strip().lower()
    if value not in allowed:
        raise InputError(f"unknown format {fmt!r}: use {' or '.join(allowed)}", "usage error")
    return value


def _clip(text: str | None, width: int) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    cells = [[("" if v is None else str(v)) for v in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()
    out = [line, "  ".join("-" * w for w in widths)]
    for row in cells:
        out.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(out)


def _when(row: QuoteRow) -> str:
    from quotes.export import date_of

    return date_of(row) or "—"


def quote_table(rows: Sequence[QuoteRow]) -> str:
    """Quotes as a plain-text table."""
    return _table(
        ["id", "date", "speaker", "type", "quote", "outlet"],
        [
            [
                r.id,
                _when(r),
                _clip(r.speaker or "?", 24),
                r.type,
                _clip(r.text, TEXT_WIDTH),
                _clip(r.outlet, 18),
            ]
            for r in rows
        ],
    )


def speaker_table(rows: Sequence[SpeakerRow]) -> str:
    """Speakers as a plain-text table."""
    return _table(
        ["id", "speaker", "kind", "country", "latest role", "quotes"],
        [[r.id, r.name, r.kind, r.country, _clip(r.latest_role, 40), r.quote_count] for r in rows],
    )


def _emit_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _emit_quotes(rows: Sequence[QuoteRow], fmt: str, empty: str) -> None:
    from quotes.export import row_json

    if fmt == "json":
        _emit_json([row_json(r) for r in rows])
    elif rows:
        typer.echo(quote_table(rows))
    else:
        typer.echo(empty, err=True)


# -- commands ----------------------------------------------------------------------------------


def _progress_printer(enabled: bool) -> tuple[Callable[[str, int, int], None] | None, Any]:
    """A rich progress bar on stderr when it is a terminal; else no progress output."""
    if not enabled or not sys.stderr.isatty():
        return None, None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = bar.add_task("ingesting", total=None)

    def update(label: str, done: int, total: int) -> None:
        bar.update(task, completed=done, total=total, description=_clip(Path(label).name, 40))

    return update, bar


def ingest_command(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders (.txt, .md with YAML front matter, .html, .jsonl); "
            "- reads stdin.",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    fmt: FormatOption = "table",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    workers: WorkersOption = None,
) -> None:
    """Read articles, extract their quotes and store them (re-running is safe)."""
    from quotes.ingest import ingest_paths
    from quotes.store.db import open_store

    fmt = _check_format(fmt, ("table", "json"))
    engine = open_store(db)
    progress, bar = _progress_printer(not quiet and fmt == "table")
    try:
        if bar is not None:
            with bar:
                summary = ingest_paths(engine, paths, progress=progress, workers=workers)
        else:
            summary = ingest_paths(engine, paths, workers=workers)
    finally:
        engine.dispose()
    if fmt == "json":
        _emit_json(summary.to_json())
    else:
        for skipped in summary.skipped:
            typer.echo(f"skipped {skipped.path}: {skipped.reason}", err=True)
        typer.echo(summary.line())
    if summary.articles == 0 and summary.skipped:
        first = summary.skipped[0]
        more = f" (and {len(summary.skipped) - 1} more)" if len(summary.skipped) > 1 else ""
        raise InputError(f"nothing ingested: {first.path}: {first.reason}{more}")


def speakers_command(
    query: Annotated[
        str | None, typer.Option("--query", "-q", help="Only speakers whose name contains this.")
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", "-n", min=1, help="At most N.")] = None,
    db: DbOption = None,
    fmt: FormatOption = "table",
) -> None:
    """List speakers, most quoted first, with their latest role."""
    from quotes.store.speakers import list_speakers

    fmt = _check_format(fmt, ("table", "json"))
    with _session(db) as session:
        rows = list_speakers(session, query=query, limit=limit)
    if fmt == "json":
        _emit_json([asdict(r) for r in rows])
    elif rows:
        typer.echo(speaker_table(rows))
    else:
        typer.echo("no speakers (ingest articles with `quotes ingest PATH`)", err=True)


def timeline_command(
    speaker: Annotated[
        str, typer.Argument(help="Name, alias or id: 'Blinken', 'Antony Blinken', '3'.")
    ],
    since: SinceFilter = None,
    until: UntilFilter = None,
    limit: Annotated[int | None, typer.Option("--limit", "-n", min=1, help="At most N.")] = None,
    db: DbOption = None,
    fmt: FormatOption = "table",
) -> None:
    """One speaker's quotes in date order, with the role they held at the time."""
    from quotes.store.filters import filter_from_options
    from quotes.store.read import speaker_timeline
    from quotes.store.speakers import resolve_speaker_filter, speaker_roles

    fmt = _check_format(fmt, ("table", "json"))
    with _session(db) as session:
        who = resolve_speaker_filter(session, speaker)
        dates = filter_from_options(session, since=since, until=until)
        rows = speaker_timeline(session, who.id, dates, limit=limit)
        roles = speaker_roles(session, who.id)
    if fmt == "json":
        from quotes.export import row_json

        _emit_json(
            {
                "speaker": asdict(who),
                "roles": [{"seen": d, "role": r} for d, r in roles],
                "quotes": [row_json(r) for r in rows],
            }
        )
        return
    role = f", {who.latest_role}" if who.latest_role else ""
    typer.echo(f"{who.name}{role} — {who.quote_count} quotes")
    if rows:
        typer.echo(quote_table(rows))


def search_command(
    query: Annotated[
        str, typer.Argument(help='Words; "a phrase"; prefix*; a OR b. All words must match.')
    ],
    speaker: SpeakerFilter = None,
    type: TypeFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    outlet: OutletFilter = None,
    limit: LimitOption = 50,
    db: DbOption = None,
    fmt: FormatOption = "table",
) -> None:
    """Search quote texts (ranked), optionally filtered by speaker, type, date and outlet."""
    from quotes.store.filters import filter_from_options
    from quotes.store.search import search_quotes

    fmt = _check_format(fmt, ("table", "json"))
    with _session(db) as session:
        filters = filter_from_options(
            session, speaker=speaker, type=type, since=since, until=until, outlet=outlet
        )
        rows = search_quotes(session, query, filters, limit=limit)
    _emit_quotes(rows, fmt, f"no quotes match {query!r}")


def exchanges_command(
    party: Annotated[
        list[str] | None,
        typer.Option("--party", "-p", help="Only exchanges involving this party (twice: both)."),
    ] = None,
    db: DbOption = None,
    fmt: FormatOption = "table",
) -> None:
    """Statements and the responses that answer them (denials of accusations, ...)."""
    from quotes.export import row_json
    from quotes.store.exchanges import exchanges

    fmt = _check_format(fmt, ("table", "json"))
    given = list(party or [])
    if len(given) > 2:
        raise QueryError("give at most two --party options")
    with _session(db) as session:
        pairs = exchanges(session, *given)
    if fmt == "json":
        _emit_json(
            [
                {
                    "statement": row_json(p.statement),
                    "response": row_json(p.response),
                    "cross_article": p.cross_article,
                }
                for p in pairs
            ]
        )
        return
    if not pairs:
        typer.echo("no exchanges", err=True)
    for pair in pairs:
        where = "across articles" if pair.cross_article else "same article"
        typer.echo(f"[{where}]")
        for label, row in (("  ", pair.statement), ("→ ", pair.response)):
            typer.echo(
                f"{label}{_when(row)}  {row.speaker or '?'} ({row.type}): {_clip(row.text, 80)}"
            )


def show_command(
    quote_id: Annotated[int, typer.Argument(help="Quote id (from search or timeline).")],
    db: DbOption = None,
    fmt: FormatOption = "table",
) -> None:
    """One quote with its paragraph, speaker, cue and the extractor's evidence."""
    from quotes.export import citation_markdown, row_json
    from quotes.store.read import quote_detail

    fmt = _check_format(fmt, ("table", "json"))
    with _session(db) as session:
        detail = quote_detail(session, quote_id)
    if fmt == "json":
        data = asdict(detail)
        data["quote"] = row_json(detail.quote)
        _emit_json(data)
        return
    typer.echo(citation_markdown(detail.quote))
    typer.echo(f"\ncue: {detail.cue or '—'}; corrected: {'yes' if detail.corrected else 'no'}")
    for item in detail.evidence:
        typer.echo(f"  · {item}")


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
    with _session(db) as session:
        correct_quote(session, quote_id, wrong=not_a_quote, speaker=speaker, type=type, note=note)
    typer.echo(f"quote {quote_id}: {'removed' if not_a_quote else 'corrected'}")


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
    limit: Annotated[int | None, typer.Option("--limit", "-n", min=1, help="At most N.")] = None,
    db: DbOption = None,
) -> None:
    """Export quotes as Markdown citations, CSL-JSON or CSV."""
    from quotes import export
    from quotes.store.exchanges import exchanges
    from quotes.store.filters import filter_from_options
    from quotes.store.read import list_quotes
    from quotes.store.search import search_quotes

    fmt = _check_format(fmt, ("markdown", "csl-json", "csv"))
    group = _check_format(group, ("speaker", "exchange"))
    with _session(db) as session:
        filters = filter_from_options(
            session, speaker=speaker, type=type, since=since, until=until, outlet=outlet
        )
        if query is not None and query.strip():
            rows = search_quotes(session, query, filters, limit=limit or 1000)
        else:
            rows = list_quotes(session, filters, limit=limit)
        pairs = exchanges(session) if group == "exchange" else []
    if fmt == "markdown":
        text = export.to_markdown(rows, group=group, exchanges=pairs)
    elif fmt == "csl-json":
        text = export.to_csl_json(rows)
    else:
        text = export.to_csv(rows)
    if out is None:
        typer.echo(text, nl=False)
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as err:
        raise InputError(f"cannot write {out}: {err.strerror}") from None
    typer.echo(f"{len(rows)} quotes written to {out}", err=True)


def demo_sources() -> list[Path]:
    """The demo's articles: seeds/ and corpus/ in the repo, and ../shared/corpus if present."""
    candidates = [REPO / "seeds", REPO / "corpus", REPO.parent / "shared" / "corpus"]
    return [path for path in candidates if path.is_dir() and any(path.iterdir())]


def demo_command(
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="URL",
            help="Where to build the demo store (default: demo.sqlite in your user data folder).",
        ),
    ] = None,
    no_tui: Annotated[
        bool, typer.Option("--no-tui", help="Print timelines instead of opening the TUI.")
    ] = False,
    top: Annotated[int, typer.Option("--top", min=1, help="Timelines to print without TUI.")] = 3,
    workers: WorkersOption = None,
) -> None:
    """Build a local store from the sample articles, then open the TUI on it."""
    from quotes.config import demo_db_url
    from quotes.ingest import ingest_paths
    from quotes.store.db import open_store

    url = db or demo_db_url()
    sources = demo_sources()
    if not sources:
        raise InputError("no sample articles found (seeds/, corpus/ or ../shared/corpus)")
    typer.echo(f"building the demo store at {url} from {', '.join(map(str, sources))}", err=True)
    engine = open_store(url)
    progress, bar = _progress_printer(True)
    try:
        if bar is not None:
            with bar:
                summary = ingest_paths(engine, sources, progress=progress, workers=workers)
        else:
            summary = ingest_paths(engine, sources, workers=workers)
    finally:
        engine.dispose()
    for skipped in summary.skipped:
        typer.echo(f"skipped {skipped.path}: {skipped.reason}", err=True)
    typer.echo(summary.line(), err=True)
    if not no_tui and sys.stdout.isatty() and sys.stdin.isatty() and _open_tui(url):
        return
    _print_top_timelines(url, top)


def _open_tui(url: str) -> bool:
    """Open the TUI if it (and textual) can be loaded; False when not available."""
    import importlib.util

    if importlib.util.find_spec("textual") is None:
        typer.echo("textual is not installed; printing timelines instead", err=True)
        return False
    try:
        from quotes.cli_tui import open_tui
    except ImportError as err:
        typer.echo(f"the TUI cannot be loaded ({err}); printing timelines instead", err=True)
        return False
    open_tui(url)
    return True


def _print_top_timelines(url: str, top: int) -> None:
    from quotes.store.read import speaker_timeline
    from quotes.store.speakers import list_speakers

    with _session(url) as session:
        for who in list_speakers(session, limit=top):
            rows = speaker_timeline(session, who.id, limit=10)
            role = f", {who.latest_role}" if who.latest_role else ""
            typer.echo(f"\n{who.name}{role} — {who.quote_count} quotes")
            typer.echo(quote_table(rows))


def register(app: typer.Typer) -> None:
    """Add the store commands to ``app``."""
    app.command("ingest")(ingest_command)
    app.command("speakers")(speakers_command)
    app.command("timeline")(timeline_command)
    app.command("search")(search_command)
    app.command("exchanges")(exchanges_command)
    app.command("show")(show_command)
    app.command("correct")(correct_command)
    app.command("export")(export_command)
    app.command("demo")(demo_command)
