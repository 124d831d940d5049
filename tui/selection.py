"""What the ``e`` key exports: the rows the current mode shows, and a default file name.

The rows come from ``load`` (run in a worker when the file is written), so a 10,000-quote
timeline is fetched in full only on export, never to draw the screen.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from quotes.store.rows import ExchangeRow, QuoteRow


@dataclass(frozen=True)
class Selection:
    """Quotes to export as Markdown, grouped as ``group``, with any exchanges between them."""

    count: int  # how many quotes ``load`` returns (for the prompt)
    name: str  # default file name, e.g. "timeline-antony-blinken.md"
    load: Callable[[], list[QuoteRow]]
    group: str = "speaker"  # or "exchange"
    exchanges: list[ExchangeRow] = field(default_factory=list)

    @classmethod
    def of(
        cls,
        rows: list[QuoteRow],
        name: str,
        *,
        group: str = "speaker",
        exchanges: list[ExchangeRow] | None = None,
    ) -> Selection:
        """A selection of rows already in hand."""
        return cls(len(rows), name, lambda: rows, group=group, exchanges=exchanges or [])


def slug(text: str) -> str:
    """ "Antony Blinken" -> "antony-blinken" (for file names)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "quotes"


def plural(count: int, noun: str) -> str:
    """ "1 quote", "2 quotes", "1,000 quotes"."""
    return f"{count:,} {noun}" + ("" if count == 1 else "s")
