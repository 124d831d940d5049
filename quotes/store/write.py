"""Writing to the store: ``save_extraction`` (one article and its quotes) and user corrections.

Each write commits its own unit of work unless told not to, so an article is stored whole or
not at all. Speakers are resolved by ``quotes.store.speakers``; exchange links are written by
``quotes.store.exchanges``.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

from sqlalchemy import delete, func, or_
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, col, select

from quotes.dates import leading_date
from quotes.errors import QueryError
from quotes.nlp.marks import paragraphs
from quotes.nlp.types import DocumentMeta, ExtractedQuote, Extraction
from quotes.store import statements
from quotes.store.db import store_error
from quotes.store.exchanges import link_across, link_within
from quotes.store.filters import check_type
from quotes.store.names import clean_role
from quotes.store.speakers import record_role, resolve_speaker, speaker_named
from quotes.store.tables import Article, Correction, Exchange, Quote, RoleSpell
from quotes.text import quote_fingerprint

_RECORD = re.compile(r":\d+$")


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What ``save_extraction`` did with one article."""

    article_id: int
    status: str  # added / updated / unchanged
    quotes: int  # quotes now stored for the article
    new_speakers: int = 0
    corrections_applied: int = 0


def content_hash(text: str) -> str:
    """SHA-256 of the article text: the identity that makes ingest idempotent."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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


def _clear_article(session: Session, article: Article) -> dict[str, Quote]:
    """Unlink an article's quotes (exchange links, role sightings) for a new version; returns
    its old quotes by fingerprint, so the quotes the new version still has keep their ids."""
    assert article.id is not None
    quote_ids = select(Quote.id).where(Quote.article_id == article.id)
    session.exec(
        delete(Exchange).where(
            or_(col(Exchange.statement_id).in_(quote_ids), col(Exchange.response_id).in_(quote_ids))
        )
    )
    session.exec(delete(RoleSpell).where(col(RoleSpell.article_id) == article.id))
    old = session.exec(select(Quote).where(Quote.article_id == article.id)).all()
    paras = paragraphs(article.text)
    return {
        quote_fingerprint(article.text, row.start, row.end, row.text, row.paragraph, paras): row
        for row in old
    }


def _reuse(session: Session, old: Quote | None, new: Quote) -> Quote:
    """``new``'s values in ``old``'s row (keeping its id), or ``new`` where there is none."""
    if old is None:
        return new
    for name, value in new.model_dump(exclude={"id"}).items():
        setattr(old, name, value)
    return old


def _fill_article(article: Article, extraction: Extraction, digest: str) -> None:
    meta = extraction.document.meta
    article.title = meta.title
    article.outlet = meta.outlet
    article.url = meta.url
    article.path = meta.path
    article.date_text = meta.date
    article.published = leading_date(meta.date)
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
        # a speaker already stored under this very name (an institution too) is the one meant
        speaker = speaker_named(session, correction.speaker)
        if speaker is None:
            speaker = resolve_speaker(session, correction.speaker, kind="person").speaker
        row.speaker_id = speaker.id
        row.role = None
        row.affiliation = speaker.country
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
        raise store_error(err) from None
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
    old: dict[str, Quote] = {}
    regrouped: set[int] = set()  # statements the old version's quotes belonged to
    if article is not None:
        old = _clear_article(session, article)
        regrouped = {q.statement_id for q in old.values() if q.statement_id is not None}
        status = "updated"
    else:
        article = Article(content_hash=digest, text=document.text)
    _fill_article(article, extraction, digest)
    session.add(article)
    session.flush()
    assert article.id is not None
    paras = paragraphs(document.text)
    prints = [
        quote_fingerprint(document.text, quote.start, quote.end, quote.text, quote.paragraph, paras)
        for quote in extraction.quotes
    ]
    corrections = _corrections(session, digest, prints)
    rows: list[Quote | None] = []
    new_speakers = applied = 0
    for position, (quote, print_) in enumerate(zip(extraction.quotes, prints, strict=True)):
        if quote.form == "question":
            rows.append(None)  # a question's premise: the answer's context, no one's statement
            continue
        correction = corrections.get(print_) or corrections.get((quote.start, quote.end))
        if correction is not None and correction.wrong:
            rows.append(None)
            applied += 1
            continue
        row = _reuse(session, old.pop(print_, None), _quote_row(quote, position, article.id))
        row.speaker_id, row.role, row.affiliation, created = _speaker_for(session, quote, article)
        new_speakers += created
        if correction is not None:
            _apply_correction(session, row, correction)
            applied += 1
        session.add(row)
        rows.append(row)
    for gone in old.values():
        session.delete(gone)
    session.flush()
    statements.assign(session, [row.id for row in rows if row is not None and row.id is not None])
    statements.refresh(session, regrouped)
    link_within(session, extraction.quotes, rows)
    session.flush()
    link_across(session, article.id)
    stored = sum(1 for row in rows if row is not None)
    return SaveResult(article.id, status, stored, new_speakers, applied)


def _corrections(
    session: Session, digest: str, prints: list[str]
) -> dict[str | tuple[int, int], Correction]:
    """Corrections that apply to a version: by quote fingerprint, and (corrections made before
    fingerprints) by this exact text's hash and offsets."""
    found: dict[str | tuple[int, int], Correction] = {}
    legacy = select(Correction).where(
        Correction.content_hash == digest, col(Correction.fingerprint).is_(None)
    )
    for c in session.exec(legacy):
        found[(c.start, c.end)] = c
    if prints:
        by_print = select(Correction).where(col(Correction.fingerprint).in_(set(prints)))
        for c in session.exec(by_print.order_by(col(Correction.id))):
            assert c.fingerprint is not None
            found[c.fingerprint] = c
    return found


def _fingerprint(article: Article, row: Quote) -> str:
    return quote_fingerprint(article.text, row.start, row.end, row.text, row.paragraph)


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
    keyed by the quote's fingerprint (its normalised words and its place in its paragraph), so
    it wins again on every re-ingest, also of a version edited elsewhere.
    """
    new_type = check_type(type)
    try:
        row = session.get(Quote, quote_id)
        if row is None:
            raise QueryError(f"no quote with id {quote_id}")
        article = session.get(Article, row.article_id)
        assert article is not None
        is_wrong = wrong and speaker is None and new_type is None
        print_ = _fingerprint(article, row)
        correction = session.exec(
            select(Correction).where(
                or_(
                    col(Correction.fingerprint) == print_,
                    (col(Correction.content_hash) == article.content_hash)
                    & (col(Correction.start) == row.start)
                    & (col(Correction.end) == row.end),
                )
            )
        ).first() or Correction(content_hash=article.content_hash, start=row.start, end=row.end)
        correction.fingerprint = print_
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
            touched = statements.detach(session, [quote_id])
            session.delete(row)
            session.flush()
            statements.refresh(session, touched)
        else:
            _apply_correction(session, row, correction)
            session.add(row)
            session.flush()
            if speaker is not None:
                statements.assign(session, [quote_id])
        if commit:
            session.commit()
    except SQLAlchemyError as err:
        session.rollback()
        raise store_error(err) from None
