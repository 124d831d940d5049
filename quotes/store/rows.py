"""Read-side rows returned by the store's reads and search, consumed by CLI, TUI and export.

Plain frozen dataclasses: no ORM objects cross the store boundary, so callers never touch a
closed session.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    id: int
    name: str
    kind: str  # person / institution / unknown
    country: str | None
    latest_role: str | None
    quote_count: int  # every stored quote, copies in several outlets included
    statement_count: int = 0  # what they said: a statement's copies count once (issue 18)


@dataclass(frozen=True, slots=True)
class QuoteRow:
    id: int
    text: str
    form: str  # direct / reported
    type: str
    target: str | None
    confidence: float
    speaker_id: int | None
    speaker: str | None
    role: str | None  # the speaker's role as seen in this article (role at the time)
    country: str | None
    article_id: int
    title: str | None
    outlet: str | None
    url: str | None
    published: date | None
    responds_to: int | None = None  # id of the quote this one answers
    rank: float | None = None  # search rank where it came from a search
    date_text: str | None = None  # the article date as given ("2023-02" when only the month)
    cue: str | None = None  # the reporting verb ("said", "told")
    start: int | None = None  # offsets in the article text (marks included for direct quotes)
    end: int | None = None
    paragraph: int | None = None  # index of the paragraph holding the quote
    after: str | None = None  # the article text just after the quote (a split quote's cue)
    statement_id: int | None = None  # the statement this quote is a version of
    versions: int = 1  # quotes of that statement (this one included)
    outlets: int = 1  # outlets that reported it (this one included)
    drift: bool = False  # its versions differ in words that change the meaning

    @property
    def other_outlets(self) -> int:
        """Outlets besides this row's that reported the same statement ("+4 outlets")."""
        return max(self.outlets - 1, 0)

    @property
    def statement_key(self) -> tuple[str, int]:
        """What this row says, once however many outlets copied it: its statement, or the
        quote itself where it is in none."""
        if self.statement_id is not None:
            return ("statement", self.statement_id)
        return ("quote", self.id)


@dataclass(frozen=True, slots=True)
class QuoteDetail:
    quote: QuoteRow
    paragraph: str  # the paragraph holding the quote
    quote_start: int  # offsets of the quote (marks included) inside ``paragraph``
    quote_end: int
    mention_start: int | None  # offsets of the speaker mention inside ``paragraph``, if there
    mention_end: int | None
    cue: str | None
    evidence: list[str] = field(default_factory=list)
    corrected: bool = False  # a user correction overrides the extractor
    question: str | None = None  # a transcript statement: the reporter's question it answers
    # the questions a short follow-up ("And your response to that?") points back to, earliest first
    earlier_questions: list[str] = field(default_factory=list)
    versions: list[QuoteRow] = field(default_factory=list)  # its statement's, earliest first


@dataclass(frozen=True, slots=True)
class ExchangeRow:
    """One link: ``response`` answers ``statement`` (a denial answering an accusation)."""

    statement: QuoteRow
    response: QuoteRow
    cross_article: bool
