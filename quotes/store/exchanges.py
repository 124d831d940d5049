"""Exchanges in the store: reading the links (pairs, parties, the busiest pair) and writing
them, inside one article (the extractor's ``responds_to``) and across articles.

What answers what is decided in ``quotes.nlp.exchanges`` (``exchange_score``); here the sides
are read from the database and the links written back.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import case, delete, func
from sqlalchemy import select as sa_select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from quotes.config import link_window_days
from quotes.nlp.classify import ANSWERS, CHARGES
from quotes.nlp.exchanges import FRAGMENT_CHARS, Side, exchange_score, may_answer
from quotes.nlp.lexicon import fold
from quotes.nlp.statement_model import reporting_clause
from quotes.nlp.types import ExtractedQuote
from quotes.store.db import columns
from quotes.store.read import quotes_by_ids
from quotes.store.rows import ExchangeRow, QuoteRow
from quotes.store.tables import Article, Exchange, Quote, Speaker


def parties(session: Session) -> list[str]:
    """Countries and organisations that speak or are targeted, alphabetically."""
    names: dict[str, str] = {}
    speaking = select(Speaker.country).where(col(Speaker.country).is_not(None)).distinct()
    targeted = select(Quote.target).where(col(Quote.target).is_not(None)).distinct()
    affiliated = select(Quote.affiliation).where(col(Quote.affiliation).is_not(None)).distinct()
    for stmt in (speaking, targeted, affiliated):
        for value in session.exec(stmt):
            if value and value.strip():
                names.setdefault(fold(value.strip()), value.strip())
    return sorted(names.values(), key=str.casefold)


def _involves(row: QuoteRow, party: str) -> bool:
    wanted = fold(party.strip())
    return any(
        value is not None and fold(value) == wanted
        for value in (row.country, row.target, row.speaker)
    )


def exchanges(
    session: Session,
    party_a: str | None = None,
    party_b: str | None = None,
    within_days: int | None = None,
) -> list[ExchangeRow]:
    """Statement/response pairs, oldest first; with parties, only pairs involving them; with
    ``within_days``, only pairs whose articles are at most that many days apart."""
    links = list(
        session.exec(select(Exchange.statement_id, Exchange.response_id, Exchange.cross_article))
    )
    rows = quotes_by_ids(session, [i for s, r, _c in links for i in (s, r)])
    result: list[ExchangeRow] = []
    for statement_id, response_id, cross_article in links:
        statement, response = rows.get(statement_id), rows.get(response_id)
        if statement is None or response is None:
            continue
        pair = ExchangeRow(statement, response, bool(cross_article))
        if within_days is not None and not _within(pair, within_days):
            continue
        if all(
            party is None or _involves(statement, party) or _involves(response, party)
            for party in (party_a, party_b)
        ):
            result.append(pair)
    result.sort(key=lambda x: (x.statement.published or date.max, x.statement.id, x.response.id))
    return _one_per_statement_pair(result)


def _one_per_statement_pair(pairs: list[ExchangeRow]) -> list[ExchangeRow]:
    """Exchanges link statements, not copies: of the links between two statements (an
    answer reported by four outlets, each linked to the charge) the earliest is kept."""
    seen: set[tuple[tuple[str, int], tuple[str, int]]] = set()
    kept: list[ExchangeRow] = []
    for pair in pairs:
        key = (pair.statement.statement_key, pair.response.statement_key)
        if key not in seen:
            seen.add(key)
            kept.append(pair)
    return kept


def _within(pair: ExchangeRow, days: int) -> bool:
    """Whether the two sides' articles are at most ``days`` apart (undated sides pass)."""
    said, answered = pair.statement.published, pair.response.published
    return said is None or answered is None or abs((answered - said).days) <= days


def busiest_pair(session: Session) -> tuple[str, str] | None:
    """The two parties (speakers' countries) with the most exchange links between them; the
    one whose statement came first is on the left. Counted in the database, not in Python."""
    said, answered = aliased(Quote), aliased(Quote)
    said_by, answered_by = aliased(Speaker), aliased(Speaker)
    said_article = aliased(Article)
    a = func.coalesce(said_by.country, said.affiliation)
    b = func.coalesce(answered_by.country, answered.affiliation)
    stmt = (
        sa_select(a, b, func.count(), func.min(said_article.published), func.min(said.id))
        .select_from(Exchange)
        .join(said, col(said.id) == col(Exchange.statement_id))
        .join(answered, col(answered.id) == col(Exchange.response_id))
        .join(said_article, col(said_article.id) == col(said.article_id))
        .outerjoin(said_by, col(said_by.id) == col(said.speaker_id))
        .outerjoin(answered_by, col(answered_by.id) == col(answered.speaker_id))
        .where(a.is_not(None), b.is_not(None), a != b)
        .group_by(a, b)
    )
    counts: dict[frozenset[str], int] = {}
    earliest: dict[frozenset[str], tuple[date, int, tuple[str, str]]] = {}
    for left, right, links, first_day, first_id in session.execute(stmt):
        key = frozenset((left, right))
        counts[key] = counts.get(key, 0) + links
        order = (first_day or date.max, first_id, (left, right))
        earliest[key] = min(earliest.get(key, order), order)
    if not counts:
        return None
    best = max(counts, key=lambda k: (counts[k], sorted(k)))
    return earliest[best][2]


# -- writing links -----------------------------------------------------------------------------


def link_within(
    session: Session, quotes: Sequence[ExtractedQuote], rows: Sequence[Quote | None]
) -> None:
    """The extractor's in-article links (``responds_to``) as ``Exchange`` rows; ``rows`` are
    the stored quotes in ``quotes`` order (None where a correction dropped one)."""
    for quote, row in zip(quotes, rows, strict=True):
        index = quote.responds_to
        if row is None or index is None or not 0 <= index < len(rows):
            continue
        statement = rows[index]
        if statement is None or statement is row:
            continue
        assert statement.id is not None and row.id is not None
        session.add(Exchange(statement_id=statement.id, response_id=row.id, reason="extractor"))


def _sides(session: Session, types: frozenset[str], lo: date, hi: date) -> list[Side]:
    """The stored quotes of these types in articles published in ``[lo, hi]``."""
    stmt = (
        columns(
            Quote.id,
            Quote.article_id,
            Article.published,
            Quote.type,
            Quote.target,
            func.coalesce(Speaker.country, Quote.affiliation),
            Speaker.name,
            Quote.text,
            Quote.start,
            _around_fragment(),
        )
        .join(Article, col(Article.id) == col(Quote.article_id))
        .outerjoin(Speaker, col(Speaker.id) == col(Quote.speaker_id))
        .where(col(Quote.type).in_(sorted(types)))
        .where(col(Article.published) >= lo, col(Article.published) <= hi)
    )
    sides = []
    for (
        id_,
        article,
        published,
        type_,
        target,
        country,
        speaker,
        text,
        start,
        window,
    ) in session.execute(stmt):
        clause = _clause(window, text, start)
        sides.append(
            Side.of(id_, article, published, type_, target, country, speaker, text, clause)
        )
    return sides


_REACH = 300  # characters read either side of a fragment for its sentence


def _around_fragment() -> Any:
    """SQL for the article text around a short quote ('' for longer ones): SQLite and
    PostgreSQL both count ``substr`` from 1, so the start is clamped there."""
    first = case((col(Quote.start) > _REACH, col(Quote.start) - _REACH + 1), else_=1)
    length = col(Quote.end) - first + 1 + _REACH
    return case(
        (func.length(col(Quote.text)) <= FRAGMENT_CHARS, func.substr(Article.text, first, length)),
        else_="",
    )


def _clause(window: str | None, text: str, start: int) -> str:
    """The reporting clause of a fragment read from ``window`` (the text from
    ``max(0, start - _REACH)``), or ''."""
    if not window:
        return ""
    offset = min(start, _REACH)
    at = window.find(text, offset)
    if at < 0:
        return ""
    return reporting_clause(window, at, at + len(text))


def link_across(session: Session, article_id: int, window_days: int | None = None) -> int:
    """(Re)link denials to accusations in other articles around this article's date, at most
    ``window_days`` apart (default: ``quotes.config.link_window_days``, which the user sets).

    Each answer keeps at most one cross-article link: the best-scoring accusation from an
    earlier (or same-day) article where the parties match (answerer's country is the accused,
    or the answer targets the accuser) and the topic words overlap.
    """
    article = session.get(Article, article_id)
    if article is None or article.published is None:
        return 0
    days = window_days or link_window_days()
    window = timedelta(days=days)
    lo, hi = article.published - window, article.published + window
    charges = _sides(session, CHARGES, lo - window, hi)
    answers = [
        a
        for a in _sides(session, ANSWERS | CHARGES, lo, hi + window)
        if (a.article_id == article_id or a.published >= article.published)
        and may_answer(a.type, a.country, a.target)
    ]
    linked = 0
    for answer in answers:
        scored = [(exchange_score(c, answer, days), c) for c in charges]
        score, best = max(scored, key=lambda sc: sc[0], default=(0.0, None))
        if best is None or score <= 0:
            continue
        if best.article_id != article_id and answer.article_id != article_id:
            continue
        session.exec(
            delete(Exchange).where(
                col(Exchange.response_id) == answer.id, col(Exchange.cross_article).is_(True)
            )
        )
        session.add(
            Exchange(
                statement_id=best.id,
                response_id=answer.id,
                cross_article=True,
                score=score,
                reason="parties and topic words match, answer dated after the charge",
            )
        )
        linked += 1
    session.flush()
    return linked
