"""Fixtures for the TUI tests: a temp store holding the story of ``tui_story``."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_story import build_store


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
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty folder (exports land here)."""
    folder = tmp_path / "cwd"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder
