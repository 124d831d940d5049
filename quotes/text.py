"""The paragraph around a quote: the one helper for "which paragraph holds these offsets".

Paragraphs are those of ``quotes.nlp.marks.paragraphs`` (what the extractor saw, and what
``Quote.paragraph`` indexes). Pure: no I/O, no database.
"""

from __future__ import annotations

import re

from quotes.nlp.marks import paragraphs

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_LINE = re.compile(r"\n")


def paragraph_bounds(text: str, start: int, end: int, index: int | None = None) -> tuple[int, int]:
    """``(left, right)`` offsets of the paragraph holding ``[start, end)`` in ``text``.

    With ``index`` (a stored ``Quote.paragraph``) that paragraph, when it holds the quote;
    otherwise (no index, or a stale one) the paragraph(s) around the offsets: blank-line
    separated where the text has blank lines, else line separated, always covering the quote.
    """
    if index is not None and index >= 0:
        found = paragraphs(text)
        if index < len(found) and found[index].start <= start and end <= found[index].end:
            return found[index].start, found[index].end
    separator = _BLANK_LINE if _BLANK_LINE.search(text) else _LINE
    left = 0
    for match in separator.finditer(text, 0, max(start, 0)):
        left = match.end()
    after = separator.search(text, max(end, start))
    right = after.start() if after else len(text)
    return left, max(right, min(end, len(text)))
