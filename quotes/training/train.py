"""``quotes models train``: train on this machine, one job at a time, then publish."""

from __future__ import annotations

import platform
import shutil
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from quotes.errors import ModelError
from quotes.nlp.stanza_models import PROCESSORS, ensure_pretrain, model_dir, model_path
from quotes.training import publish
from quotes.training.data import DataFiles
from quotes.training.evaluate import evaluate_all
from quotes.training.recipe import (
    CONTINUE,
    HYPER,
    Job,
    Workdir,
    default_jobs,
    depparse_job,
    ner_job,
    pos_job,
    prepare_data,
    retag,
)
from quotes.training.runner import best_dev_score, last_step, run_jobs, usable_model

REPO = Path(__file__).resolve().parents[2]


def default_data_dir() -> Path:
    """``../shared/ud`` beside the repository."""
    return (REPO / ".." / "shared" / "ud").resolve()


def provenance(job: Job, work: Workdir, device: str) -> dict[str, Any]:
    """What the manifest records about how a model was trained."""
    root = str(work.root)
    return {
        "trained_with": job.argv[0],
        "command": [a.replace(root, "$WORK") for a in job.argv],
        "steps": last_step(work.log(job.name)),
        "train_time_dev_score": best_dev_score(work.log(job.name)),
        "trained_on": device,
    }


def publish_models(
    sources: Mapping[str, Path],
    prov: Mapping[str, Mapping[str, Any]],
    data: DataFiles,
    work: Workdir,
    out: Path,
) -> dict[str, Any]:
    """fp16 weights into ``out``, dev scores from stanza's scorers, manifest and model card."""
    publish.install_weights(sources, out)
    pretrain = ensure_pretrain()
    # a first manifest (hashes, no new scores) so the loader's checks pass while evaluating
    publish.write_manifest(out, publish.build_manifest(out, data, prov, {}, pretrain))
    raw_dev = work.data_root / "tokenize" / "en_ewt.dev.txt"
    scores = evaluate_all(out, work.ewt("dev"), raw_dev, work.ner("dev"))
    manifest = publish.build_manifest(out, data, prov, scores, pretrain)
    publish.write_manifest(out, manifest)
    publish.write_model_card(out, manifest)
    return manifest


def summary_lines(manifest: Mapping[str, Any]) -> list[str]:
    """One line per model: name, size and dev scores."""
    lines = []
    for proc, entry in manifest.get("models", {}).items():
        dev = ", ".join(f"{k} {v:.2f}" for k, v in entry.get("dev", {}).items())
        lines.append(f"{proc:<9} {entry.get('bytes', 0) / 1e6:6.2f} MB  {dev}")
    lines.append(f"total     {manifest.get('total_weight_bytes', 0) / 1e6:6.2f} MB")
    return lines


def _seed_output(target: Path) -> None:
    """A new ``--out`` folder starts as a copy of the packaged models, so it is always complete."""
    source = model_dir()
    if target == source or (target / "resources.json").exists():
        return
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("pretrain"), dirs_exist_ok=True)


def _parser_job(wd: Workdir, trained: Mapping[str, Path], target: Path, fresh: bool) -> Job:
    """The parser job, on train/dev re-tagged by the POS model and re-lemmatised by the lemma
    model (fresh ones if just trained), as the pipeline feeds it.

    Unless ``fresh``, it continues from the parser already in ``target``.
    """
    pos_model = trained.get("pos") or model_path("pos", target)
    lemma_model = trained.get("lemma") or model_path("lemma", target)
    lemmas = lemma_model if lemma_model.is_file() else None
    train = retag(wd, pos_model, "train", lemmas)
    dev = retag(wd, pos_model, "dev", lemmas)
    params: dict[str, object] = dict(HYPER["depparse"])
    current = model_path("depparse", target)
    if not fresh and current.is_file():
        params.update(CONTINUE["depparse"], continue_from=str(current))
    return depparse_job(wd, params=params, train_file=train, eval_file=dev)


def _continued(wd: Workdir, job: Job, target: Path) -> Job:
    """``job`` turned into a continuation of the model already in ``target``, where one exists
    and the processor can continue (POS tagger and NER; the parser is handled apart)."""
    current = model_path(job.processor, target)
    if not current.is_file():
        return job
    if job.processor == "pos":
        params = {**HYPER["pos"], **CONTINUE["pos"], "continue_from": str(current)}
        return pos_job(wd, params=params)
    if job.processor == "ner":
        return ner_job(
            wd, params={**HYPER["ner"], **CONTINUE["ner"], "finetune_load_name": str(current)}
        )
    return job


def _jobs(wd: Workdir, wanted: Sequence[str], target: Path, fresh: bool) -> list[Job]:
    """Every wanted job but the parser; POS and NER continue the current models unless ``fresh``."""
    jobs = [j for j in default_jobs(wd) if j.processor in wanted and j.processor != "depparse"]
    return jobs if fresh else [_continued(wd, j, target) for j in jobs]


def train_models(
    names: Sequence[str] | None,
    *,
    data: Path | None = None,
    max_minutes: float = 60.0,
    out: Path | None = None,
    work: Path | None = None,
    fresh: bool = False,
) -> Iterator[str]:
    """Train ``names`` (default all) one after another, each capped at ``max_minutes``.

    The parser trains last, on data re-tagged by the POS model, as stanza's own depparse
    preparation does. POS tagger, parser and NER continue from the models in ``out`` unless
    ``fresh`` (tokenizer, MWT and lemmatizer train from scratch). The results are published
    into ``out`` (default: the packaged folder).
    """
    files = DataFiles((data or default_data_dir()).resolve())
    if files.missing():
        raise ModelError(f"training data not found: {', '.join(map(str, files.missing()))}")
    wd = Workdir((work or REPO / "train" / "work").resolve())
    target = (out or model_dir()).resolve()
    _seed_output(target)
    wanted = list(names) if names else list(PROCESSORS)
    prepare_data(files, wd, ensure_pretrain())
    jobs = _jobs(wd, wanted, target, fresh)
    yield f"training {', '.join(wanted)} (cap {max_minutes:g} min each); logs in {wd.root / 'logs'}"
    codes = run_jobs(jobs, wd, max_minutes * 60, parallel=False)
    trained = {j.processor: m for j in jobs if (m := usable_model(j)) is not None}
    if "depparse" in wanted:
        parser = _parser_job(wd, trained, target, fresh)
        codes.update(run_jobs([parser], wd, max_minutes * 60, parallel=False))
        jobs.append(parser)
    sources: dict[str, Path] = {}
    device = f"{platform.machine()} CPU, {platform.node()}"
    prov: dict[str, dict[str, Any]] = {}
    for job in jobs:
        model = usable_model(job)
        yield f"{job.name}: exit {codes.get(job.name)}, model {model or 'NONE'}"
        if model is not None:
            sources[job.processor] = model
            prov[job.processor] = provenance(job, wd, device)
    if not sources:
        raise ModelError(f"no model was trained; see the logs in {wd.root / 'logs'}")
    manifest = publish_models(sources, prov, files, wd, target)
    yield from summary_lines(manifest)
