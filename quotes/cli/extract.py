"""``quotes extract``: quotes, speakers, roles and types from articles, printed (no store)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from quotes.cli import output
from quotes.cli.options import InputFormatOption
from quotes.errors import InputError

if TYPE_CHECKING:
    from quotes.nlp.types import Document


def extract_command(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders (.txt, .md with front matter, .html, .jsonl); - reads stdin."
        ),
    ],
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="Output: json (one array), jsonl (a line per document) or table."
        ),
    ] = "json",
    reported: Annotated[
        bool,
        typer.Option("--reported/--direct-only", help="Include reported (indirect) statements."),
    ] = True,
    as_kind: InputFormatOption = None,
) -> None:
    """Extract quotes, speakers, roles, statement types and exchanges from articles and
    briefing transcripts."""
    from quotes.nlp.pipeline import extract_many

    if fmt not in ("json", "jsonl", "table"):
        raise InputError(f"unknown format {fmt!r}: use json, jsonl or table")
    results: list[dict[str, Any]] = []
    for extraction in extract_many(_readable_documents(paths, as_kind)):
        data = extraction.to_json()
        if not reported:
            data["quotes"] = [q for q in data["quotes"] if q["form"] == "direct"]
        if fmt == "jsonl":
            output.emit_json(data, indent=None)
        elif fmt == "table":
            for text in output.extraction_lines(data):
                output.line(text)
        else:
            results.append(data)
    if fmt == "json":
        output.emit_json(results)


def _readable_documents(paths: list[str], as_kind: str | None = None) -> list[Document]:
    """The documents ``paths`` hold; each unreadable one noted on stderr; none at all: an error."""
    from quotes.readers import Skipped, iter_documents

    items = list(iter_documents(paths, as_kind=as_kind))
    output.skipped([item for item in items if isinstance(item, Skipped)])
    documents = [d for d in items if not isinstance(d, Skipped)]
    if not documents:
        raise InputError("no readable document among the inputs")
    return documents
