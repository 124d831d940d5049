"""The app under Pilot: each mode and each key does what the help screen says."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select
from textual.binding import Binding
from textual.widgets import Input, Label, OptionList, Select, Static
from tui_story import ACCUSATION, DENIAL, WARNING, settle

from quotes.errors import StoreError
from quotes.store.db import make_engine, session_scope
from quotes.store.rows import ExchangeRow
from quotes.store.tables import Correction, Quote
from tui.app import QuotesApp, make_app
from tui.data import Library
from tui.screens.detail import QuoteDetailScreen
from tui.screens.exchanges import ExchangesScreen
from tui.screens.export_dialog import ExportPathScreen
from tui.screens.help import HelpScreen
from tui.screens.search import SearchScreen
from tui.screens.timeline import TimelineScreen
from tui.widgets.exchange_lanes import ExchangeLanes
from tui.widgets.quote_table import QuoteTable
from tui.widgets.speaker_list import SpeakerList

pytestmark = pytest.mark.anyio


def _texts(table: QuoteTable) -> list[str]:
    return [row.text for row in table.quotes]


async def test_opens_on_speakers_with_the_most_quoted_first(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        speakers = app.screen.query_one(SpeakerList).speakers
        assert speakers[0].name == "Antony Blinken"
        table = app.screen.query_one(QuoteTable)
        assert _texts(table) == [WARNING, ACCUSATION]  # date order
        heading = str(app.screen.query_one("#timeline-heading", Static).render())
        assert "U.S. Secretary of State" in heading and "2 statements" in heading


async def test_filter_narrows_the_speakers_and_follows_the_selection(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert app.focused is app.screen.query_one("#speaker-filter", Input)
        await pilot.press("l", "a", "v")
        await settle(pilot)
        speakers = app.screen.query_one(SpeakerList).speakers
        assert [s.name for s in speakers] == ["Sergey Lavrov"]
        assert _texts(app.screen.query_one(QuoteTable))[0].startswith("Our relations")
        await pilot.press("escape")
        assert isinstance(app.focused, OptionList)


async def test_arrow_down_shows_the_next_speakers_timeline(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        await settle(pilot)
        assert _texts(app.screen.query_one(QuoteTable)) == [DENIAL]


async def test_enter_goes_to_the_timeline_and_enter_again_opens_the_quote(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        assert isinstance(app.focused, QuoteTable)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuoteDetailScreen)
        assert app.screen.detail is not None
        assert app.screen.detail.quote.text == ACCUSATION
        await pilot.press("escape")
        assert isinstance(app.screen, TimelineScreen)
        await pilot.press("t")
        assert isinstance(app.focused, QuoteTable)


async def test_mode_keys_switch_modes(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        assert isinstance(app.screen, ExchangesScreen)
        await pilot.press("3")
        assert isinstance(app.screen, SearchScreen)
        assert isinstance(app.focused, Input)
        await pilot.press("escape", "1")
        assert isinstance(app.screen, TimelineScreen)


async def test_exchanges_show_the_accusation_and_the_denial_that_answers_it(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ExchangesScreen)
        assert (screen.party_a, screen.party_b) == ("United States", "China")
        lanes = screen.query_one(ExchangeLanes)
        rows = [lanes.get_row_at(i) for i in range(lanes.row_count)]
        cells = [[str(getattr(cell, "plain", cell)) for cell in row] for row in rows]
        accusation = next(i for i, row in enumerate(cells) if "very concerned" in row[1])
        denial = next(i for i, row in enumerate(cells) if "finger-pointing" in row[3])
        assert accusation < denial
        assert cells[denial][2] == "╰─▶"  # answers a statement in the left lane
        assert cells[accusation][3] == ""  # the accusation sits in the United States lane
        await pilot.press("x")
        await settle(pilot)
        assert (screen.party_a, screen.party_b) == ("China", "United States")
        lanes.move_cursor(row=0)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuoteDetailScreen)


def _lane_cells(lanes: ExchangeLanes) -> list[list[str]]:
    rows = [lanes.get_row_at(i) for i in range(lanes.row_count)]
    return [[str(getattr(cell, "plain", cell)) for cell in row] for row in rows]


async def test_exchanges_are_ready_before_2_is_pressed(db_url: str) -> None:
    """Once the first screen is shown, the exchanges mode is built and loaded in the
    background (the first show is then quick); the speakers mode keeps the screen and the
    focus meanwhile, and 2 shows the same pair, lanes and focus as before, at once."""
    app = make_app(db_url)
    asked: list[tuple[str | None, str | None]] = []
    exchanges = app.library.exchanges

    def counted(party_a: str | None = None, party_b: str | None = None) -> list[ExchangeRow]:
        asked.append((party_a, party_b))
        return exchanges(party_a, party_b)

    app.library.exchanges = counted  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert asked == [("United States", "China")]  # loaded before the user asked
        assert isinstance(app.screen, TimelineScreen)
        assert app.focused is app.screen.query_one("#speaker-options", OptionList)
        await pilot.press("2")
        screen = app.screen
        assert isinstance(screen, ExchangesScreen)
        lanes = screen.query_one(ExchangeLanes)
        assert (screen.party_a, screen.party_b) == ("United States", "China")
        assert (lanes.party_a, lanes.party_b) == ("United States", "China")
        assert app.focused is lanes
        cells = _lane_cells(lanes)
        accusation = next(i for i, row in enumerate(cells) if "very concerned" in row[1])
        denial = next(i for i, row in enumerate(cells) if "finger-pointing" in row[3])
        assert accusation < denial and cells[denial][2] == "╰─▶"
        summary = str(screen.query_one("#exchange-summary", Static).render())
        assert "between United States and China" in summary
        assert screen.query_one("#party-a", Select).value == "United States"
        assert screen.query_one("#party-b", Select).value == "China"
        assert asked == [("United States", "China")]  # nothing loaded again
        await pilot.press("1")
        assert isinstance(app.screen, TimelineScreen)


async def test_a_deletion_after_the_exchanges_were_built_shows_when_2_is_pressed(
    db_url: str,
) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "enter", "enter")  # the spokesperson's denial
        await pilot.pause()
        assert isinstance(app.screen, QuoteDetailScreen)
        assert app.screen.detail is not None and app.screen.detail.quote.text == DENIAL
        await pilot.press("d", "d")
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ExchangesScreen)
        assert not screen.query_one(ExchangeLanes).links  # the only link answered with it
        summary = str(screen.query_one("#exchange-summary", Static).render())
        assert summary.startswith("No exchanges between")


async def test_party_keys_open_the_party_pickers(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("a")
        assert app.screen.query_one("#party-a", Select).expanded
        await pilot.press("escape", "escape", "b")
        assert not app.screen.query_one("#party-a", Select).expanded
        assert app.screen.query_one("#party-b", Select).expanded
        await pilot.press("down", "enter")  # pick another party for the right lane
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ExchangesScreen)
        assert screen.party_b == "Russia"
        screen.query_one("#party-a", Select).value = "Russia"  # already on the right: swap
        await settle(pilot)
        assert (screen.party_a, screen.party_b) == ("Russia", "United States")


async def test_search_finds_the_foreign_ministry_denial(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.press(*"smears")
        await settle(pilot)
        results = app.screen.query_one(QuoteTable).quotes
        assert [row.speaker for row in results] == ["Foreign Ministry spokesperson"]
        status = str(app.screen.query_one("#search-status", Static).render())
        assert "1 result" in status


async def test_search_filters_by_type_and_dates(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        await pilot.press(*"china")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert len(screen.results) == 3
        kind = screen.query_one("#search-type", Select)
        kind.value = "accuse"
        await settle(pilot)
        assert [row.text for row in screen.results] == [ACCUSATION]
        kind.clear()
        screen.query_one("#search-until", Input).value = "2023-02-19"
        await settle(pilot)
        assert [row.text for row in screen.results] == [WARNING]
        screen.query_one("#search-until", Input).value = "2023-02"  # a month, as the CLI takes it
        await settle(pilot)
        assert len(screen.results) == 3  # up to the month's last day
        screen.query_one("#search-until", Input).value = "2023-99"
        await settle(pilot)
        assert screen.results == []
        assert "YYYY-MM-DD" in str(screen.query_one("#search-status", Static).render())


async def test_a_meaningless_query_is_a_notice_not_a_crash(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.press(*"!!!")
        await settle(pilot)
        assert any(n.severity == "warning" for n in app._notifications)
        assert app.screen.query_one(QuoteTable).quotes == []


async def test_export_writes_the_timeline_as_markdown(db_url: str, export_dir: Path) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, ExportPathScreen)
        await pilot.press("enter")
        await settle(pilot)
        written = export_dir / "timeline-antony-blinken.md"
        text = written.read_text()
        assert ACCUSATION in text and WARNING in text
        assert "U.S. Secretary of State" in text
        assert any(str(written) in n.message for n in app._notifications)


async def test_export_of_an_exchange_to_a_typed_path(db_url: str, export_dir: Path) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("e")
        box = app.screen.query_one(Input)
        box.value = "out/us-china.md"
        (export_dir / "out").mkdir()
        await pilot.press("enter")
        await settle(pilot)
        text = (export_dir / "out" / "us-china.md").read_text()
        assert ACCUSATION in text and DENIAL in text


async def test_export_with_nothing_shown_says_so(db_url: str, export_dir: Path) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "escape", "ctrl+e")  # in Search, letters type into the query
        await pilot.pause()
        assert not isinstance(app.screen, ExportPathScreen)
        assert any("Nothing to export" in n.message for n in app._notifications)
        assert list(export_dir.iterdir()) == []


async def test_escape_cancels_an_export(db_url: str, export_dir: Path) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e", "escape")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        assert list(export_dir.iterdir()) == []


async def test_help_lists_every_key_and_closes(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        listed = {(key, what.split(" — ")[0]) for _section, key, what in app.screen.rows}
        screens: list[type[object]] = [
            QuotesApp,
            TimelineScreen,
            ExchangesScreen,
            SearchScreen,
            QuoteDetailScreen,
        ]
        for owner in screens:
            for binding in owner.BINDINGS:  # type: ignore[attr-defined]
                shown = binding.key_display or " / ".join(
                    app.get_key_display(Binding(key, "")) for key in binding.key.split(",")
                )
                assert (shown, binding.description) in listed
        await pilot.press("escape")
        assert isinstance(app.screen, TimelineScreen)


async def test_f1_opens_help_even_from_a_text_box(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        assert isinstance(app.focused, Input)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        assert isinstance(app.screen, SearchScreen)


async def test_detail_copies_and_saves_the_citation(db_url: str, export_dir: Path) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", *"smears", "enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, QuoteDetailScreen)
        await pilot.press("c")
        assert DENIAL in app.clipboard
        assert "Foreign Ministry spokesperson" in app.clipboard
        await pilot.press("m")
        assert isinstance(app.screen, ExportPathScreen)
        await pilot.press("enter")
        await pilot.pause()
        (written,) = export_dir.glob("citation-*.md")
        assert written.read_text().strip() == app.clipboard.strip()
        assert isinstance(app.screen, QuoteDetailScreen)


async def test_delete_asks_then_stores_a_correction(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "down", "enter")  # Blinken's accusation
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuoteDetailScreen)
        quote_id = screen.quote_id
        await pilot.press("d")
        assert screen.confirming and isinstance(app.screen, QuoteDetailScreen)
        prompt = str(screen.query_one("#detail-title", Label).render())
        assert prompt.startswith("Delete this quote?") and "press d again" in prompt.lower()
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        assert _texts(app.screen.query_one(QuoteTable)) == [WARNING]
    engine = make_engine(db_url)
    with session_scope(engine) as session:
        assert session.get(Quote, quote_id) is None
        (correction,) = session.exec(select(Correction)).all()
        assert correction.wrong


async def test_escape_backs_out_of_delete(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "enter", "d", "escape")
        assert isinstance(app.screen, QuoteDetailScreen)
        assert not app.screen.confirming
        await pilot.press("escape")
        assert isinstance(app.screen, TimelineScreen)
        assert len(app.screen.query_one(QuoteTable).quotes) == 2


async def test_mode_keys_do_nothing_behind_a_modal(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "enter", "2")
        assert isinstance(app.screen, QuoteDetailScreen)


async def test_q_quits(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_speaker_filter_takes_part_of_a_name_without_nagging(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", *"china", "tab", "tab", *"Blin")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert {row.speaker for row in screen.results} == {"Antony Blinken"}
        assert "by Antony Blinken" in str(screen.query_one("#search-status", Static).render())
        await pilot.press(*"zz")
        await settle(pilot)
        assert screen.results == []
        assert "No speaker matches" in str(screen.query_one("#search-status", Static).render())
        assert not app._notifications  # typing a name is not an error


async def test_a_store_error_in_a_worker_is_a_notice(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> list[object]:
        raise StoreError("database error: disk I/O error")

    monkeypatch.setattr(Library, "timeline", broken)
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        assert any(n.severity == "error" and "disk I/O" in n.message for n in app._notifications)


async def test_opening_a_quote_gone_from_the_store_is_a_notice(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(QuoteTable)
        gone = table.quotes[0].id
        app.library.delete(gone)  # behind the screen's back
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        assert any(str(gone) in n.message for n in app._notifications)


async def test_export_to_a_missing_folder_says_why(db_url: str, export_dir: Path) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        app.screen.query_one(Input).value = "no/such/folder/out.md"
        await pilot.press("enter")
        await settle(pilot)
        assert any(
            n.severity == "error" and n.title == "Could not write" for n in app._notifications
        )
        assert isinstance(app.screen, TimelineScreen)
