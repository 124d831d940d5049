"""Issue 14: typing in Search reaches the query box; app keys never fire from a text box."""

from __future__ import annotations

import pytest
from textual.widgets import Input
from tui_story import settle

from tui.app import make_app
from tui.screens.search import SearchScreen
from tui.widgets.quote_table import QuoteTable

pytestmark = pytest.mark.anyio


async def test_typing_on_the_results_goes_to_the_query_box(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        box = app.screen.query_one("#search-query", Input)
        await pilot.press("d", "e", "n", "y", "enter")  # enter: focus on the results
        await settle(pilot)
        assert isinstance(app.focused, QuoteTable)
        await pilot.press("space", "i", "r", "a", "q")  # "q" must not quit, "e" not export
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, SearchScreen)
        assert box.value == "deny iraq" and app.focused is box


async def test_app_keys_do_not_fire_from_a_text_box(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("tab", "tab")  # past the sort, to the speaker box
        await pilot.press("q", "e", "1", "question_mark")
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, SearchScreen)
        focused = app.focused
        assert isinstance(focused, Input) and focused.value == "qe1?"
