"""Issue 14: Search filters without a keyword, and sorts by relevance or date."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Select, Static
from tui_story import ACCUSATION, DENIAL, WARNING, settle

from tui.app import make_app
from tui.screens.search import SearchScreen

pytestmark = pytest.mark.anyio


async def test_a_filter_without_a_keyword_lists_every_matching_quote(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "tab", "tab", *"Blinken")  # past the sort: the speaker box
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert [row.text for row in screen.results] == [ACCUSATION, WARNING]  # newest first
        status = str(screen.query_one("#search-status", Static).render())
        assert "2 quotes by Antony Blinken" in status
        screen.query_one("#search-type", Select).value = "warn"
        await settle(pilot)
        assert [row.text for row in screen.results] == [WARNING]
        screen.query_one("#search-speaker", Input).value = ""  # only the type left
        screen.query_one("#search-type", Select).value = "deny"
        await settle(pilot)
        assert [row.text for row in screen.results] == [DENIAL]
        screen.query_one("#search-type", Select).clear()
        screen.query_one("#search-since", Input).value = "2023-02-20"  # only a date
        await settle(pilot)
        texts = [row.text for row in screen.results]
        assert texts[0].startswith("Our relations") and texts[1:] == [ACCUSATION, DENIAL]
        screen.query_one("#search-since", Input).value = ""  # nothing at all: a hint, no rows
        await settle(pilot)
        assert screen.results == []
        assert "Type to search" in str(screen.query_one("#search-status", Static).render())


async def test_search_sorts_by_relevance_or_by_date(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", *"china OR russia OR beijing")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert len(screen.results) == 4
        sort = screen.query_one("#search-sort", Select)
        assert sort.value == "relevance"
        await pilot.press("ctrl+o")  # the sort toggle, also from the query box
        await settle(pilot)
        assert sort.value == "date"
        days = [row.published for row in screen.results]
        assert days == sorted(days, reverse=True)  # type: ignore[type-var]
        assert "newest first" in str(screen.query_one("#search-status", Static).render())
        sort.value = "relevance"
        await settle(pilot)
        ranks = [row.rank for row in screen.results]
        assert ranks == sorted(ranks, reverse=True)  # type: ignore[type-var]
