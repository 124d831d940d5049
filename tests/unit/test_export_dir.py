"""Issue 14: the TUI's exports go to a folder the user sets, by default the user's documents
(or data) folder, never the current directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes import config


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv(config.EXPORT_ENV, raising=False)
    monkeypatch.setattr(config.platformdirs, "user_documents_dir", lambda: str(tmp_path / "Docs"))
    monkeypatch.setattr(config, "data_dir", lambda: tmp_path / "data")
    cwd = tmp_path / "repo"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    return tmp_path


def test_default_is_a_quotes_folder_in_the_documents_folder(home: Path) -> None:
    (home / "Docs").mkdir()
    assert config.export_dir() == home / "Docs" / "quotes"


def test_without_a_documents_folder_the_data_folder(home: Path) -> None:
    assert config.export_dir() == home / "data" / "exports"
    assert not (home / "data").exists()  # not created by asking


def test_the_user_sets_it(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(config.EXPORT_ENV, str(home / "env"))
    assert config.export_dir() == home / "env"
    assert config.export_dir(home / "given") == home / "given"  # --export-dir wins
    assert config.export_dir("~/x") == Path("~/x").expanduser()


def test_a_relative_folder_is_made_absolute(home: Path) -> None:
    assert config.export_dir("out") == home / "repo" / "out"
    assert config.export_dir().is_absolute()
