"""Speakers across articles: one ``Speaker`` row per person or institution, many aliases.

A name is normalised (titles such as "Secretary" or "Foreign Minister" stripped, accents and
case folded) and matched against known speakers in this order: an exact alias, a full name that
agrees on the surname and on the given names, a fuzzy match (rapidfuzz) among speakers sharing
the surname's first letters, and a lone surname ("Blinken") when exactly one known person
carries it. Guard: two full names with the same surname but different given names or initials
("Wang Yi" / "Wang Wenbin", "George W. Bush" / "George H. W. Bush") are never merged, and a
lone surname shared by several people is left unmerged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from quotes.models import Alias, RoleSpell, Speaker
from quotes.nlp.lexicon import fold

TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sir",
        "dame",
        "lord",
        "lady",
        "madam",
        "mister",
        "his",
        "her",
        "excellency",
        "honorable",
        "honourable",
        "president",
        "vice",
        "prime",
        "minister",
        "foreign",
        "deputy",
        "secretary",
        "state",
        "general",
        "gen",
        "lt",
        "col",
        "colonel",
        "ambassador",
        "envoy",
        "senator",
        "sen",
        "rep",
        "representative",
        "congressman",
        "congresswoman",
        "chancellor",
        "premier",
        "king",
        "queen",
        "prince",
        "crown",
        "sheikh",
        "emir",
        "chairman",
        "chairwoman",
        "chair",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "spokes",
        "commissioner",
        "governor",
        "mayor",
        "pope",
        "rev",
        "reverend",
        "admiral",
        "adm",
        "chief",
        "director",
        "undersecretary",
        "under",
        "assistant",
        "top",
        "official",
        "officials",
        "leader",
        "defense",
        "defence",
        "national",
        "security",
        "adviser",
        "advisor",
        "apnsa",
        "of",
        "the",
    ]
)
SURNAME_PARTICLES = frozenset({"van", "von", "de", "del", "der", "da", "di", "al", "el", "bin"})
FUZZY_MIN = 90.0
_WORD = re.compile(r"[\w'’-]+", re.UNICODE)


def name_tokens(name: str, *, strip_titles: bool = True) -> list[str]:
    """Folded name words with titles, possessives and dots removed."""
    words = [w.strip("'-") for w in _WORD.findall(fold(name))]
    words = [w[:-2] if w.endswith("'s") else w for w in words if w]
    if strip_titles:
        kept = [w for w in words if w not in TITLES]
        words = kept or words
    return words


def name_key(name: str, *, institution: bool = False, country: str | None = None) -> str:
    """The lookup key of a name; institutions keep their words and carry their country.

    An institution's own country word is dropped ("Chinese Foreign Ministry" with country
    China keys as "foreign ministry (china)"), so both spellings meet.
    """
    tokens = name_tokens(name, strip_titles=not institution)
    if institution and country:
        stem = fold(country)[:4]
        kept = [t for t in tokens if t != "the" and not (len(stem) == 4 and t.startswith(stem))]
        tokens = kept or tokens
    key = " ".join(tokens)
    if institution and country:
        key = f"{key} ({fold(country)})"
    return key


_NOT_ROLES = frozenset(
    {"a", "an", "the", "by", "of", "with", "after", "before", "in", "on", "at", "for", "from"}
)


def clean_role(role: str | None) -> str | None:
    """A role worth keeping: None for empty or function-word-only text ("by", "of")."""
    if role is None:
        return None
    text = " ".join(role.split())
    words = [w.lower() for w in text.split()]
    if not words or all(w in _NOT_ROLES for w in words):
        return None
    return text


def surname_of(tokens: list[str]) -> str | None:
    """The last word of a person's name (particles like "von" kept with it)."""
    return tokens[-1] if tokens else None


def _initial_compatible(a: str, b: str) -> bool:
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def given_names_compatible(a: list[str], b: list[str]) -> bool:
    """Same person by given names? Empty is compatible; differing initials are not.

    ``["antony"]`` ~ ``["antony", "j"]``; ``["george", "w"]`` !~ ``["george", "h", "w"]``.
    """
    if not a or not b:
        return True
    if not _initial_compatible(a[0], b[0]):
        return False
    middle_a, middle_b = a[1:], b[1:]
    if middle_a and middle_b:
        return len(middle_a) == len(middle_b) and all(
            _initial_compatible(x, y) for x, y in zip(middle_a, middle_b, strict=True)
        )
    return True


def same_person(a: str, b: str) -> bool:
    """Could two person names denote the same person (exact or close surname, given names)?"""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    if len(ta) == 1 or len(tb) == 1:
        return False  # a lone surname is resolved by uniqueness, not by pairwise comparison
    sa, sb = ta[-1], tb[-1]
    close = sa == sb or (sa[:3] == sb[:3] and fuzz.ratio(sa, sb) >= FUZZY_MIN - 5)
    return close and given_names_compatible(ta[:-1], tb[:-1])


def _countries_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or fold(a) == fold(b)


@dataclass(slots=True)
class Resolved:
    speaker: Speaker
    created: bool


def _by_alias(session: Session, key: str, kind: str, country: str | None) -> Speaker | None:
    stmt = select(Speaker).join(Alias, col(Alias.speaker_id) == col(Speaker.id))
    stmt = stmt.where(Alias.key == key)
    matches = [s for s in session.exec(stmt).unique() if _countries_agree(s.country, country)]
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
        s for s in _people_with_surname(session, tokens[-1]) if _countries_agree(s.country, country)
    ]
    if len(tokens) == 1:
        # lone surname (or a family name written first, "Wang"): merged only when unique
        holders = [
            s for s in _people_with_word(session, tokens[0]) if _countries_agree(s.country, country)
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


def role_history(session: Session, speaker_id: int) -> list[tuple[date | None, str | None]]:
    """``(date seen, role)`` for a speaker, oldest first (undated last)."""
    rows = session.execute(
        sa_select(col(RoleSpell.seen), col(RoleSpell.title))
        .where(col(RoleSpell.speaker_id) == speaker_id)
        .order_by(col(RoleSpell.seen).is_(None), col(RoleSpell.seen), col(RoleSpell.id))
    )
    return [(seen, title) for seen, title in rows]
