"""The TUI's one door into the store: each call opens a session, runs one query, closes it.

Screens never touch sessions or ORM objects; they get the plain rows of ``quotes.store.rows``.
Filters come as one ``QuoteFilter``; speaker names are resolved by the store's one policy
(``resolve_speaker_filter``).
Calls are safe from worker threads (one session per call; SQLite files allow it).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Protocol, cast

from sqlalchemy.engine import Engine
from textual.dom import DOMNode

from quotes.errors import QuotesError
from quotes.store import db, read, search, speakers, write
from quotes.store import exchanges as links
from quotes.store.filters import QuoteFilter
from quotes.store.rows import ExchangeRow, QuoteDetail, QuoteRow, SpeakerRow


class Library:
    """Read (and correct) the quote store behind one engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str | None = None) -> Library:
        """Open (and create if needed) the store at ``url`` (default: the configured one)."""
        engine = db.make_engine(url)
        db.init_db(engine)
        return cls(engine)

    def speakers(self, query: str | None = None, limit: int | None = 500) -> list[SpeakerRow]:
        with db.session_scope(self.engine) as session:
            return speakers.list_speakers(session, query=query or None, limit=limit)

    def find_speaker(self, name: str) -> SpeakerRow | None:
        with db.session_scope(self.engine) as session:
            return speakers.find_speaker(session, name)

    def resolve_speaker(self, text: str) -> SpeakerRow:
        """The one speaker ``text`` names (``UnknownSpeaker`` / ``AmbiguousSpeaker`` else)."""
        with db.session_scope(self.engine) as session:
            return speakers.resolve_speaker_filter(session, text)

    def timeline(
        self,
        speaker_id: int,
        offset: int = 0,
        limit: int | None = None,
        filters: QuoteFilter | None = None,
    ) -> list[QuoteRow]:
        with db.session_scope(self.engine) as session:
            return read.speaker_timeline(
                session, speaker_id, filters or QuoteFilter(), offset=offset, limit=limit
            )

    def count_timeline(self, speaker_id: int, filters: QuoteFilter | None = None) -> int:
        with db.session_scope(self.engine) as session:
            return read.count_timeline(session, speaker_id, filters or QuoteFilter())

    def parties(self) -> list[str]:
        with db.session_scope(self.engine) as session:
            return links.parties(session)

    def busiest_pair(self) -> tuple[str, str] | None:
        with db.session_scope(self.engine) as session:
            return links.busiest_pair(session)

    def exchanges(
        self, party_a: str | None = None, party_b: str | None = None
    ) -> list[ExchangeRow]:
        with db.session_scope(self.engine) as session:
            return links.exchanges(session, party_a=party_a, party_b=party_b)

    def search(
        self,
        query: str,
        filters: QuoteFilter | None = None,
        *,
        limit: int = 200,
        sort: str = "relevance",
    ) -> list[QuoteRow]:
        """Keyword search (an empty ``query`` with filters lists what they keep, newest
        first); ``sort``: "relevance" or "date". ``QueryError`` on a query that cannot be run."""
        with db.session_scope(self.engine) as session:
            return search.search_quotes(
                session, query, filters or QuoteFilter(), limit=limit, sort=sort
            )

    def cited(self, rows: Sequence[QuoteRow]) -> tuple[list[QuoteRow], dict[int, list[QuoteRow]]]:
        """What an export cites: each statement's earliest version, and by its id the other
        versions (``quotes.export.earliest_sources``), as ``quotes export`` does."""
        from quotes.export import earliest_sources

        with db.session_scope(self.engine) as session:
            return earliest_sources(rows, read.statement_sources(session, rows))

    def detail(self, quote_id: int) -> QuoteDetail:
        with db.session_scope(self.engine) as session:
            return read.quote_detail(session, quote_id)

    def delete(self, quote_id: int, note: str | None = None) -> None:
        """Store a user correction: this is no quote; it leaves the store now and stays out on
        every re-ingest."""
        with db.session_scope(self.engine) as session:
            write.correct_quote(session, quote_id, wrong=True, note=note)

    def correct(
        self,
        quote_id: int,
        *,
        speaker: str | None = None,
        type: str | None = None,
        note: str | None = None,
    ) -> QuoteDetail:
        """Store a user correction of the speaker and/or type (it wins over re-extraction);
        returns the quote as it reads now."""
        with db.session_scope(self.engine) as session:
            write.correct_quote(
                session, quote_id, wrong=False, speaker=speaker, type=type, note=note
            )
            return read.quote_detail(session, quote_id)


def quotes_of(exchanges: Sequence[ExchangeRow]) -> list[QuoteRow]:
    """Every quote in ``exchanges`` once, in date order (for export)."""
    seen: dict[int, QuoteRow] = {}
    for link in exchanges:
        for row in (link.statement, link.response):
            seen.setdefault(row.id, row)
    return sorted(seen.values(), key=lambda r: (r.published or date.min, r.id))


class HasLibrary(Protocol):
    library: Library
    generation: int  # bumped on every stored correction, so modes know to reload
    export_dir: Path  # where exports go (the last folder written to)

    def wrote(self, path: Path) -> None: ...

    def prepare_modes(self) -> None: ...  # build the other modes' screens in the background


def report_from_thread(node: DOMNode, err: QuotesError) -> None:
    """Show a store error raised in a worker thread as a notification (the app keeps going)."""
    node.app.call_from_thread(node.app.notify, err.message, title=err.title, severity="error")


def app_of(node: DOMNode) -> HasLibrary:
    """The running quotes app, seen through what screens need of it."""
    return cast(HasLibrary, node.app)
