"""``quotes bench``: benchmarks that print accuracy and speed figures (``polnear``, ``diplo``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from quotes.cli import output
from quotes.cli.base import Command, Group
from quotes.errors import InputError

app = typer.Typer(
    cls=Group, help="Benchmarks that print accuracy and speed figures.", no_args_is_help=True
)


@app.command("polnear", cls=Command)
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
        cpu_s_per_article=(
            round(result.cpu_s_per_article, 3) if result.cpu_s_per_article is not None else None
        ),
        peak_rss_mb=round(result.peak_rss_mb) if result.peak_rss_mb is not None else None,
        words_per_s=round(result.words_per_s, 1),
        model_load_s=round(result.load_seconds, 2),
        workers=workers,
    )
    if as_json:
        output.emit_json(figures, indent=None)
        return
    for key, value in figures.items():
        output.line(f"{key:>22}: {value}")


@app.command("diplo", cls=Command)
def bench_diplo(
    gold: Annotated[
        Path,
        typer.Argument(
            help="A folder of *.gold.json files (../shared/diplo-dev, data/diplo/dev2)."
        ),
    ],
    shared: Annotated[
        Path | None, typer.Option(help="The shared folder with eval/diplo.py (default ../shared).")
    ] = None,
    errors: Annotated[bool, typer.Option("--errors", help="Also list every miss.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print figures as JSON.")] = False,
) -> None:
    """Score speakers, roles and statement types on diplomatic news with ../shared/eval/diplo.py."""
    from quotes.bench.diplo import REPO, run_diplo

    if not gold.is_dir():
        raise InputError(f"not a folder: {gold}")
    result = run_diplo(gold, shared or REPO.parent / "shared")
    if errors:
        for text in result.errors:
            output.line(text)
    if as_json:
        output.emit_json(result.figures, indent=None)
        return
    for key, value in result.figures.items():
        output.line(f"{key:18} {value}")
