"""Speaker names as keys: normalisation, the one fuzzy matcher, and when two names agree.

Pure (no database): ``quotes.store.speakers`` resolves names to rows with these rules. Titles
("Secretary", "Foreign Minister") come from the ``titles`` word list in ``quotes/nlp/lexicons/``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from quotes.nlp.lexicon import fold, word_list

FUZZY_MIN = 90.0
_WORD = re.compile(r"[\w'’-]+", re.UNICODE)
_NOT_ROLES = frozenset(
    {"a", "an", "the", "by", "of", "with", "after", "before", "in", "on", "at", "for", "from"}
)


def similarity(a: str, b: str) -> float:
    """How alike two names or keys are, 0-100 (word order ignored): the one fuzzy scorer."""
    return float(fuzz.token_sort_ratio(a, b))


def closest(key: str, choices: Sequence[str], *, cutoff: float, limit: int) -> list[int]:
    """Indexes into ``choices`` of the at most ``limit`` keys scoring ``cutoff`` or more."""
    found = process.extract(
        key, choices, scorer=fuzz.token_sort_ratio, score_cutoff=cutoff, limit=limit
    )
    return [index for _choice, _score, index in found]


def name_tokens(name: str, *, strip_titles: bool = True) -> list[str]:
    """Folded name words with titles, possessives and dots removed."""
    words = [w.strip("'-") for w in _WORD.findall(fold(name))]
    words = [w[:-2] if w.endswith("'s") else w for w in words if w]
    if strip_titles:
        titles = word_list("titles")
        kept = [w for w in words if w not in titles]
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


def clean_role(role: str | None) -> str | None:
    """A role worth keeping: None for empty or function-word-only text ("by", "of")."""
    if role is None:
        return None
    text = " ".join(role.split())
    words = [w.lower() for w in text.split()]
    if not words or all(w in _NOT_ROLES for w in words):
        return None
    return text


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
    close = sa == sb or (sa[:3] == sb[:3] and similarity(sa, sb) >= FUZZY_MIN - 5)
    return close and given_names_compatible(ta[:-1], tb[:-1])


def countries_agree(a: str | None, b: str | None) -> bool:
    """Two countries that do not contradict each other (either unknown, or the same)."""
    return a is None or b is None or fold(a) == fold(b)
