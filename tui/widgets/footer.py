"""Textual's footer, recomposed only when the keys it shows change.

Textual's ``Footer`` rebuilds all its keys whenever the screen's bindings may have changed: on
every focus change and twice when a mode screen is shown again (~50 ms each on 2 cores, plus a
layout), though the keys it shows are mostly the same. This one rebuilds only when they differ.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    """The keys of the screen's active bindings; rebuilt only when they change."""

    def __init__(self, *, show_command_palette: bool = False, compact: bool = True) -> None:
        super().__init__(show_command_palette=show_command_palette, compact=compact)
        self._shown: Hashable | None = None  # what the keys were composed from

    def _keys(self) -> Hashable:
        """What ``compose`` builds the keys from: each active binding, enabled, tooltip."""
        active = self.screen.active_bindings
        return tuple((binding, on, tooltip) for _, binding, on, tooltip in active.values())

    def compose(self) -> ComposeResult:
        self._shown = self._keys() if self._bindings_ready else None
        yield from super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self._shown is not None and screen is self.screen and self._keys() == self._shown:
            return  # the keys on show are the keys to show
        super().bindings_changed(screen)
