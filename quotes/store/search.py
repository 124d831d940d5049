"""Keyword search over quote texts: FTS5 (bm25) on SQLite, tsvector (ts_rank) on PostgreSQL.

User text never reaches the query language raw: it is split into terms (words, "quoted
phrases", prefix* words, and the operator ``OR``), every term is reduced to its word
characters and re-quoted here, so no input can cause a syntax error. A query with no word
left is a ``QueryError``. Words too common to search for on their own are the
``search_stopwords`` word list of ``quotes/nlp/lexicons/`` (PostgreSQL's english config drops
them too); inside a "quoted phrase" they are kept.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Select, column, func, literal, literal_column, table, text
from sqlalchemy.dialects.postgresql import REGCONFIG
from sqlmodel import Session, col

from quotes.errors import QueryError
from quotes.nlp.lexicon import word_list
from quotes.store.db import dialect
from quotes.store.filters import QuoteFilter
from quotes.store.read import (
    NO_FILTER,
    list_quotes,
    newest_first,
    quotes_by_ids,
    row_select,
    to_row,
)
from quotes.store.rows import QuoteRow
from quotes.store.tables import Quote

_TERM = re.compile(r'[“”„"«»]([^“”„"«»]*)[“”„"«»]?|(\S+)')
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
MAX_TERMS = 32
MIN_PREFIX = 3
RANK_WINDOW = 5000
MAX_LIMIT = 1000


@dataclass(frozen=True, slots=True)
class Term:
    """One search term: a run of words matched as a phrase, optionally as a prefix."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """Terms in groups: every term of a group must match (AND); groups are alternatives (OR)."""

    groups: tuple[tuple[Term, ...], ...]


def parse_query(query: str) -> ParsedQuery:
    """Split user text into terms; ``QueryError`` when no searchable word is left."""
    groups: list[list[Term]] = [[]]
    count = 0
    for match in _TERM.finditer(query or ""):
        phrase, bare = match.group(1), match.group(2)
        if bare is not None and bare == "OR":
            if groups[-1]:
                groups.append([])
            continue
        source = phrase if phrase is not None else bare or ""
        words = tuple(w.lower() for w in _WORD.findall(source))
        prefix = phrase is None and source.endswith("*")
        if phrase is None and not prefix:
            stopwords = word_list("search_stopwords")
            words = tuple(w for w in words if w not in stopwords)
        if not words or count >= MAX_TERMS:
            continue
        if prefix and len(words[-1]) < MIN_PREFIX:
            raise QueryError(
                f"prefix {source!r} is too short: give at least {MIN_PREFIX} letters before *"
            )
        groups[-1].append(Term(words, prefix))
        count += 1
    kept = tuple(tuple(group) for group in groups if group)
    if not kept:
        raise QueryError(
            f"nothing to search for in {query!r}: give at least one word that is not "
            "too common (like 'the') "
            '(phrases in "double quotes", prefix with a trailing *, alternatives with OR)'
        )
    return ParsedQuery(kept)


def fts5_expression(parsed: ParsedQuery) -> str:
    """The FTS5 MATCH expression: every term a double-quoted string (prefix: ``"smear" *``)."""

    def term(t: Term) -> str:
        quoted = '"' + " ".join(t.words).replace('"', '""') + '"'
        return quoted + " *" if t.prefix else quoted

    alternatives = ["(" + " AND ".join(term(t) for t in group) + ")" for group in parsed.groups]
    return " OR ".join(alternatives)


def tsquery_expression(parsed: ParsedQuery) -> str:
    """The ``to_tsquery`` text: words joined by ``<->`` (phrase), ``&`` and ``|``; ``:*``."""

    def term(t: Term) -> str:
        words = list(t.words)
        if t.prefix:
            words[-1] = words[-1] + ":*"
        body = " <-> ".join(words)
        return f"({body})" if len(words) > 1 else body

    return " | ".join("(" + " & ".join(term(t) for t in group) + ")" for group in parsed.groups)


def _sqlite_search(stmt: Select[Any], expression: str) -> tuple[Select[Any], tuple[Any, ...]]:
    """``stmt`` narrowed to the matches, with their rank; and the best-first order."""
    fts = table("quote_fts", column("rowid"))
    rank: Any = literal_column("-bm25(quote_fts)")
    matched = (
        stmt.add_columns(rank)
        .join(fts, fts.c.rowid == col(Quote.id))
        .where(text("quote_fts MATCH :fts").bindparams(fts=expression))
    )
    return matched, (literal_column("bm25(quote_fts)"), col(Quote.id))


_TOP_EXACT = (
    "SELECT rowid, -rank FROM quote_fts WHERE quote_fts MATCH :fts "
    "ORDER BY rank LIMIT :limit OFFSET :offset"
)
_TOP_WINDOW = (
    "SELECT rowid, -r FROM (SELECT rowid, bm25(quote_fts) AS r FROM quote_fts "
    "WHERE quote_fts MATCH :fts ORDER BY rowid DESC LIMIT :window) "
    "ORDER BY r LIMIT :limit OFFSET :offset"
)


def _sqlite_top(
    session: Session, expression: str, limit: int, offset: int, window: int | None
) -> list[QuoteRow]:
    """Unfiltered search: rank inside FTS5 first, then build rows for one page only.

    With ``window``, only the newest ``window`` matches are ranked (bm25 costs time per
    match: a word found in 20,000 of 1,000,000 quotes takes ~50 ms to rank fully, ~10 ms
    windowed); queries with fewer matches are ranked exactly either way.
    """
    if window is not None and offset + limit <= window:
        sql = text(_TOP_WINDOW).bindparams(window=window)
    else:
        sql = text(_TOP_EXACT)
    hits = session.execute(sql.bindparams(fts=expression, limit=limit, offset=offset)).all()
    rows = quotes_by_ids(session, [rowid for rowid, _rank in hits])
    return [replace(rows[rowid], rank=float(rank)) for rowid, rank in hits if rowid in rows]


_PG_TOP = (
    "SELECT id, ts_rank(tsv, query) AS r FROM quote, to_tsquery('english', :tsq) AS query "
    "WHERE tsv @@ query ORDER BY r DESC, id LIMIT :limit OFFSET :offset"
)
_PG_TOP_RECENT = (
    "WITH recent AS MATERIALIZED (SELECT id, tsv FROM quote "
    "WHERE tsv @@ to_tsquery('english', :tsq) AND id > :floor ORDER BY id DESC LIMIT :window) "
    "SELECT id, ts_rank(tsv, to_tsquery('english', :tsq)) AS r, count(*) OVER () AS n "
    "FROM recent ORDER BY r DESC, id LIMIT :limit OFFSET :offset"
)
PG_RANK_WINDOW = 1000
"""PostgreSQL ranks at most this many (newest) matches of a common word (``RANK_WINDOW`` is
SQLite's): every match costs a visit to a table page, and a word in 2% of 1,000,000 quotes
has ~19,000 of them (~15,000 pages; 150-250 ms on a busy 2-core machine)."""
PG_SLICE_MARGIN = 1.5
"""The newest quotes searched first hold this many times the matches the window needs,
by the planner's estimate (too few found: every match is ranked after all)."""
PG_SLICE_SHARE = 0.25
"""Searched first only where they are at most this share of the store: the id range costs
time per quote in it, and a rarer word is ranked whole faster."""


def _pg_floor(session: Session, expression: str, window: int) -> int | None:
    """The id above which the newest quotes hold ~``window`` matches (with a margin), by the
    planner's statistics of the ``tsv`` column; None where the query is not that common
    (ranking every match costs no more than ranking the window)."""
    plan = session.execute(
        text(
            "EXPLAIN (FORMAT JSON) SELECT id FROM quote WHERE tsv @@ to_tsquery('english', :tsq)"
        ).bindparams(tsq=expression)
    ).scalar_one()
    estimate = float((plan if isinstance(plan, list) else json.loads(plan))[0]["Plan"]["Plan Rows"])
    newest = session.execute(text("SELECT max(id) FROM quote")).scalar()
    if not newest or estimate <= window:
        return None
    span = int(window * PG_SLICE_MARGIN * newest / estimate)
    return newest - span if span <= newest * PG_SLICE_SHARE else None


def _pg_recent_hits(
    session: Session, expression: str, limit: int, offset: int, window: int, floor: int
) -> list[Any] | None:
    """One page of the newest ``window`` matches above id ``floor``, ranked; None where fewer
    than ``window`` matches are above it. The id range and the word are ANDed as bitmaps (an
    index scan of the newest ids, filtering each row, would read ~50 rows per match)."""
    settings = ("enable_indexscan", "max_parallel_workers_per_gather")
    before = session.execute(
        text("SELECT current_setting(:a), current_setting(:b)").bindparams(
            a=settings[0], b=settings[1]
        )
    ).one()
    set_local = text("SELECT set_config(:a, :va, true), set_config(:b, :vb, true)").bindparams(
        a=settings[0], b=settings[1]
    )
    session.execute(set_local.bindparams(va="off", vb="0"))
    hits = session.execute(
        text(_PG_TOP_RECENT).bindparams(
            tsq=expression, floor=floor, window=window, limit=limit, offset=offset
        )
    ).all()
    # restored for the rest of the transaction (a failed query rolls it back, settings too)
    session.execute(set_local.bindparams(va=before[0], vb=before[1]))
    if not hits or int(hits[0][2]) < window:
        return None
    return [(quote_id, rank) for quote_id, rank, _n in hits]


def _postgres_top(
    session: Session, expression: str, limit: int, offset: int, window: int | None
) -> list[QuoteRow]:
    """Unfiltered search on PostgreSQL: rank ids first, then build rows for one page only.

    With ``window`` (at most ``PG_RANK_WINDOW``), a query the planner expects to match more
    than ``window`` quotes has only its newest ``window`` matches ranked, found among the
    newest quotes; where those hold fewer, or the query is rarer, every match is ranked.
    """
    hits: list[Any] | None = None
    if window is not None:
        window = min(window, PG_RANK_WINDOW)
    if window is not None and offset + limit <= window:
        floor = _pg_floor(session, expression, window)
        if floor is not None:
            hits = _pg_recent_hits(session, expression, limit, offset, window, floor)
    if hits is None:
        hits = list(
            session.execute(
                text(_PG_TOP).bindparams(tsq=expression, limit=limit, offset=offset)
            ).all()
        )
    rows = quotes_by_ids(session, [quote_id for quote_id, _rank in hits])
    return [replace(rows[i], rank=float(rank)) for i, rank in hits if i in rows]


def _postgres_search(stmt: Select[Any], expression: str) -> tuple[Select[Any], tuple[Any, ...]]:
    """``stmt`` narrowed to the matches, with their rank; and the best-first order."""
    tsv: Any = literal_column("quote.tsv")
    query = func.to_tsquery(literal("english", type_=REGCONFIG), expression)
    rank: Any = func.ts_rank(tsv, query).label("rank")
    return stmt.add_columns(rank).where(tsv.op("@@")(query)), (rank.desc(), col(Quote.id))


SORTS = ("relevance", "date")
"""How search results are ordered: best match first, or newest article first."""


def check_sort(sort: str) -> str:
    """Validate a sort order (``QueryError`` naming the valid ones)."""
    value = sort.strip().lower()
    if value not in SORTS:
        raise QueryError(f"unknown sort {sort!r}; use one of {', '.join(SORTS)}")
    return value


def search_quotes(
    session: Session,
    query: str,
    filters: QuoteFilter = NO_FILTER,
    *,
    limit: int = 50,
    offset: int = 0,
    rank_window: int | None = RANK_WINDOW,
    sort: str = "relevance",
    grouped: bool = True,
) -> list[QuoteRow]:
    """Quotes matching ``query`` and ``filters``: best first, or with ``sort="date"`` the
    newest article first.

    ``lethal support`` needs both words; ``"lethal support"`` the phrase; ``smear*`` a prefix;
    ``drones OR missiles`` either. An empty ``query`` with a filter lists every quote the
    filter keeps, newest first ("all denials by this spokesperson"); with no filter either it
    is a ``QueryError``.
    Without filters, a word matching more than ``rank_window`` quotes has only its newest
    ``rank_window`` matches ranked (None: rank every match, slower on big stores); PostgreSQL
    ranks at most ``PG_RANK_WINDOW`` of them, and only where the planner's statistics say the
    word is that common (``_postgres_top``).
    ``grouped``: one row per statement (its best-matching version on the page; a page may so
    hold fewer than ``limit`` rows).
    """
    rows = _search(session, query, filters, limit, offset, rank_window, sort)
    if not grouped:
        return rows
    if not (query or "").strip() and not filters.empty:
        return rows  # list_quotes grouped them already
    return first_per_statement(rows)


def first_per_statement(rows: list[QuoteRow]) -> list[QuoteRow]:
    """The first row of each statement, in the order given (ungrouped quotes all kept)."""
    seen: set[tuple[str, int]] = set()
    out: list[QuoteRow] = []
    for row in rows:
        if row.statement_key not in seen:
            seen.add(row.statement_key)
            out.append(row)
    return out


def _search(
    session: Session,
    query: str,
    filters: QuoteFilter,
    limit: int,
    offset: int,
    rank_window: int | None,
    sort: str,
) -> list[QuoteRow]:
    """``search_quotes`` without the grouping."""
    if limit < 1 or offset < 0:
        raise QueryError("limit must be at least 1 and offset at least 0")
    by_date = check_sort(sort) == "date"
    page = min(limit, MAX_LIMIT)
    if not (query or "").strip() and not filters.empty:
        return list_quotes(session, filters, limit=page, offset=offset, newest=True)
    parsed = parse_query(query)
    if filters.empty and not by_date and dialect(session) == "postgresql":
        return _postgres_top(session, tsquery_expression(parsed), page, offset, rank_window)
    if filters.empty and not by_date:
        return _sqlite_top(session, fts5_expression(parsed), page, offset, rank_window)
    stmt = filters.apply(row_select())
    if dialect(session) == "postgresql":
        stmt, best = _postgres_search(stmt, tsquery_expression(parsed))
    else:
        stmt, best = _sqlite_search(stmt, fts5_expression(parsed))
    stmt = stmt.order_by(*(newest_first() if by_date else best)).limit(page).offset(offset)
    rows = []
    for values in session.execute(stmt):
        rank = values[-1]
        rows.append(to_row(values[:-1], rank=float(rank) if rank is not None else None))
    return rows
