"""Issue 17: a plain ``pip install .`` (no dev extras) in a fresh venv reads HTML and stores quotes.

The dev install hid a missing dependency once (``lxml_html_clean``, which trafilatura needs to
clean HTML): this test installs the package the way a user does, torch first (pinned, the CPU
wheel), then ``pip install`` of a clean copy of the checkout (its tracked and new files, not
``.venv`` nor the built word-vector file), and runs the installed ``quotes`` command on an
HTML page into a new SQLite store. The packaged models must work as installed: the word-vector
file is built on first use, into the installed package's model folder.

It skips when the package index cannot be reached.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TORCH = "torch==2.13.0"  # the CPU wheel; an unpinned torch pulls a multi-GB CUDA build

PAGE = """<!doctype html>
<html><head><title>Valdoria rejects border claims</title></head>
<body><article>
<h1>Valdoria rejects border claims</h1>
<p>Prime Minister Olav Dahl of Norland accused Valdoria on Monday of massing troops on the
border, and said his government would raise the matter at the United Nations.</p>
<p>“We reject these accusations entirely,” said Foreign Minister Ilse Marken of Valdoria.
“Our soldiers are where they have always been, and everyone in the region knows it.”</p>
<p>Talks between the two governments resumed in Geneva after a pause of several weeks,
officials said, and a second round is planned for the end of the month.</p>
</article></body></html>
"""

pytestmark = [pytest.mark.slow, pytest.mark.install]


def _run(cmd: list[str], *, env: dict[str, str], cwd: Path, timeout: float) -> str:
    done = subprocess.run(
        cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )
    if done.returncode != 0:
        pytest.fail(f"{' '.join(cmd)} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
    return done.stdout + done.stderr


def _index_reachable(python: str, env: dict[str, str], dest: Path) -> bool:
    """pip can fetch a dependency the local wheel folders do not hold."""
    probe = [python, "-m", "pip", "download", "--no-deps", "--timeout", "15", "--retries", "1"]
    try:
        done = subprocess.run(
            [*probe, "--dest", str(dest), "lxml_html_clean"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return False
    return done.returncode == 0


def _pip_cache_dir(env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "pip", "cache", "dir"], env=env, capture_output=True, text=True
    )
    found = done.stdout.strip()
    return found if done.returncode == 0 and found else str(Path.home() / ".cache" / "pip")


def _clean_copy(dest: Path) -> None:
    """The checkout's tracked and new (not ignored) files, as a fresh clone with edits has."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, (n.decode() for n in listed)):
        source = REPO / name
        if source.is_file():  # a file deleted in the work tree is still listed as tracked
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)


def test_plain_install_ingests_html(tmp_path: Path) -> None:
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("needs a git checkout to copy")
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME") and not k.startswith("QUOTES_")
    }
    # pip's cache stays where it was (what it holds is reused from run to run; the install is
    # still a real one); the package's own user cache goes to the test's folder
    env.setdefault("PIP_CACHE_DIR", _pip_cache_dir(env))
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    env["OMP_NUM_THREADS"] = "1"
    began = time.monotonic()
    if not _index_reachable(sys.executable, env, tmp_path / "probe"):
        pytest.skip("the package index cannot be reached")
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], env=env, cwd=tmp_path, timeout=300)
    python = str(venv / "bin" / "python")
    pip = [python, "-m", "pip", "install", "--quiet", "--no-compile"]  # no .pyc of all torch
    _run([*pip, TORCH], env=env, cwd=tmp_path, timeout=900)
    print(f"venv and torch in {time.monotonic() - began:.0f} s")
    source = tmp_path / "src"
    _clean_copy(source)
    _run([*pip, str(source)], env=env, cwd=tmp_path, timeout=1800)
    installed = time.monotonic() - began
    print(f"installed in {installed:.0f} s")

    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    db = tmp_path / "store.sqlite"
    quotes = str(venv / "bin" / "quotes")
    said = _run(
        [quotes, "ingest", "page.html", "--db", f"sqlite:///{db}", "--quiet"],
        env=env,
        cwd=tmp_path,  # not the checkout: the installed package, never the source tree
        timeout=900,
    )
    assert "Traceback" not in said
    assert "1 added" in said, said
    with sqlite3.connect(db) as conn:
        texts = [row[0] for row in conn.execute("select text from quote")]
        path = conn.execute("select path from article").fetchone()[0]
    assert any("We reject these accusations entirely" in text for text in texts), texts
    assert path == str((tmp_path / "page.html").resolve())
    print(f"installed and ingested in {time.monotonic() - began:.0f} s")
