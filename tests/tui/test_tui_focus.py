"""Issue 14: the focused pane is obvious; enter on a speaker opens their timeline."""

from __future__ import annotations

import pytest
from textual.color import Color
from textual.widget import Widget
from textual.widgets import OptionList
from tui_story import settle

from tui.app import make_app
from tui.screens.exchanges import ExchangesScreen
from tui.screens.timeline import TimelineScreen
from tui.widgets.exchange_lanes import ExchangeLanes
from tui.widgets.quote_table import QuoteTable

pytestmark = pytest.mark.anyio


def marked(widget: Widget) -> bool:
    """Whether the pane wears the focus mark: a bar in the accent colour on its left."""
    kind, color = widget.styles.border_left
    return bool(kind) and color == Color.parse(widget.app.get_css_variables()["accent"])


async def test_only_the_focused_pane_wears_the_focus_mark(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        speakers = app.screen.query_one("#speaker-options", OptionList)
        table = app.screen.query_one(QuoteTable)
        assert app.focused is speakers
        assert marked(speakers) and not marked(table)
        await pilot.press("t")
        await pilot.pause()
        assert app.focused is table
        assert marked(table) and not marked(speakers)
        await pilot.press("2")
        await settle(pilot)
        assert isinstance(app.screen, ExchangesScreen)
        assert marked(app.screen.query_one(ExchangeLanes))


async def test_enter_on_a_speaker_opens_their_timeline(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"lav", "enter")  # enter in the filter: the first match
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        table = screen.query_one(QuoteTable)
        assert app.focused is table and table.cursor_row == 0
        assert screen.speaker is not None and screen.speaker.name == "Sergey Lavrov"
        assert [row.speaker for row in table.quotes] == ["Sergey Lavrov"]
        await pilot.press("escape", "slash", "ctrl+a", "ctrl+k", "escape", "down", "enter")
        await settle(pilot)
        assert app.focused is table and table.cursor_row == 0
        assert screen.speaker is not None and screen.speaker.name != "Sergey Lavrov"
        assert {row.speaker for row in table.quotes} == {screen.speaker.name}
