"""Keyword search with live results, filtered by speaker, statement type and dates, best match
or newest first. Filters work without a keyword: a speaker and a type alone list every such
quote ("all denials by this spokesperson"), newest first.

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
from textual.widgets import Header, Input, Select, Static
from textual.worker import get_current_worker

from quotes.dates import FORMATS, DateError, is_date, parse_date
from quotes.errors import QueryError, QuotesError
from quotes.nlp.types import STATEMENT_TYPES
from quotes.store.filters import QuoteFilter
from quotes.store.rows import QuoteRow, SpeakerRow
from quotes.store.speakers import AmbiguousSpeaker, UnknownSpeaker
from tui.screens.base import ModeScreen
from tui.selection import Selection, slug
from tui.widgets.cells import type_label
from tui.widgets.footer import Footer
from tui.widgets.quote_table import QuoteTable

LIMIT = 200


SORT_LABELS = {"relevance": "best match first", "date": "newest first"}
SORT_CHOICES = {"relevance": "by relevance", "date": "by date"}  # fits the select


@dataclass(frozen=True)
class SearchParams:
    query: str  # "" when only filters are given
    speaker: str | None = None
    type: str | None = None
    since: date | None = None
    until: date | None = None
    sort: str = "relevance"

    @property
    def filtered(self) -> bool:
        return bool(self.speaker or self.type or self.since or self.until)


class SearchScreen(ModeScreen):
    """Mode 3: a query box, filters, and the matching quotes (best first)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "query", "Query", key_display="/", tooltip="type in the query box"),
        Binding("escape", "results", "Results", show=False, tooltip="from a box to the results"),
        Binding(
            "ctrl+o",
            "toggle_sort",
            "Sort",
            priority=True,
            tooltip="best match first or newest first (also from a box)",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.params: SearchParams | None = None
        self.results: list[QuoteRow] = []
        self._last_error: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="search-form"):
            with Horizontal(id="search-line"):
                yield Input(
                    placeholder="Search quotes: words or “a phrase” (or just filter)",
                    id="search-query",
                    select_on_focus=False,
                )
                yield Select(
                    [(label, sort) for sort, label in SORT_CHOICES.items()],
                    value="relevance",
                    allow_blank=False,
                    id="search-sort",
                )
            with Horizontal(id="search-filters"):
                yield Input(placeholder="speaker", id="search-speaker")
                yield Select(
                    [(type_label(kind), kind) for kind in STATEMENT_TYPES],
                    prompt="any type",
                    id="search-type",
                )
                day = Function(is_date, f"use {FORMATS}")
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
        try:
            since = parse_date(self.query_one("#search-since", Input).value)
            until = parse_date(self.query_one("#search-until", Input).value, end=True)
        except DateError as err:
            return f"{err.message[0].upper()}{err.message[1:]}."
        kind = self.query_one("#search-type", Select).value
        speaker = self.query_one("#search-speaker", Input).value.strip()
        sort = self.query_one("#search-sort", Select).value
        params = SearchParams(
            query,
            speaker=speaker or None,
            type=kind if isinstance(kind, str) else None,
            since=since,
            until=until,
            sort=sort if isinstance(sort, str) else "relevance",
        )
        if not (query or params.filtered):
            return "Type to search, or filter by speaker, type or dates."
        return params

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
            rows = self.library.search(params.query, filters, limit=LIMIT, sort=params.sort)
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
        by = f" by {speaker.name}" if speaker else ""
        kind = f" of type {type_label(params.type)}" if params.type else ""
        if not params.query:  # filters only: every quote they keep, newest first
            if not rows:
                self._status(f"No quotes{by}{kind} with these filters.")
                return
            noun = "statement" if len(rows) == 1 else "statements"  # a row per statement
            self._status(
                f"{len(rows)}{more} {noun}{by}{kind}, newest first · enter opens · e exports"
            )
            return
        count = f"{len(rows)}{more} result" + ("" if len(rows) == 1 else "s")
        if not rows:
            self._status(f"No quotes for “{params.query}”{by} with these filters.")
            return
        order = SORT_LABELS.get(params.sort, "")
        self._status(f"{count} for “{params.query}”{by}, {order} · enter opens · e exports")

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
        self.open_quote(event.row, versions=event.versions)

    def reload(self) -> None:
        self.refresh_results()

    def current_quote(self) -> QuoteRow | None:
        return self.query_one(QuoteTable).current

    def selection(self) -> Selection | None:
        params = self.params
        if params is None or not self.results:
            return None
        parts = [params.query, params.speaker or "", params.type or ""]
        return Selection.of(list(self.results), f"search-{slug(' '.join(parts))}.md")

    def action_toggle_sort(self) -> None:
        """Best match first <-> newest first (the results follow)."""
        sort = self.query_one("#search-sort", Select)
        sort.value = "date" if sort.value == "relevance" else "relevance"

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
