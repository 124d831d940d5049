"""Run training jobs under a wall-clock cap, keep safe copies of saved models, read scores."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from quotes.training.recipe import Job, Workdir, job_command, job_env

_DEV_SCORE = re.compile(r"dev_score = ([0-9.]+)|Dev score: ([0-9.]+)")
_STEP = re.compile(r"(?:step|STEP|Step)\s+(\d+)")


@dataclass
class Running:
    """A started job and the mtime of its model when last copied."""

    job: Job
    proc: subprocess.Popen[bytes]
    started: float
    snapshot_mtime: float = 0.0


def snapshot_path(model: Path) -> Path:
    """Where the last complete copy of a model is kept while its job runs."""
    return model.with_name(model.stem + ".snapshot.pt")


def _snapshot(run: Running, settle_s: float = 3.0) -> None:
    model = run.job.model
    try:
        mtime = model.stat().st_mtime
    except FileNotFoundError:
        return
    if mtime != run.snapshot_mtime and time.time() - mtime >= settle_s:
        shutil.copyfile(model, snapshot_path(model))
        run.snapshot_mtime = mtime


def start(job: Job, work: Workdir) -> Running:
    """Start one job in its own process group, logging to the work folder."""
    log = work.log(job.name)
    log.parent.mkdir(parents=True, exist_ok=True)
    work.pred(job.name).parent.mkdir(parents=True, exist_ok=True)
    job.model.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as fh:
        proc = subprocess.Popen(
            job_command(job),
            env=job_env(job),
            cwd=work.root,
            stdout=fh,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    return Running(job, proc, time.monotonic())


def _stop(run: Running, grace_s: float = 10.0) -> None:
    if run.proc.poll() is not None:
        return
    try:
        os.killpg(run.proc.pid, signal.SIGTERM)
        run.proc.wait(timeout=grace_s)
    except subprocess.TimeoutExpired:
        os.killpg(run.proc.pid, signal.SIGKILL)
        run.proc.wait()
    except ProcessLookupError:
        pass


def run_jobs(
    jobs: Sequence[Job], work: Workdir, wall_s: float, *, parallel: bool, poll_s: float = 2.0
) -> dict[str, int | None]:
    """Run ``jobs`` (all at once, or one after another each with ``wall_s``); stop at the cap.

    Returns each job's exit code (None when it was stopped by the cap). Stanza saves a model
    whenever the dev score improves, so a stopped job still leaves its best model behind.
    """
    codes: dict[str, int | None] = {}
    batches = [list(jobs)] if parallel else [[job] for job in jobs]
    for batch in batches:
        runs = [start(job, work) for job in batch]
        deadline = time.monotonic() + wall_s
        while any(r.proc.poll() is None for r in runs) and time.monotonic() < deadline:
            time.sleep(poll_s)
            for run in runs:
                _snapshot(run)
        for run in runs:
            code = run.proc.poll()
            _stop(run)
            _snapshot(run, settle_s=0.0)
            codes[run.job.name] = code
    return codes


def best_dev_score(log: Path) -> float | None:
    """Best dev score a stanza training log reports (0-1 or 0-100, as stanza prints it)."""
    try:
        text = log.read_text(errors="replace")
    except FileNotFoundError:
        return None
    scores = [float(a or b) for a, b in _DEV_SCORE.findall(text)]
    return max(scores) if scores else None


def last_step(log: Path) -> int | None:
    """The last training step a log mentions."""
    try:
        text = log.read_text(errors="replace")
    except FileNotFoundError:
        return None
    steps = [int(s) for s in _STEP.findall(text)]
    return max(steps) if steps else None


def usable_model(job: Job) -> Path | None:
    """The job's model if it loads, else its snapshot if that loads, else None."""
    import torch

    for path in (job.model, snapshot_path(job.model)):
        if not path.is_file():
            continue
        try:
            torch.load(path, map_location="cpu", weights_only=False)
        except Exception:
            continue
        return path
    return None
