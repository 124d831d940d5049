"""All training jobs at once on a many-core GPU machine, under one wall-clock cap.

stanza's training loops are bound by Python-side work, so a GPU barely shortens a step; the
gain of a big machine is running every job (and a few hyper-parameter variants) side by side.
Each job saves its best model on dev improvement, so the cap stops them with their best
models in place. The best variant of each processor is written to ``--out`` as fp16, with the
logs, in few files (the machine hands back at most 8).

Run from the repository root, e.g.::

    python -m quotes.training.sweep --ud .carry/ud --pretrain .carry/glove50.pt \
        --work /tmp/train --out "$OUT" --wall 470
"""

from __future__ import annotations

import argparse
import json
import tarfile
import time
from collections.abc import Sequence
from pathlib import Path

from quotes.training import recipe
from quotes.training.data import DataFiles
from quotes.training.export import to_fp16
from quotes.training.recipe import HYPER, Job, Workdir
from quotes.training.runner import best_dev_score, last_step, run_jobs, usable_model

SMOKE: dict[str, dict[str, object]] = {
    "tokenize": {"steps": 40, "eval_steps": 20},
    "mwt": {"num_epoch": 1},
    "lemma": {"num_epoch": 1},
    "pos": {"max_steps": 20, "eval_interval": 10},
    "depparse": {"max_steps": 20, "eval_interval": 10},
    "ner": {"max_steps": 40, "eval_interval": 20},
}


def variants(work: Workdir, smoke: bool) -> list[Job]:
    """The jobs of one parallel run: the recipe plus hyper-parameter variants."""

    def hp(proc: str, **extra: object) -> dict[str, object]:
        params = {**HYPER[proc], **extra}
        if smoke:
            params.update(SMOKE[proc])
        return params

    return [
        recipe.tokenize_job(work, hp("tokenize")),
        recipe.mwt_job(work, hp("mwt")),
        recipe.lemma_job(work, hp("lemma")),
        recipe.pos_job(work, "pos_a", hp("pos")),
        recipe.pos_job(work, "pos_b", hp("pos", batch_size=500)),
        recipe.pos_job(work, "pos_c", hp("pos", batch_size=100)),
        recipe.depparse_job(work, "depparse_a", hp("depparse")),
        recipe.depparse_job(work, "depparse_b", hp("depparse", hidden_dim=256, batch_size=3000)),
        recipe.ner_job(work, "ner_a", hp("ner")),
        recipe.ner_job(work, "ner_b", hp("ner", optim="adam", lr=0.001)),
    ]


def continuation(work: Workdir, cont: Path, smoke: bool) -> list[Job]:
    """Parser continuation on re-tagged data (``cont`` holds depparse.pt and *.pos.conllu)."""
    train, dev = cont / "en_ewt-ud-train.pos.conllu", cont / "en_ewt-ud-dev.pos.conllu"
    base = {**HYPER["depparse"], "continue_from": str(cont / "depparse.pt"), "eval_interval": 50}
    if smoke:
        base.update(SMOKE["depparse"])
    return [
        recipe.depparse_job(work, "dep_rt_a", base, train, dev),
        recipe.depparse_job(work, "dep_rt_b", {**base, "batch_size": 2500}, train, dev),
        recipe.depparse_job(work, "dep_rt_c", {**base, "batch_size": 8000}, train, dev),
    ]


def pick_best(jobs: Sequence[Job], work: Workdir) -> dict[str, Job]:
    """Per processor, the job with the best dev score that left a loadable model."""
    best: dict[str, tuple[float, Job]] = {}
    for job in jobs:
        score = best_dev_score(work.log(job.name))
        if usable_model(job) is None:
            continue
        value = score if score is not None else -1.0
        if job.processor not in best or value > best[job.processor][0]:
            best[job.processor] = (value, job)
    return {proc: job for proc, (_, job) in best.items()}


def export(jobs: Sequence[Job], work: Workdir, out: Path, codes: dict[str, int | None]) -> None:
    """Write the best model of each processor as fp16, a summary, and a tar of the rest."""
    out.mkdir(parents=True, exist_ok=True)
    best = pick_best(jobs, work)
    summary: dict[str, object] = {"jobs": {}, "best": {}}
    for job in jobs:
        summary["jobs"][job.name] = {  # type: ignore[index]
            "processor": job.processor,
            "argv": job.argv,
            "exit": codes.get(job.name),
            "best_dev": best_dev_score(work.log(job.name)),
            "last_step": last_step(work.log(job.name)),
        }
    small = out / "small.tar.gz"
    with tarfile.open(small, "w:gz") as tar:
        for proc, job in best.items():
            src = usable_model(job)
            if src is None:
                continue
            dest = (
                out if proc in ("pos", "depparse", "ner") else work.root / "fp16"
            ) / f"{proc}.pt"
            size = to_fp16(src, dest)
            summary["best"][proc] = {"job": job.name, "bytes": size}  # type: ignore[index]
            if dest.parent != out:
                tar.add(dest, arcname=f"models/{proc}.pt")
        for job in jobs:  # the runner-up parser too: its size may suit the budget better
            src = usable_model(job)
            if job.processor == "depparse" and src is not None and job is not best.get("depparse"):
                to_fp16(src, out / f"{job.name}.pt")
        for log in sorted((work.root / "logs").glob("*.log")):
            tar.add(log, arcname=f"logs/{log.name}")
        for pred in sorted((work.root / "pred").glob("*.conllu")):
            tar.add(pred, arcname=f"pred/{pred.name}")
    (out / "summary.json").write_text(json.dumps(summary, indent=1))


def main(argv: Sequence[str] | None = None) -> int:
    """Prepare the data, run every job in parallel under the cap, export the best models."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ud", type=Path, required=True, help="folder like ../shared/ud")
    parser.add_argument("--pretrain", type=Path, required=True, help="glove50 pretrain .pt")
    parser.add_argument("--work", type=Path, required=True, help="scratch folder")
    parser.add_argument("--out", type=Path, required=True, help="where the results go")
    parser.add_argument("--wall", type=float, default=470.0, help="cap in seconds for all jobs")
    parser.add_argument("--smoke", action="store_true", help="tiny step counts (a dry run)")
    parser.add_argument("--only", default="", help="comma list of job names to run")
    parser.add_argument("--cont", type=Path, default=None, help="continue the parser from here")
    args = parser.parse_args(argv)
    t0 = time.monotonic()
    work = Workdir(args.work.resolve())
    tok = args.cont is None
    recipe.prepare_data(DataFiles(args.ud.resolve()), work, args.pretrain.resolve(), tokenizer=tok)
    jobs = (
        variants(work, args.smoke) if tok else continuation(work, args.cont.resolve(), args.smoke)
    )
    if args.only:
        jobs = [j for j in jobs if j.name in args.only.split(",")]
    print(f"prepared in {time.monotonic() - t0:.0f}s; running {len(jobs)} jobs", flush=True)
    codes = run_jobs(jobs, work, args.wall, parallel=True)
    print(f"jobs done at {time.monotonic() - t0:.0f}s: {codes}", flush=True)
    export(jobs, work, args.out.resolve(), codes)
    print(f"exported at {time.monotonic() - t0:.0f}s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
