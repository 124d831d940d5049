"""Keyword search with live results, filtered by speaker, statement type and dates.

Dates are read as the CLI reads them (``quotes.dates``); a speaker name is resolved by the
store's one policy (``resolve_speaker_filter``) to the speaker id the search filters on.

Every keystroke starts a new search in an exclusive thread worker (the previous one is
cancelled), so typing never waits for the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.validation import Function
from textual.widgets import Footer, Header, Input, Select, Static
from textual.worker import get_current_worker

from quotes.dates import FORMATS, DateError, parse_date
from quotes.errors import QueryError, QuotesError
from quotes.nlp.types import STATEMENT_TYPES
from quotes.store.filters import QuoteFilter
from quotes.store.rows import QuoteRow, SpeakerRow
from quotes.store.speakers import AmbiguousSpeaker, UnknownSpeaker
from tui.screens.base import ModeScreen
from tui.selection import Selection, slug
from tui.widgets.cells import type_label
from tui.widgets.quote_table import QuoteTable

LIMIT = 200


def _is_day(text: str) -> bool:
    """Whether a since/until box holds a date the CLI would take too (or nothing)."""
    try:
        parse_date(text)
    except DateError:
        return False
    return True


@dataclass(frozen=True)
class SearchParams:
    query: str
    speaker: str | None = None
    type: str | None = None
    since: date | None = None
    until: date | None = None


class SearchScreen(ModeScreen):
    """Mode 3: a query box, filters, and the matching quotes (best first)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "query", "Query", key_display="/", tooltip="type in the query box"),
        Binding("escape", "results", "Results", show=False, tooltip="from a box to the results"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.params: SearchParams | None = None
        self.results: list[QuoteRow] = []
        self._last_error: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="search-form"):
            yield Input(
                placeholder="Search quotes: words or “a phrase”",
                id="search-query",
                select_on_focus=False,
            )
            with Horizontal(id="search-filters"):
                yield Input(placeholder="speaker", id="search-speaker")
                yield Select(
                    [(type_label(kind), kind) for kind in STATEMENT_TYPES],
                    prompt="any type",
                    id="search-type",
                )
                day = Function(_is_day, f"use {FORMATS}")
                yield Input(placeholder="since YYYY-MM-DD", id="search-since", validators=[day])
                yield Input(placeholder="until YYYY-MM-DD", id="search-until", validators=[day])
        yield Static("Type to search.", id="search-status")
        yield QuoteTable(show_speaker=True, id="search-results")
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.sub_title = "Search"
        self.query_one("#search-query").focus()

    # -- reading the form ----------------------------------------------------------------

    def read_params(self) -> SearchParams | str:
        """The form as search parameters, or why it cannot be searched yet."""
        query = self.query_one("#search-query", Input).value.strip()
        if not query:
            return "Type to search."
        try:
            since = parse_date(self.query_one("#search-since", Input).value)
            until = parse_date(self.query_one("#search-until", Input).value, end=True)
        except DateError as err:
            return f"{err.message[0].upper()}{err.message[1:]}."
        kind = self.query_one("#search-type", Select).value
        speaker = self.query_one("#search-speaker", Input).value.strip()
        return SearchParams(
            query,
            speaker=speaker or None,
            type=kind if isinstance(kind, str) else None,
            since=since,
            until=until,
        )

    @on(Input.Changed)
    @on(Select.Changed)
    def _form_changed(self) -> None:
        self.refresh_results()

    @on(Input.Submitted)
    def _form_submitted(self) -> None:
        self.query_one(QuoteTable).focus()

    def refresh_results(self) -> None:
        params = self.read_params()
        if isinstance(params, str):
            self.params = None
            self.workers.cancel_group(self, "search")
            self._status(params)
            self.results = []
            self.query_one(QuoteTable).show([])
            return
        self.params = params
        self._status("Searching…")
        self._search(params)

    def resolve_speaker(self, typed: str) -> SpeakerRow | str:
        """The one speaker ``typed`` names (a part of a name will do), or why there is none."""
        try:
            return self.library.resolve_speaker(typed)
        except UnknownSpeaker:
            return f"No speaker matches “{typed}”."
        except AmbiguousSpeaker as err:
            names = ", ".join(row.name for row in err.candidates[:3])
            return f"“{typed}” matches several speakers ({names}…): type more of the name."

    @work(thread=True, exclusive=True, group="search")
    def _search(self, params: SearchParams) -> None:
        worker = get_current_worker()
        speaker: SpeakerRow | None = None
        try:
            if params.speaker:
                found = self.resolve_speaker(params.speaker)
                if isinstance(found, str):  # still typing the name: say so, no notification
                    if not worker.is_cancelled:
                        self.app.call_from_thread(self._unresolved, params, found)
                    return
                speaker = found
            filters = QuoteFilter(
                speaker_ids=(speaker.id,) if speaker else (),
                type=params.type,
                since=params.since,
                until=params.until,
            )
            rows = self.library.search(params.query, filters, limit=LIMIT)
        except QuotesError as err:  # QueryError: a query that cannot be run; or the store
            if not worker.is_cancelled:
                self.app.call_from_thread(self._failed, params, err)
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._found, params, rows, speaker)

    def _found(
        self, params: SearchParams, rows: list[QuoteRow], speaker: SpeakerRow | None
    ) -> None:
        if params != self.params:
            return  # a newer search is on its way
        self.results = rows
        self.query_one(QuoteTable).show(rows)
        more = "+" if len(rows) >= LIMIT else ""
        count = f"{len(rows)}{more} result" + ("" if len(rows) == 1 else "s")
        by = f" by {speaker.name}" if speaker else ""
        if not rows:
            self._status(f"No quotes for “{params.query}”{by} with these filters.")
            return
        self._status(f"{count} for “{params.query}”{by} · enter opens a quote · e exports")

    def _unresolved(self, params: SearchParams, why: str) -> None:
        if params != self.params:
            return
        self.results = []
        self.query_one(QuoteTable).show([])
        self._status(why)

    def _failed(self, params: SearchParams, err: QuotesError) -> None:
        if params != self.params:
            return
        self.results = []
        self.query_one(QuoteTable).show([])
        self._status(err.message)
        if err.message != self._last_error:  # one notice per distinct error, not per key
            self._last_error = err.message
            if isinstance(err, QueryError):
                self.notify(err.message, title=err.title, severity="warning")
            else:
                self.notify(err.message, title=err.title, severity="error")

    def _status(self, text: str) -> None:
        self.query_one("#search-status", Static).update(text)

    # -- actions ---------------------------------------------------------------------------

    @on(QuoteTable.Opened)
    def _quote_opened(self, event: QuoteTable.Opened) -> None:
        self.open_quote(event.row)

    def reload(self) -> None:
        self.refresh_results()

    def selection(self) -> Selection | None:
        if self.params is None or not self.results:
            return None
        return Selection.of(list(self.results), f"search-{slug(self.params.query)}.md")

    def action_query(self) -> None:
        self.query_one("#search-query").focus()

    def on_key(self, event: events.Key) -> None:
        """Typing on the results goes on in the query box: a letter (or a space) is a word
        being typed, never an app key ("iraq" must not quit at its "q")."""
        if isinstance(self.focused, Input) or not _typed(event):
            return
        event.stop()
        event.prevent_default()
        box = self.query_one("#search-query", Input)
        box.value += event.character or ""
        box.cursor_position = len(box.value)
        box.focus()

    def action_results(self) -> None:
        self.query_one(QuoteTable).focus()


def _typed(event: events.Key) -> bool:
    """A letter or a space: part of a word being typed, not an app key."""
    character = event.character
    return character is not None and (character.isalpha() or character == " ")
