"""A filterable list of speakers: name and number of quotes, role and country below."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from quotes.errors import QuotesError
from quotes.store.rows import SpeakerRow
from tui.data import report_from_thread
from tui.widgets.cells import clip

SpeakerLoader = Callable[[str | None], list[SpeakerRow]]
"""``loader(query)`` returns the speakers matching ``query`` (all for ``None``)."""


def speaker_prompt(row: SpeakerRow, width: int = 26) -> Text:
    """Two lines: "Antony Blinken        12" / "U.S. Secretary of State · United States";
    the number is their statements (a remark carried by several outlets counts once)."""
    count = str(row.statement_count)
    name = clip(row.name, max(width - len(count) - 1, 4))
    text = Text(name, style="bold")
    text.append(" " * max(width - len(name) - len(count), 1))
    text.append(count, style="dim")
    details = " · ".join(part for part in (row.latest_role, row.country) if part)
    text.append("\n" + clip(details or row.kind, width), style="dim italic")
    return text


class SpeakerList(Vertical):
    """An input that filters the list of speakers below it (in a worker, as you type)."""

    @dataclass
    class Highlighted(Message):
        """The cursor moved onto a speaker (show their timeline)."""

        speaker: SpeakerRow

    @dataclass
    class Chosen(Message):
        """The user pressed enter on a speaker (open their timeline)."""

        speaker: SpeakerRow

    def __init__(self, loader: SpeakerLoader, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._loader = loader
        self.speakers: list[SpeakerRow] = []
        self._wanted: int | None = None  # a speaker to pick once the list shows them

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Filter speakers…", id="speaker-filter")
        yield OptionList(id="speaker-options")

    def on_mount(self) -> None:
        self.reload()

    @property
    def current(self) -> SpeakerRow | None:
        index = self.query_one(OptionList).highlighted
        if index is None or not 0 <= index < len(self.speakers):
            return None
        return self.speakers[index]

    def select(self, speaker: SpeakerRow) -> None:
        """Put the cursor on ``speaker`` (clearing the filter if it hides them), quietly."""
        ids = [row.id for row in self.speakers]
        if speaker.id in ids:
            options = self.query_one(OptionList)
            with options.prevent(OptionList.OptionHighlighted):
                options.highlighted = ids.index(speaker.id)
            return
        self._wanted = speaker.id
        box = self.query_one(Input)
        if box.value:
            box.value = ""  # reloads every speaker; ``_show`` then picks the wanted one
        else:
            self.reload()

    def reload(self) -> None:
        """Fetch the speakers matching the filter again (after a correction, say)."""
        self._filter(self.query_one(Input).value.strip() or None)

    @on(Input.Changed, "#speaker-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._filter(event.value.strip() or None)

    @on(Input.Submitted, "#speaker-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        """Enter in the filter opens the highlighted speaker's timeline (the list else)."""
        event.stop()
        speaker = self.current
        if speaker is None:
            self.query_one(OptionList).focus()
            return
        self.post_message(self.Chosen(speaker))

    @work(thread=True, exclusive=True, group="speaker-filter")
    def _filter(self, query: str | None) -> None:
        try:
            rows = self._loader(query)
        except QuotesError as err:
            report_from_thread(self, err)
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, rows)

    def _show(self, rows: list[SpeakerRow]) -> None:
        options = self.query_one(OptionList)
        if not options.size.width:  # not laid out yet: prompts are cut to the real width
            self.call_after_refresh(self._show, rows)
            return
        keep = self.current
        self.speakers = rows
        self._fill(options)
        if not rows:
            typed = self.query_one(Input).value.strip()
            empty = (
                f"No speaker matches “{typed}”."
                if typed
                else "No quotes stored yet: try `quotes demo` or `quotes ingest FILES`."
            )
            options.add_option(Option(Text(empty, style="dim"), disabled=True))
            return
        ids = [row.id for row in rows]
        if self._wanted in ids:
            keep, self._wanted = rows[ids.index(self._wanted)], None
        index = ids.index(keep.id) if keep is not None and keep.id in ids else 0
        with options.prevent(OptionList.OptionHighlighted):
            options.highlighted = index
        if keep is None or keep.id != rows[index].id:  # say so once, whatever the index was
            self.post_message(self.Highlighted(rows[index]))

    def _fill(self, options: OptionList) -> None:
        width = max(options.size.width - 4, 20)  # 4: padding and the scrollbar
        highlighted = options.highlighted
        options.set_options(
            Option(speaker_prompt(row, width), id=str(row.id)) for row in self.speakers
        )
        if highlighted is not None and highlighted < len(self.speakers):
            with options.prevent(OptionList.OptionHighlighted):
                options.highlighted = highlighted

    def on_resize(self, event: events.Resize) -> None:
        if self.speakers:
            self._fill(self.query_one(OptionList))

    @on(OptionList.OptionHighlighted, "#speaker-options")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.speakers):
            self.post_message(self.Highlighted(self.speakers[event.option_index]))

    @on(OptionList.OptionSelected, "#speaker-options")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.speakers):
            self.post_message(self.Chosen(self.speakers[event.option_index]))
