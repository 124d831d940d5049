"""The store's queries: plain functions taking a ``Session`` and returning ``quotes.views`` rows.

Writes (``save_extraction``, ``correct_quote``) commit their own unit of work unless told not
to, so an article is stored whole or not at all. Reads never return ORM objects.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import Select, delete, func, or_
from sqlalchemy import select as sa_select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from quotes.errors import QueryError, StoreError
from quotes.models import Alias, Article, Correction, Exchange, Quote, RoleSpell, Speaker
from quotes.nlp.classify import ANSWERS, CHARGES
from quotes.nlp.lexicon import CALENDAR, TOPIC_STOPWORDS, content_words, fold
from quotes.nlp.types import STATEMENT_TYPES, DocumentMeta, Extraction
from quotes.nlp.types import Quote as ExtractedQuote
from quotes.speakers import (
    clean_role,
    match_person,
    name_key,
    record_role,
    resolve_speaker,
)
from quotes.views import ExchangeRow, QuoteDetail, QuoteRow, SpeakerRow

_RECORD = re.compile(r":\d+$")
_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What ``save_extraction`` did with one article."""

    article_id: int
    status: str  # added / updated / unchanged
    quotes: int  # quotes now stored for the article
    new_speakers: int = 0
    corrections_applied: int = 0


# -- helpers -----------------------------------------------------------------------------------


def columns(*items: Any) -> Select[Any]:
    """SQLAlchemy ``select`` over plain columns (loosely typed: rows come back as tuples)."""
    return sa_select(*items)


def content_hash(text: str) -> str:
    """SHA-256 of the article text: the identity that makes ingest idempotent."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_date(text: str | None) -> date | None:
    """``2023-02-21`` / ``2023-02`` / ``2023`` (missing parts -> 1); None when unreadable."""
    if not text:
        return None
    match = _DATE.match(text)
    if match is None:
        return None
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _fail(err: SQLAlchemyError) -> StoreError:
    orig = getattr(err, "orig", None)
    line = str(orig if orig is not None else err).strip().splitlines()
    return StoreError(f"database error: {line[0] if line else type(err).__name__}")


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


# -- writes ------------------------------------------------------------------------------------


def _previous_version(session: Session, meta: DocumentMeta) -> Article | None:
    """An earlier version of the same article: same URL, else same file path.

    A JSON Lines record ("file.jsonl:3") is matched by URL only: line numbers move.
    """
    path = meta.path if meta.path and not _RECORD.search(meta.path) else None
    for column, value in ((Article.url, meta.url), (Article.path, path)):
        if value:
            found = session.exec(
                select(Article).where(column == value).order_by(col(Article.id).desc())
            ).first()
            if found is not None:
                return found
    return None


def _clear_article(session: Session, article_id: int) -> None:
    """Remove an article's quotes, their exchange links and its role sightings."""
    quote_ids = select(Quote.id).where(Quote.article_id == article_id)
    session.exec(
        delete(Exchange).where(
            or_(col(Exchange.statement_id).in_(quote_ids), col(Exchange.response_id).in_(quote_ids))
        )
    )
    session.exec(delete(Quote).where(col(Quote.article_id) == article_id))
    session.exec(delete(RoleSpell).where(col(RoleSpell.article_id) == article_id))


def _fill_article(article: Article, extraction: Extraction, digest: str) -> None:
    meta = extraction.document.meta
    article.title = meta.title
    article.outlet = meta.outlet
    article.url = meta.url
    article.path = meta.path
    article.date_text = meta.date
    article.published = parse_date(meta.date)
    article.content_hash = digest
    article.text = extraction.document.text


def _speaker_for(
    session: Session, quote: ExtractedQuote, article: Article
) -> tuple[int | None, str | None, str | None, bool]:
    """Resolve the quote's speaker; returns (speaker id, role, affiliation, new speaker?)."""
    speaker = quote.speaker
    if speaker is None or not speaker.name.strip():
        return None, None, None, False
    resolved = resolve_speaker(
        session,
        speaker.name,
        kind=speaker.kind,
        country=speaker.affiliation,
        named=speaker.named,
    )
    speaker_id = resolved.speaker.id
    assert speaker_id is not None and article.id is not None
    record_role(
        session, speaker_id, article.id, speaker.role, speaker.affiliation, article.published
    )
    return speaker_id, clean_role(speaker.role), speaker.affiliation, resolved.created


def _quote_row(quote: ExtractedQuote, position: int, article_id: int) -> Quote:
    mention = quote.speaker.mention if quote.speaker is not None else None
    return Quote(
        article_id=article_id,
        position=position,
        start=quote.start,
        end=quote.end,
        text=quote.text,
        form=quote.form,
        type=quote.type,
        target=quote.target,
        cue=quote.cue,
        confidence=float(quote.confidence),
        evidence=json.dumps(list(quote.evidence), ensure_ascii=False),
        mention_start=mention.start if mention else None,
        mention_end=mention.end if mention else None,
        mention_text=mention.text if mention else None,
        paragraph=quote.paragraph,
    )


def _apply_correction(session: Session, row: Quote, correction: Correction) -> None:
    """Make the stored quote say what the user said (speaker, type)."""
    if correction.speaker:
        resolved = resolve_speaker(session, correction.speaker, kind="person")
        row.speaker_id = resolved.speaker.id
        row.role = None
        row.affiliation = resolved.speaker.country
    if correction.type:
        row.type = correction.type
    row.corrected = True


def save_extraction(session: Session, extraction: Extraction, *, commit: bool = True) -> SaveResult:
    """Store one article and its quotes (idempotent by content hash).

    An article already stored with the same text is left alone ("unchanged"); a new version of
    a stored article (same URL, else same path) replaces the old quotes ("updated"). User
    corrections keyed by this text's hash win over the extractor. With ``commit`` (the default)
    everything is committed at once, or rolled back on error.
    """
    try:
        result = _save(session, extraction)
        if commit:
            session.commit()
        return result
    except SQLAlchemyError as err:
        session.rollback()
        raise _fail(err) from None
    except BaseException:
        session.rollback()
        raise


def _save(session: Session, extraction: Extraction) -> SaveResult:
    document = extraction.document
    if not document.text.strip():
        raise QueryError("cannot store an empty article")
    digest = content_hash(document.text)
    same = session.exec(select(Article).where(Article.content_hash == digest)).first()
    if same is not None:
        assert same.id is not None
        count = session.exec(select(func.count()).where(Quote.article_id == same.id)).one()
        return SaveResult(same.id, "unchanged", int(count))
    article = _previous_version(session, document.meta)
    status = "added"
    if article is not None:
        assert article.id is not None
        _clear_article(session, article.id)
        status = "updated"
    else:
        article = Article(content_hash=digest, text=document.text)
    _fill_article(article, extraction, digest)
    session.add(article)
    session.flush()
    assert article.id is not None
    corrections = {
        (c.start, c.end): c
        for c in session.exec(select(Correction).where(Correction.content_hash == digest))
    }
    rows: list[Quote | None] = []
    new_speakers = applied = 0
    for position, quote in enumerate(extraction.quotes):
        correction = corrections.get((quote.start, quote.end))
        if correction is not None and correction.wrong:
            rows.append(None)
            applied += 1
            continue
        row = _quote_row(quote, position, article.id)
        row.speaker_id, row.role, row.affiliation, created = _speaker_for(session, quote, article)
        new_speakers += created
        if correction is not None:
            _apply_correction(session, row, correction)
            applied += 1
        session.add(row)
        rows.append(row)
    session.flush()
    _link_within(session, extraction.quotes, rows)
    session.flush()
    link_across(session, article.id)
    stored = sum(1 for row in rows if row is not None)
    return SaveResult(article.id, status, stored, new_speakers, applied)


def _link_within(
    session: Session, quotes: Sequence[ExtractedQuote], rows: Sequence[Quote | None]
) -> None:
    for quote, row in zip(quotes, rows, strict=True):
        index = quote.responds_to
        if row is None or index is None or not 0 <= index < len(rows):
            continue
        statement = rows[index]
        if statement is None or statement is row:
            continue
        assert statement.id is not None and row.id is not None
        session.add(Exchange(statement_id=statement.id, response_id=row.id, reason="extractor"))


def correct_quote(
    session: Session,
    quote_id: int,
    *,
    wrong: bool = True,
    speaker: str | None = None,
    type: str | None = None,
    note: str | None = None,
    commit: bool = True,
) -> None:
    """Record a user correction for a quote and apply it now.

    With ``speaker`` and/or ``type`` the quote is re-attributed / re-typed; otherwise (and
    ``wrong`` left True) the quote is marked as not a quote and removed. The correction is
    keyed by article content hash + offsets, so it wins again on every re-ingest.
    """
    new_type = check_type(type)
    try:
        row = session.get(Quote, quote_id)
        if row is None:
            raise QueryError(f"no quote with id {quote_id}")
        article = session.get(Article, row.article_id)
        assert article is not None
        is_wrong = wrong and speaker is None and new_type is None
        correction = session.exec(
            select(Correction).where(
                Correction.content_hash == article.content_hash,
                Correction.start == row.start,
                Correction.end == row.end,
            )
        ).first() or Correction(content_hash=article.content_hash, start=row.start, end=row.end)
        correction.wrong = is_wrong
        correction.speaker = speaker.strip() if speaker else correction.speaker
        correction.type = new_type or correction.type
        correction.note = note if note is not None else correction.note
        session.add(correction)
        if is_wrong:
            session.exec(
                delete(Exchange).where(
                    or_(
                        col(Exchange.statement_id) == quote_id,
                        col(Exchange.response_id) == quote_id,
                    )
                )
            )
            session.delete(row)
        else:
            _apply_correction(session, row, correction)
            session.add(row)
        if commit:
            session.commit()
    except SQLAlchemyError as err:
        session.rollback()
        raise _fail(err) from None


# -- reading quotes ----------------------------------------------------------------------------


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


def row_select(*extra: Any) -> Select[Any]:
    """SELECT of everything a ``QuoteRow`` needs (plus ``extra`` columns)."""
    return (
        columns(*ROW_COLUMNS, _responds_to(), Article.date_text, Quote.cue, *extra)
        .select_from(Quote)
        .join(Article, col(Article.id) == col(Quote.article_id))
        .outerjoin(Speaker, col(Speaker.id) == col(Quote.speaker_id))
    )


def to_row(values: Sequence[Any], rank: float | None = None) -> QuoteRow:
    """A ``QuoteRow`` from one result of ``row_select``."""
    base = list(values[: len(ROW_COLUMNS)])
    responds, date_text, cue = values[len(ROW_COLUMNS) : len(ROW_COLUMNS) + 3]
    return QuoteRow(*base, responds_to=responds, rank=rank, date_text=date_text, cue=cue)  # type: ignore[misc]


def filter_quotes(
    session: Session,
    stmt: Select[Any],
    *,
    speaker: str | int | None = None,
    type: str | None = None,
    since: date | None = None,
    until: date | None = None,
    outlet: str | None = None,
) -> Select[Any]:
    """Add the common filters; an unknown speaker or type is a ``QueryError``."""
    if speaker is not None and str(speaker).strip():
        stmt = stmt.where(col(Quote.speaker_id).in_(_speaker_ids(session, speaker)))
    if type is not None:
        stmt = stmt.where(col(Quote.type) == check_type(type))
    if since is not None:
        stmt = stmt.where(col(Article.published) >= since)
    if until is not None:
        stmt = stmt.where(col(Article.published) <= until)
    if outlet:
        stmt = stmt.where(
            func.lower(Article.outlet).contains(outlet.strip().lower(), autoescape=True)
        )
    return stmt


def _speaker_ids(session: Session, speaker: str | int) -> list[int]:
    """The speaker a filter names: by id, by name or alias, else every speaker whose name
    holds the text ("Foreign Ministry", "wang")."""
    if isinstance(speaker, int):
        return [speaker]
    found = find_speaker(session, speaker)
    if found is not None:
        return [found.id]
    ids = [
        i
        for i in session.exec(
            select(Speaker.id).where(
                func.lower(Speaker.name).contains(speaker.strip().lower(), autoescape=True)
            )
        )
        if i is not None
    ]
    if not ids:
        raise QueryError(f"no speaker matching {speaker!r} (see `quotes speakers`)")
    return ids


def _date_order() -> tuple[Any, ...]:
    return (
        col(Article.published).is_(None),
        col(Article.published),
        col(Article.id),
        col(Quote.start),
    )


def list_quotes(
    session: Session,
    *,
    speaker: str | int | None = None,
    type: str | None = None,
    since: date | None = None,
    until: date | None = None,
    outlet: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[QuoteRow]:
    """Quotes matching the filters, in date order (what export uses without a query)."""
    stmt = filter_quotes(
        session, row_select(), speaker=speaker, type=type, since=since, until=until, outlet=outlet
    )
    stmt = stmt.order_by(*_date_order()).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [to_row(values) for values in session.execute(stmt)]


def speaker_timeline(
    session: Session,
    speaker_id: int,
    *,
    since: date | None = None,
    until: date | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> list[QuoteRow]:
    """A speaker's quotes in date order (undated articles last)."""
    return list_quotes(
        session, speaker=speaker_id, since=since, until=until, offset=offset, limit=limit
    )


def count_timeline(session: Session, speaker_id: int) -> int:
    """How many quotes ``speaker_timeline`` would return without a limit."""
    return int(session.exec(select(func.count()).where(Quote.speaker_id == speaker_id)).one())


def quotes_by_ids(session: Session, ids: Iterable[int]) -> dict[int, QuoteRow]:
    """Rows for the given quote ids."""
    wanted = list(set(ids))
    if not wanted:
        return {}
    stmt = row_select().where(col(Quote.id).in_(wanted))
    return {row.id: row for row in (to_row(values) for values in session.execute(stmt))}


def _paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph(s) around ``[start, end)``: blank-line separated, else line separated."""
    separator = re.compile(r"\n[ \t]*\n") if re.search(r"\n[ \t]*\n", text) else re.compile(r"\n")
    left = 0
    for match in separator.finditer(text, 0, max(start, 0)):
        left = match.end()
    found = separator.search(text, max(end, start))
    right = found.start() if found else len(text)
    return left, max(right, min(end, len(text)))


def quote_detail(session: Session, quote_id: int) -> QuoteDetail:
    """A quote with its paragraph, offsets inside that paragraph, cue and evidence."""
    row = quotes_by_ids(session, [quote_id]).get(quote_id)
    quote = session.get(Quote, quote_id)
    if row is None or quote is None:
        raise QueryError(f"no quote with id {quote_id}")
    article = session.get(Article, quote.article_id)
    assert article is not None
    left, right = _paragraph_bounds(article.text, quote.start, quote.end)
    mention_start = mention_end = None
    ms, me = quote.mention_start, quote.mention_end
    if ms is not None and me is not None and left <= ms and me <= right:
        mention_start, mention_end = ms - left, me - left
    try:
        evidence = [str(item) for item in json.loads(quote.evidence or "[]")]
    except (ValueError, TypeError):
        evidence = []
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
    )


# -- speakers ----------------------------------------------------------------------------------


def _latest_roles(session: Session, speaker_ids: Sequence[int]) -> dict[int, str]:
    if not speaker_ids:
        return {}
    stmt = (
        columns(RoleSpell.speaker_id, RoleSpell.title, RoleSpell.affiliation)
        .where(col(RoleSpell.speaker_id).in_(list(speaker_ids)))
        .order_by(
            col(RoleSpell.seen).is_(None), col(RoleSpell.seen).desc(), col(RoleSpell.id).desc()
        )
    )
    latest: dict[int, str] = {}
    for speaker_id, title, affiliation in session.execute(stmt):
        if speaker_id not in latest and (title or affiliation):
            latest[speaker_id] = str(title or affiliation)
    return latest


def _speaker_rows(session: Session, stmt: Select[Any], limit: int | None) -> list[SpeakerRow]:
    counted = (
        stmt.add_columns(func.count(col(Quote.id)).label("n"))
        .outerjoin(Quote, col(Quote.speaker_id) == col(Speaker.id))
        .group_by(col(Speaker.id))
        .having(func.count(col(Quote.id)) > 0)
        .order_by(func.count(col(Quote.id)).desc(), col(Speaker.name))
    )
    if limit is not None:
        counted = counted.limit(limit)
    found = list(session.execute(counted))
    roles = _latest_roles(session, [speaker.id for speaker, _n in found])
    return [
        SpeakerRow(
            id=speaker.id,
            name=speaker.name,
            kind=speaker.kind,
            country=speaker.country,
            latest_role=roles.get(speaker.id),
            quote_count=int(n),
        )
        for speaker, n in found
    ]


def list_speakers(
    session: Session, query: str | None = None, limit: int | None = None
) -> list[SpeakerRow]:
    """Speakers with at least one quote, most quoted first; ``query`` filters by name/alias."""
    stmt: Select[Any] = select(Speaker)
    if query and query.strip():
        needle = fold(query.strip())
        alias_ids = select(Alias.speaker_id).where(
            func.lower(Alias.key).contains(needle, autoescape=True)
            | func.lower(Alias.name).contains(query.strip().lower(), autoescape=True)
        )
        stmt = stmt.where(
            or_(
                func.lower(Speaker.name).contains(query.strip().lower(), autoescape=True),
                col(Speaker.id).in_(alias_ids),
            )
        )
    return _speaker_rows(session, stmt, limit)


def _speaker_row(session: Session, speaker_id: int) -> SpeakerRow:
    rows = _speaker_rows(session, select(Speaker).where(Speaker.id == speaker_id), None)
    if rows:
        return rows[0]
    speaker = session.get(Speaker, speaker_id)
    assert speaker is not None and speaker.id is not None
    role = _latest_roles(session, [speaker.id]).get(speaker.id)
    return SpeakerRow(speaker.id, speaker.name, speaker.kind, speaker.country, role, 0)


def speaker_candidates(session: Session, name: str) -> list[SpeakerRow]:
    """Every speaker ``name`` could denote (for "did you mean" messages)."""
    text = name.strip()
    if not text:
        return []
    keys = {name_key(text), name_key(text, institution=True), fold(text)}
    ids = set(session.exec(select(Alias.speaker_id).where(col(Alias.key).in_(keys))))
    ids |= {
        i
        for i in session.exec(select(Speaker.id).where(func.lower(Speaker.name) == text.lower()))
        if i is not None
    }
    if not ids:
        person = match_person(session, text)
        if person is not None and person.id is not None:
            ids.add(person.id)
    if not ids:
        ids |= _fuzzy_ids(session, text)
    return sorted(
        (_speaker_row(session, i) for i in ids if i is not None),
        key=lambda row: (-row.quote_count, row.name),
    )


def _fuzzy_ids(session: Session, text: str) -> set[int]:
    aliases = list(session.exec(select(Alias.speaker_id, Alias.key).limit(50_000)))
    if not aliases:
        return set()
    key = name_key(text, institution=True)
    matches = process.extract(
        key, [k for _i, k in aliases], scorer=fuzz.token_sort_ratio, score_cutoff=88, limit=5
    )
    return {aliases[index][0] for _k, _score, index in matches}


def find_speaker(session: Session, name: str) -> SpeakerRow | None:
    """The speaker ``name`` denotes ("Blinken", "Secretary Blinken", "Antony Blinken").

    Returns None when nothing matches or when the name is ambiguous (two different "Wang"s);
    ``speaker_candidates`` lists the choices.
    """
    if name.strip().isdigit():
        speaker = session.get(Speaker, int(name.strip()))
        return _speaker_row(session, int(name.strip())) if speaker is not None else None
    candidates = speaker_candidates(session, name)
    if len(candidates) == 1:
        return candidates[0]
    exact = [c for c in candidates if c.name.casefold() == name.strip().casefold()]
    return exact[0] if len(exact) == 1 else None


def speaker_roles(session: Session, speaker_id: int) -> list[tuple[date | None, str]]:
    """The role history: ``(date seen, role)`` oldest first, one entry per change."""
    stmt = (
        columns(RoleSpell.seen, RoleSpell.title, RoleSpell.affiliation)
        .where(col(RoleSpell.speaker_id) == speaker_id)
        .order_by(col(RoleSpell.seen).is_(None), col(RoleSpell.seen), col(RoleSpell.id))
    )
    history: list[tuple[date | None, str]] = []
    for seen, title, affiliation in session.execute(stmt):
        role = title or affiliation
        if role and (not history or history[-1][1] != role):
            history.append((seen, role))
    return history


# -- parties and exchanges ---------------------------------------------------------------------


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
    session: Session, party_a: str | None = None, party_b: str | None = None
) -> list[ExchangeRow]:
    """Statement/response pairs, oldest first; with parties, only pairs involving them."""
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
        if all(
            party is None or _involves(statement, party) or _involves(response, party)
            for party in (party_a, party_b)
        ):
            result.append(pair)
    result.sort(key=lambda x: (x.statement.published or date.max, x.statement.id, x.response.id))
    return result


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


def stats(session: Session) -> dict[str, int]:
    """Counts of the main tables (for summaries and the demo)."""
    return {
        "articles": int(session.exec(select(func.count()).select_from(Article)).one()),
        "quotes": int(session.exec(select(func.count()).select_from(Quote)).one()),
        "speakers": int(session.exec(select(func.count()).select_from(Speaker)).one()),
        "exchanges": int(session.exec(select(func.count()).select_from(Exchange)).one()),
    }


# -- exchanges across articles -----------------------------------------------------------------

WINDOW_DAYS = 120


@dataclass(frozen=True, slots=True)
class _Side:
    id: int
    article_id: int
    published: date
    type: str
    target: str | None
    country: str | None
    speaker: str | None
    words: frozenset[str]
    names: frozenset[str] = frozenset()


def proper_names(text: str) -> set[str]:
    """Capitalised words inside a quote ("Valdoria", "Kessel"): parties it talks about."""
    found = set()
    for match in re.finditer(r"\b([A-Z][a-z]{3,})\b", text):
        word = match.group(1).lower()
        if word not in TOPIC_STOPWORDS and word not in CALENDAR:
            found.add(word)
    return found


def _sides(session: Session, types: frozenset[str], lo: date, hi: date) -> list[_Side]:
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
        )
        .join(Article, col(Article.id) == col(Quote.article_id))
        .outerjoin(Speaker, col(Speaker.id) == col(Quote.speaker_id))
        .where(col(Quote.type).in_(sorted(types)))
        .where(col(Article.published) >= lo, col(Article.published) <= hi)
    )
    return [
        _Side(i, a, p, t, tg, c, s, frozenset(content_words(x)), frozenset(proper_names(x)))
        for i, a, p, t, tg, c, s, x in session.execute(stmt)
    ]


def _same(a: str | None, b: str | None) -> bool:
    return bool(a and b and fold(a) == fold(b))


def exchange_score(charge: _Side, answer: _Side) -> float:
    """How well ``answer`` (a denial) fits ``charge`` (an accusation); 0 = no link."""
    if charge.article_id == answer.article_id or answer.published < charge.published:
        return 0.0
    days = (answer.published - charge.published).days
    if days > WINDOW_DAYS:
        return 0.0
    parties: float = _same(answer.country, charge.target) + _same(answer.target, charge.country)
    parties += _same(answer.target, charge.speaker)
    overlap = len(charge.words & answer.words)
    if not parties and charge.names & answer.names and overlap >= 2:
        parties = 0.5  # no party data: both quotes name the same party, and share a topic
    if not parties or overlap == 0:
        return 0.0
    union = len(charge.words | answer.words) or 1
    return parties + 2.0 * overlap / union + overlap * 0.1 + (1.0 - days / WINDOW_DAYS) * 0.5


def link_across(session: Session, article_id: int) -> int:
    """(Re)link denials to accusations in other articles around this article's date.

    Each answer keeps at most one cross-article link: the best-scoring accusation from an
    earlier (or same-day) article where the parties match (answerer's country is the accused,
    or the answer targets the accuser) and the topic words overlap.
    """
    article = session.get(Article, article_id)
    if article is None or article.published is None:
        return 0
    from datetime import timedelta

    window = timedelta(days=WINDOW_DAYS)
    lo, hi = article.published - window, article.published + window
    charges = _sides(session, CHARGES, lo - window, hi)
    answers = [
        a
        for a in _sides(session, ANSWERS, lo, hi + window)
        if a.article_id == article_id or a.published >= article.published
    ]
    linked = 0
    for answer in answers:
        best = max(charges, key=lambda c: exchange_score(c, answer), default=None)
        if best is None or exchange_score(best, answer) <= 0:
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
                score=exchange_score(best, answer),
                reason="parties and topic words match, answer dated after the charge",
            )
        )
        linked += 1
    session.flush()
    return linked
