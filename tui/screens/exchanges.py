"""Exchanges between two parties: pick the pair, see every thread between them in two lanes."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Header, Label, Select, Static
from textual.worker import get_current_worker

from quotes.errors import QuotesError
from quotes.store.rows import ExchangeRow, QuoteRow
from tui.data import quotes_of, report_from_thread
from tui.screens.base import ModeScreen
from tui.selection import Selection, plural, slug
from tui.widgets.exchange_lanes import ExchangeLanes
from tui.widgets.footer import Footer


class ExchangesScreen(ModeScreen):
    """Mode 2: the back-and-forth between two parties as two lanes in time."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "party('a')", "Party A", tooltip="choose the left party"),
        Binding("b", "party('b')", "Party B", tooltip="choose the right party"),
        Binding("x", "swap", "Swap", show=False, tooltip="swap the lanes"),
        Binding("escape", "lanes", "Lanes", show=False, tooltip="back to the lanes"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.party_a: str | None = None
        self.party_b: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="exchange-parties"):
            yield Select[str]([], prompt="party A", id="party-a")
            yield Label("vs", id="exchange-vs")
            yield Select[str]([], prompt="party B", id="party-b")
        yield Static("Loading parties…", id="exchange-summary")
        yield ExchangeLanes(id="lanes")
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.sub_title = "Exchanges"
        if self._taken_down():
            return
        self.query_one(ExchangeLanes).focus()
        self._load_parties()

    def _taken_down(self) -> bool:
        """The screen's widgets are gone: the app quits while the screen was built in the
        background (``QuotesApp.prepare_modes``) or a load was on its way."""
        return not self.query(ExchangeLanes)

    @work(thread=True, exclusive=True, group="parties")
    def _load_parties(self) -> None:
        try:
            parties = self.library.parties()
            pair = None
            if self.party_a is None or self.party_b is None:
                pair = self.library.busiest_pair()
        except QuotesError as err:
            report_from_thread(self, err)
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._parties_loaded, parties, pair)

    def _parties_loaded(self, parties: list[str], pair: tuple[str, str] | None) -> None:
        if self._taken_down():
            return
        if pair is not None:
            self.party_a, self.party_b = pair
        options = [(party, party) for party in parties]
        for select_id, value in (("#party-a", self.party_a), ("#party-b", self.party_b)):
            select = self.query_one(select_id, Select)
            select.set_options(options)
            if value in parties:
                select.value = value
        self.show_pair()

    @on(Select.Changed)
    def _party_changed(self, event: Select.Changed) -> None:
        # Read the select's value now, not the event's: programmatic changes queue several
        # events (blank, then the value); only a real change of pair reloads the lanes.
        value = event.select.value if isinstance(event.select.value, str) else None
        if event.select.id == "party-a" and value != self.party_a:
            old, self.party_a = self.party_a, value
            if value is not None and value == self.party_b:  # picked the other side: swap
                self.party_b = old
                self._set_select("#party-b", old)
        elif event.select.id == "party-b" and value != self.party_b:
            old, self.party_b = self.party_b, value
            if value is not None and value == self.party_a:
                self.party_a = old
                self._set_select("#party-a", old)
        else:
            return
        self.show_pair()

    def _set_select(self, select_id: str, value: str | None) -> None:
        select = self.query_one(select_id, Select)
        if value is None:
            select.clear()
        else:
            select.value = value

    def show_pair(self) -> None:
        if not (self.party_a and self.party_b):
            self._summary("Pick two parties (a, b).")
            self.query_one(ExchangeLanes).show(self.party_a or "", self.party_b or "", [])
            return
        self._summary(f"Loading {self.party_a} vs {self.party_b}…")
        self._load_exchanges(self.party_a, self.party_b)

    @work(thread=True, exclusive=True, group="exchanges")
    def _load_exchanges(self, party_a: str, party_b: str) -> None:
        try:
            links = self.library.exchanges(party_a, party_b)
        except QuotesError as err:
            report_from_thread(self, err)
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._exchanges_loaded, party_a, party_b, links)

    def _exchanges_loaded(self, party_a: str, party_b: str, links: list[ExchangeRow]) -> None:
        if (party_a, party_b) != (self.party_a, self.party_b) or self._taken_down():
            return
        lanes = self.query_one(ExchangeLanes)
        lanes.show(party_a, party_b, links)
        threads = lanes.thread_count
        if not links:
            self._summary(f"No exchanges between {party_a} and {party_b} yet.")
            return
        self._summary(
            f"{plural(threads, 'thread')}, {plural(len(links), 'link')}"
            f" between {party_a} and {party_b} · enter opens a quote"
        )

    def _summary(self, text: str) -> None:
        self.query_one("#exchange-summary", Static).update(text)

    @on(ExchangeLanes.Opened)
    def _quote_opened(self, event: ExchangeLanes.Opened) -> None:
        self.open_quote(event.row)

    def reload(self) -> None:
        self._load_parties()

    def current_quote(self) -> QuoteRow | None:
        return self.query_one(ExchangeLanes).current

    def selection(self) -> Selection | None:
        lanes = self.query_one(ExchangeLanes)
        if not lanes.links or not (self.party_a and self.party_b):
            return None
        name = f"exchanges-{slug(self.party_a)}-{slug(self.party_b)}.md"
        return Selection.of(
            quotes_of(lanes.links), name, group="exchange", exchanges=list(lanes.links)
        )

    def action_party(self, which: str) -> None:
        select = self.query_one("#party-a" if which == "a" else "#party-b", Select)
        select.focus()
        select.expanded = True

    def action_swap(self) -> None:
        if not (self.party_a and self.party_b):
            return
        self.party_a, self.party_b = self.party_b, self.party_a
        self._set_select("#party-a", self.party_a)
        self._set_select("#party-b", self.party_b)
        self.show_pair()

    def action_lanes(self) -> None:
        self.query_one(ExchangeLanes).focus()
