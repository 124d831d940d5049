"""Issue 14: Search filters without a keyword and sorts by relevance or date; the timeline
filters by type and dates."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Select, Static
from tui_story import ACCUSATION, DENIAL, WARNING, settle

from tui.app import make_app
from tui.screens.search import SearchScreen
from tui.screens.timeline import TimelineScreen
from tui.widgets.quote_table import QuoteTable

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
        assert "2 statements by Antony Blinken" in status
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


async def test_the_timeline_filters_by_type_and_dates(db_url: str, export_dir: Path) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        table = screen.query_one(QuoteTable)
        assert [row.text for row in table.quotes] == [WARNING, ACCUSATION]
        screen.query_one("#timeline-type", Select).value = "warn"
        await settle(pilot)
        assert [row.text for row in table.quotes] == [WARNING]
        heading = str(screen.query_one("#timeline-heading", Static).render())
        assert "1 of 2 statements" in heading
        await pilot.press("e", "enter")  # the export holds what the timeline shows
        await settle(pilot)
        written = (export_dir / "timeline-antony-blinken.md").read_text()
        assert WARNING in written and ACCUSATION not in written
        screen.query_one("#timeline-type", Select).clear()
        screen.query_one("#timeline-since", Input).value = "2023-02-20"
        await settle(pilot)
        assert [row.text for row in table.quotes] == [ACCUSATION]
        screen.query_one("#timeline-until", Input).value = "2023-02-19"
        await settle(pilot)
        assert table.quotes == []
        screen.query_one("#timeline-until", Input).value = "2023-99"
        await settle(pilot)
        assert table.quotes == []
        assert "YYYY-MM-DD" in str(screen.query_one("#timeline-heading", Static).render())
        screen.query_one("#timeline-since", Input).value = ""
        screen.query_one("#timeline-until", Input).value = ""
        await pilot.press("down")  # the next speaker: the filters stay, the timeline follows
        await settle(pilot)
        assert [row.text for row in table.quotes] == [DENIAL]
