"""A table of quotes, one per row, that loads further pages only as the user nears the end.

``DataTable`` renders only the visible lines, so a long timeline scrolls smoothly; rows are
fetched ``PAGE`` at a time through a loader (``speaker_timeline(offset, limit)``) in a thread
worker, so neither the first screen nor scrolling waits for the whole timeline.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events, work
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable
from textual.worker import get_current_worker

from quotes.errors import QuotesError
from quotes.export import date_of
from quotes.store.rows import QuoteRow
from tui.data import report_from_thread
from tui.widgets.cells import quote_cell, two_lines, type_cell

PageLoader = Callable[[int, int], list[QuoteRow]]
"""``loader(offset, limit)`` returns the next page of rows."""


class QuoteTable(DataTable[Text | str]):
    """Quotes as rows: in columns where there is room, else as three-line cards.

    Columns (wide terminals): date and outlet, type and target, [speaker and role,] the quote
    over two lines. Cards (80 columns): "date · type → target · outlet" over the quote.
    """

    PAGE = 100
    MARGIN = 80  # fetch the next page when fewer rows than this are left below the view
    DATE_WIDTH = 12
    TYPE_WIDTH = 13
    SPEAKER_WIDTH = 18
    MIN_QUOTE_COLUMN = 40  # narrower than this, rows become cards

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("plus", "versions", "Versions", key_display="+", tooltip="every outlet's version"),
    ]

    @dataclass
    class Opened(Message):
        """The user pressed enter on a quote (open its detail); ``versions``: pressed ``+``
        (open it at its statement's versions)."""

        table: QuoteTable
        row: QuoteRow
        versions: bool = False

        @property
        def control(self) -> QuoteTable:
            return self.table

    def __init__(
        self, *, show_speaker: bool = False, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, id=id, classes=classes)
        self.show_speaker = show_speaker
        self.quote_width = 0
        self.cards = True
        self.quotes: list[QuoteRow] = []
        self.total = 0
        self._loader: PageLoader | None = None
        self._generation = 0
        self._loading = False

    def on_mount(self) -> None:
        self._add_columns()

    def _layout(self) -> tuple[bool, int]:
        """(cards?, width of the quote text) for the current size."""
        width = self.size.width or 80
        fixed = self.DATE_WIDTH + self.TYPE_WIDTH + (self.SPEAKER_WIDTH if self.show_speaker else 0)
        columns = 4 if self.show_speaker else 3
        room = width - fixed - 2 * self.cell_padding * columns - 2  # 2: the scrollbar
        if room >= self.MIN_QUOTE_COLUMN:
            return False, room
        return True, max(width - 2 * self.cell_padding - 2, 20)

    def _add_columns(self) -> None:
        self.cards, self.quote_width = self._layout()
        if self.cards:
            self.add_column("Date · type → target · outlet / quote", width=self.quote_width)
            return
        self.add_column("Date", width=self.DATE_WIDTH, key="date")
        self.add_column("Type", width=self.TYPE_WIDTH, key="type")
        if self.show_speaker:
            self.add_column("Speaker", width=self.SPEAKER_WIDTH, key="speaker")
        self.add_column("Quote", width=self.quote_width, key="quote")

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width and self._layout() != (self.cards, self.quote_width):
            cursor = self.cursor_row
            self.clear(columns=True)
            self._add_columns()
            self._add_rows(self.quotes)
            if self.quotes:
                self.move_cursor(row=min(cursor, len(self.quotes) - 1), animate=False)

    # -- contents -----------------------------------------------------------------------

    def show(
        self,
        rows: Sequence[QuoteRow],
        *,
        total: int | None = None,
        loader: PageLoader | None = None,
    ) -> None:
        """Replace the contents; with ``loader`` and ``total`` > len(rows), load more on demand."""
        self._generation += 1
        self._loading = False
        self.clear()
        self.quotes = []
        self._loader = loader
        self.total = len(rows) if total is None else total
        self._append(list(rows))

    def _append(self, rows: list[QuoteRow]) -> None:
        self._add_rows(rows)
        self.quotes.extend(rows)

    def _add_rows(self, rows: Sequence[QuoteRow]) -> None:
        height = 3 if self.cards else 2
        for row in rows:
            self.add_row(*(self._card(row) if self.cards else self._cells(row)), height=height)

    @staticmethod
    def _day(row: QuoteRow) -> str:
        return date_of(row) or "undated"

    @staticmethod
    def _outlet(row: QuoteRow) -> str:
        """The outlet, and how many others reported the same statement ("+4 outlets")."""
        more = row.other_outlets
        label = f"+{more} outlet{'s' if more > 1 else ''}" if more else ""
        return " ".join(part for part in (row.outlet or "", label) if part)

    @staticmethod
    def _outlet_short(row: QuoteRow) -> str:
        """The outlet where it is the only one; else "+4 outlets" (the date column is narrow:
        the outlets are named in the detail's versions, ``+``)."""
        more = row.other_outlets
        return f"+{more} outlet{'s' if more > 1 else ''}" if more else (row.outlet or "")

    def _cells(self, row: QuoteRow) -> list[Text | str]:
        target = f"→ {row.target}" if row.target else ""
        cells: list[Text | str] = [
            two_lines(self._day(row), self._outlet_short(row), self.DATE_WIDTH),
            two_lines(type_cell(row.type), target, self.TYPE_WIDTH),
        ]
        if self.show_speaker:
            cells.append(two_lines(row.speaker or "?", row.role or "", self.SPEAKER_WIDTH))
        cells.append(quote_cell(row, self.quote_width, lines=2))
        return cells

    def _card(self, row: QuoteRow) -> list[Text | str]:
        head = Text(self._day(row), style="bold")
        head.append(" · ")
        head.append_text(type_cell(row.type))
        if row.target:
            head.append(f" → {row.target}")
        if self.show_speaker:
            head.append(f" · {row.speaker or '?'}", style="bold")
        if row.outlet or row.other_outlets:
            head.append(f" · {self._outlet(row)}", style="dim")
        head.truncate(self.quote_width, overflow="ellipsis")
        head.append("\n")
        head.append_text(quote_cell(row, self.quote_width, lines=2))
        return [head]

    @property
    def current(self) -> QuoteRow | None:
        """The quote under the cursor, if any."""
        if 0 <= self.cursor_row < len(self.quotes):
            return self.quotes[self.cursor_row]
        return None

    @property
    def complete(self) -> bool:
        return len(self.quotes) >= self.total

    # -- paging ---------------------------------------------------------------------------

    def _maybe_load_more(self, last_visible: int) -> None:
        if self._loading or self._loader is None or self.complete:
            return
        if last_visible >= len(self.quotes) - self.MARGIN:
            self._loading = True
            self._load_page(self._loader, self._generation, len(self.quotes))

    @work(thread=True, exclusive=True, group="quote-table-page")
    def _load_page(self, loader: PageLoader, generation: int, offset: int) -> None:
        try:
            rows = loader(offset, self.PAGE)
        except QuotesError as err:
            report_from_thread(self, err)
            return  # _loading stays set: no retry storm; the next show() starts afresh
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._page_loaded, generation, rows)

    def _page_loaded(self, generation: int, rows: list[QuoteRow]) -> None:
        if generation != self._generation:
            return  # the table was refilled meanwhile: a stale page
        self._loading = False
        if not rows:
            self.total = len(self.quotes)  # the store has fewer than it said
            return
        self._append(rows)
        self._maybe_load_more(self.cursor_row)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        lines = 3 if self.cards else 2  # every row has the same height
        self._maybe_load_more((int(new_value) + self.size.height) // lines)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._maybe_load_more(event.cursor_row)

    def action_versions(self) -> None:
        """Open the quote under the cursor at its statement's versions (``+``)."""
        row = self.current
        if row is None:
            return
        if row.versions < 2:
            self.notify("Only this outlet reported this statement.", title="One version")
            return
        self.post_message(self.Opened(self, row, versions=True))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        row = self.current
        if row is not None:
            self.post_message(self.Opened(self, row))
