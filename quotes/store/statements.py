"""Grouping quotes into statements, at ingest and incrementally.

A new quote is compared only with candidates an index gives (never with the whole store):
statements of the same or a compatible speaker (same surname) whose dates overlap a window of
``WINDOW_DAYS`` around the quote's (composite index ``speaker_id, last_date``), and statements
sharing a four-word run with it (``StatementShingle``, for a copy attributed to another speaker
or to none). What counts as a version of a statement is decided in ``quotes.nlp.variants``;
here candidates are read, the quote joins the best match or starts a statement, and the
statement's summary (earliest source, versions, outlets, wording drift) is recomputed from its
versions. Every step is idempotent: a quote re-assigned is first detached.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, delete, func, or_
from sqlmodel import Session, col, select

from quotes.nlp.variants import (
    WINDOW_DAYS,
    EmbeddingSimilarity,
    Relation,
    Similarity,
    Version,
    best_relation,
    drift,
    embedding_texts,
    rank,
    relation,
    same_statement,
    shingles,
)
from quotes.store.db import columns
from quotes.store.tables import Article, Quote, Speaker, Statement, StatementShingle

GROUPING = True  # False: quotes are stored ungrouped (the ingest benchmark's baseline)
MAX_CANDIDATES = 40  # statements compared with one new quote, nearest in time first
MAX_VERSIONS = 12  # versions of a candidate statement read for the comparison
UNDATED_CANDIDATES = 20  # an undated quote: the speaker's latest statements only

_similarity: EmbeddingSimilarity | None = None


def similarity() -> Similarity:
    """The process's embedding similarity (its text cache lives as long as the process)."""
    global _similarity
    if _similarity is None:
        _similarity = EmbeddingSimilarity()
    return _similarity


@dataclass(frozen=True, slots=True)
class _Seen:
    """One quote as grouping reads it."""

    quote_id: int
    statement_id: int | None
    version: Version
    outlet: str | None
    article_id: int
    speaker_id: int | None


def _seen_select() -> Select[Any]:
    return (
        columns(
            Quote.id,
            Quote.statement_id,
            Quote.text,
            Speaker.name,
            Article.published,
            Speaker.country,
            Article.outlet,
            Quote.article_id,
            Quote.speaker_id,
        )
        .select_from(Quote)
        .join(Article, col(Article.id) == col(Quote.article_id))
        .outerjoin(Speaker, col(Speaker.id) == col(Quote.speaker_id))
    )


def _seen(values: Sequence[Any]) -> _Seen:
    qid, sid, text, name, published, country, outlet, article_id, speaker_id = values
    return _Seen(
        int(qid),
        sid,
        Version(str(text), name, published, country, article_id),
        outlet,
        article_id,
        speaker_id,
    )


READ_CHUNK = 500


def _read(session: Session, quote_ids: Sequence[int]) -> Iterable[_Seen]:
    """The quotes as grouping reads them, in the order given (read in chunks)."""
    for at in range(0, len(quote_ids), READ_CHUNK):
        chunk = list(quote_ids[at : at + READ_CHUNK])
        stmt = _seen_select().where(col(Quote.id).in_(chunk))
        found = {seen.quote_id: seen for seen in map(_seen, session.execute(stmt))}
        yield from (found[i] for i in chunk if i in found)


def _speaker_ids(session: Session, speaker_id: int | None) -> list[int]:
    """The speaker and those with the same surname (four letters or more)."""
    if speaker_id is None:
        return []
    speaker = session.get(Speaker, speaker_id)
    if speaker is None or not speaker.surname or len(speaker.surname) < 4:
        return [speaker_id]
    same = select(Speaker.id).where(Speaker.surname == speaker.surname).limit(50)
    return sorted({speaker_id, *(i for i in session.exec(same) if i is not None)})


def candidates(session: Session, seen: _Seen) -> list[int]:
    """Ids of the statements a quote may belong to, from the indexes only: the compatible
    speakers' statements around its date, and statements sharing a four-word run."""
    day = seen.version.date
    found: dict[int, None] = {}
    speakers = _speaker_ids(session, seen.speaker_id)
    if speakers:
        by_speaker = select(Statement.id).where(col(Statement.speaker_id).in_(speakers))
        if day is not None:
            window = timedelta(days=WINDOW_DAYS)
            by_speaker = by_speaker.where(
                or_(col(Statement.last_date).is_(None), col(Statement.last_date) >= day - window),
                or_(col(Statement.first_date).is_(None), col(Statement.first_date) <= day + window),
            ).limit(MAX_CANDIDATES)
        else:
            by_speaker = by_speaker.order_by(col(Statement.id).desc()).limit(UNDATED_CANDIDATES)
        found.update(dict.fromkeys(i for i in session.exec(by_speaker) if i is not None))
    hashes = sorted(shingles(seen.version.text))
    if hashes:
        shared = (
            select(StatementShingle.statement_id)
            .where(col(StatementShingle.hash).in_(hashes))
            .distinct()
            .limit(MAX_CANDIDATES)
        )
        found.update(dict.fromkeys(session.exec(shared)))
    found.pop(seen.statement_id or -1, None)
    return list(found)


def _versions(session: Session, statement_ids: Sequence[int]) -> dict[int, list[_Seen]]:
    """Up to ``MAX_VERSIONS`` versions of each statement, earliest stored first."""
    if not statement_ids:
        return {}
    stmt = (
        _seen_select()
        .where(col(Quote.statement_id).in_(list(statement_ids)))
        .order_by(col(Quote.id))
    )
    out: dict[int, list[_Seen]] = {}
    for values in session.execute(stmt):
        seen = _seen(values)
        assert seen.statement_id is not None
        kept = out.setdefault(seen.statement_id, [])
        if len(kept) < MAX_VERSIONS:
            kept.append(seen)
    return out


def _best(session: Session, seen: _Seen, statement_ids: Sequence[int]) -> int | None:
    """The candidate statement this quote is a version of (the closest relation), if any."""
    best: tuple[tuple[int, float], int] | None = None
    for statement_id, versions in _versions(session, statement_ids).items():
        found = best_relation(seen.version, [v.version for v in versions], similarity())
        if found.same and (best is None or rank(found) > best[0]):
            best = (rank(found), statement_id)
    return None if best is None else best[1]


def assign(session: Session, quote_ids: Sequence[int]) -> None:
    """Put each quote in its statement (an existing one it is a version of, else a new one),
    in the order given; then bring the touched statements' summaries up to date."""
    if not GROUPING:
        return
    touched: set[int] = set()
    found = list(_read(session, quote_ids))
    _prepare(session, found)
    for seen in found:
        row = session.get(Quote, seen.quote_id)
        assert row is not None
        if row.statement_id is not None:
            touched.add(row.statement_id)
            row.statement_id = None
        statement_id = _best(session, seen, candidates(session, seen))
        if statement_id is None:
            statement = Statement(
                speaker_id=seen.speaker_id,
                first_quote_id=seen.quote_id,
                first_date=seen.version.date,
                last_date=seen.version.date,
            )
            session.add(statement)
            session.flush()
            assert statement.id is not None
            statement_id = statement.id
        row.statement_id = statement_id
        session.add(row)
        _index(session, statement_id, seen.version.text)
        touched.add(statement_id)
        session.flush()
    refresh(session, touched)


def _prepare(session: Session, found: Sequence[_Seen]) -> None:
    """Encode, in one batch, every text the new quotes may need to be compared with by
    meaning (each encoder call costs tenths of a second, a batch little more than one text)."""
    texts: list[str] = []
    for seen in found:
        for versions in _versions(session, candidates(session, seen)).values():
            others = [v.version for v in versions]
            if any(same_statement(seen.version, other).same for other in others):
                continue  # a match by words: no embedding needed for this statement
            wanted = [t for o in others for t in embedding_texts(seen.version, o)]
            texts += [seen.version.text, *wanted] if wanted else []
    if texts:
        embedder = similarity()
        if isinstance(embedder, EmbeddingSimilarity):
            embedder.prepare(list(dict.fromkeys(texts)))


def _index(session: Session, statement_id: int, text: str) -> None:
    """Add the text's four-word runs to the statement's shingles (each hash once)."""
    hashes = shingles(text)
    if not hashes:
        return
    known = set(
        session.exec(
            select(StatementShingle.hash).where(
                StatementShingle.statement_id == statement_id,
                col(StatementShingle.hash).in_(sorted(hashes)),
            )
        )
    )
    for value in sorted(hashes - known):
        session.add(StatementShingle(hash=value, statement_id=statement_id))


def detach(session: Session, quote_ids: Iterable[int]) -> set[int]:
    """Take quotes out of their statements (before they are deleted or re-assigned);
    returns the statements touched, for ``refresh``."""
    ids = sorted(set(quote_ids))
    if not ids:
        return set()
    rows = session.exec(select(Quote).where(col(Quote.id).in_(ids))).all()
    touched = {row.statement_id for row in rows if row.statement_id is not None}
    for row in rows:
        row.statement_id = None
        session.add(row)
    session.flush()
    return touched


def refresh(session: Session, statement_ids: Iterable[int]) -> None:
    """Recompute each statement's summary from its versions; a statement left without
    versions is deleted with its shingles."""
    for statement_id in sorted(set(statement_ids)):
        statement = session.get(Statement, statement_id)
        if statement is None:
            continue
        versions = _all_versions(session, statement_id)
        if not versions:
            session.exec(
                delete(StatementShingle).where(col(StatementShingle.statement_id) == statement_id)
            )
            session.delete(statement)
            continue
        _summarise(statement, versions)
        session.add(statement)
    session.flush()


def _all_versions(session: Session, statement_id: int) -> list[_Seen]:
    stmt = _seen_select().where(col(Quote.statement_id) == statement_id)
    return [_seen(values) for values in session.execute(stmt)]


def _earliest_key(seen: _Seen) -> tuple[bool, date, int]:
    day = seen.version.date
    return (day is None, day or date.max, seen.quote_id)


def _summarise(statement: Statement, versions: Sequence[_Seen]) -> None:
    """Earliest source, dates, counts and drift of a statement, from all its versions."""
    ordered = sorted(versions, key=_earliest_key)
    first = ordered[0]
    days = [v.version.date for v in versions if v.version.date is not None]
    statement.first_quote_id = first.quote_id
    statement.speaker_id = first.speaker_id
    statement.first_date = min(days) if days else None
    statement.last_date = max(days) if days else None
    statement.versions = len(versions)
    statement.outlets = len({outlet_key(v) for v in versions})
    statement.drift = any(_drifts(first.version.text, v.version.text) for v in ordered[1:])


def outlet_key(seen: _Seen) -> str:
    """The outlet a version appeared in (case-folded; an unnamed outlet: its article)."""
    return (seen.outlet or "").strip().casefold() or f"article {seen.article_id}"


def _drifts(first: str, other: str) -> bool:
    found: Relation = relation(first, other)
    return drift(first, other, "translation" if not found.same else found.kind)


REGROUP_CHUNK = 200  # quotes grouped per step of a regroup (one progress update each)

RegroupProgress = Callable[[str, int, int], None]
"""``(label, done, total)``: called after each step of a regroup (the CLI draws a bar)."""


@dataclass(frozen=True, slots=True)
class Regrouped:
    """What a regroup did: statements before and after, and the quotes now in a statement."""

    before: int
    after: int
    quotes: int


def regroup(
    session: Session, progress: RegroupProgress | None = None, *, chunk: int = REGROUP_CHUNK
) -> Regrouped:
    """Group every stored quote from scratch, oldest article first: a store made before
    statements existed, or after the grouping rules changed. The quotes are grouped ``chunk``
    at a time (each sees the ones before it, as at ingest), ``progress`` told after each."""
    before = _count(session, select(func.count()).select_from(Statement))
    session.exec(delete(StatementShingle))
    for row in session.exec(select(Quote).where(col(Quote.statement_id).is_not(None))):
        row.statement_id = None
        session.add(row)
    session.exec(delete(Statement))
    session.flush()
    order = (
        columns(Quote.id)
        .join(Article, col(Article.id) == col(Quote.article_id))
        .order_by(col(Article.published).is_(None), col(Article.published), col(Quote.id))
    )
    ids = [int(i) for i in session.execute(order).scalars()]
    step = max(1, chunk)
    for at in range(0, len(ids), step):
        assign(session, ids[at : at + step])
        if progress is not None:
            progress("grouping quotes", min(at + step, len(ids)), len(ids))
    grouped = select(func.count()).select_from(Quote).where(col(Quote.statement_id).is_not(None))
    after = _count(session, select(func.count()).select_from(Statement))
    return Regrouped(before=before, after=after, quotes=_count(session, grouped))


def _count(session: Session, stmt: Any) -> int:
    """A ``select(func.count())`` query's number."""
    return int(session.exec(stmt).one())


def regroup_all(session: Session) -> int:
    """Group every stored quote from scratch (``regroup``); returns the number of statements."""
    return regroup(session).after
