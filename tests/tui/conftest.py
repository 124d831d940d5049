"""Fixtures for the TUI tests: a temp store holding the story of ``tui_story``."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_story import build_store

from quotes.config import EXPORT_ENV


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """A SQLite file holding the story's quotes."""
    url = f"sqlite:///{tmp_path / 'quotes.sqlite'}"
    build_store(url)
    return url


@pytest.fixture
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty folder (the repository, say): no export may land here."""
    folder = tmp_path / "cwd"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


@pytest.fixture
def export_dir(tmp_path: Path, cwd: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder the user set for exports ($QUOTES_EXPORT_DIR), run from an empty ``cwd``."""
    folder = tmp_path / "exports"
    folder.mkdir()
    monkeypatch.setenv(EXPORT_ENV, str(folder))
    return folder
