"""Commands over the extractor: ``quotes extract`` and ``quotes bench polnear``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from quotes.errors import InputError

bench_app = typer.Typer(
    help="Benchmarks that print accuracy and speed figures.", no_args_is_help=True
)


def register(app: typer.Typer) -> None:
    """Add ``extract`` and the ``bench`` group to ``app``."""
    app.command("extract")(extract_command)
    app.add_typer(bench_app, name="bench")


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
) -> None:
    """Extract quotes, speakers, roles, statement types and exchanges from articles."""
    from quotes.nlp.pipeline import extract_many
    from quotes.readers import Skipped, iter_documents

    if fmt not in ("json", "jsonl", "table"):
        raise InputError(f"unknown format {fmt!r}: use json, jsonl or table")
    items = list(iter_documents(paths))
    for item in items:
        if isinstance(item, Skipped):
            typer.echo(f"skipped {item.path}: {item.reason}", err=True)
    documents = [d for d in items if not isinstance(d, Skipped)]
    if not documents:
        raise InputError("no readable document among the inputs")
    results: list[dict[str, Any]] = []
    for extraction in extract_many(documents):
        data = extraction.to_json()
        if not reported:
            data["quotes"] = [q for q in data["quotes"] if q["form"] == "direct"]
        if fmt == "jsonl":
            typer.echo(json.dumps(data, ensure_ascii=False))
        elif fmt == "table":
            _print_table(data)
        else:
            results.append(data)
    if fmt == "json":
        typer.echo(json.dumps(results, ensure_ascii=False, indent=2))


def _print_table(data: dict[str, Any]) -> None:
    meta = data["document"]
    typer.echo(f"# {meta.get('title') or meta.get('path') or '(stdin)'}")
    for q in data["quotes"]:
        who = q["speaker"]["name"] if q["speaker"] else "?"
        role = f" ({q['speaker']['role']})" if q["speaker"] and q["speaker"]["role"] else ""
        text = q["text"] if len(q["text"]) <= 90 else q["text"][:87] + "..."
        target = f" -> {q['target']}" if q["target"] else ""
        typer.echo(f"{q['start']:>6} {q['form'][:3]} {q['type']:<15} {who}{role}{target}: {text}")


@bench_app.command("polnear")
def bench_polnear(
    data: Annotated[Path, typer.Argument(help="PolNeAR data folder (holding dev/ and train/).")],
    split: Annotated[str, typer.Option(help="Split to score: dev or train.")] = "dev",
    limit: Annotated[int | None, typer.Option(help="Score only the first N articles.")] = None,
    predictions: Annotated[
        Path | None, typer.Option(help="Also write the predictions (JSONL) here.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print figures as JSON.")] = False,
    parser: Annotated[
        str, typer.Option(help="stanza (the packaged models) or surface (regex tokens, no model).")
    ] = "stanza",
    workers: Annotated[
        int,
        typer.Option(
            min=0,
            help="Extraction processes, one model set and thread each (0: one per core, up to 4).",
        ),
    ] = 0,
) -> None:
    """Score the extractor on PolNeAR with ../shared/eval/polnear.py; print figures and speed."""
    from quotes.bench.polnear import run_polnear

    if not (data / split / "text").is_dir():
        raise InputError(f"{data / split / 'text'} is not a folder; pass PolNeAR's data folder")
    if parser not in ("stanza", "surface"):
        raise InputError(f"unknown parser {parser!r}: use stanza or surface")
    from quotes.nlp.pool import default_workers

    workers = workers or default_workers()
    result = run_polnear(
        data,
        split,
        limit=limit,
        predictions_out=predictions,
        parser_name=parser,
        workers=workers,
    )
    figures = dict(result.scores)
    figures.update(
        articles=result.articles,
        seconds=round(result.seconds, 2),
        articles_per_s=round(result.articles_per_s, 3),
        s_per_article=round(result.seconds / max(result.articles, 1), 3),
        words_per_s=round(result.words_per_s, 1),
        model_load_s=round(result.load_seconds, 2),
        workers=workers,
    )
    if as_json:
        typer.echo(json.dumps(figures))
        return
    for key, value in figures.items():
        typer.echo(f"{key:>22}: {value}")
