"""The TUI's parts on their own: threads, export paths, paging, the command."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from tui_story import settle
from typer.testing import CliRunner

from quotes.store.rows import ExchangeRow, QuoteRow
from tui.screens.export_dialog import resolve_target
from tui.selection import slug
from tui.widgets.cells import clip, wrap
from tui.widgets.exchange_lanes import ExchangeLanes, threads
from tui.widgets.quote_table import QuoteTable

pytestmark = pytest.mark.anyio


def row(qid: int, country: str | None, day: int = 1, responds_to: int | None = None) -> QuoteRow:
    return QuoteRow(
        id=qid,
        text=f"quote {qid}",
        form="direct",
        type="statement",
        target=None,
        confidence=0.5,
        speaker_id=None,
        speaker=f"speaker {qid}",
        role=None,
        country=country,
        article_id=1,
        title=None,
        outlet=None,
        url=None,
        published=date(2023, 2, day),
        responds_to=responds_to,
    )


def test_threads_group_linked_quotes_in_date_order() -> None:
    a, b, c = row(1, "US", 1), row(2, "CN", 2, responds_to=1), row(3, "US", 3, responds_to=2)
    x, y = row(4, "CN", 5), row(5, "US", 6, responds_to=4)
    groups = threads([ExchangeRow(x, y, False), ExchangeRow(b, c, False), ExchangeRow(a, b, False)])
    assert [[q.id for q in rows] for rows, _ in groups] == [[1, 2, 3], [4, 5]]
    assert groups[0][1] == {2: 1, 3: 2}


def test_a_response_points_at_the_statement_it_answers_directly() -> None:
    early, direct = row(1, "US", 1), row(2, "US", 2)
    denial = row(3, "CN", 3, responds_to=2)
    ((_rows, answers),) = threads(
        [ExchangeRow(early, denial, True), ExchangeRow(direct, denial, False)]
    )
    assert answers == {3: 2}


def test_export_target_defaults_to_the_export_folder(tmp_path: Path) -> None:
    assert resolve_target("", "a.md", tmp_path) == tmp_path / "a.md"
    assert resolve_target("  ", "a.md", tmp_path) == tmp_path / "a.md"
    assert resolve_target("sub/b.md", "a.md", tmp_path) == tmp_path / "sub" / "b.md"
    assert resolve_target(str(tmp_path), "a.md", Path("/")) == tmp_path / "a.md"


def test_slug_clip_and_wrap() -> None:
    assert slug("Antony Blinken") == "antony-blinken"
    assert slug("¿?") == "quotes"
    assert clip("a  b\nc", 10) == "a b c"
    assert clip("abcdef", 4) == "abc…"
    assert wrap("one two three four five six", 9, lines=2) == "one two\nthree fo…"


class _TableApp(App[None]):
    def __init__(self, loader: Callable[[int, int], list[QuoteRow]], total: int) -> None:
        super().__init__()
        self.loader, self.total = loader, total
        self.calls: list[tuple[int, int]] = []

    def compose(self) -> ComposeResult:
        yield QuoteTable()

    def on_mount(self) -> None:
        table = self.query_one(QuoteTable)
        table.show(self.loader(0, QuoteTable.PAGE), total=self.total, loader=self.load)
        table.focus()

    def load(self, offset: int, limit: int) -> list[QuoteRow]:
        self.calls.append((offset, limit))
        return self.loader(offset, limit)


async def test_a_long_timeline_loads_page_by_page_as_the_cursor_nears_the_end() -> None:
    total = 1000
    every = [row(i, "US", 1 + i % 28) for i in range(total)]
    app = _TableApp(lambda offset, limit: every[offset : offset + limit], total)
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.query_one(QuoteTable)
        await settle(pilot)
        assert len(table.quotes) == QuoteTable.PAGE  # nothing more until the user goes there
        assert app.calls == []
        table.move_cursor(row=QuoteTable.PAGE - 10)
        await settle(pilot)
        assert app.calls[0] == (QuoteTable.PAGE, QuoteTable.PAGE)
        assert len(table.quotes) == 2 * QuoteTable.PAGE
        await pilot.press("end")
        for _ in range(10):
            await settle(pilot)
            if table.complete:
                break
            table.move_cursor(row=len(table.quotes) - 1)
        assert [q.id for q in table.quotes] == list(range(total))


def test_quotes_tui_help_and_a_bad_url(monkeypatch: pytest.MonkeyPatch) -> None:
    from quotes.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["tui", "--help"])
    assert result.exit_code == 0
    assert "--db" in result.output
    result = runner.invoke(app, ["tui", "--db", "nonsense://"])
    assert result.exit_code == 1


def test_open_tui_runs_the_app_over_the_given_store(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quotes.cli import tui as cli_tui
    from tui.app import QuotesApp

    ran: list[str] = []
    monkeypatch.setattr(
        QuotesApp, "run", lambda self, **kw: ran.append(str(self.library.engine.url))
    )
    monkeypatch.setattr(cli_tui.sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(cli_tui.sys.stdout, "isatty", lambda: True, raising=False)
    cli_tui.open_tui(db_url)
    assert ran == [db_url]
    folders: list[Path] = []
    monkeypatch.setattr(QuotesApp, "run", lambda self, **kw: folders.append(self.export_dir))
    cli_tui.open_tui(db_url, "/tmp/quotes-x")
    assert folders == [Path("/tmp/quotes-x")]
    opened: list[tuple[str | None, str | None]] = []
    monkeypatch.setattr(cli_tui, "open_tui", lambda db, folder=None: opened.append((db, folder)))
    from quotes.cli import app

    result = CliRunner().invoke(app, ["tui", "--db", db_url, "--export-dir", "/tmp/quotes-x"])
    assert result.exit_code == 0, result.output
    assert opened == [(db_url, "/tmp/quotes-x")]
    assert "textual" in sys.modules


async def test_a_month_only_date_shows_as_given_like_the_cli_and_export() -> None:
    month = replace(row(1, "US"), date_text="2023-02")
    app = _TableApp(lambda offset, limit: [month][offset : offset + limit], 1)
    async with app.run_test(size=(120, 24)) as pilot:
        await settle(pilot)
        first = app.query_one(QuoteTable).get_row_at(0)
        assert str(first[0]).startswith("2023-02\n")
        assert "2023-02-01" not in " ".join(str(cell) for cell in first)


class _LanesApp(App[None]):
    def __init__(self, links: list[ExchangeRow]) -> None:
        super().__init__()
        self.links = links

    def compose(self) -> ComposeResult:
        yield ExchangeLanes()

    def on_mount(self) -> None:
        lanes = self.query_one(ExchangeLanes)
        lanes.show("US", "CN", self.links)
        lanes.focus()


async def test_the_cursor_skips_the_separator_between_threads() -> None:
    """Issue 14: the rule between two threads is no row the cursor can stop on."""
    a, b = row(1, "US", 1), row(2, "CN", 2, responds_to=1)
    x, y = row(4, "CN", 5), row(5, "US", 6, responds_to=4)
    app = _LanesApp([ExchangeRow(a, b, False), ExchangeRow(x, y, False)])
    async with app.run_test(size=(100, 30)) as pilot:
        lanes = app.query_one(ExchangeLanes)
        await pilot.pause()
        assert lanes.row_count == 5  # two threads of two, one separator
        seen = []
        for _ in range(4):
            assert lanes.current is not None
            seen.append(lanes.current.id)
            await pilot.press("down")
        assert seen == [1, 2, 4, 5]
        back = []
        for _ in range(4):
            assert lanes.current is not None
            back.append(lanes.current.id)
            await pilot.press("up")
        assert back == [5, 4, 2, 1]
        lanes.move_cursor(row=2)  # straight onto the separator (a click, a page key)
        await pilot.pause()
        assert lanes.current is not None
