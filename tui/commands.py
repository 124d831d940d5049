"""The command palette's own commands (ctrl+p): go to a speaker, pick the parties, switch
modes, export as Markdown / CSL-JSON / CSV, open the article's web page.

The provider only lists and matches; every command is a method of the app (``PaletteHost``),
run on the screen the palette was opened from.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from quotes.errors import QuotesError
from quotes.export import FORMAT_NAMES
from quotes.store.rows import SpeakerRow
from tui.data import Library
from tui.selection import plural

SPEAKERS = 2000  # the most quoted speakers offered by name


class PaletteHost(Protocol):
    """What the commands need of the app."""

    library: Library

    def action_export(self, fmt: str = "markdown") -> None: ...

    def go_to_speaker(self, speaker: SpeakerRow) -> Awaitable[None]: ...

    def pick_parties(self) -> Awaitable[None]: ...

    def go_to_mode(self, mode: str) -> Awaitable[None]: ...

    def open_article(self, screen: Screen[Any]) -> None: ...


@dataclass(frozen=True)
class PaletteCommand:
    name: str
    help: str
    run: Callable[[PaletteHost, Screen[Any]], Any]


def fixed_commands() -> list[PaletteCommand]:
    """The commands that do not depend on the store's contents."""
    commands = [
        PaletteCommand(
            "Pick parties",
            "exchanges between two parties: choose the left party, then the right",
            lambda app, screen: app.pick_parties(),
        ),
        PaletteCommand(
            "Open the article's web page",
            "the article of the quote under the cursor (or shown in detail), in the browser",
            lambda app, screen: app.open_article(screen),
        ),
    ]
    for fmt, name in FORMAT_NAMES.items():
        commands.append(
            PaletteCommand(
                f"Export as {name}",
                "write what is shown to a file in the export folder",
                partial(_export, fmt),
            )
        )
    for mode, help in (
        ("timeline", "speakers and their timelines (1)"),
        ("exchanges", "threads between two parties (2)"),
        ("search", "keyword search with filters (3)"),
    ):
        commands.append(
            PaletteCommand(
                f"Show {'speakers' if mode == 'timeline' else mode}",
                help,
                partial(_mode, mode),
            )
        )
    return commands


def _export(fmt: str, app: PaletteHost, screen: Screen[Any]) -> None:
    app.action_export(fmt)


def _mode(mode: str, app: PaletteHost, screen: Screen[Any]) -> Awaitable[None]:
    return app.go_to_mode(mode)


def speaker_commands(speakers: list[SpeakerRow]) -> list[PaletteCommand]:
    """ "Go to speaker: Antony Blinken" for each speaker, with how many statements they made
    (a statement quoted by several outlets counts once, as in the timeline)."""
    out = []
    for row in speakers:
        details = " · ".join(p for p in (row.latest_role, row.country) if p)
        count = plural(row.statement_count, "statement")
        out.append(
            PaletteCommand(
                f"Go to speaker: {row.name}",
                f"{details} · {count}" if details else count,
                partial(_go_to, row),
            )
        )
    return out


def _go_to(row: SpeakerRow, app: PaletteHost, screen: Screen[Any]) -> Awaitable[None]:
    return app.go_to_speaker(row)


class QuotesCommands(Provider):
    """The app's actions and its speakers, matched fuzzily against what is typed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands: list[PaletteCommand] = fixed_commands()

    @property
    def host(self) -> PaletteHost:
        return cast(PaletteHost, self.app)

    async def startup(self) -> None:
        try:
            speakers = await asyncio.to_thread(self.host.library.speakers, None, SPEAKERS)
        except QuotesError:
            speakers = []  # the palette still offers the rest
        self.commands = fixed_commands() + speaker_commands(speakers)

    def _runner(self, command: PaletteCommand) -> Callable[[], Any]:
        return partial(command.run, self.host, self.screen)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self.commands:
            score = matcher.match(command.name)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(command.name),
                    self._runner(command),
                    text=command.name,
                    help=command.help,
                )

    async def discover(self) -> Hits:
        for command in fixed_commands():
            yield DiscoveryHit(command.name, self._runner(command), help=command.help)
