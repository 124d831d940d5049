"""Issue 17: a full or closed stdout is one line on stderr, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_full_stdout_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'q.sqlite'}"
    from quotes.store.db import open_store

    open_store(db)  # read-only commands refuse a missing store; this one exists, empty
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "quotes.cli", "export", "--format", "csv", "--db", db],
            cwd=REPO,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert "Traceback" not in done.stderr
    assert "No space left on device" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert done.returncode == 1


def test_closed_pipe_exits_quietly(tmp_path: Path) -> None:
    """``quotes export | head -0``: the reader has gone; no error, no traceback, exit 0."""
    db = f"sqlite:///{tmp_path / 'q.sqlite'}"
    from quotes.store.db import open_store

    open_store(db)
    done = subprocess.Popen(
        [sys.executable, "-m", "quotes.cli", "export", "--format", "csv", "--db", db],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert done.stdout is not None and done.stderr is not None
    done.stdout.close()  # as `head` does once it has read enough
    err = done.stderr.read()
    assert done.wait(timeout=120) == 0, err
    assert err == ""
