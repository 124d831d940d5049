"""Issue 17: a signalled ingest says in one line what it stored, exits non-zero, no traceback."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

# `quotes ingest` with the fake extractor, slowed down: a batch (8 articles) takes 30 s after
# the first, so the signal lands while the second batch is being extracted.
SLOW_INGEST = """
import sys, time
import quotes.ingest
from quotes.cli import main
from tests.cli.test_store_cli import fake_batch

batches = 0

def slow_batch(docs):
    global batches
    batches += 1
    print(f"batch {batches}", file=sys.stderr, flush=True)
    if batches > 1:
        time.sleep(30)
    return fake_batch(docs)

quotes.ingest.default_extractor = lambda: slow_batch
quotes.ingest.pool_size = lambda workers, articles: 1
sys.argv = ["quotes", "ingest", *sys.argv[1:]]
main()
"""


def _articles(folder: Path, count: int) -> None:
    folder.mkdir()
    for n in range(count):
        (folder / f"a{n:02}.md").write_text(
            f"---\ntitle: Article {n}\n---\n“We reject claim number {n},” Brel said.\n",
            encoding="utf-8",
        )


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize(
    ("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)], ids=["SIGTERM", "SIGINT"]
)
def test_signalled_ingest_reports_what_it_stored(
    tmp_path: Path, sig: signal.Signals, code: int
) -> None:
    _articles(tmp_path / "in", 24)
    db = tmp_path / "q.sqlite"
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_INGEST, str(tmp_path / "in"), "--db", f"sqlite:///{db}"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr is not None
        lines = []
        deadline = time.monotonic() + 120
        while "batch 2" not in lines and time.monotonic() < deadline:
            lines.append(proc.stderr.readline().strip())
        assert "batch 2" in lines, lines
        time.sleep(0.5)  # inside the slow extraction of the second batch
        began = time.monotonic()
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=20)
        stopped_in = time.monotonic() - began
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert "Traceback" not in err
    assert proc.returncode == code, (out, err)
    assert stopped_in < 10  # not after the 30 s batch
    said = [line for line in err.splitlines() if line.strip()]
    assert said == [
        f"stopped by {sig.name}: 8 added, 0 updated, 0 unchanged; 8 new quotes stored"
        " (run the command again for the rest)"
    ], err
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from article").fetchone() == (8,)
