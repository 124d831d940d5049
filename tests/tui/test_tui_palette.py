"""Issue 14: the command palette (ctrl+p) offers the app's own actions: go to a speaker, pick
the parties, export as Markdown, CSL-JSON or CSV, open the article's web page."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, Select
from tui_story import DENIAL, WARNING, palette_hits, settle

from tui.app import QuotesApp, make_app
from tui.commands import fixed_commands
from tui.screens.detail import QuoteDetailScreen
from tui.screens.exchanges import ExchangesScreen
from tui.screens.export_dialog import ExportPathScreen
from tui.screens.timeline import TimelineScreen
from tui.widgets.quote_table import QuoteTable

pytestmark = pytest.mark.anyio


async def run_command(pilot: Pilot[None], typed: str) -> None:
    """Open the palette, type, wait for the hits, take the first."""
    hits = await palette_hits(pilot, typed)
    assert hits.option_count, f"no command for {typed!r}"
    if hits.highlighted is None:
        await pilot.press("down")
    assert typed.split()[-1].lower() in str(hits.get_option_at_index(0).prompt).lower()
    for _ in range(3):  # enter takes the highlighted hit, then runs it
        await pilot.press("enter")
        await pilot.pause()
        if not isinstance(pilot.app.screen, CommandPalette):
            break
    await settle(pilot)


def test_the_palette_lists_the_apps_actions(db_url: str) -> None:
    names = [command.name for command in fixed_commands()]
    for wanted in (
        "Pick parties",
        "Export as Markdown",
        "Export as CSL-JSON",
        "Export as CSV",
        "Open the article's web page",
    ):
        assert wanted in names


async def test_go_to_a_speaker(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3")  # from another mode
        await run_command(pilot, "go to spokesperson")
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        assert screen.speaker is not None and screen.speaker.name.startswith("Foreign Ministry")
        table = screen.query_one(QuoteTable)
        assert [row.text for row in table.quotes] == [DENIAL] and app.focused is table


async def test_pick_parties(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await run_command(pilot, "pick parties")
        assert isinstance(app.screen, ExchangesScreen)
        assert app.screen.query_one("#party-a", Select).expanded


async def test_export_as_csv(db_url: str, export_dir: Path) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await run_command(pilot, "export as csv")
        assert isinstance(app.screen, ExportPathScreen)
        assert app.screen.query_one(Input).value == "timeline-antony-blinken.csv"
        await pilot.press("enter")
        await settle(pilot)
    assert WARNING in (export_dir / "timeline-antony-blinken.csv").read_text()


async def test_open_the_articles_web_page(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QuotesApp, "open_url", lambda self, url, **kw: opened.append(url))
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the timeline, on Blinken's warning
        await run_command(pilot, "open the article")
        assert opened == ["https://example.org/cbs/blinken-munich"]
        await pilot.press("down", "enter")  # the accusation's detail
        await pilot.pause()
        assert isinstance(app.screen, QuoteDetailScreen)
        await run_command(pilot, "open the article")
        assert opened[-1] == "https://example.org/reuters/china-denies"
