"""Speakers and their timelines: pick a speaker on the left, read their statements in order."""

from __future__ import annotations

from functools import partial
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Header, Static
from textual.worker import get_current_worker

from quotes.errors import QuotesError
from quotes.store.rows import QuoteRow, SpeakerRow
from tui.data import report_from_thread
from tui.screens.base import ModeScreen
from tui.selection import Selection, plural, slug
from tui.widgets.quote_table import QuoteTable
from tui.widgets.speaker_list import SpeakerList


def heading(speaker: SpeakerRow | None, total: int) -> Text:
    """Two lines: "Antony Blinken · 12 quotes" / "U.S. Secretary of State · United States"."""
    if speaker is None:
        return Text("No speaker selected", style="dim")
    text = Text(speaker.name, style="bold")
    text.append(f" · {plural(total, 'quote')}", style="dim")
    details = [part for part in (speaker.latest_role, speaker.country) if part]
    if details:
        text.append("\n" + " · ".join(details), style="italic")
    return text


class TimelineScreen(ModeScreen):
    """Mode 1: a filterable list of speakers and the selected speaker's statements by date."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "filter", "Filter", key_display="/", tooltip="filter speakers by name"),
        Binding("escape", "speakers", "Speakers list", show=False, tooltip="back to the list"),
        Binding("t", "timeline", "Timeline", show=False, tooltip="to the timeline"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.speaker: SpeakerRow | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="timeline-body"):
            yield SpeakerList(self._speakers, id="speakers")
            with Vertical(id="timeline-pane"):
                yield Static(heading(None, 0), id="timeline-heading")
                yield QuoteTable(id="timeline")
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.sub_title = "Speakers"
        self.query_one("#speaker-options").focus()

    def _speakers(self, query: str | None) -> list[SpeakerRow]:
        return self.library.speakers(query)

    @on(SpeakerList.Highlighted)
    def _speaker_highlighted(self, event: SpeakerList.Highlighted) -> None:
        self.show_speaker(event.speaker)

    @on(SpeakerList.Chosen)
    def _speaker_chosen(self, event: SpeakerList.Chosen) -> None:
        self.query_one(QuoteTable).focus()

    @on(QuoteTable.Opened)
    def _quote_opened(self, event: QuoteTable.Opened) -> None:
        self.open_quote(event.row)

    def show_speaker(self, speaker: SpeakerRow) -> None:
        self.speaker = speaker
        self.query_one("#timeline-heading", Static).update(heading(speaker, speaker.quote_count))
        self._load_timeline(speaker)

    @work(thread=True, exclusive=True, group="timeline")
    def _load_timeline(self, speaker: SpeakerRow) -> None:
        try:
            total = self.library.count_timeline(speaker.id)
            first = self.library.timeline(speaker.id, 0, QuoteTable.PAGE)
        except QuotesError as err:
            report_from_thread(self, err)
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._timeline_loaded, speaker, total, first)

    def _timeline_loaded(self, speaker: SpeakerRow, total: int, first: list[QuoteRow]) -> None:
        if self.speaker is None or speaker.id != self.speaker.id:
            return
        self.query_one("#timeline-heading", Static).update(heading(speaker, total))
        self.query_one(QuoteTable).show(
            first, total=total, loader=partial(self.library.timeline, speaker.id)
        )

    def reload(self) -> None:
        self.query_one(SpeakerList).reload()
        if self.speaker is not None:
            self._load_timeline(self.speaker)

    def selection(self) -> Selection | None:
        if self.speaker is None:
            return None
        speaker = self.speaker
        total = self.query_one(QuoteTable).total or speaker.quote_count
        return Selection(
            total,
            f"timeline-{slug(speaker.name)}.md",
            partial(self.library.timeline, speaker.id),
            group="speaker",
        )

    def action_filter(self) -> None:
        self.query_one("#speaker-filter").focus()

    def action_speakers(self) -> None:
        self.query_one("#speaker-options").focus()

    def action_timeline(self) -> None:
        self.query_one(QuoteTable).focus()
