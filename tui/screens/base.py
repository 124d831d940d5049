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
        # Textual restyles the whole app (every node, twice: ~150 ms on 2 cores) the first
        # time a mode screen is shown, and again on every later switch to it, because a
        # screen's "styles are up to date" count is only recorded once it is mounted. Once the
        # first screen is up (the theme's variables applied), a new mode screen is styled from
        # the current stylesheet when it is mounted, so it starts up to date; a later change
        # of theme still bumps the app's count and restyles it when shown. The first screen
        # keeps Textual's way: its restyle is what applies the theme.
        self._mark_styles_current()

    def _mark_styles_current(self) -> None:
        try:
            app = self.app
        except RuntimeError:  # made outside a running app (Textual's NoActiveAppError)
            return
        count = getattr(app, "_css_update_count", None)
        if app.screen_stack and isinstance(count, int) and hasattr(self, "_css_update_count"):
            self._css_update_count = count

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

    def open_quote(self, row: QuoteRow, *, versions: bool = False) -> None:
        """Show the quote's detail (a modal), with ``versions`` scrolled to its statement's
        versions; a quote gone from the store is a notice."""
        try:
            detail = self.library.detail(row.id)
        except QuotesError as err:
            self.notify(err.message, title=err.title, severity="warning")
            return
        self.app.push_screen(QuoteDetailScreen(detail, at_versions=versions))
