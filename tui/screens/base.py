"""What the three modes share: reload after a correction, open a quote, export a selection."""

from __future__ import annotations

from textual.screen import Screen

from quotes.errors import QuotesError
from quotes.store.rows import QuoteRow
from tui.data import Library, app_of
from tui.screens.detail import QuoteDetailScreen
from tui.selection import Selection


class ModeScreen(Screen[None]):
    """A mode (timeline, exchanges, search). Reloads when shown after a stored correction."""

    def __init__(self) -> None:
        super().__init__()
        self._seen_generation: int | None = None

    @property
    def library(self) -> Library:
        return app_of(self).library

    def on_screen_resume(self) -> None:
        self.sync()

    def sync(self) -> None:
        """Reload if a correction was stored since this mode last loaded (idempotent)."""
        generation = app_of(self).generation
        if self._seen_generation is None:
            self._seen_generation = generation
        elif generation != self._seen_generation:
            self._seen_generation = generation
            self.reload()

    def reload(self) -> None:
        """Fetch what the mode shows again (the store changed)."""

    def current_quote(self) -> QuoteRow | None:
        """The quote under the cursor, if any (the command palette's "open the article")."""
        return None

    def selection(self) -> Selection | None:
        """What ``e`` exports from this mode; ``None`` when nothing is shown."""
        return None

    def open_quote(self, row: QuoteRow) -> None:
        """Show the quote's detail (a modal); a quote gone from the store is a notice."""
        try:
            detail = self.library.detail(row.id)
        except QuotesError as err:
            self.notify(err.message, title=err.title, severity="warning")
            return
        self.app.push_screen(QuoteDetailScreen(detail))
