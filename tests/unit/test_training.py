"""How `quotes models train` builds its jobs (no training runs here)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quotes.nlp.stanza_models import ensure_pretrain, model_dir, model_path
from quotes.training.recipe import CONTINUE, HYPER, Workdir, depparse_job, retag
from quotes.training.tagger_continue import split_continue_from
from quotes.training.train import _jobs
from tests.unit.conllu import rows


def test_continue_from_is_taken_out_of_the_tagger_arguments() -> None:
    model, rest = split_continue_from(["--mode", "train", "--continue_from", "m.pt", "--lr", "1"])
    assert model == "m.pt"
    assert rest == ["--mode", "train", "--lr", "1"]


@pytest.mark.parametrize("argv", [["--mode", "train"], ["--continue_from"]])
def test_tagger_continue_without_a_model_stops_with_a_message(argv: list[str]) -> None:
    with pytest.raises(SystemExit, match="continue_from"):
        split_continue_from(argv)


def test_tagger_and_ner_continue_the_packaged_models(tmp_path: Path) -> None:
    jobs = {j.processor: j for j in _jobs(Workdir(tmp_path), ["pos", "ner"], model_dir(), False)}
    pos, ner = jobs["pos"].argv, jobs["ner"].argv
    assert pos[0] == "quotes.training.tagger_continue"
    assert pos[pos.index("--continue_from") + 1] == str(model_dir() / "en" / "pos" / "ewt.pt")
    assert ner[ner.index("--finetune_load_name") + 1] == str(model_dir() / "en" / "ner" / "uner.pt")


def test_fresh_trains_from_scratch_and_missing_models_too(tmp_path: Path) -> None:
    fresh = _jobs(Workdir(tmp_path), ["pos", "ner"], model_dir(), True)
    empty = _jobs(Workdir(tmp_path), ["pos", "ner"], tmp_path / "none", False)
    for job in [*fresh, *empty]:
        assert job.argv[0].startswith("stanza.models.")
        assert "--continue_from" not in job.argv and "--finetune_load_name" not in job.argv


def test_the_parser_continues_with_stanzas_second_stage_optimizer(tmp_path: Path) -> None:
    params = {**HYPER["depparse"], **CONTINUE["depparse"], "continue_from": "p.pt"}
    argv = depparse_job(Workdir(tmp_path), params=params).argv
    assert argv[0] == "quotes.training.parser_continue"
    assert argv[argv.index("--optim") + 1] == "adam" and "--no_second_optim" in argv


GOLD = rows(
    "# text = The ministers said nothing .",
    "1 The GOLD DET DT _ 2 det _ _",
    "2 ministers GOLD NOUN NNS _ 3 nsubj _ _",
    "3 said GOLD VERB VBD _ 0 root _ _",
    "4 nothing GOLD PRON NN _ 3 obj _ _",
    "5 . GOLD PUNCT . _ 3 punct _ _",
)


@pytest.mark.slow
def test_retagging_predicts_lemmas_as_the_pipeline_feeds_the_parser(tmp_path: Path) -> None:
    work = Workdir(tmp_path)
    work.ewt("dev").parent.mkdir(parents=True)
    work.ewt("dev").write_text(GOLD + "\n\n", encoding="utf-8")
    work.pretrain.parent.mkdir(parents=True)
    shutil.copyfile(ensure_pretrain(), work.pretrain)
    out = retag(work, model_path("pos"), "dev", model_path("lemma"))
    rows = [
        ln.split("\t") for ln in out.read_text(encoding="utf-8").splitlines() if ln[:1].isdigit()
    ]
    assert [r[2] for r in rows] == ["the", "minister", "say", "nothing", "."]
    assert [r[6] for r in rows] == ["2", "3", "0", "3", "3"]  # gold heads kept
