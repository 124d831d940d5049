"""``QuoteFilter``: which quotes a list, a timeline, a search or an export is about.

One frozen value (speakers, statement type, date range, outlet) built once by the CLI or the
TUI and passed down whole to the store's reads and search, instead of five loose arguments.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import Select, func
from sqlmodel import Session, col

from quotes.dates import parse_date
from quotes.errors import QueryError
from quotes.nlp.types import STATEMENT_TYPES
from quotes.store.speakers import resolve_speaker_filter
from quotes.store.tables import Article, Quote


def check_type(type: str | None) -> str | None:
    """Validate a statement type filter (``QueryError`` listing the valid ones)."""
    if type is None:
        return None
    value = type.strip().lower().replace("-", "_")
    if value not in STATEMENT_TYPES:
        raise QueryError(
            f"unknown statement type {type!r}; use one of {', '.join(STATEMENT_TYPES)}"
        )
    return value


@dataclass(frozen=True, slots=True)
class QuoteFilter:
    """Quotes by these speakers (any of the ids), of this type, in articles published in
    ``[since, until]`` by an outlet whose name contains ``outlet``. Empty fields do not filter.

    The type is checked and normalised on construction (``QueryError`` when unknown).
    """

    speaker_ids: tuple[int, ...] = ()
    type: str | None = None
    since: date | None = None
    until: date | None = None
    outlet: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "type", check_type(self.type))

    @property
    def empty(self) -> bool:
        """True when nothing is filtered."""
        return not (self.speaker_ids or self.type or self.since or self.until or self.outlet)

    def for_speaker(self, speaker_id: int) -> QuoteFilter:
        """The same filter, about one speaker only."""
        return replace(self, speaker_ids=(speaker_id,))

    def apply(self, stmt: Select[Any]) -> Select[Any]:
        """``stmt`` (joining ``Quote`` and ``Article``) narrowed to the quotes this filter keeps."""
        if self.speaker_ids:
            stmt = stmt.where(col(Quote.speaker_id).in_(self.speaker_ids))
        if self.type is not None:
            stmt = stmt.where(col(Quote.type) == self.type)
        if self.since is not None:
            stmt = stmt.where(col(Article.published) >= self.since)
        if self.until is not None:
            stmt = stmt.where(col(Article.published) <= self.until)
        if self.outlet:
            needle = self.outlet.strip().lower()
            stmt = stmt.where(func.lower(Article.outlet).contains(needle, autoescape=True))
        return stmt


def filter_from_options(
    session: Session,
    *,
    speaker: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
) -> QuoteFilter:
    """The filter the user typed: a speaker name resolved to its id
    (``resolve_speaker_filter``), dates read by ``quotes.dates.parse_date`` (``until`` to the
    end of its year or month). Unknown speakers, types and dates are ``QueryError``s."""
    ids = (resolve_speaker_filter(session, speaker).id,) if speaker and speaker.strip() else ()
    return QuoteFilter(
        speaker_ids=ids,
        type=type,
        since=parse_date(since),
        until=parse_date(until, end=True),
        outlet=outlet,
    )
