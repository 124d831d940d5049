"""The database tables (SQLModel): articles, speakers and their aliases and roles, quotes,
exchange links and user corrections. Engines come from ``quotes.store.db``.

Read-side code never hands these objects out: ``quotes.store.read`` and friends turn them into
the plain rows of ``quotes.store.rows``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import BigInteger, Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def _now() -> datetime:
    return datetime.now(UTC)


class Article(SQLModel, table=True):
    """One ingested article; ``content_hash`` (SHA-256 of the text) makes ingest idempotent."""

    id: int | None = Field(default=None, primary_key=True)
    title: str | None = None
    outlet: str | None = Field(default=None, index=True)
    url: str | None = Field(default=None, index=True)
    path: str | None = Field(default=None, index=True)
    published: date | None = Field(default=None, index=True)
    date_text: str | None = None  # the date as given ("2023-02" where only the month is known)
    content_hash: str = Field(index=True, unique=True, max_length=64)
    text: str = Field(sa_column=Column(Text, nullable=False))
    ingested_at: datetime = Field(default_factory=_now)


class Speaker(SQLModel, table=True):
    """A resolved speaker across articles: a person or an institution."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)  # canonical: the fullest name seen
    key: str = Field(index=True)  # normalised name (titles stripped, lower case, no accents)
    surname: str | None = Field(default=None, index=True)
    kind: str = "unknown"  # person / institution / unknown
    country: str | None = Field(default=None, index=True)


class Alias(SQLModel, table=True):
    """A name under which a speaker was seen ("Blinken", "Antony Blinken")."""

    __table_args__ = (UniqueConstraint("speaker_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    speaker_id: int = Field(foreign_key="speaker.id", index=True)
    name: str
    key: str = Field(index=True)


class RoleSpell(SQLModel, table=True):
    """A role seen for a speaker in one article at one date: the role history."""

    id: int | None = Field(default=None, primary_key=True)
    speaker_id: int = Field(foreign_key="speaker.id", index=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    title: str | None = None
    affiliation: str | None = None
    seen: date | None = None


class Quote(SQLModel, table=True):
    """One statement in one article, with the extractor's evidence."""

    __table_args__ = (Index("ix_quote_article_start", "article_id", "start"),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    speaker_id: int | None = Field(default=None, foreign_key="speaker.id", index=True)
    position: int = 0  # index in the extractor's quote list
    start: int
    end: int
    text: str = Field(sa_column=Column(Text, nullable=False))
    form: str = "direct"
    type: str = Field(default="statement", index=True)
    target: str | None = None
    cue: str | None = None
    confidence: float = 0.0
    evidence: str = "[]"  # JSON list of strings
    role: str | None = None  # the speaker's role as seen in this article
    affiliation: str | None = None
    mention_start: int | None = None
    mention_end: int | None = None
    mention_text: str | None = None
    paragraph: int = 0
    corrected: bool = False
    statement_id: int | None = Field(default=None, index=True)  # its ``Statement`` (copies)


class Statement(SQLModel, table=True):
    """One utterance reported by one or more quotes (its versions): copies in other outlets,
    partial quotes, other translations. Kept up to date by ``quotes.store.statements``."""

    __table_args__ = (Index("ix_statement_speaker_last", "speaker_id", "last_date"),)

    id: int | None = Field(default=None, primary_key=True)
    speaker_id: int | None = Field(default=None, index=True)  # the earliest version's
    first_quote_id: int = Field(index=True)  # the earliest version: the source to cite
    first_date: date | None = Field(default=None, index=True)
    last_date: date | None = Field(default=None, index=True)
    versions: int = 1
    outlets: int = 1
    drift: bool = False  # versions differ in words that change the meaning


class StatementShingle(SQLModel, table=True):
    """Hashes of four-word runs of a statement's versions: finds a copy attributed to another
    speaker without reading the store (``quotes.nlp.variants.shingles``)."""

    __table_args__ = (UniqueConstraint("hash", "statement_id"),)

    id: int | None = Field(default=None, primary_key=True)
    hash: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))
    statement_id: int = Field(index=True)


class Exchange(SQLModel, table=True):
    """``response`` answers ``statement``; within one article or across articles."""

    __table_args__ = (UniqueConstraint("statement_id", "response_id"),)

    id: int | None = Field(default=None, primary_key=True)
    statement_id: int = Field(foreign_key="quote.id", index=True)
    response_id: int = Field(foreign_key="quote.id", index=True)
    cross_article: bool = False
    score: float = 1.0
    reason: str | None = None


class Correction(SQLModel, table=True):
    """A user correction, keyed by the quote's fingerprint (its normalised words and its place
    in its paragraph: ``quotes.text.quote_fingerprint``) so it survives edits elsewhere in the
    article; the article version and offsets it was made on are kept too."""

    __table_args__ = (UniqueConstraint("content_hash", "start", "end"),)

    id: int | None = Field(default=None, primary_key=True)
    content_hash: str = Field(index=True, max_length=64)
    start: int
    end: int
    fingerprint: str | None = Field(default=None, index=True, max_length=64)
    wrong: bool = False  # not a quote at all: dropped on every ingest
    speaker: str | None = None
    type: str | None = None
    note: str | None = None
    created_at: datetime = Field(default_factory=_now)
