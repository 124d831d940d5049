"""A small modal asking where to write a Markdown file; and the write itself."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


def resolve_target(typed: str, default_name: str, cwd: Path | None = None) -> Path:
    """Where to write: the typed path (a folder gets ``default_name``), else the cwd."""
    base = cwd or Path.cwd()
    text = typed.strip()
    if not text:
        return base / default_name
    path = Path(text).expanduser()
    if not path.is_absolute():
        path = base / path
    if path.is_dir():
        path = path / default_name
    return path


def write_markdown(typed: str, default_name: str, markdown: str) -> Path:
    """Write ``markdown`` where the user said; returns the absolute path (raises ``OSError``)."""
    path = resolve_target(typed, default_name)
    path.write_text(markdown if markdown.endswith("\n") else markdown + "\n", encoding="utf-8")
    return path.resolve()


class ExportPathScreen(ModalScreen[str | None]):
    """Ask for a file name (prefilled); enter returns it, escape returns ``None``."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, default_name: str) -> None:
        super().__init__()
        self.title_text = title
        self.default_name = default_name

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog", classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Label("Markdown file (relative to the current folder):", classes="dim")
            yield Input(value=self.default_name, id="export-path")
            yield Label("enter write · esc cancel", classes="dialog-hint")

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
