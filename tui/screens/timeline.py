"""Speakers and their timelines: pick a speaker on the left, read their statements in order,
narrowed to a statement type and a date range if the user likes (the filters stay when the
speaker changes)."""

from __future__ import annotations

from functools import partial
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.validation import Function
from textual.widgets import Header, Input, Select, Static
from textual.worker import get_current_worker

from quotes.dates import FORMATS, DateError, is_date, parse_date
from quotes.errors import QuotesError
from quotes.nlp.types import STATEMENT_TYPES
from quotes.store.filters import QuoteFilter
from quotes.store.rows import QuoteRow, SpeakerRow
from tui.data import app_of, report_from_thread
from tui.screens.base import ModeScreen
from tui.selection import Selection, plural, slug
from tui.widgets.cells import type_label
from tui.widgets.footer import Footer
from tui.widgets.quote_table import QuoteTable
from tui.widgets.speaker_list import SpeakerList


def heading(
    speaker: SpeakerRow | None, total: int, *, filtered: bool = False, problem: str | None = None
) -> Text:
    """Two lines: "Antony Blinken · 12 statements" (filtered: "· 3 of 12 statements") /
    "U.S. Secretary of State · United States" (or why the filters cannot be applied). The
    timeline lists a statement once however many outlets quoted it, so the heading counts
    statements, as ``quotes speakers`` does."""
    if speaker is None:
        return Text("No speaker selected", style="dim")
    text = Text(speaker.name, style="bold")
    if filtered and problem is None:
        text.append(f" · {total:,} of {plural(speaker.statement_count, 'statement')}", style="dim")
    else:
        text.append(f" · {plural(total, 'statement')}", style="dim")
    if problem is not None:
        text.append("\n" + problem, style="bold red")
        return text
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
        Binding("f", "filter_timeline", "Type/dates", tooltip="filter the timeline"),
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
                with Horizontal(id="timeline-filters"):
                    yield Select(
                        [(type_label(kind), kind) for kind in STATEMENT_TYPES],
                        prompt="any type",
                        compact=True,
                        id="timeline-type",
                    )
                    day = Function(is_date, f"use {FORMATS}")
                    yield Input(
                        placeholder="since Y-M-D",
                        compact=True,
                        id="timeline-since",
                        validators=[day],
                    )
                    yield Input(
                        placeholder="until Y-M-D",
                        compact=True,
                        id="timeline-until",
                        validators=[day],
                    )
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
        """Enter on a speaker opens their timeline: shown, focused, at its first quote."""
        if self.speaker is None or self.speaker.id != event.speaker.id:
            self.show_speaker(event.speaker)
        table = self.query_one(QuoteTable)
        table.focus()
        if table.row_count:
            table.move_cursor(row=0, animate=False)

    @on(QuoteTable.Opened)
    def _quote_opened(self, event: QuoteTable.Opened) -> None:
        self.open_quote(event.row, versions=event.versions)

    def show_speaker(self, speaker: SpeakerRow) -> None:
        self.speaker = speaker
        self.query_one("#timeline-heading", Static).update(
            heading(speaker, speaker.statement_count)
        )
        self._load_timeline(speaker)

    def read_filters(self) -> QuoteFilter | str:
        """The timeline's type and date boxes as a filter, or why they cannot be read."""
        try:
            since = parse_date(self.query_one("#timeline-since", Input).value)
            until = parse_date(self.query_one("#timeline-until", Input).value, end=True)
        except DateError as err:
            return f"{err.message[0].upper()}{err.message[1:]}."
        kind = self.query_one("#timeline-type", Select).value
        return QuoteFilter(type=kind if isinstance(kind, str) else None, since=since, until=until)

    @on(Select.Changed, "#timeline-type")
    @on(Input.Changed, "#timeline-since, #timeline-until")
    def _filters_changed(self) -> None:
        if self.speaker is not None:
            self._load_timeline(self.speaker)

    @on(Input.Submitted, "#timeline-since, #timeline-until")
    def _filters_submitted(self) -> None:
        self.query_one(QuoteTable).focus()

    def _load_timeline(self, speaker: SpeakerRow) -> None:
        filters = self.read_filters()
        if isinstance(filters, str):
            self.workers.cancel_group(self, "timeline")
            self.query_one("#timeline-heading", Static).update(heading(speaker, 0, problem=filters))
            self.query_one(QuoteTable).show([])
            return
        self._fetch_timeline(speaker, filters)

    @work(thread=True, exclusive=True, group="timeline")
    def _fetch_timeline(self, speaker: SpeakerRow, filters: QuoteFilter) -> None:
        try:
            total = self.library.count_timeline(speaker.id, filters)
            first = self.library.timeline(speaker.id, 0, QuoteTable.PAGE, filters)
        except QuotesError as err:
            report_from_thread(self, err)
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._timeline_loaded, speaker, filters, total, first)

    def _timeline_loaded(
        self, speaker: SpeakerRow, filters: QuoteFilter, total: int, first: list[QuoteRow]
    ) -> None:
        if self.speaker is None or speaker.id != self.speaker.id:
            return
        if filters != self.read_filters():
            return  # the filters changed meanwhile: a newer load is on its way
        self.query_one("#timeline-heading", Static).update(
            heading(speaker, total, filtered=not filters.empty)
        )
        self.query_one(QuoteTable).show(
            first, total=total, loader=partial(self.library.timeline, speaker.id, filters=filters)
        )
        # The first screen is up: build the other modes while the user reads it.
        self.call_after_refresh(app_of(self).prepare_modes)

    def reload(self) -> None:
        self.query_one(SpeakerList).reload()
        if self.speaker is not None:
            self._load_timeline(self.speaker)

    def current_quote(self) -> QuoteRow | None:
        return self.query_one(QuoteTable).current

    def selection(self) -> Selection | None:
        if self.speaker is None:
            return None
        speaker = self.speaker
        filters = self.read_filters()
        if isinstance(filters, str):
            return None
        table = self.query_one(QuoteTable)
        total = table.total if table.quotes or not filters.empty else speaker.statement_count
        return Selection(
            total,
            f"timeline-{slug(speaker.name)}.md",
            partial(self.library.timeline, speaker.id, filters=filters),
            group="speaker",
        )

    def go_to(self, speaker: SpeakerRow) -> None:
        """Show ``speaker``'s timeline, the speaker picked in the list (the name filter is
        cleared if it hides them), the timeline focused."""
        self.query_one(SpeakerList).select(speaker)
        if self.speaker is None or self.speaker.id != speaker.id:
            self.show_speaker(speaker)
        self.query_one(QuoteTable).focus()

    def action_filter(self) -> None:
        self.query_one("#speaker-filter").focus()

    def action_speakers(self) -> None:
        self.query_one("#speaker-options").focus()

    def action_timeline(self) -> None:
        self.query_one(QuoteTable).focus()

    def action_filter_timeline(self) -> None:
        self.query_one("#timeline-type", Select).focus()
