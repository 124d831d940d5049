"""Everything the commands print: plain-text tables, JSON, stderr notes and one-line errors.

Commands build data and hand it here; apart from the transient progress bar (``progress``),
nothing else in ``quotes.cli`` writes to the terminal. Results go to stdout; notes (skipped
files, summaries of side effects, "no rows") and errors to stderr.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from quotes.errors import QuotesError
    from quotes.ingest import IngestSummary
    from quotes.readers import Skipped
    from quotes.store.rows import ExchangeRow, QuoteDetail, QuoteRow, SpeakerRow

TEXT_WIDTH = 90


# -- writing -----------------------------------------------------------------------------------


def line(text: str, *, nl: bool = True) -> None:
    """``text`` on stdout."""
    typer.echo(text, nl=nl)


def note(text: str) -> None:
    """``text`` on stderr."""
    typer.echo(text, err=True)


def error(err: QuotesError) -> None:
    """A user error as one line on stderr: ``<title>: <message>``."""
    note(f"{err.title}: {err.message}")


def skipped(items: Sequence[Skipped]) -> None:
    """A ``skipped <path>: <reason>`` line on stderr for each input that was not read."""
    for item in items:
        note(f"skipped {item.path}: {item.reason}")


def emit_json(data: Any, *, indent: int | None = 2) -> None:
    """``data`` as JSON on stdout (``indent`` None: one line)."""
    line(json.dumps(data, ensure_ascii=False, indent=indent, default=str))


# -- text helpers ------------------------------------------------------------------------------


def plural(count: int, noun: str) -> str:
    """``1 quote``, ``0 quotes``, ``2 quotes``: a count with its noun in the right number."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def clip(text: str | None, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    flat = " ".join((text or "").split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """Left-aligned columns under a header line and a dashed rule."""
    cells = [[("" if v is None else str(v)) for v in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    head = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()
    out = [head, "  ".join("-" * w for w in widths)]
    for row in cells:
        out.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(out)


def when(row: QuoteRow) -> str:
    """The quote's article date as the store has it (a month stays a month), or a dash."""
    from quotes.export import date_of

    return date_of(row) or "—"


# -- quotes and speakers -----------------------------------------------------------------------


def quote_table(rows: Sequence[QuoteRow]) -> str:
    """Quotes as a plain-text table."""
    return table(
        ["id", "date", "speaker", "type", "quote", "outlet"],
        [
            [
                r.id,
                when(r),
                clip(r.speaker or "?", 24),
                r.type,
                clip(r.text, TEXT_WIDTH),
                outlets_cell(r),
            ]
            for r in rows
        ],
    )


def outlets_cell(row: QuoteRow) -> str:
    """The outlet, and how many others reported the same statement ("Reuters +4")."""
    more = f" +{row.other_outlets}" if row.other_outlets else ""
    return clip(row.outlet, 18 - len(more)) + more


def speaker_table(rows: Sequence[SpeakerRow]) -> str:
    """Speakers as a plain-text table: ``quotes`` counts every copy, ``statements`` counts a
    remark reported by several outlets once."""
    return table(
        ["id", "speaker", "kind", "country", "latest role", "quotes", "statements"],
        [_speaker_cells(r) for r in rows],
    )


def _speaker_cells(r: SpeakerRow) -> list[object]:
    """One speaker's row of ``speaker_table``."""
    role = clip(r.latest_role, 40)
    return [r.id, r.name, r.kind, r.country, role, r.quote_count, r.statement_count]


def quotes(rows: Sequence[QuoteRow], fmt: str, empty: str) -> None:
    """Quote rows as JSON or a table; ``empty`` on stderr when a table has no rows."""
    from quotes.export import row_json

    if fmt == "json":
        emit_json([row_json(r) for r in rows])
    elif rows:
        line(quote_table(rows))
    else:
        note(empty)


def speaker_heading(who: SpeakerRow) -> str:
    """``Name, latest role — N quotes``: the line above a speaker's timeline."""
    role = f", {who.latest_role}" if who.latest_role else ""
    return f"{who.name}{role} — {plural(who.quote_count, 'quote')}"


def exchange_lines(pair: ExchangeRow) -> list[str]:
    """A statement and its response, each on one line, under where they were found."""
    where = "across articles" if pair.cross_article else "same article"
    out = [f"[{where}]"]
    for label, row in (("  ", pair.statement), ("→ ", pair.response)):
        out.append(f"{label}{when(row)}  {row.speaker or '?'} ({row.type}): {clip(row.text, 80)}")
    return out


def detail_lines(detail: QuoteDetail) -> list[str]:
    """One quote as a citation, then its cue, correction state and evidence."""
    from quotes.export import citation_markdown

    out = [
        citation_markdown(detail.quote),
        f"\ncue: {detail.cue or '—'}; corrected: {'yes' if detail.corrected else 'no'}",
    ]
    out.extend(f"  · {item}" for item in detail.evidence)
    return out


# -- ingest ------------------------------------------------------------------------------------


def ingest_line(summary: IngestSummary, store: dict[str, int]) -> str:
    """What one ingest did, then what the store now holds (so a re-run does not read as empty).

    ``4 added, 0 updated, 1 unchanged; 23 new quotes, 5 new speakers; store: 5 articles,
    27 quotes, 6 speakers (1.2 s)``; ``store`` holds the counts of ``quotes.store.stats``.
    """
    done = f"{summary.added} added, {summary.updated} updated, {summary.unchanged} unchanged"
    new = f"{plural(summary.quotes, 'new quote')}, {plural(summary.speakers, 'new speaker')}"
    skipped = f"; {len(summary.skipped)} skipped" if summary.skipped else ""
    held = ", ".join(
        [
            plural(store["articles"], "article"),
            plural(store["quotes"], "quote"),
            plural(store["speakers"], "speaker"),
        ]
    )
    return f"{done}; {new}{skipped}; store: {held} ({summary.seconds:.1f} s)"


# -- extraction (no store) ---------------------------------------------------------------------


def extraction_lines(data: dict[str, Any]) -> list[str]:
    """One extracted document (its JSON form) as a title line and a line per quote."""
    meta = data["document"]
    out = [f"# {meta.get('title') or meta.get('path') or '(stdin)'}"]
    for q in data["quotes"]:
        who = q["speaker"]["name"] if q["speaker"] else "?"
        if q["form"] == "question":
            who = "(the question's premise)"
        role = f" ({q['speaker']['role']})" if q["speaker"] and q["speaker"]["role"] else ""
        text = q["text"] if len(q["text"]) <= 90 else q["text"][:87] + "..."
        target = f" -> {q['target']}" if q["target"] else ""
        out.append(f"{q['start']:>6} {q['form'][:3]} {q['type']:<15} {who}{role}{target}: {text}")
    return out
