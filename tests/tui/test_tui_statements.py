"""One statement, many outlets, in the TUI: a row per statement with "+N outlets", ``v`` opens
its versions, and the detail highlights the words that differ from the earliest (issue 18)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static
from tui_story import DENIAL, build_store, palette_hits, settle

from quotes.nlp.types import Document, DocumentMeta, ExtractedQuote, ExtractedSpeaker, Extraction
from quotes.store.db import make_engine, session_scope
from quotes.store.write import save_extraction
from tui.app import make_app
from tui.screens.detail import QuoteDetailScreen, diff_text
from tui.screens.export_dialog import ExportPathScreen
from tui.screens.search import SearchScreen
from tui.widgets.quote_table import QuoteTable
from tui.widgets.speaker_list import SpeakerList, speaker_prompt

pytestmark = pytest.mark.anyio

DRIFTED = DENIAL.replace("never", "not")


def _copy(text: str, outlet: str, day: str) -> Extraction:
    body = f"BEIJING — {outlet} reports.\n\n“{text},” a Foreign Ministry spokesperson said."
    start = body.index("“")
    end = body.index("”") + 1
    who = ExtractedSpeaker(
        "Foreign Ministry spokesperson", "spokesperson", "China", "institution", named=False
    )
    quote = ExtractedQuote(start=start, end=end, text=text, speaker=who, type="deny", paragraph=1)
    meta = DocumentMeta(title=f"{outlet} on the denial", date=day, outlet=outlet, url=None)
    return Extraction(Document(body, meta), [quote])


@pytest.fixture
def copies_url(tmp_path: Path) -> str:
    """The story's store, with the denial also reported by two more outlets (one drifted)."""
    url = f"sqlite:///{tmp_path / 'copies.sqlite'}"
    build_store(url)
    engine = make_engine(url)
    with session_scope(engine) as session:
        save_extraction(session, _copy(DENIAL, "AP", "2023-02-21"))
        save_extraction(session, _copy(DRIFTED, "Global Times", "2023-02-21"))
    engine.dispose()
    return url


async def open_spokesperson_timeline(pilot: Pilot[None]) -> None:
    """Find the spokesperson in the speaker list and open their timeline."""
    await settle(pilot)
    await pilot.press("slash", *"spokes")
    await settle(pilot)
    await pilot.press("escape", "enter")
    await settle(pilot)


def test_diff_text_highlights_the_changed_words() -> None:
    shown = diff_text(DENIAL, DRIFTED)
    highlighted = [shown.plain[s.start : s.end] for s in shown.spans if "reverse" in str(s.style)]
    struck = [shown.plain[s.start : s.end] for s in shown.spans if "strike" in str(s.style)]
    assert highlighted == ["not"] and struck == ["never"]


async def test_search_row_counts_outlets_and_plus_opens_the_versions(copies_url: str) -> None:
    app = make_app(copies_url)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", *"smears", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        table = app.screen.query_one(QuoteTable)
        (row,) = table.quotes
        assert (row.outlets, row.versions, row.drift) == (3, 3, True)  # the best match shown
        cells = " ".join(str(c) for c in table.get_row_at(0))
        assert "+2 outlets" in cells
        await pilot.press("escape")  # from the query box to the results
        assert app.focused is table
        await pilot.press("plus")
        await settle(pilot)
        assert isinstance(app.screen, QuoteDetailScreen)
        assert [v.outlet for v in app.screen.detail.versions] == ["Reuters", "AP", "Global Times"]
        head = app.screen.query_one("#detail-versions-head", Static).render()
        assert "3 versions in 3 outlets" in str(head) and "wording drift" in str(head)
        assert app.screen.query_one("#detail-versions", Static).region.height >= 6


async def test_timeline_lists_the_statement_once_and_plus_opens_it(copies_url: str) -> None:
    app = make_app(copies_url)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"spokes")  # 3 quotes, but one statement: not listed first
        await settle(pilot)
        (speaker,) = app.screen.query_one(SpeakerList).speakers
        assert (speaker.quote_count, speaker.statement_count) == (3, 1)
        assert speaker_prompt(speaker).plain.split("\n")[0].endswith(" 1")
        await pilot.press("escape", "enter")
        await settle(pilot)
        table = app.screen.query_one(QuoteTable)
        (row,) = table.quotes
        assert row.outlet == "Reuters" and row.other_outlets == 2
        await pilot.press("plus")
        await settle(pilot)
        assert isinstance(app.screen, QuoteDetailScreen)
        assert len(app.screen.detail.versions) == 3


async def test_plus_on_a_single_version_opens_nothing(copies_url: str) -> None:
    app = make_app(copies_url)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", *"consequences", "enter")
        await settle(pilot)
        await pilot.press("escape")
        table = app.screen.query_one(QuoteTable)
        assert [r.versions for r in table.quotes] == [1]
        await pilot.press("plus")
        await settle(pilot)
        assert not isinstance(app.screen, QuoteDetailScreen)


async def test_a_tui_export_cites_the_earliest_version_and_lists_the_others(
    copies_url: str, export_dir: Path
) -> None:
    app = make_app(copies_url)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_spokesperson_timeline(pilot)
        await pilot.press("e", "enter")
        await settle(pilot)
    (written,) = export_dir.iterdir()
    text = written.read_text()
    assert text.count(DENIAL) == 1  # one citation for the three copies
    assert "Also reported by" in text and "AP" in text and "Global Times" in text


async def test_timeline_heading_and_palette_count_statements(copies_url: str) -> None:
    """The spokesperson has three quotes (Reuters, AP, Global Times) of one statement: the
    timeline shows one row, and its heading and the palette's "Go to speaker" say so."""
    app = make_app(copies_url)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_spokesperson_timeline(pilot)
        assert len(app.screen.query_one(QuoteTable).quotes) == 1
        shown = str(app.screen.query_one("#timeline-heading", Static).render())
        assert "1 statement" in shown and "quotes" not in shown
        hits = await palette_hits(pilot, "go to spokes")
        assert hits.option_count
        prompt = str(hits.get_option_at_index(0).prompt)
        assert "1 statement" in prompt and "3 quotes" not in prompt


async def test_export_dialog_and_search_status_count_statements(copies_url: str) -> None:
    """Three outlets' copies of one remark are one row and one citation: the export prompt and
    the filters-only search status say "1 statement", not "3 quotes"."""
    app = make_app(copies_url)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_spokesperson_timeline(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ExportPathScreen)
        assert app.screen.title_text.startswith("Export 1 statement as")
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("3", "tab", "tab", *"spokesperson")  # the speaker box, no keyword
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert len(screen.results) == 1
        status = str(screen.query_one("#search-status", Static).render())
        assert "1 statement by" in status and "quote" not in status
