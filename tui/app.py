"""The quotes terminal UI: three modes (speakers/timeline, exchanges, search) over one store.

``make_app(db_url)`` builds the app; ``quotes tui`` and the tests both call it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen

from quotes import config
from quotes.errors import QuotesError
from quotes.export import FORMAT_NAMES, FORMATS, render, safe_link
from quotes.store.rows import SpeakerRow
from tui.commands import QuotesCommands
from tui.data import Library
from tui.messages import QuoteCorrected
from tui.screens.base import ModeScreen
from tui.screens.detail import QuoteDetailScreen
from tui.screens.exchanges import ExchangesScreen
from tui.screens.export_dialog import ExportPathScreen, write_export
from tui.screens.help import HelpScreen
from tui.screens.search import SearchScreen
from tui.screens.timeline import TimelineScreen
from tui.selection import Selection, plural


class QuotesApp(App[None]):
    """Browse who said what: timelines per speaker, exchanges between parties, search."""

    CSS_PATH = "app.tcss"
    TITLE = "quotes"
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {
        "timeline": TimelineScreen,
        "exchanges": ExchangesScreen,
        "search": SearchScreen,
    }
    DEFAULT_MODE = "timeline"
    COMMANDS = App.COMMANDS | {QuotesCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "switch_mode('timeline')", "Speakers", tooltip="speakers and their timelines"),
        Binding(
            "2",
            "switch_mode('exchanges')",
            "Exchanges",
            tooltip="threads between two parties, in two lanes",
        ),
        Binding("3", "switch_mode('search')", "Search", tooltip="keyword search with filters"),
        Binding(
            "e",
            "export",
            "Export",
            tooltip="write what is shown to a Markdown file (CSL-JSON, CSV: ctrl+p)",
        ),
        Binding("ctrl+e", "export", "Export", show=False, tooltip="also where letters are typed"),
        Binding("question_mark", "help", "Help", key_display="?", tooltip="this screen"),
        Binding("f1", "help", "Help", show=False, priority=True, tooltip="also from a text box"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, library: Library, export_dir: str | Path | None = None) -> None:
        super().__init__()
        self.library = library
        self.generation = 0  # bumped on every stored correction (modes reload on resume)
        self.export_dir = config.export_dir(export_dir)  # made when first written to

    # Built in the background once the first screen is shown, so that switching to it only
    # lays it out and paints (its widgets, styles and lanes are ready); see ``prepare_modes``.
    PREPARED_MODES: ClassVar[tuple[str, ...]] = ("exchanges",)

    def on_mount(self) -> None:
        # The timeline calls ``prepare_modes`` once its first page is shown; a store with no
        # speakers shows none, so the modes are prepared after a while anyway.
        self.set_timer(2.0, self.prepare_modes)

    def prepare_modes(self) -> None:
        """Build the screens of ``PREPARED_MODES`` now, in the background: composed, mounted,
        styled and their data loaded (in workers), as Textual does when a mode is first
        shown, but without showing them. Idempotent; a mode already shown is left alone.

        Uses Textual's internal ``_init_mode`` (the first half of ``switch_mode``); where a
        Textual version lacks it, modes are built when first shown, as before."""
        init_mode = getattr(self, "_init_mode", None)
        stacks = getattr(self, "_screen_stacks", None)
        if init_mode is None or not isinstance(stacks, dict) or not self.is_running:
            return
        if getattr(self, "_exit", False):  # quitting: nothing to prepare
            return
        for mode in self.PREPARED_MODES:
            if mode != self.current_mode and not stacks.get(mode):
                init_mode(mode)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Behind a modal (detail, help, export path) modes do not switch under the user.
        blocked = action in {"switch_mode", "export"}
        return not (blocked and isinstance(self.screen, ModalScreen))

    def on_quote_corrected(self, message: QuoteCorrected) -> None:
        # The detail modal may be gone already (its mode resumed before this message): the
        # mode on screen syncs now; the others sync when they are shown.
        self.generation += 1
        if isinstance(self.screen, ModeScreen):
            self.screen.sync()

    # -- what the command palette runs (tui.commands) ---------------------------------------

    async def go_to_mode(self, mode: str) -> None:
        if not isinstance(self.screen, ModalScreen):
            await self.switch_mode(mode)

    async def go_to_speaker(self, speaker: SpeakerRow) -> None:
        """The speaker's timeline, in the speakers mode."""
        await self.go_to_mode("timeline")
        if isinstance(self.screen, TimelineScreen):
            self.screen.go_to(speaker)

    async def pick_parties(self) -> None:
        """The exchanges mode, with the left party's picker open."""
        await self.go_to_mode("exchanges")
        if isinstance(self.screen, ExchangesScreen):
            self.screen.action_party("a")

    def open_article(self, screen: Screen[Any]) -> None:
        """Open the web page of the quote's article (the one in detail, else under the
        cursor) in the browser; only http(s) addresses are opened."""
        quote = None
        if isinstance(screen, QuoteDetailScreen):
            quote = screen.detail.quote
        elif isinstance(screen, ModeScreen):
            quote = screen.current_quote()
        if quote is None:
            self.notify("No quote under the cursor.", severity="warning")
            return
        url = safe_link(quote.url)
        if url is None:
            self.notify("This quote's article has no web address.", severity="warning")
            return
        self.open_url(url)
        self.notify(url, title="Opening the article")

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        sections: dict[str, Iterable[BindingType]] = {
            "Everywhere": QuotesApp.BINDINGS,
            "Speakers (1)": TimelineScreen.BINDINGS,
            "Exchanges (2)": ExchangesScreen.BINDINGS,
            "Search (3)": SearchScreen.BINDINGS,
            "Quote detail (enter)": QuoteDetailScreen.BINDINGS,
        }
        self.push_screen(HelpScreen(sections))

    def action_export(self, fmt: str = "markdown") -> None:
        """Ask where, then write what the mode shows as ``fmt`` (markdown, csl-json, csv)."""
        screen = self.screen
        selection = screen.selection() if isinstance(screen, ModeScreen) else None
        if selection is None or not selection.count:
            self.notify("Nothing to export here yet.", severity="warning")
            return
        name = str(Path(selection.name).with_suffix(FORMATS[fmt]))

        def write(typed: str | None) -> None:
            if typed is not None:
                self.export(selection, typed, fmt, name)  # a worker: fetching may take a moment

        # one citation per statement (its earliest version), however many outlets carried it
        title = f"Export {plural(selection.count, 'statement')} as {FORMAT_NAMES[fmt]}"
        self.push_screen(ExportPathScreen(title, name, self.export_dir), write)

    def wrote(self, path: Path) -> None:
        """Remember the folder of the last export: the next one goes there too."""
        self.export_dir = path.parent

    @work(thread=True, exclusive=True, group="export")
    def export(
        self, selection: Selection, typed: str = "", fmt: str = "markdown", name: str = ""
    ) -> None:
        """Write ``selection`` as ``fmt`` where the user said (in the export folder unless a
        full path was typed); the notice gives the full path."""
        try:
            rows, others = self.library.cited(selection.load())
            text = render(
                rows,
                fmt,
                group=selection.group,
                exchanges=selection.exchanges,
                title=Path(selection.name).stem.replace("-", " "),
                others=others,
            )
            path = write_export(typed, name or selection.name, text, self.export_dir)
        except QuotesError as err:
            self.call_from_thread(self.notify, err.message, title=err.title, severity="error")
            return
        except OSError as err:
            self.call_from_thread(self.notify, str(err), title="Could not write", severity="error")
            return
        self.call_from_thread(self.wrote, path)
        title = f"Exported {plural(len(rows), 'quote')}"
        self.call_from_thread(self.notify, str(path), title=title)


def make_app(db_url: str | None = None, export_dir: str | Path | None = None) -> QuotesApp:
    """The app over the store at ``db_url`` (default: the configured store), writing exports
    into ``export_dir`` (default: ``quotes.config.export_dir``)."""
    return QuotesApp(Library.open(db_url), export_dir=export_dir)
