"""Two lanes in time: one party's statements on the left, the other's on the right.

Threads are set apart by a rule (a separator row the cursor skips).

Each thread (statements linked by answers) is a block of rows in date order; a response row
carries an arrow in the middle column from the statement it answers ("╰─▶" left to right,
"◀─╯" right to left), so an accusation and the denial that answers it read as one exchange.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual import events
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable

from quotes.export import date_of
from quotes.store.rows import ExchangeRow, QuoteRow
from tui.widgets.cells import clip, quote_cell, two_lines, type_cell

Thread = list[QuoteRow]


def threads(links: Sequence[ExchangeRow]) -> list[tuple[Thread, dict[int, int]]]:
    """Group links into threads (connected quotes), each in date order, oldest thread first.

    Returns, per thread, its quotes and ``answers``: response id -> id of the quote it answers.
    """
    parent: dict[int, int] = {}

    def root(qid: int) -> int:
        while parent.setdefault(qid, qid) != qid:
            parent[qid] = parent[parent[qid]]
            qid = parent[qid]
        return qid

    quotes: dict[int, QuoteRow] = {}
    answers: dict[int, int] = {}
    for link in links:
        quotes[link.statement.id] = link.statement
        quotes[link.response.id] = link.response
        # A response answering several statements points at the one it answers directly
        # (``responds_to``: the same article first), else at the first linked.
        if link.response.responds_to == link.statement.id or link.response.id not in answers:
            answers[link.response.id] = link.statement.id
        parent[root(link.response.id)] = root(link.statement.id)

    groups: dict[int, Thread] = {}
    for qid, row in quotes.items():
        groups.setdefault(root(qid), []).append(row)

    def when(row: QuoteRow) -> tuple[date, int]:
        return (row.published or date.min, row.id)

    out = []
    for rows in groups.values():
        rows.sort(key=when)
        ids = {row.id for row in rows}
        out.append((rows, {r: s for r, s in answers.items() if r in ids}))
    out.sort(key=lambda item: when(item[0][0]))
    return out


class ExchangeLanes(DataTable[Text | str]):
    """Threads between two parties as two lanes; enter on a quote opens it."""

    @dataclass
    class Opened(Message):
        """The user pressed enter on a quote in a lane."""

        lanes: ExchangeLanes
        row: QuoteRow

        @property
        def control(self) -> ExchangeLanes:
            return self.lanes

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(cursor_type="row", id=id)
        self.party_a = ""
        self.party_b = ""
        self.links: list[ExchangeRow] = []
        self.thread_count = 0
        self._row_quotes: list[QuoteRow | None] = []  # None: a separator between threads
        self._lane_width = 0

    def show(self, party_a: str, party_b: str, links: Sequence[ExchangeRow]) -> None:
        self.party_a, self.party_b, self.links = party_a, party_b, list(links)
        self._render_rows()

    @property
    def current(self) -> QuoteRow | None:
        if 0 <= self.cursor_row < len(self._row_quotes):
            return self._row_quotes[self.cursor_row]
        return None

    def lane_of(self, row: QuoteRow, other: QuoteRow | None = None) -> str:
        """ "a" or "b": the party the speaker speaks for (else the side opposite ``other``)."""
        if row.country == self.party_a:
            return "a"
        if row.country == self.party_b:
            return "b"
        if other is not None:
            return "b" if self.lane_of(other) == "a" else "a"
        return "b"

    def _lane_cell(self, row: QuoteRow) -> Text:
        """Three lines: "accuse · Antony Blinken", then the quote over two lines."""
        text = type_cell(row.type)
        text.append(f" · {row.speaker or '?'}", style="dim")
        text.truncate(self._lane_width, overflow="ellipsis")
        text.append("\n")
        text.append_text(quote_cell(row, self._lane_width, lines=2))
        return text

    def _render_rows(self) -> None:
        width = self.size.width or 80
        self._lane_width = max((width - 10 - 3 - 8 - 2) // 2, 16)
        self.clear(columns=True)
        self.add_column("Date", width=10, key="date")
        self.add_column(clip(self.party_a or "Party A", self._lane_width), width=self._lane_width)
        self.add_column("", width=3, key="link")
        self.add_column(clip(self.party_b or "Party B", self._lane_width), width=self._lane_width)
        self._row_quotes = []
        groups = threads(self.links)
        self.thread_count = len(groups)
        by_id = {q.id: q for rows, _ in groups for q in rows}
        for number, (rows, answers) in enumerate(groups):
            if number:
                rule = Text("─" * self._lane_width, style="dim")
                self.add_row(Text("─" * 10, style="dim"), rule, Text("───", style="dim"), rule)
                self._row_quotes.append(None)
            for row in rows:
                answered = by_id.get(answers[row.id]) if row.id in answers else None
                lane = self.lane_of(row, answered)
                link = Text("●", style="dim")
                if answered is not None:
                    from_lane = self.lane_of(answered, row)
                    glyph = {"ab": "╰─▶", "ba": "◀─╯"}.get(from_lane + lane, "↺")
                    link = Text(glyph, style="bold")
                cell = self._lane_cell(row)
                left, right = (cell, Text("")) if lane == "a" else (Text(""), cell)
                day = date_of(row) or "undated"
                when = two_lines(day, row.outlet or "", 10)
                self.add_row(when, left, link, right, height=3)
                self._row_quotes.append(row)

    def watch_cursor_coordinate(self, old: Coordinate, new: Coordinate) -> None:
        """The cursor never rests on a separator: it goes on in the direction it moved."""
        quotes = self._row_quotes
        if 0 <= new.row < len(quotes) and quotes[new.row] is None:
            step = 1 if new.row >= old.row else -1
            target = new.row + step
            if not (0 <= target < len(quotes) and quotes[target] is not None):
                target = new.row - step
            if 0 <= target < len(quotes) and quotes[target] is not None:
                self.cursor_coordinate = Coordinate(target, new.column)
                return
        super().watch_cursor_coordinate(old, new)

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width and self.links:
            self._render_rows()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        row = self.current
        if row is not None:
            self.post_message(self.Opened(self, row))
