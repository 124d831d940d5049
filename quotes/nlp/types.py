"""Plain result types of the extractor, shared by the store, CLI, TUI and export."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Form = Literal["direct", "reported", "transcript", "question"]
SpeakerKind = Literal["person", "institution", "unknown"]

STATEMENT_TYPES: tuple[str, ...] = (
    "accuse",
    "condemn",
    "protest",
    "deny",
    "reject",
    "demand",
    "appeal",
    "threaten",
    "warn",
    "acknowledge",
    "support",
    "agree",
    "concede",
    "decline_comment",
    "statement",
)
# The stance each type takes towards its target (the diplomatic scorer's coarse classes).
STANCE: dict[str, str] = {
    **dict.fromkeys(("accuse", "condemn", "protest", "threaten", "warn", "demand"), "hostile"),
    **dict.fromkeys(("deny", "reject", "decline_comment"), "defensive"),
    **dict.fromkeys(("support", "agree", "concede", "acknowledge", "appeal"), "cooperative"),
    "statement": "neutral",
}


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets into the document text, and the text between them."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class ExtractedSpeaker:
    """Who said it: the resolved entity, not the local mention.

    ``name`` is the fullest name seen in the document ("Antony Blinken"), or for unnamed
    institutional speakers a description ("Foreign Ministry spokesperson").
    """

    name: str
    role: str | None = None
    affiliation: str | None = None  # country or organisation the speaker speaks for
    kind: SpeakerKind = "unknown"
    named: bool = True
    mention: Span | None = None  # the local mention that attributes this quote ("he")


@dataclass(slots=True)
class ExtractedQuote:
    """One statement: a direct quote (between marks), a reported statement, or a paragraph of an
    official's answer in a briefing transcript (form "transcript"). Form "question" is no one's
    statement: a reporter's own premise that an answer rejects, kept for the answer's link
    (no speaker; the store does not keep it as a statement)."""

    start: int  # offsets into the document text; for direct quotes they include the marks
    end: int
    text: str  # for direct quotes: what lies between the marks
    form: Form = "direct"
    speaker: ExtractedSpeaker | None = None
    cue: str | None = None
    type: str = "statement"
    target: str | None = None
    responds_to: int | None = None  # index into the document's quote list
    confidence: float = 0.0
    evidence: list[str] = field(default_factory=list)
    paragraph: int = 0  # index of the paragraph holding the opening mark
    type_confidence: float | None = None  # the type model's probability for ``type``

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("paragraph")
        return data


@dataclass(slots=True)
class DocumentMeta:
    path: str | None = None
    title: str | None = None
    date: str | None = None  # ISO date (YYYY-MM-DD) where known
    outlet: str | None = None
    url: str | None = None
    kind: str | None = None  # "transcript" or "article"; None: the extractor decides


@dataclass(slots=True)
class Document:
    """A document's text and metadata, as read from a file."""

    text: str
    meta: DocumentMeta = field(default_factory=DocumentMeta)


@dataclass(slots=True)
class Extraction:
    """What the extractor returns for one document."""

    document: Document
    quotes: list[ExtractedQuote]

    def to_json(self) -> dict[str, Any]:
        return {
            "document": asdict(self.document.meta),
            "quotes": [q.to_json() for q in self.quotes],
        }
