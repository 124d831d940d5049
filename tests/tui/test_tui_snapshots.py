"""Snapshots of the main screens at 80x24, each a short user story.

Each docstring says what must be on screen; workers are awaited before the picture is taken.
Update after an intended change with ``pytest tests/tui --snapshot-update`` and review the SVGs.
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Select
from tui_story import still

from tui.app import make_app


def test_selecting_blinken_shows_his_quotes_with_his_role(db_url: str, snap_compare: Any) -> None:
    """A new user opens the app: Antony Blinken (2 quotes) is selected; the heading says
    "U.S. Secretary of State · United States"; his warning (2023-02-19, CBS News, warn → China)
    comes before his accusation (2023-02-20, Reuters, accuse → China)."""
    assert snap_compare(make_app(db_url), terminal_size=(80, 24), run_before=still)


def test_exchanges_show_the_accusation_and_the_linked_denial(
    db_url: str, snap_compare: Any
) -> None:
    """The user presses 2: United States vs China; Blinken's accusation in the left lane and,
    below it, the Foreign Ministry spokesperson's denial in the right lane with the arrow ╰─▶
    from the accusation's lane."""

    async def story(pilot: Pilot[None]) -> None:
        await pilot.press("2")
        await still(pilot)

    assert snap_compare(make_app(db_url), terminal_size=(80, 24), run_before=story)


def test_searching_smears_finds_the_foreign_ministry(db_url: str, snap_compare: Any) -> None:
    """The user presses 3 and types "smears": one result, the Foreign Ministry spokesperson's
    denial (2023-02-20, deny → United States, Reuters)."""

    async def story(pilot: Pilot[None]) -> None:
        await pilot.press("3", *"smears")
        await still(pilot)

    assert snap_compare(make_app(db_url), terminal_size=(80, 24), run_before=story)


def test_detail_highlights_the_quote_and_the_speaker(db_url: str, snap_compare: Any) -> None:
    """The user opens Blinken's accusation: the paragraph with the quote highlighted and
    "Antony Blinken" marked; speaker and role, statement type and target, the Reuters article,
    confidence and evidence; the footer offers copy, save, speaker, type and delete."""

    async def story(pilot: Pilot[None]) -> None:
        await still(pilot)
        await pilot.press("enter", "down", "enter")
        await still(pilot)

    assert snap_compare(make_app(db_url), terminal_size=(80, 24), run_before=story)


def test_help_lists_the_keys(db_url: str, snap_compare: Any) -> None:
    """The user presses ?: the keys, starting with the mode keys 1, 2, 3, export and help."""

    async def story(pilot: Pilot[None]) -> None:
        await still(pilot)
        await pilot.press("question_mark")
        await still(pilot)

    assert snap_compare(make_app(db_url), terminal_size=(80, 24), run_before=story)


def test_all_denials_without_a_keyword(db_url: str, snap_compare: Any) -> None:
    """The user presses 3 and picks the type "deny" without typing a keyword: the Foreign
    Ministry spokesperson's denial is listed; the status says "1 quote of type deny, newest
    first"; the sort select beside the query box says "by relevance"."""

    async def story(pilot: Pilot[None]) -> None:
        await pilot.press("3")
        await still(pilot)
        pilot.app.screen.query_one("#search-type", Select).value = "deny"
        await still(pilot)

    assert snap_compare(make_app(db_url), terminal_size=(80, 24), run_before=story)


def test_timeline_filtered_to_warnings(db_url: str, snap_compare: Any) -> None:
    """Blinken's timeline filtered to the type "warn": only the warning of 2023-02-19; the
    heading says "Antony Blinken · 1 of 2 statements"."""

    async def story(pilot: Pilot[None]) -> None:
        await still(pilot)
        pilot.app.screen.query_one("#timeline-type", Select).value = "warn"
        await still(pilot)

    assert snap_compare(make_app(db_url), terminal_size=(80, 24), run_before=story)


def test_the_speaker_picker_offers_known_speakers_and_a_new_name(
    db_url: str, snap_compare: Any
) -> None:
    """In the accusation's detail the user presses s and types "Wang": no stored speaker
    matches, so the one choice is a new speaker named “Wang”; the title names the current
    speaker, Antony Blinken."""

    async def story(pilot: Pilot[None]) -> None:
        await still(pilot)
        await pilot.press("enter", "down", "enter", "s", *"Wang")
        await still(pilot)

    assert snap_compare(make_app(db_url), terminal_size=(80, 24), run_before=story)
