"""How a quote's fields look inside a table cell: statement types colour-coded, text cut short.

Cell contents are Rich ``Text``, so their colours live here rather than in ``app.tcss``.
"""

from __future__ import annotations

import textwrap

from rich.text import Text

from quotes.store.rows import QuoteRow

TYPE_STYLES: dict[str, str] = {
    "accuse": "bold red",
    "condemn": "red",
    "protest": "dark_orange",
    "threaten": "bold magenta",
    "warn": "yellow",
    "demand": "orange1",
    "appeal": "plum2",
    "deny": "bold cyan",
    "reject": "cyan",
    "acknowledge": "green",
    "agree": "green",
    "support": "bright_green",
    "concede": "dark_sea_green",
    "decline_comment": "grey62",
    "statement": "grey70",
}

TYPE_LABELS: dict[str, str] = {"decline_comment": "no comment"}


def type_label(kind: str) -> str:
    return TYPE_LABELS.get(kind, kind)


def type_cell(kind: str) -> Text:
    """The statement type as a coloured word ("accuse" in red, "deny" in cyan ...)."""
    # The colour is a span, not the Text's base style, so text appended later stays plain.
    return Text.assemble((type_label(kind), TYPE_STYLES.get(kind, "")))


def clip(text: str | None, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    flat = " ".join((text or "").split())
    return flat if len(flat) <= width else flat[: max(width - 1, 0)] + "…"


def wrap(text: str, width: int, lines: int = 2) -> str:
    """``text`` wrapped to ``width`` on at most ``lines`` lines, the last cut with "…"."""
    flat = " ".join(text.split())
    out = textwrap.wrap(flat, max(width, 4)) or [""]
    if len(out) > lines:
        rest = " ".join(out[lines - 1 :])
        out = [*out[: lines - 1], clip(rest, width)]
    return "\n".join(out)


def quote_text(row: QuoteRow) -> str:
    """The quote in marks (direct) or plain (reported)."""
    return f"“{row.text}”" if row.form == "direct" else row.text


def quote_cell(row: QuoteRow, width: int, lines: int = 1) -> Text:
    """The quote on ``lines`` lines of ``width``."""
    return Text(wrap(quote_text(row), width, lines))


def two_lines(first: str | Text, second: str, width: int, second_style: str = "dim") -> Text:
    """A cell of two lines: ``first`` and, dimmer, ``second`` (each cut to ``width``)."""
    text = first.copy() if isinstance(first, Text) else Text(clip(first, width))
    text.truncate(width, overflow="ellipsis")
    text.append("\n" + clip(second, width), style=second_style)
    return text
