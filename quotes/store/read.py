"""Reading quotes: lists, timelines, rows by id, one quote in detail, and table counts.

Plain functions taking a ``Session`` and a ``QuoteFilter``, returning the rows of
``quotes.store.rows``; never ORM objects.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from quotes.errors import QueryError
from quotes.nlp.transcript import questions_before
from quotes.store.db import columns
from quotes.store.filters import QuoteFilter
from quotes.store.rows import QuoteDetail, QuoteRow
from quotes.store.tables import Article, Exchange, Quote, Speaker, Statement
from quotes.text import paragraph_bounds

NO_FILTER = QuoteFilter()


def _responds_to() -> Any:
    return (
        select(Exchange.statement_id)
        .where(Exchange.response_id == Quote.id)
        .order_by(col(Exchange.cross_article), col(Exchange.id))
        .limit(1)
        .scalar_subquery()
    )


ROW_COLUMNS: tuple[Any, ...] = (
    Quote.id,
    Quote.text,
    Quote.form,
    Quote.type,
    Quote.target,
    Quote.confidence,
    Quote.speaker_id,
    Speaker.name,
    Quote.role,
    func.coalesce(Speaker.country, Quote.affiliation),
    Quote.article_id,
    Article.title,
    Article.outlet,
    Article.url,
    Article.published,
)


AFTER_CHARS = 60  # how much of the text after a quote a row carries

_ROW_EXTRAS: tuple[Any, ...] = (
    Article.date_text,
    Quote.cue,
    Quote.start,
    Quote.end,
    Quote.paragraph,
    func.substr(Article.text, Quote.end + 1, AFTER_CHARS),
    Quote.statement_id,
    func.coalesce(Statement.versions, 1),
    func.coalesce(Statement.outlets, 1),
    func.coalesce(Statement.drift, False),
)


def row_select(*extra: Any) -> Select[Any]:
    """SELECT of everything a ``QuoteRow`` needs (plus ``extra`` columns)."""
    return (
        columns(*ROW_COLUMNS, _responds_to(), *_ROW_EXTRAS, *extra)
        .select_from(Quote)
        .join(Article, col(Article.id) == col(Quote.article_id))
        .outerjoin(Speaker, col(Speaker.id) == col(Quote.speaker_id))
        .outerjoin(Statement, col(Statement.id) == col(Quote.statement_id))
    )


def one_per_statement(speaker_ids: tuple[int, ...] = ()) -> ColumnElement[bool]:
    """Keeps one row per statement, its earliest version (and every ungrouped quote); needs
    ``row_select``'s join of ``Statement``. With ``speaker_ids`` (a timeline), the earliest
    version by those speakers: a statement whose earliest version an outlet credited to
    someone else (the ministry, the country) still shows in the speaker's timeline."""
    if not speaker_ids:
        return or_(
            col(Quote.statement_id).is_(None), col(Statement.first_quote_id) == col(Quote.id)
        )
    other, other_article = aliased(Quote), aliased(Article)
    never = date.max
    day, other_day = (
        func.coalesce(Article.published, never),
        func.coalesce(other_article.published, never),
    )
    earlier = (
        select(other.id)
        .join(other_article, col(other_article.id) == col(other.article_id))
        .where(
            col(other.statement_id) == col(Quote.statement_id),
            col(other.speaker_id).in_(speaker_ids),
            or_(other_day < day, (other_day == day) & (col(other.id) < col(Quote.id))),
        )
        .exists()
    )
    return or_(col(Quote.statement_id).is_(None), ~earlier)


def to_row(values: Sequence[Any], rank: float | None = None) -> QuoteRow:
    """A ``QuoteRow`` from one result of ``row_select``."""
    base = list(values[: len(ROW_COLUMNS)])
    responds, date_text, cue, start, end, paragraph, after, statement, versions, outlets, drift = (
        values[len(ROW_COLUMNS) : len(ROW_COLUMNS) + 1 + len(_ROW_EXTRAS)]
    )
    return QuoteRow(  # type: ignore[misc]
        *base,
        responds_to=responds,
        rank=rank,
        date_text=date_text,
        cue=cue,
        start=start,
        end=end,
        paragraph=paragraph,
        after=after,
        statement_id=statement,
        versions=int(versions or 1),
        outlets=int(outlets or 1),
        drift=bool(drift),
    )


def _date_order() -> tuple[Any, ...]:
    return (
        col(Article.published).is_(None),
        col(Article.published),
        col(Article.id),
        col(Quote.start),
    )


def newest_first() -> tuple[Any, ...]:
    """Newest article first (undated last); a tie keeps the article's own order."""
    return (
        col(Article.published).is_(None),
        col(Article.published).desc(),
        col(Article.id).desc(),
        col(Quote.start),
    )


def list_quotes(
    session: Session,
    filters: QuoteFilter = NO_FILTER,
    *,
    limit: int | None = None,
    offset: int = 0,
    newest: bool = False,
    grouped: bool = True,
) -> list[QuoteRow]:
    """Quotes matching the filters, in date order (what export uses without a query);
    ``newest``: the newest first. ``grouped``: one row per statement, its earliest version
    (with an outlet filter every matching version is listed: the earliest may be elsewhere)."""
    order = newest_first() if newest else _date_order()
    stmt = filters.apply(row_select()).order_by(*order).offset(offset)
    if grouped and not filters.outlet:
        stmt = stmt.where(one_per_statement(filters.speaker_ids))
    if limit is not None:
        stmt = stmt.limit(limit)
    return [to_row(values) for values in session.execute(stmt)]


def speaker_timeline(
    session: Session,
    speaker_id: int,
    filters: QuoteFilter = NO_FILTER,
    *,
    offset: int = 0,
    limit: int | None = None,
    grouped: bool = True,
) -> list[QuoteRow]:
    """A speaker's quotes in date order (undated articles last), within ``filters``; one row
    per statement unless ``grouped`` is False."""
    return list_quotes(
        session, filters.for_speaker(speaker_id), offset=offset, limit=limit, grouped=grouped
    )


def count_timeline(
    session: Session, speaker_id: int, filters: QuoteFilter = NO_FILTER, *, grouped: bool = True
) -> int:
    """How many rows ``speaker_timeline`` would return without a limit (within ``filters``)."""
    if filters.empty and not grouped:
        return int(session.exec(select(func.count()).where(Quote.speaker_id == speaker_id)).one())
    counted = (
        select(func.count(col(Quote.id)))
        .join(Article, col(Article.id) == col(Quote.article_id))
        .outerjoin(Statement, col(Statement.id) == col(Quote.statement_id))
    )
    mine = filters.for_speaker(speaker_id)
    stmt = mine.apply(counted)
    if grouped and not filters.outlet:
        stmt = stmt.where(one_per_statement(mine.speaker_ids))
    return int(session.execute(stmt).scalar_one())


def statement_versions(session: Session, statement_id: int) -> list[QuoteRow]:
    """Every quote of a statement, earliest first (the first is the source to cite)."""
    stmt = row_select().where(col(Quote.statement_id) == statement_id).order_by(*_date_order())
    return [to_row(values) for values in session.execute(stmt)]


def statement_sources(session: Session, rows: Iterable[QuoteRow]) -> dict[int, list[QuoteRow]]:
    """The versions of each statement among ``rows`` that has more than one, earliest first."""
    wanted = sorted({r.statement_id for r in rows if r.statement_id is not None and r.versions > 1})
    out: dict[int, list[QuoteRow]] = {}
    for at in range(0, len(wanted), 500):
        chunk = wanted[at : at + 500]
        stmt = row_select().where(col(Quote.statement_id).in_(chunk)).order_by(*_date_order())
        for values in session.execute(stmt):
            row = to_row(values)
            assert row.statement_id is not None
            out.setdefault(row.statement_id, []).append(row)
    return out


def quotes_by_ids(session: Session, ids: Iterable[int]) -> dict[int, QuoteRow]:
    """Rows for the given quote ids."""
    wanted = list(set(ids))
    if not wanted:
        return {}
    stmt = row_select().where(col(Quote.id).in_(wanted))
    return {row.id: row for row in (to_row(values) for values in session.execute(stmt))}


def quote_detail(session: Session, quote_id: int) -> QuoteDetail:
    """A quote with its paragraph, offsets inside that paragraph, cue and evidence; for a
    transcript statement, the reporter's question before it."""
    row = quotes_by_ids(session, [quote_id]).get(quote_id)
    quote = session.get(Quote, quote_id)
    if row is None or quote is None:
        raise QueryError(f"no quote with id {quote_id}")
    article = session.get(Article, quote.article_id)
    assert article is not None
    left, right = paragraph_bounds(article.text, quote.start, quote.end, quote.paragraph)
    mention_start = mention_end = None
    ms, me = quote.mention_start, quote.mention_end
    if ms is not None and me is not None and left <= ms and me <= right:
        mention_start, mention_end = ms - left, me - left
    try:
        evidence = [str(item) for item in json.loads(quote.evidence or "[]")]
    except (ValueError, TypeError):
        evidence = []
    thread = questions_before(article.text, quote.start) if quote.form == "transcript" else []
    return QuoteDetail(
        quote=row,
        paragraph=article.text[left:right],
        quote_start=quote.start - left,
        quote_end=quote.end - left,
        mention_start=mention_start,
        mention_end=mention_end,
        cue=quote.cue,
        evidence=evidence,
        corrected=quote.corrected,
        question=thread[-1] if thread else None,
        earlier_questions=thread[:-1],
        versions=statement_versions(session, row.statement_id)
        if row.statement_id is not None and row.versions > 1
        else [],
    )


def stats(session: Session) -> dict[str, int]:
    """Counts of the main tables (for summaries and the demo)."""
    return {
        "articles": int(session.exec(select(func.count()).select_from(Article)).one()),
        "quotes": int(session.exec(select(func.count()).select_from(Quote)).one()),
        "speakers": int(session.exec(select(func.count()).select_from(Speaker)).one()),
        "exchanges": int(session.exec(select(func.count()).select_from(Exchange)).one()),
    }
