"""A small modal asking where to write an export; and the write itself.

Files go to the export folder (``quotes.config.export_dir``: ``--export-dir``,
``$QUOTES_EXPORT_DIR``, else the user's documents or data folder), never to the current
directory: a bare name lands in that folder, a relative path below it, an absolute (or ``~``)
path where it says. The folder is made when first needed; a folder named in the path is not.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from quotes.export import write_atomic


def resolve_target(typed: str, default_name: str, folder: Path) -> Path:
    """Where to write: the typed path (a folder gets ``default_name``; relative: below
    ``folder``), else ``folder / default_name``."""
    text = typed.strip()
    if not text:
        return folder / default_name
    path = Path(text).expanduser()
    if not path.is_absolute():
        path = folder / path
    if path.is_dir():
        path = path / default_name
    return path


def write_export(typed: str, default_name: str, text: str, folder: Path) -> Path:
    """Write ``text`` where the user said (see ``resolve_target``); returns the absolute path.

    Makes ``folder`` itself if missing; raises ``OSError`` when the target cannot be written.
    """
    path = resolve_target(typed, default_name, folder)
    if path.parent == folder:
        folder.mkdir(parents=True, exist_ok=True)
    write_atomic(path, text if text.endswith("\n") else text + "\n")
    return path.resolve()


class ExportPathScreen(ModalScreen[str | None]):
    """Ask for a file name (prefilled) in the export folder; enter returns what was typed,
    escape returns ``None``."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, default_name: str, folder: Path) -> None:
        super().__init__()
        self.title_text = title
        self.default_name = default_name
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog", classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Label(f"Into {self.folder}", id="export-folder", classes="dim")
            yield Input(value=self.default_name, id="export-path")
            yield Label(
                "a name goes into that folder, a full path anywhere · enter write · esc cancel",
                classes="dialog-hint",
            )

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
