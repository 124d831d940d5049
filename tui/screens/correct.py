"""Two small pickers for correcting a quote from its detail: who said it, and what kind of
statement it is. Each dismisses with the user's choice (``None``: leave it as it was).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from quotes.nlp.types import STATEMENT_TYPES
from quotes.store.rows import SpeakerRow
from tui.widgets.cells import type_cell
from tui.widgets.speaker_list import speaker_prompt

SpeakerSearch = Callable[[str | None], list[SpeakerRow]]
"""``search(typed)``: the stored speakers matching ``typed`` (all for ``None``)."""

NEW = "new"  # the option id of "a new speaker named as typed"
SHOWN = 30


class SpeakerPickScreen(ModalScreen[str | None]):
    """Type a name: the stored speakers matching it are listed (enter takes the highlighted
    one); a name no speaker carries is offered as a new speaker."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("down", "to_list", "Pick below", show=False),
    ]

    def __init__(self, current: str | None, search: SpeakerSearch) -> None:
        super().__init__()
        self.current = current
        self.search = search
        self.rows: list[SpeakerRow] = []
        self.typed = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-dialog", classes="dialog"):
            yield Label(
                f"Who said it? (now: {self.current or 'unknown speaker'})", classes="dialog-title"
            )
            yield Input(placeholder="type a name: a known speaker, or a new one", id="pick-name")
            yield OptionList(id="pick-options")
            yield Label("enter take · ↓ choose below · esc keep as it was", classes="dialog-hint")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one(Input).focus()

    @on(Input.Changed, "#pick-name")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self._fill(event.value)

    def _fill(self, typed: str) -> None:
        self.typed = " ".join(typed.split())
        self.rows = self.search(self.typed or None)[:SHOWN]
        options = self.query_one(OptionList)
        width = max(options.size.width - 4, 30)
        choices = [Option(speaker_prompt(row, width), id=str(row.id)) for row in self.rows]
        known = {row.name.lower() for row in self.rows}
        if self.typed and self.typed.lower() not in known:
            new = Text("+ new speaker: ", style="bold")
            new.append(f"“{self.typed}”")
            choices.append(Option(new, id=NEW))
        options.set_options(choices)
        if choices:
            options.highlighted = 0

    def _choose(self, index: int | None) -> None:
        if index is None:
            return
        if index < len(self.rows):
            self.dismiss(self.rows[index].name)
        elif self.typed:
            self.dismiss(self.typed)

    @on(Input.Submitted, "#pick-name")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._choose(self.query_one(OptionList).highlighted)

    @on(OptionList.OptionSelected, "#pick-options")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option_index)

    def action_to_list(self) -> None:
        self.query_one(OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)


class TypePickScreen(ModalScreen[str | None]):
    """The statement types, the current one highlighted; enter takes one."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-dialog", classes="dialog"):
            yield Label("What kind of statement is it?", classes="dialog-title")
            yield OptionList(
                *(Option(type_cell(kind), id=kind) for kind in STATEMENT_TYPES), id="pick-options"
            )
            yield Label("enter take · esc keep as it was", classes="dialog-hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        if self.current in STATEMENT_TYPES:
            options.highlighted = STATEMENT_TYPES.index(self.current)
        options.focus()

    @on(OptionList.OptionSelected, "#pick-options")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(STATEMENT_TYPES[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
