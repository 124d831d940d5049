"""The keys, read from the bindings themselves so the help cannot drift from what they do."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from tui.widgets.footer import Footer

# Keys handled by the widgets themselves (tables, lists, text boxes), per section.
EXTRA: dict[str, list[tuple[str, str]]] = {
    "Everywhere": [
        ("tab / shift+tab", "next / previous field"),
        ("↑ ↓ pgup pgdn", "move, scroll (long lists load as you scroll)"),
        ("enter", "open the quote under the cursor (detail)"),
        ("ctrl+p", "command palette"),
    ],
    "Speakers (1)": [
        ("enter", "on a speaker: go to their timeline"),
    ],
    "Search (3)": [
        ("enter", "in a box: to the results"),
    ],
}


def _display(app: App[object] | None, binding: Binding) -> str:
    if binding.key_display:
        return binding.key_display
    keys = [app.get_key_display(Binding(key, "")) if app else key for key in binding.key.split(",")]
    return " / ".join(keys)


def key_rows(app: App[object] | None, bindings: Iterable[BindingType]) -> list[tuple[str, str]]:
    rows = []
    for item in bindings:
        if isinstance(item, Binding) and item.description:
            what = item.description
            if item.tooltip:
                what += f" — {item.tooltip}"
            rows.append((_display(app, item), what))
    return rows


def help_rows(
    app: App[object] | None, sections: dict[str, Iterable[BindingType]]
) -> list[tuple[str, str, str]]:
    """(section, key, what it does) for every binding with a description, and the extras."""
    return [
        (title, key, what)
        for title, bindings in sections.items()
        for key, what in key_rows(app, bindings) + EXTRA.get(title, [])
    ]


def help_table(rows: list[tuple[str, str, str]]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", min_width=14, no_wrap=True)
    table.add_column()
    section = None
    for title, key, what in rows:
        if title != section:
            if section is not None:
                table.add_row("", "")
            table.add_row(Text(title, style="underline bold"), "")
            section = title
        table.add_row(key, what)
    return table


class HelpScreen(ModalScreen[None]):
    """Every key of every mode."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,question_mark,f1", "close", "Close")]

    def __init__(self, sections: dict[str, Iterable[BindingType]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        self.rows = help_rows(self.app, self.sections)
        table = help_table(self.rows)
        with Vertical(id="help-dialog", classes="dialog"):
            yield Label("Keys", classes="dialog-title")
            with VerticalScroll(id="help-body"):
                yield Static(table, id="help-keys")
        yield Footer(show_command_palette=False, compact=True)

    def action_close(self) -> None:
        self.dismiss(None)
