"""The training recipe: data preparation and one stanza training command per job.

Every job is a plain ``python -m <stanza training module> ...`` command, so the recipe is the
same whether the jobs run one at a time on a laptop CPU (``quotes models train``) or all at
once on a GPU machine (:mod:`quotes.training.sweep`). Hyper-parameters live in
:data:`HYPER`; they are what the manifest records.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from quotes.training.data import DataFiles, write_ner_json

TREEBANK = "UD_English-EWT"
EWT_SHORT = "en_ewt"
UNER_SHORT = "en_uner"

# Shared by the tagger, parser and NER; sizes chosen so all weights fit 40 MB as fp16.
HYPER: Mapping[str, Mapping[str, object]] = {
    "tokenize": {"steps": 3000, "eval_steps": 250, "no_charlm": True},
    "mwt": {"num_epoch": 30},
    "lemma": {"num_epoch": 60, "batch_size": 100},
    "pos": {
        "batch_size": 250,
        "hidden_dim": 200,
        "char_hidden_dim": 400,
        "deep_biaff_hidden_dim": 400,
        "eval_interval": 100,
        "max_steps": 50000,
    },
    "depparse": {
        "batch_size": 5000,
        "hidden_dim": 200,
        "char_hidden_dim": 200,
        "deep_biaff_hidden_dim": 200,
        "num_layers": 3,
        "eval_interval": 100,
        "max_steps": 50000,
    },
    "ner": {"batch_size": 32, "eval_interval": 200, "optim": "sgd", "lr": 0.1},
}

# How parser and NER continue from an existing model (what worked in TRAINING_LOG.md).
CONTINUE: Mapping[str, Mapping[str, object]] = {
    "pos": {"batch_size": 100, "lr": 0.001, "eval_interval": 200},
    # the shipped parser is past stanza's Adadelta stage: it goes on with the optimizer of
    # stanza's second stage (Adam, lr 2e-4), which gained +0.8 LAS where Adadelta had flattened
    "depparse": {
        "batch_size": 2000,
        "eval_interval": 100,
        "optim": "adam",
        "lr": 0.0002,
        "no_second_optim": True,
    },
    "ner": {"finetune": True, "optim": "sgd", "lr": 0.05, "eval_interval": 200},
}


@dataclass(frozen=True)
class Workdir:
    """Layout of a training work folder (everything below it is scratch)."""

    root: Path

    @property
    def udbase(self) -> Path:
        """UDBASE for stanza's dataset scripts (holds ``UD_English-EWT``)."""
        return self.root / "ud"

    @property
    def data_root(self) -> Path:
        """DATA_ROOT for stanza's prepared datasets."""
        return self.root / "data"

    def ewt(self, split: str) -> Path:
        """EWT CoNLL-U copy of ``split``."""
        return self.udbase / TREEBANK / f"en_ewt-ud-{split}.conllu"

    def ner(self, split: str) -> Path:
        """UNER json of ``split``."""
        return self.root / "ner" / f"{UNER_SHORT}.{split}.json"

    @property
    def pretrain(self) -> Path:
        """The GloVe pretrain file the jobs use."""
        return self.root / "pretrain" / "glove50.pt"

    def save_dir(self, job: str) -> Path:
        """Folder where ``job`` saves its model."""
        return self.root / "models" / job

    def log(self, job: str) -> Path:
        """Log file of ``job``."""
        return self.root / "logs" / f"{job}.log"

    def pred(self, job: str) -> Path:
        """Dev-set prediction written by ``job``."""
        return self.root / "pred" / f"{job}.dev.conllu"

    def env(self) -> dict[str, str]:
        """Environment variables stanza's ``run_*`` scripts read."""
        return {"UDBASE": str(self.udbase), "DATA_ROOT": str(self.data_root)}


@dataclass(frozen=True)
class Job:
    """One stanza training command."""

    name: str
    processor: str
    argv: list[str]
    model: Path
    gpu: bool = True
    threads: int = 1
    env: dict[str, str] = field(default_factory=dict)


def _flag_args(params: Mapping[str, object], skip: Sequence[str] = ()) -> list[str]:
    args: list[str] = []
    for key, value in params.items():
        if key in skip:
            continue
        if value is True:
            args.append(f"--{key}")
        elif value is not False and value is not None:
            args.extend([f"--{key}", str(value)])
    return args


def prepare_data(data: DataFiles, work: Workdir, pretrain: Path, *, tokenizer: bool = True) -> None:
    """Copy EWT, convert UNER to json, link the pretrain, run stanza's tokenizer/MWT prep."""
    missing = data.missing()
    if missing:
        raise FileNotFoundError(f"training data missing: {', '.join(map(str, missing))}")
    (work.udbase / TREEBANK).mkdir(parents=True, exist_ok=True)
    for split in ("train", "dev", "test"):
        if not work.ewt(split).exists():
            shutil.copyfile(data.ewt(split), work.ewt(split))
    for split in ("train", "dev", "test"):
        if not work.ner(split).exists():
            write_ner_json(data.uner(split), work.ner(split))
    work.pretrain.parent.mkdir(parents=True, exist_ok=True)
    if not work.pretrain.exists():
        shutil.copyfile(pretrain, work.pretrain)
    if tokenizer:
        prepare_stanza_datasets(work)


def prepare_stanza_datasets(work: Workdir) -> None:
    """Run stanza's ``prepare_tokenizer_treebank`` and ``prepare_mwt_treebank`` (idempotent)."""
    env = {**os.environ, **work.env()}
    done = work.data_root / "tokenize" / "en_ewt.train.gold.conllu"
    if not done.exists():
        _run_module("stanza.utils.datasets.prepare_tokenizer_treebank", [TREEBANK], env, work)
    if not (work.data_root / "mwt" / "en_ewt.train.in.conllu").exists():
        _run_module("stanza.utils.datasets.prepare_mwt_treebank", [TREEBANK], env, work)


def _run_module(module: str, args: list[str], env: Mapping[str, str], work: Workdir) -> None:
    log = work.log("prepare")
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("a") as fh:
        subprocess.run(
            [sys.executable, "-m", module, *args],
            env=dict(env),
            cwd=work.root,
            stdout=fh,
            stderr=subprocess.STDOUT,
            check=True,
        )


def _train_argv(
    module: str,
    data: tuple[Path, Path],
    saved: tuple[Path, str],
    shorthand: str,
    *,
    output: Path | None = None,
    pretrain: Path | None = None,
    lang: str | None = None,
) -> list[str]:
    """The argv every stanza ``--mode train`` job shares: data (train, dev), where the model is
    saved (folder, file name), and the optional prediction file, word vectors and language."""
    train, dev = data
    argv = [module, "--mode", "train", "--train_file", str(train), "--eval_file", str(dev)]
    if output is not None:
        argv += ["--output_file", str(output)]
    if pretrain is not None:
        argv += ["--wordvec_pretrain_file", str(pretrain)]
    if lang is not None:
        argv += ["--lang", lang]
    save_dir, save_name = saved
    return [*argv, "--shorthand", shorthand, "--save_dir", str(save_dir), "--save_name", save_name]


def tokenize_job(work: Workdir, params: Mapping[str, object] = HYPER["tokenize"]) -> Job:
    """Tokenizer (with its MWT flags) through ``stanza.utils.training.run_tokenizer``."""
    save = work.save_dir("tokenize")
    argv = ["stanza.utils.training.run_tokenizer", TREEBANK, "--save_dir", str(save)]
    argv += ["--save_name", "tokenize.pt", *_flag_args(params)]
    return Job(
        "tokenize", "tokenize", argv, save / "tokenize.pt", gpu=False, threads=2, env=work.env()
    )


def mwt_job(work: Workdir, params: Mapping[str, object] = HYPER["mwt"]) -> Job:
    """Multi-word-token expander through ``stanza.utils.training.run_mwt``."""
    save = work.save_dir("mwt")
    argv = ["stanza.utils.training.run_mwt", TREEBANK, "--save_dir", str(save)]
    argv += ["--save_name", "mwt.pt", *_flag_args(params)]
    return Job("mwt", "mwt", argv, save / "mwt.pt", gpu=False, threads=2, env=work.env())


def lemma_job(work: Workdir, params: Mapping[str, object] = HYPER["lemma"]) -> Job:
    """Seq2seq + dictionary lemmatizer through ``stanza.models.lemmatizer``."""
    save = work.save_dir("lemma")
    argv = _train_argv(
        "stanza.models.lemmatizer",
        (work.ewt("train"), work.ewt("dev")),
        (save, "lemma.pt"),
        EWT_SHORT,
        output=work.pred("lemma"),
    )
    argv += _flag_args(params)
    return Job("lemma", "lemma", argv, save / "lemma.pt")


def pos_job(work: Workdir, name: str = "pos", params: Mapping[str, object] = HYPER["pos"]) -> Job:
    """POS/XPOS/UFeats tagger through ``stanza.models.tagger`` (``tagger_continue`` when the
    parameters name a model to continue from: stanza's tagger cannot resume by itself)."""
    save = work.save_dir(name)
    resume = "continue_from" in params
    module = "quotes.training.tagger_continue" if resume else "stanza.models.tagger"
    argv = _train_argv(
        module,
        (work.ewt("train"), work.ewt("dev")),
        (save, "pos.pt"),
        EWT_SHORT,
        output=work.pred(name),
        pretrain=work.pretrain,
        lang="en",
    )
    argv.append("--fix_eval_interval")
    argv += _flag_args(params)
    return Job(name, "pos", argv, save / "pos.pt")


def depparse_job(
    work: Workdir,
    name: str = "depparse",
    params: Mapping[str, object] = HYPER["depparse"],
    train_file: Path | None = None,
    eval_file: Path | None = None,
) -> Job:
    """Dependency parser through ``stanza.models.parser`` (auto-resumes from its checkpoint)."""
    save = work.save_dir(name)
    # continuing on re-tagged data needs the saved vocabulary kept (see parser_continue)
    module = (
        "quotes.training.parser_continue" if "continue_from" in params else "stanza.models.parser"
    )
    argv = _train_argv(
        module,
        (train_file or work.ewt("train"), eval_file or work.ewt("dev")),
        (save, "depparse.pt"),
        EWT_SHORT,
        output=work.pred(name),
        pretrain=work.pretrain,
        lang="en",
    )
    argv += _flag_args(params)
    return Job(name, "depparse", argv, save / "depparse.pt")


def ner_job(work: Workdir, name: str = "ner", params: Mapping[str, object] = HYPER["ner"]) -> Job:
    """PER/ORG/LOC NER on UNER through ``stanza.models.ner_tagger``."""
    save = work.save_dir(name)
    argv = _train_argv(
        "stanza.models.ner_tagger",
        (work.ner("train"), work.ner("dev")),
        (save, "ner.pt"),
        UNER_SHORT,
        pretrain=work.pretrain,
    )
    argv += _flag_args(params)
    return Job(name, "ner", argv, save / "ner.pt")


def default_jobs(work: Workdir) -> list[Job]:
    """One job per processor with the recipe's hyper-parameters."""
    return [
        tokenize_job(work),
        mwt_job(work),
        lemma_job(work),
        pos_job(work),
        depparse_job(work),
        ner_job(work),
    ]


def job_command(job: Job) -> list[str]:
    """The full argv of a job."""
    return [sys.executable, "-m", *job.argv]


def job_env(job: Job) -> dict[str, str]:
    """Environment of a job: thread caps, unbuffered output, CPU-only where asked."""
    env = {**os.environ, **job.env, "PYTHONUNBUFFERED": "1"}
    env["OMP_NUM_THREADS"] = str(job.threads)
    env["MKL_NUM_THREADS"] = str(job.threads)
    env.setdefault("MALLOC_MMAP_THRESHOLD_", "33554432")
    env.setdefault("MALLOC_TRIM_THRESHOLD_", "4294967296")
    if not job.gpu:
        env["CUDA_VISIBLE_DEVICES"] = ""
    return env


def retagged(work: Workdir, split: str) -> Path:
    """Path of the EWT file of ``split`` with tags (and lemmas) predicted by our models."""
    return work.root / "retagged" / f"en_ewt-ud-{split}.pos.conllu"


def retag(work: Workdir, pos_model: Path, split: str, lemma_model: Path | None = None) -> Path:
    """Re-tag an EWT split with ``pos_model`` (stanza's tagger in predict mode), as stanza's own
    depparse data preparation does, so the parser trains on the tags it will see at run time.

    With ``lemma_model`` the lemmas are predicted too (stanza's lemmatizer on the predicted
    tags, exactly what the pipeline hands the parser). The parser embeds lemmas, and selecting
    it on gold-lemma dev overstates it: 83.16 there against 82.83 through the pipeline.
    """
    dest = retagged(work, split)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tagged = dest.with_suffix(".tags.conllu") if lemma_model else dest
    argv = [
        *("stanza.models.tagger", "--mode", "predict"),
        *("--eval_file", str(work.ewt(split)), "--output_file", str(tagged)),
        *("--wordvec_pretrain_file", str(work.pretrain), "--lang", "en", "--shorthand", EWT_SHORT),
        *("--save_dir", str(pos_model.parent), "--save_name", pos_model.name),
    ]
    _predict(work, Job(f"retag_{split}", "pos", argv, tagged, gpu=False))
    if lemma_model is not None:
        argv = [
            *("stanza.models.lemmatizer", "--mode", "predict"),
            *("--eval_file", str(tagged), "--output_file", str(dest), "--shorthand", EWT_SHORT),
            *("--save_dir", str(lemma_model.parent), "--save_name", lemma_model.name),
        ]
        _predict(work, Job(f"relemma_{split}", "lemma", argv, dest, gpu=False))
    return dest


def _predict(work: Workdir, job: Job) -> None:
    """Run a prediction job to completion, its output logged under ``work``."""
    log = work.log(job.name)
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as fh:
        subprocess.run(
            job_command(job),
            env=job_env(job),
            cwd=work.root,
            stdout=fh,
            stderr=subprocess.STDOUT,
            check=True,
        )
