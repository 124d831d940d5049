"""A transcript statement in the store and the TUI: its detail shows the question first."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session, select
from textual.widgets import Static
from tui_story import settle

from quotes.nlp.parse import surface_parse
from quotes.nlp.pipeline import extract_parsed
from quotes.readers import read_document
from quotes.store.db import init_db, make_engine
from quotes.store.read import quote_detail
from quotes.store.tables import Quote
from quotes.store.write import save_extraction
from tui.app import make_app
from tui.screens.detail import QuoteDetailScreen

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "transcripts" / "kirby_briefing.md"
DENIAL = "That is simply not true."

pytestmark = pytest.mark.anyio


@pytest.fixture
def transcript_db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'quotes.sqlite'}"
    engine = make_engine(url)
    init_db(engine)
    doc = read_document(SAMPLE)
    with Session(engine) as session:
        save_extraction(session, extract_parsed(doc, surface_parse(doc.text)))
    engine.dispose()
    return url


def _denial_id(url: str) -> int:
    engine = make_engine(url)
    with Session(engine) as session:
        quote = session.exec(select(Quote).where(Quote.form == "transcript")).all()
        found = next(q.id for q in quote if q.text.startswith(DENIAL))
    engine.dispose()
    assert found is not None
    return found


def test_the_store_gives_a_transcript_statement_its_question(transcript_db: str) -> None:
    engine = make_engine(transcript_db)
    with Session(engine) as session:
        detail = quote_detail(session, _denial_id(transcript_db))
        assert detail.quote.form == "transcript"
        assert detail.quote.speaker == "John Kirby"
        assert detail.question is not None
        assert "Russia says the new sanctions are illegal" in detail.question
        direct = session.exec(select(Quote).where(Quote.form == "direct")).first()
        assert direct is not None and direct.id is not None
        assert quote_detail(session, direct.id).question is None
    engine.dispose()


async def test_the_detail_of_a_transcript_statement_shows_the_question_first(
    transcript_db: str,
) -> None:
    app = make_app(transcript_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        detail = app.library.detail(_denial_id(transcript_db))
        app.push_screen(QuoteDetailScreen(detail))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuoteDetailScreen)
        question = screen.query_one("#detail-question", Static)
        shown = str(question.render())
        assert shown.startswith("Q  Thanks, John. Russia says the new sanctions are illegal")
        body = screen.query_one("#detail-body")
        assert body.children[0] is question  # before the paragraph


def test_a_transcript_statement_cites_speaker_role_publisher_date_and_url(
    transcript_db: str,
) -> None:
    from quotes.export import citation_markdown

    engine = make_engine(transcript_db)
    with Session(engine) as session:
        detail = quote_detail(session, _denial_id(transcript_db))
    engine.dispose()
    cite = citation_markdown(detail.quote)
    assert "**John Kirby** (National Security Communications Advisor, United States)" in cite
    assert "The White House, 2031-03-03" in cite
    assert "https://www.whitehouse.gov/briefing-room/press-briefings/2031/03/03/" in cite


FOLLOW_UP = """---
title: "Press Briefing by Press Secretary Dana Whitfield, March 4, 2031"
date: 2031-03-04
source_url: https://www.whitehouse.gov/briefing-room/press-briefings/2031/03/04/follow-up/
---

MS. WHITFIELD:  Good afternoon, everyone, and welcome to the briefing.

Q    Thanks, Dana.  Valdoria's foreign ministry says the new tariffs break the trade treaty.

MS. WHITFIELD:  We have seen the statement from the ministry this morning.

Q    And your response to that?

MS. WHITFIELD:  That is simply not true, and the tariffs respect every line of the treaty.

Q    And on the storm?

MS. WHITFIELD:  The teams from the agency arrived on the coast on Monday.
"""


@pytest.fixture
def follow_up_db(tmp_path: Path) -> str:
    source = tmp_path / "follow_up_briefing.md"
    source.write_text(FOLLOW_UP, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'quotes.sqlite'}"
    engine = make_engine(url)
    init_db(engine)
    doc = read_document(source)
    with Session(engine) as session:
        save_extraction(session, extract_parsed(doc, surface_parse(doc.text)))
    engine.dispose()
    return url


def _statement_id(url: str, opening: str) -> int:
    engine = make_engine(url)
    with Session(engine) as session:
        found = next(
            q.id
            for q in session.exec(select(Quote).where(Quote.form == "transcript")).all()
            if q.text.startswith(opening)
        )
    engine.dispose()
    assert found is not None
    return found


async def test_the_detail_of_an_answer_to_a_follow_up_shows_the_question_it_follows_up(
    follow_up_db: str,
) -> None:
    # issue 15 (a): "And your response to that?" alone does not say what "that" is
    app = make_app(follow_up_db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        denial = app.library.detail(_statement_id(follow_up_db, "That is simply not true"))
        app.push_screen(QuoteDetailScreen(denial))
        await pilot.pause()
        shown = str(app.screen.query_one("#detail-question", Static).render())
        lines = shown.splitlines()
        assert lines[0].startswith("Q  Thanks, Dana. Valdoria's foreign ministry says")
        assert lines[-1] == "Q  And your response to that?"
        app.screen.dismiss(False)
        await pilot.pause()
        # a short question that does not point back ("And on the storm?") stands alone
        storm = app.library.detail(_statement_id(follow_up_db, "The teams from the agency"))
        app.push_screen(QuoteDetailScreen(storm))
        await pilot.pause()
        shown = str(app.screen.query_one("#detail-question", Static).render())
        assert shown == "Q  And on the storm?"
