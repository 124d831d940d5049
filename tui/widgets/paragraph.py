"""The paragraph around a quote with the quote and the speaker mention highlighted."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.widgets import Static

from quotes.store.rows import QuoteDetail


class QuoteParagraph(Static):
    """Shows ``detail.paragraph``; the highlight colours come from ``app.tcss``."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "quote-paragraph--quote",
        "quote-paragraph--mention",
    }
    DEFAULT_CSS = """
    QuoteParagraph > .quote-paragraph--quote { text-style: bold; background: $warning 30%; }
    QuoteParagraph > .quote-paragraph--mention { text-style: bold underline; color: $accent; }
    """

    def __init__(self, detail: QuoteDetail, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.detail = detail

    def on_mount(self) -> None:
        self.update(self.highlighted())

    def highlighted(self) -> Text:
        detail = self.detail
        text = Text(detail.paragraph)
        size = len(detail.paragraph)
        quote_style = self.get_component_rich_style("quote-paragraph--quote", partial=True)
        mention_style = self.get_component_rich_style("quote-paragraph--mention", partial=True)
        if 0 <= detail.quote_start < detail.quote_end <= size:
            text.stylize(quote_style, detail.quote_start, detail.quote_end)
        if (
            detail.mention_start is not None
            and detail.mention_end is not None
            and 0 <= detail.mention_start < detail.mention_end <= size
        ):
            text.stylize(mention_style, detail.mention_start, detail.mention_end)
        return text

    def show(self, detail: QuoteDetail) -> None:
        """Show another reading of the quote (after a correction)."""
        self.detail = detail
        self.update(self.highlighted())
