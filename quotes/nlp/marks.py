"""Quote spans from quotation marks: a linear scan that never loses the rest of a document.

Handles straight and curly double quotes, « » and » «, „ “, ‚ ‘ and ‘ ’ used as quote marks, the
newspaper convention of an opening mark on every paragraph of a long quote with only the last
one closed, nested quotes (reported inside the outer one), inch marks and stray marks.
The state resets at every paragraph boundary, so an unbalanced mark costs one paragraph at most.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

WORD = re.compile(r"\w+")
_OPEN_CONTEXT = set("([{—–-/:\u00a0") | {"\n", "\t", " "}
_CLOSE_FOLLOW = set(" \t\n\u00a0.,;:!?)]}—–-…'’\"”»«“")
_DOUBLE = set('"“”„«»')

# For each opening mark: the marks that may close it.
_CLOSERS: dict[str, str] = {
    '"': '"”“',
    "”": '”"',
    "“": '”"“',
    "„": '“”"',
    "«": "»",
    "»": "«",
    "‚": "‘’",
    "‘": "’",
}


@dataclass(slots=True)
class Paragraph:
    index: int
    start: int
    end: int


@dataclass(slots=True)
class QuoteSpan:
    """One quoted run inside a single paragraph.

    ``start``/``end`` include the marks (``end`` is exclusive); an unclosed run that goes on in
    the next paragraph ends at its paragraph's end and has ``continued`` set; the run that
    carries it on has ``continues`` = index of the previous run in the document's list.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    paragraph: int
    open_mark: str
    close_mark: str | None
    continued: bool = False
    continues: int | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def closed(self) -> bool:
        return self.close_mark is not None

    def inner(self, text: str) -> str:
        return text[self.inner_start : self.inner_end]

    def word_count(self, text: str) -> int:
        return len(WORD.findall(self.inner(text)))


def paragraphs(text: str) -> list[Paragraph]:
    """Split on blank lines where the text uses them, else on every line break."""
    blank = re.compile(r"\n[ \t\u00a0]*\n")
    splitter = blank if len(blank.findall(text)) >= 2 else re.compile(r"\n")
    out: list[Paragraph] = []
    pos = 0
    for match in splitter.finditer(text):
        _add_paragraph(out, text, pos, match.start())
        pos = match.end()
    _add_paragraph(out, text, pos, len(text))
    return out


def _add_paragraph(out: list[Paragraph], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Paragraph(len(out), start, end))


def _left_flanking(text: str, i: int, start: int) -> bool:
    """Looks like an opening mark: something follows, and whitespace or punctuation precedes."""
    nxt = text[i + 1] if i + 1 < len(text) else " "
    prev = text[i - 1] if i > start else " "
    return not nxt.isspace() and (prev in _OPEN_CONTEXT or prev in _CLOSERS or prev.isspace())


def _right_flanking(text: str, i: int, end: int) -> bool:
    """Looks like a closing mark: something precedes, and whitespace or punctuation follows."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < end else " "
    return not prev.isspace() and (nxt in _CLOSE_FOLLOW or nxt.isspace())


def _opens(text: str, i: int, para: Paragraph, singles_allowed: bool) -> bool:
    c = text[i]
    if c == '"':
        prev = text[i - 1] if i > para.start else " "
        if prev.isdigit() and not _left_flanking(text, i, para.start):
            return False  # an inch mark: 5'11"
        return _left_flanking(text, i, para.start) or not _right_flanking(text, i, para.end)
    if c in "„«":
        return True
    if c == "“":
        return i + 1 < para.end and not text[i + 1].isspace()
    if c == "»":
        return _left_flanking(text, i, para.start) and not _right_flanking(text, i, para.end)
    if c == "”":
        # a typo'd opener: ”Text ...” at the start of a paragraph or after a space
        later = text.find("”", i + 1, para.end)
        return later > 0 and _left_flanking(text, i, para.start) and text[i + 1].isalnum()
    if c in "‚‘":
        return singles_allowed and _left_flanking(text, i, para.start)
    return False


def _closes(text: str, i: int, para: Paragraph, open_mark: str) -> bool:
    c = text[i]
    if c not in _CLOSERS[open_mark]:
        return False
    if c == "’":
        nxt = text[i + 1] if i + 1 < para.end else " "
        return not nxt.isalnum() and _right_flanking(text, i, para.end)
    if c == "“" and open_mark == "“":
        return _right_flanking(text, i, para.end)
    if c == '"' or (c == "«" and open_mark == "»"):
        return _right_flanking(text, i, para.end) or not _left_flanking(text, i, para.start)
    return True


def _scan_paragraph(text: str, para: Paragraph) -> list[QuoteSpan]:
    body = text[para.start : para.end]
    singles_allowed = not any(c in _DOUBLE for c in body)
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    open_mark = ""
    for i in range(para.start, para.end):
        c = text[i]
        if c not in _CLOSERS and c not in "’«»“":
            continue
        if open_at is None:
            if c in _CLOSERS and _opens(text, i, para, singles_allowed):
                open_at, open_mark = i, c
            continue
        if _closes(text, i, para, open_mark):
            spans.append(QuoteSpan(open_at, i + 1, open_at + 1, i, para.index, open_mark, c))
            open_at = None
    if open_at is not None:
        span = QuoteSpan(open_at, para.end, open_at + 1, para.end, para.index, open_mark, None)
        span.notes.append("no closing mark in its paragraph")
        spans.append(span)
    return spans


def _starts_with_opener(para: Paragraph, spans: list[QuoteSpan]) -> bool:
    return bool(spans) and spans[0].start == para.start


def find_quotes(text: str, paras: list[Paragraph] | None = None) -> list[QuoteSpan]:
    """Every top-level quoted run of ``text``, in order, with continuations linked."""
    paras = paragraphs(text) if paras is None else paras
    out: list[QuoteSpan] = []
    previous_unclosed: int | None = None
    for para in paras:
        spans = _scan_paragraph(text, para)
        if previous_unclosed is not None and _starts_with_opener(para, spans):
            out[previous_unclosed].continued = True
            spans[0].continues = previous_unclosed
        elif previous_unclosed is not None:
            _trim_unclosed(text, out, previous_unclosed)
        previous_unclosed = None
        for span in spans:
            out.append(span)
        if spans and not spans[-1].closed:
            previous_unclosed = len(out) - 1
    if previous_unclosed is not None:
        _trim_unclosed(text, out, previous_unclosed)
    return [s for s in out if s.word_count(text) > 0]


def _trim_unclosed(text: str, out: list[QuoteSpan], index: int) -> None:
    """An unclosed run that does not go on: keep it, but say the mark was unbalanced."""
    out[index].notes.append("unbalanced mark: quote runs to the end of its paragraph")


class SpanIndex:
    """Which offsets lie inside a quote, by binary search over the (sorted, disjoint) spans."""

    def __init__(self, spans: list[QuoteSpan]) -> None:
        self.spans = spans
        self.starts = [s.start for s in spans]

    def covering(self, offset: int) -> QuoteSpan | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and self.spans[i].start <= offset < self.spans[i].end:
            return self.spans[i]
        return None

    def covers(self, offset: int) -> bool:
        return self.covering(offset) is not None

    def within(self, start: int, end: int) -> list[QuoteSpan]:
        """Spans overlapping ``[start, end)``."""
        lo = max(bisect.bisect_right(self.starts, start) - 1, 0)
        hi = bisect.bisect_left(self.starts, end)
        return [s for s in self.spans[lo:hi] if s.start < end and start < s.end]
