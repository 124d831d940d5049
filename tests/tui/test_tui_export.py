"""Issue 14: exports go to a folder the user sets (default: the documents or data folder, never
the current directory) and the notice gives the full path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input, Label
from tui_story import ACCUSATION, WARNING, settle

from quotes import config
from tui.app import make_app
from tui.screens.export_dialog import ExportPathScreen

pytestmark = pytest.mark.anyio


async def test_exports_go_to_the_export_folder_not_the_cwd(
    db_url: str, export_dir: Path, cwd: Path
) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, ExportPathScreen)
        labels = " ".join(str(label.render()) for label in app.screen.query(Label))
        assert str(export_dir) in labels  # the dialog says where the file goes
        await pilot.press("enter")
        await settle(pilot)
    written = export_dir / "timeline-antony-blinken.md"
    assert WARNING in written.read_text()
    assert list(cwd.iterdir()) == []
    (notice,) = [n for n in app._notifications if n.title.startswith("Exported")]
    assert notice.message == str(written)  # the full path


async def test_the_default_folder_is_made_when_first_needed(
    db_url: str, cwd: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(config.EXPORT_ENV, raising=False)
    monkeypatch.setattr(config.platformdirs, "user_documents_dir", lambda: str(tmp_path / "Docs"))
    monkeypatch.setattr(config, "data_dir", lambda: tmp_path / "data")
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e", "enter")
        await settle(pilot)
    assert ACCUSATION in (tmp_path / "data" / "exports" / "timeline-antony-blinken.md").read_text()
    assert list(cwd.iterdir()) == []


async def test_a_folder_typed_in_the_dialog_is_remembered(
    db_url: str, export_dir: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        app.screen.query_one(Input).value = str(elsewhere / "blinken.md")
        await pilot.press("enter")
        await settle(pilot)
        assert (elsewhere / "blinken.md").exists()
        await pilot.press("e", "enter")  # the next export goes where the last one went
        await settle(pilot)
    assert (elsewhere / "timeline-antony-blinken.md").exists()
    assert list(export_dir.iterdir()) == []


async def test_the_app_takes_an_export_folder(
    db_url: str, export_dir: Path, tmp_path: Path
) -> None:
    given = tmp_path / "given"
    app = make_app(db_url, export_dir=given)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e", "enter")
        await settle(pilot)
    assert (given / "timeline-antony-blinken.md").exists()


async def test_export_as_csl_json_and_csv(db_url: str, export_dir: Path) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.action_export("csl-json")
        await pilot.pause()
        assert isinstance(app.screen, ExportPathScreen)
        assert app.screen.query_one(Input).value == "timeline-antony-blinken.json"
        await pilot.press("enter")
        await settle(pilot)
        app.action_export("csv")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
    items = json.loads((export_dir / "timeline-antony-blinken.json").read_text())
    assert {item["author"][0]["literal"] for item in items} == {"Antony Blinken"}
    csv = (export_dir / "timeline-antony-blinken.csv").read_text()
    assert "Antony Blinken" in csv and csv.count("\n") >= 3
