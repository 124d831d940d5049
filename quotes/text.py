"""The paragraph around a quote: the one helper for "which paragraph holds these offsets".

Paragraphs are those of ``quotes.nlp.marks.paragraphs`` (what the extractor saw, and what
``Quote.paragraph`` indexes). Pure: no I/O, no database.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence

from quotes.nlp.marks import Paragraph, paragraphs


def paragraph_bounds(
    text: str,
    start: int,
    end: int,
    index: int | None = None,
    paras: Sequence[Paragraph] | None = None,
) -> tuple[int, int]:
    """``(left, right)`` offsets of the paragraph holding ``[start, end)`` in ``text``.

    With ``index`` (a stored ``Quote.paragraph``) that paragraph, when it holds the quote;
    otherwise (no index, or a stale one) the paragraph(s) from the one where the quote starts
    to the one where it ends, always covering the quote. ``paras`` (``paragraphs(text)``, when
    the caller has them) saves splitting the text again: pass them when asking many times.
    """
    found = paragraphs(text) if paras is None else paras
    if not found:
        return max(start, 0), min(max(end, start), len(text))
    if index is not None and 0 <= index < len(found):
        held = found[index]
        if held.start <= start and end <= held.end:
            return held.start, held.end
    first = found[max(bisect_right(found, start, key=_start) - 1, 0)]
    last = found[max(bisect_right(found, max(end - 1, start), key=_start) - 1, 0)]
    return min(first.start, max(start, 0)), max(last.end, min(end, len(text)))


def _start(paragraph: Paragraph) -> int:
    return paragraph.start


_SPACE = re.compile(r"\s+")


def normalise_quote(text: str) -> str:
    """A quote's words for matching: NFKC, case-folded, one space between words."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def quote_fingerprint(
    text: str,
    start: int,
    end: int,
    quote_text: str,
    index: int | None = None,
    paras: Sequence[Paragraph] | None = None,
) -> str:
    """The identity of a quote across versions of its article: its normalised words and where
    it starts within its paragraph. Edits to other paragraphs (or to the article's length)
    leave it alone; editing the quote, or the text before it in its paragraph, changes it."""
    left, _ = paragraph_bounds(text, start, end, index, paras)
    key = f"{normalise_quote(quote_text)}\x00{start - left}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
