"""Issue 14: the detail view re-attributes (a known speaker or a new name) and re-types a
quote, through the store's corrections, which win on every re-ingest."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList
from tui_story import ACCUSATION, WARNING, settle

from quotes.nlp.types import STATEMENT_TYPES
from quotes.store import read, speakers
from quotes.store.db import make_engine, session_scope
from tui.app import make_app
from tui.screens.correct import SpeakerPickScreen, TypePickScreen
from tui.screens.detail import QuoteDetailScreen
from tui.screens.timeline import TimelineScreen
from tui.widgets.quote_table import QuoteTable

pytestmark = pytest.mark.anyio


async def _open_the_accusation(pilot: Pilot[None]) -> QuoteDetailScreen:
    await settle(pilot)
    await pilot.press("enter", "down", "enter")  # Blinken's accusation
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, QuoteDetailScreen)
    assert screen.detail.quote.text == ACCUSATION
    return screen


async def test_reattribute_to_a_known_speaker(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        detail = await _open_the_accusation(pilot)
        await pilot.press("s")
        assert isinstance(app.screen, SpeakerPickScreen)
        await pilot.press(*"lavr")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        first = options.get_option_at_index(0)
        assert "Sergey Lavrov" in str(first.prompt)
        await pilot.press("enter")  # the first match
        await settle(pilot)
        assert app.screen is detail
        assert detail.detail.quote.speaker == "Sergey Lavrov" and detail.detail.corrected
        assert any("Sergey Lavrov" in n.message for n in app._notifications)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        assert [row.text for row in app.screen.query_one(QuoteTable).quotes] == [WARNING]
    with session_scope(make_engine(db_url)) as session:
        lavrov = speakers.find_speaker(session, "Sergey Lavrov")
        assert lavrov is not None and lavrov.quote_count == 2
        assert len(speakers.list_speakers(session)) == 3  # nobody new


async def test_reattribute_to_a_new_name(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        detail = await _open_the_accusation(pilot)
        await pilot.press("s", *"Mira Kostova")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        assert options.option_count == 1
        assert "new speaker" in str(options.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await settle(pilot)
        assert detail.detail.quote.speaker == "Mira Kostova"


async def test_escape_leaves_the_speaker_as_it_was(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        detail = await _open_the_accusation(pilot)
        await pilot.press("s", *"lav", "escape")
        await settle(pilot)
        assert app.screen is detail and detail.detail.quote.speaker == "Antony Blinken"
        assert not detail.detail.corrected


async def test_retype_a_quote(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        detail = await _open_the_accusation(pilot)
        quote_id = detail.quote_id
        await pilot.press("t")
        assert isinstance(app.screen, TypePickScreen)
        options = app.screen.query_one(OptionList)
        assert options.highlighted == STATEMENT_TYPES.index("accuse")  # the current type
        options.highlighted = STATEMENT_TYPES.index("warn")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is detail and detail.detail.quote.type == "warn"
    with session_scope(make_engine(db_url)) as session:
        row = read.quote_detail(session, quote_id)
        assert row.quote.type == "warn" and row.corrected


async def test_the_speaker_box_takes_typing_not_app_keys(db_url: str) -> None:
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_the_accusation(pilot)
        await pilot.press("s", *"q1e")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, SpeakerPickScreen)
        assert app.screen.query_one(Input).value == "q1e"
