"""Speakers in the store: resolving a mention to a ``Speaker`` row, and looking speakers up.

Writing: a name is normalised (``quotes.store.names``) and matched against known speakers in
this order: an exact alias, a full name that agrees on the given names and on the surname
(exactly or fuzzily, among speakers sharing the surname's first letters), and a lone surname
("Blinken") when exactly one known person carries it. Guard: two full names with
the same surname but different given names or initials ("Wang Yi" / "Wang Wenbin", "George W.
Bush" / "George H. W. Bush") are never merged, and a lone surname shared by several people is
left unmerged.

Reading: ``list_speakers``, ``speaker_roles``, ``find_speaker`` and ``resolve_speaker_filter``,
the one policy behind every "--speaker NAME" of the CLI and the TUI's speaker box.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, case, distinct, func, or_
from sqlmodel import Session, col, select

from quotes.errors import QueryError
from quotes.nlp.lexicon import fold
from quotes.store.db import columns
from quotes.store.names import (
    clean_role,
    closest,
    countries_agree,
    name_key,
    name_tokens,
    same_person,
)
from quotes.store.rows import SpeakerRow
from quotes.store.tables import Alias, Quote, RoleSpell, Speaker

FUZZY_LOOKUP_MIN = 88.0  # a looked-up name this close to a known alias denotes that speaker
CANDIDATES_SHOWN = 6


# -- resolving mentions (writes) ---------------------------------------------------------------


@dataclass(slots=True)
class Resolved:
    """The speaker a mention resolved to, and whether it was created for it."""

    speaker: Speaker
    created: bool


def _by_alias(session: Session, key: str, kind: str, country: str | None) -> Speaker | None:
    stmt = select(Speaker).join(Alias, col(Alias.speaker_id) == col(Speaker.id))
    stmt = stmt.where(Alias.key == key)
    matches = [s for s in session.exec(stmt).unique() if countries_agree(s.country, country)]
    if kind == "person":
        matches = [s for s in matches if s.kind != "institution"] or matches
    if len(matches) > 1 and country is not None:
        matches = [s for s in matches if s.country and fold(s.country) == fold(country)] or matches
    # several speakers carry this exact name (their countries differ, or some have none): the
    # first one seen, rather than a new speaker for every mention that names no country
    return min(matches, key=lambda s: s.id or 0) if matches else None


def _people_with_surname(session: Session, surname: str) -> list[Speaker]:
    stmt = select(Speaker).where(Speaker.kind != "institution")
    stmt = stmt.where(col(Speaker.surname).startswith(surname[:3], autoescape=True))
    return list(session.exec(stmt))


def _people_with_word(session: Session, word: str) -> list[Speaker]:
    stmt = select(Speaker).where(Speaker.kind != "institution")
    stmt = stmt.where(
        (col(Speaker.key) == word)
        | col(Speaker.key).startswith(f"{word} ", autoescape=True)
        | col(Speaker.key).endswith(f" {word}", autoescape=True)
    )
    return list(session.exec(stmt))


def match_person(session: Session, name: str, country: str | None = None) -> Speaker | None:
    """The known person ``name`` denotes, or None when unknown or ambiguous."""
    tokens = name_tokens(name)
    if not tokens:
        return None
    key = " ".join(tokens)
    found = _by_alias(session, key, "person", country)
    if found is not None:
        return found
    candidates = [
        s for s in _people_with_surname(session, tokens[-1]) if countries_agree(s.country, country)
    ]
    if len(tokens) == 1:
        # lone surname (or a family name written first, "Wang"): merged only when unique
        holders = [
            s for s in _people_with_word(session, tokens[0]) if countries_agree(s.country, country)
        ]
        return holders[0] if len(holders) == 1 else None
    fits = [s for s in candidates if len(s.key.split()) > 1 and same_person(s.key, key)]
    if len(fits) == 1:
        return fits[0]
    lone = [s for s in candidates if s.key == tokens[-1]]
    return lone[0] if len(fits) == 0 and len(lone) == 1 else None


def _add_alias(session: Session, speaker: Speaker, name: str, key: str) -> None:
    assert speaker.id is not None
    exists = session.exec(
        select(Alias.id).where(Alias.speaker_id == speaker.id, Alias.key == key)
    ).first()
    if exists is None:
        session.add(Alias(speaker_id=speaker.id, name=name, key=key))


def _prefer_name(speaker: Speaker, name: str, key: str) -> None:
    """Keep the fullest name seen as the canonical one."""
    if len(key.split()) > len(speaker.key.split()):
        speaker.name = name.strip()
        speaker.key = key
        speaker.surname = key.split()[-1]


def resolve_speaker(
    session: Session,
    name: str,
    *,
    kind: str = "unknown",
    country: str | None = None,
    named: bool = True,
) -> Resolved:
    """Find or create the speaker behind ``name`` and remember ``name`` as an alias."""
    institution = kind == "institution" or not named
    key = name_key(name, institution=institution, country=country)
    if not key:
        key = fold(name).strip() or "unknown"
    found = (
        _by_alias(session, key, kind, country)
        if institution
        else match_person(session, name, country)
    )
    created = found is None
    if found is None:
        found = Speaker(
            name=name.strip(),
            key=key,
            surname=None if institution else key.split()[-1],
            kind=kind if kind != "unknown" or named else "institution",
            country=country,
        )
        session.add(found)
        session.flush()
    else:
        if not institution:
            _prefer_name(found, name, key)
        if found.country is None and country:
            found.country = country
        if found.kind == "unknown" and kind != "unknown":
            found.kind = kind
    _add_alias(session, found, name.strip(), key)
    return Resolved(found, created)


def speaker_named(session: Session, name: str) -> Speaker | None:
    """The speaker whose name is exactly ``name`` (case and spacing aside), the first stored if
    several are; ``None`` when none is. A user picking a known speaker means that one."""
    wanted = " ".join(name.split()).lower()
    if not wanted:
        return None
    stmt = select(Speaker).where(func.lower(Speaker.name) == wanted).order_by(col(Speaker.id))
    return session.exec(stmt).first()


def record_role(
    session: Session,
    speaker_id: int,
    article_id: int,
    title: str | None,
    affiliation: str | None,
    seen: date | None,
) -> None:
    """Add one entry to the speaker's role history (once per article and title)."""
    title = clean_role(title)
    if not title and not affiliation:
        return
    exists = session.exec(
        select(RoleSpell.id).where(
            RoleSpell.speaker_id == speaker_id,
            RoleSpell.article_id == article_id,
            RoleSpell.title == title,
        )
    ).first()
    if exists is None:
        session.add(
            RoleSpell(
                speaker_id=speaker_id,
                article_id=article_id,
                title=title,
                affiliation=affiliation,
                seen=seen,
            )
        )


# -- looking speakers up (reads) ---------------------------------------------------------------


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


def statement_count() -> Any:
    """What a speaker said, counted once however many outlets carried it: their distinct
    statements, plus each of their quotes not (yet) grouped into one."""
    ungrouped = case((col(Quote.statement_id).is_(None) & col(Quote.id).is_not(None), 1), else_=0)
    return func.count(distinct(col(Quote.statement_id))) + func.coalesce(func.sum(ungrouped), 0)


def _speaker_rows(session: Session, stmt: Select[Any], limit: int | None) -> list[SpeakerRow]:
    """Speakers of ``stmt`` with a quote, with their counts: most statements first, then
    most quotes (a remark copied by thirty outlets is one statement, not thirty)."""
    said = statement_count()
    counted = (
        stmt.add_columns(func.count(col(Quote.id)).label("n"), said.label("said"))
        .outerjoin(Quote, col(Quote.speaker_id) == col(Speaker.id))
        .group_by(col(Speaker.id))
        .having(func.count(col(Quote.id)) > 0)
        .order_by(said.desc(), func.count(col(Quote.id)).desc(), col(Speaker.name))
    )
    if limit is not None:
        counted = counted.limit(limit)
    found = list(session.execute(counted))
    roles = _latest_roles(session, [speaker.id for speaker, *_counts in found])
    return [
        SpeakerRow(
            id=speaker.id,
            name=speaker.name,
            kind=speaker.kind,
            country=speaker.country,
            latest_role=roles.get(speaker.id),
            quote_count=int(n),
            statement_count=int(said),
        )
        for speaker, n, said in found
    ]


def _holding(query: str) -> Select[Any]:
    """Speakers whose name or one of whose aliases contains ``query`` (case and accents aside)."""
    needle = query.strip().lower()
    alias_ids = select(Alias.speaker_id).where(
        func.lower(Alias.key).contains(fold(query.strip()), autoescape=True)
        | func.lower(Alias.name).contains(needle, autoescape=True)
    )
    return select(Speaker).where(
        or_(
            func.lower(Speaker.name).contains(needle, autoescape=True),
            col(Speaker.id).in_(alias_ids),
        )
    )


def list_speakers(
    session: Session, query: str | None = None, limit: int | None = None
) -> list[SpeakerRow]:
    """Speakers with at least one quote, most statements first (copies counted once), then
    most quotes; ``query`` filters by name/alias."""
    stmt: Select[Any] = _holding(query) if query and query.strip() else select(Speaker)
    return _speaker_rows(session, stmt, limit)


def _speaker_row(session: Session, speaker_id: int) -> SpeakerRow:
    rows = _speaker_rows(session, select(Speaker).where(Speaker.id == speaker_id), None)
    if rows:
        return rows[0]
    speaker = session.get(Speaker, speaker_id)
    assert speaker is not None and speaker.id is not None
    role = _latest_roles(session, [speaker.id]).get(speaker.id)
    return SpeakerRow(speaker.id, speaker.name, speaker.kind, speaker.country, role, 0)


def _rows_of(session: Session, ids: set[int]) -> list[SpeakerRow]:
    """Rows for ``ids``, most statements first (as ``list_speakers``)."""
    return sorted(
        (_speaker_row(session, i) for i in ids),
        key=lambda row: (-row.statement_count, -row.quote_count, row.name),
    )


def _exact_ids(session: Session, text: str) -> set[int]:
    """Speakers carrying ``text`` as their name or as an alias (normalised)."""
    keys = {name_key(text), name_key(text, institution=True), fold(text)}
    ids = set(session.exec(select(Alias.speaker_id).where(col(Alias.key).in_(keys))))
    named = select(Speaker.id).where(func.lower(Speaker.name) == text.lower())
    return ids | {i for i in session.exec(named) if i is not None}


def _fuzzy_ids(session: Session, text: str) -> set[int]:
    """Speakers with an alias close to ``text`` (the fuzzy matcher of ``quotes.store.names``)."""
    aliases = list(session.exec(select(Alias.speaker_id, Alias.key).limit(50_000)))
    if not aliases:
        return set()
    key = name_key(text, institution=True)
    found = closest(key, [k for _i, k in aliases], cutoff=FUZZY_LOOKUP_MIN, limit=5)
    return {aliases[index][0] for index in found}


def _person_ids(session: Session, text: str) -> set[int]:
    person = match_person(session, text)
    return {person.id} if person is not None and person.id is not None else set()


def speaker_candidates(session: Session, name: str) -> list[SpeakerRow]:
    """Every speaker ``name`` could denote: exact name or alias, else the known person it
    names, else fuzzy alias matches (for "did you mean" messages)."""
    text = name.strip()
    if not text:
        return []
    ids = _exact_ids(session, text) or _person_ids(session, text) or _fuzzy_ids(session, text)
    return _rows_of(session, ids)


def _one_of(rows: list[SpeakerRow], name: str) -> SpeakerRow | None:
    """The single row, or the single row whose name is exactly ``name``; else None."""
    if len(rows) == 1:
        return rows[0]
    exact = [row for row in rows if row.name.casefold() == name.strip().casefold()]
    return exact[0] if len(exact) == 1 else None


def _by_id(session: Session, text: str) -> SpeakerRow | None:
    speaker_id = int(text.strip())
    return _speaker_row(session, speaker_id) if session.get(Speaker, speaker_id) else None


def find_speaker(session: Session, name: str) -> SpeakerRow | None:
    """The speaker ``name`` denotes ("Blinken", "Secretary Blinken", "Antony Blinken", "3").

    Returns None when nothing matches or when the name is ambiguous (two different "Wang"s);
    ``speaker_candidates`` lists the choices.
    """
    if name.strip().isdigit():
        return _by_id(session, name)
    return _one_of(speaker_candidates(session, name), name)


class UnknownSpeaker(QueryError):
    """No speaker matches a speaker filter."""

    def __init__(self, text: str) -> None:
        super().__init__(f"no speaker matching {text!r} (list them with `quotes speakers`)")
        self.text = text


class AmbiguousSpeaker(QueryError):
    """A speaker filter matches several speakers; ``candidates`` are the choices."""

    def __init__(self, text: str, candidates: Sequence[SpeakerRow]) -> None:
        names = ", ".join(f"{c.name} (id {c.id})" for c in candidates[:CANDIDATES_SHOWN])
        super().__init__(f"{text!r} is ambiguous: {names}; give the full name or the id")
        self.text = text
        self.candidates = list(candidates)


def resolve_speaker_filter(session: Session, text: str) -> SpeakerRow:
    """The one speaker a filter names: the policy shared by the CLI and the TUI.

    An id ("3") or an exact name or alias wins; else the known person it names ("Secretary
    Blinken"); else the one speaker whose name or alias is close to it or contains it
    ("Wenbin", "Blin"). Nothing found is ``UnknownSpeaker``; several are ``AmbiguousSpeaker``
    listing them. Callers filter on ``.id`` (``QuoteFilter.speaker_ids``).
    """
    name = text.strip()
    if not name:
        raise UnknownSpeaker(text)
    if name.isdigit():
        found = _by_id(session, name)
        if found is None:
            raise UnknownSpeaker(text)
        return found
    ids = _exact_ids(session, name) or _person_ids(session, name) or _near_ids(session, name)
    if not ids:
        raise UnknownSpeaker(text)
    return _chosen(_rows_of(session, ids), text)


def _near_ids(session: Session, name: str) -> set[int]:
    """Speakers with an alias close to ``name``, or whose name or an alias contains it."""
    holding = _holding(name).with_only_columns(col(Speaker.id))
    return _fuzzy_ids(session, name) | {i for i in session.scalars(holding) if i is not None}


def _chosen(rows: list[SpeakerRow], text: str) -> SpeakerRow:
    found = _one_of(rows, text)
    if found is None:
        raise AmbiguousSpeaker(text, rows)
    return found


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
