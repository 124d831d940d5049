"""One quote in full: its paragraph (quote and speaker mention highlighted), who said it and
in what role, the article, the extractor's evidence and confidence. From here the citation is
copied or saved as Markdown, and the quote is corrected: given to another speaker (a known one
or a new name), re-typed, or deleted. Corrections are stored (``correct_quote``) and win over
the extractor on every re-ingest.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from quotes.errors import QuotesError
from quotes.export import citation_markdown, date_of
from quotes.nlp.variants import word_diff
from quotes.store.rows import QuoteDetail, QuoteRow
from tui.data import app_of
from tui.messages import QuoteCorrected
from tui.screens.correct import SpeakerPickScreen, TypePickScreen
from tui.screens.export_dialog import ExportPathScreen, write_export
from tui.widgets.cells import type_cell, type_label
from tui.widgets.footer import Footer
from tui.widgets.paragraph import QuoteParagraph


def facts(detail: QuoteDetail) -> Table:
    """Speaker (role at the time), statement, article, confidence and evidence, labelled."""
    row = detail.quote
    table = Table.grid(padding=(0, 1))
    table.add_column(style="bold dim", no_wrap=True, min_width=10)
    table.add_column(overflow="fold")

    who = Text(row.speaker or "unknown speaker", style="bold")
    if row.role:
        who.append(f" — {row.role}")
    if row.country:
        who.append(f" ({row.country})")
    table.add_row("Speaker", who)
    said = type_cell(row.type)
    if row.target:
        said.append(f" → {row.target}")
    said.append(f" · {row.form} quote" + (f" · cue “{detail.cue}”" if detail.cue else ""))
    table.add_row("Statement", said)
    day = date_of(row)
    article = " · ".join(part for part in (row.title, row.outlet, day) if part)
    table.add_row("Article", article or "—")
    if row.url:
        table.add_row("", Text(row.url, style="underline"))
    table.add_row("Confidence", f"{row.confidence:.2f}")
    for number, reason in enumerate(detail.evidence):
        table.add_row("Evidence" if number == 0 else "", Text(f"• {reason}", style="dim"))
    if detail.corrected:
        table.add_row(
            "Correction", Text("corrected by a user (wins over the extractor)", style="yellow")
        )
    return table


def diff_text(base: str, other: str) -> Text:
    """``other``'s words, those that differ from ``base`` highlighted: words it has instead
    of or besides ``base``'s in reverse video, ``base``'s words it lacks struck through (dim)."""
    out = Text()
    for part in word_diff(base, other):
        if part.tag == "equal":
            out.append(" ".join(part.b) + " ")
            continue
        if part.a and part.tag in ("replace", "delete"):
            out.append(" ".join(part.a), style="strike dim")
            out.append(" ")
        if part.b:
            out.append(" ".join(part.b), style="reverse bold")
            out.append(" ")
    out.rstrip()
    return out


def versions_table(versions: list[QuoteRow], current: int) -> Table:
    """Every version of a statement, earliest first: date and outlet, then the words, those
    that differ from the earliest version's highlighted; the version shown above is marked."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True, min_width=12)
    table.add_column(overflow="fold")
    base = versions[0].text if versions else ""
    for number, row in enumerate(versions):
        where = Text(date_of(row) or "undated", style="bold")
        where.append("\n" + (row.outlet or row.title or f"article {row.article_id}"), style="dim")
        if row.id == current:
            where.append("\n(this one)", style="italic")
        words = Text(row.text) if number == 0 else diff_text(base, row.text)
        table.add_row(where, words)
    return table


def versions_heading(versions: list[QuoteRow]) -> Text:
    """ "Statement: 5 versions in 4 outlets · wording drift"."""
    row = versions[0]
    line = Text("Statement: ", style="bold")
    line.append(f"{row.versions} versions in {row.outlets} outlets, earliest first")
    if row.drift:
        line.append(
            " · wording drift: versions differ in words that change the meaning",
            style="bold yellow",
        )
    line.append(
        "\n(highlighted: words that differ from the earliest version; struck: words it lacks)",
        style="dim",
    )
    return line


def question_line(question: str, earlier: Sequence[str] = ()) -> Text:
    """The reporter's question before a transcript statement: "Q  Russia says ...?"; after
    the questions a short follow-up points back to, one a line, earliest first."""
    line = Text()
    for k, asked in enumerate([*earlier, question]):
        line.append("\n" if k else "")
        line.append("Q  ", style="bold dim")
        line.append(" ".join(asked.split()), style="italic dim")
    return line


class QuoteDetailScreen(ModalScreen[bool]):
    """The detail of one quote; dismisses with ``True`` if it was deleted.

    Deleting removes the quote (stored as a correction), so it asks first.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close"),
        Binding("c", "copy_citation", "Copy citation", tooltip="as Markdown, to the clipboard"),
        Binding("m", "save_citation", "Save citation", tooltip="to a Markdown file"),
        Binding("s", "reattribute", "Speaker", tooltip="give the quote to another speaker"),
        Binding("t", "retype", "Type", tooltip="change the statement type"),
        Binding(
            "d",
            "delete",
            "Delete",
            tooltip="press twice: deletes the quote, now and on every re-ingest",
        ),
    ]

    def __init__(self, detail: QuoteDetail, *, at_versions: bool = False) -> None:
        super().__init__()
        self.detail = detail
        self.at_versions = at_versions
        self.quote_id = detail.quote.id
        self.confirming = False

    def compose(self) -> ComposeResult:
        with Vertical(id="detail-dialog", classes="dialog"):
            yield Label(self._title(), id="detail-title", classes="dialog-title")
            with VerticalScroll(id="detail-body"):
                if self.detail.question:  # a transcript statement: what it answers comes first
                    asked = question_line(self.detail.question, self.detail.earlier_questions)
                    yield Static(asked, id="detail-question")
                yield QuoteParagraph(self.detail, id="detail-paragraph")
                yield Static(facts(self.detail), id="detail-facts")
                if self.detail.versions:
                    yield Static(versions_heading(self.detail.versions), id="detail-versions-head")
                    yield Static(
                        versions_table(self.detail.versions, self.quote_id), id="detail-versions"
                    )
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        if self.at_versions and self.detail.versions:
            self.call_after_refresh(self._scroll_to_versions)

    def _scroll_to_versions(self) -> None:
        head = self.query_one("#detail-versions-head", Static)
        self.query_one("#detail-body", VerticalScroll).scroll_to_widget(
            head, top=True, animate=False
        )

    def _title(self) -> str:
        row = self.detail.quote
        return f"Quote {row.id} · {row.speaker or 'unknown speaker'}"

    def citation(self) -> str:
        return citation_markdown(self.detail.quote)

    def action_close(self) -> None:
        if self.confirming:
            self.confirming = False
            self._reset_title()
            return
        self.dismiss(False)

    def action_copy_citation(self) -> None:
        self.app.copy_to_clipboard(self.citation())
        self.notify("Citation copied to the clipboard (Markdown).", title="Copied")

    def action_save_citation(self) -> None:
        name = f"citation-{self.quote_id}.md"

        def write(typed: str | None) -> None:
            if typed is None:
                return
            app = app_of(self)
            try:
                path = write_export(typed, name, self.citation(), app.export_dir)
            except OSError as err:
                self.notify(str(err), title="Could not write", severity="error")
                return
            app.wrote(path)
            self.notify(str(path), title="Citation written")

        folder = app_of(self).export_dir
        self.app.push_screen(ExportPathScreen("Save the citation as Markdown", name, folder), write)

    def _reset_title(self) -> None:
        title = self.query_one("#detail-title", Label)
        title.update(self._title())
        title.remove_class("warning")

    def action_delete(self) -> None:
        """First press asks; the second deletes (a stored correction: it stays deleted)."""
        if not self.confirming:
            self.confirming = True
            self.query_one("#detail-title", Label).update(
                "Delete this quote? Press d again to delete it (also on every re-ingest), "
                "esc to keep it."
            )
            self.query_one("#detail-title", Label).add_class("warning")
            return
        try:
            app_of(self).library.delete(self.quote_id, note="deleted in the TUI")
        except QuotesError as err:
            self.notify(err.message, title=err.title, severity="error")
            return
        self.app.post_message(QuoteCorrected(self.quote_id))
        self.notify(
            "Stored as a correction: the quote stays deleted on every re-ingest.",
            title=f"Quote {self.quote_id} deleted",
        )
        self.dismiss(True)

    def action_reattribute(self) -> None:
        """Pick who said it: a stored speaker, or a new name."""
        library = app_of(self).library

        def chosen(name: str | None) -> None:
            if name and name != self.detail.quote.speaker:
                self.store_correction(speaker=name)

        self.app.push_screen(
            SpeakerPickScreen(self.detail.quote.speaker, lambda typed: library.speakers(typed)),
            chosen,
        )

    def action_retype(self) -> None:
        """Pick the statement type."""

        def chosen(kind: str | None) -> None:
            if kind and kind != self.detail.quote.type:
                self.store_correction(type=kind)

        self.app.push_screen(TypePickScreen(self.detail.quote.type), chosen)

    def store_correction(self, *, speaker: str | None = None, type: str | None = None) -> None:
        """Store the correction, show the quote as it reads now, tell every mode."""
        try:
            detail = app_of(self).library.correct(
                self.quote_id, speaker=speaker, type=type, note="corrected in the TUI"
            )
        except QuotesError as err:
            self.notify(err.message, title=err.title, severity="error")
            return
        self.detail = detail
        self.confirming = False
        self._reset_title()
        self.query_one("#detail-paragraph", QuoteParagraph).show(detail)
        self.query_one("#detail-facts", Static).update(facts(detail))
        self.app.post_message(QuoteCorrected(self.quote_id))
        what = f"said by {speaker}" if speaker else f"typed {type_label(type or '')}"
        self.notify(
            f"Stored as a correction: {what} (it wins on every re-ingest).",
            title=f"Quote {self.quote_id} corrected",
        )
