"""An unnamed speaker's country from the words before its role ("the Chinese Foreign Ministry
... a Foreign Ministry spokesperson"), and without a new regular expression per mention: each
one compiled the whole country alternation again (41 ms) and re's cache kept up to 512 of them,
so a long ingest grew each worker by tens of MB (issue 16)."""

from __future__ import annotations

import re
import tracemalloc
from types import SimpleNamespace

from quotes.nlp.context import _infer_country
from quotes.nlp.mentions import Mention

TEXT = (
    "BEIJING - The Chinese Foreign Ministry rejected the report on Monday.\n\n"
    "It is groundless, a Foreign Ministry spokesperson said."
)


def _context(text: str) -> SimpleNamespace:
    return SimpleNamespace(text=text, parsed=SimpleNamespace(sentence_at=lambda offset: None))


def _nominal(text: str, role: str) -> Mention:
    start = text.index(role)
    return Mention(start, start + len(role), role, "nominal", role=role)


def test_the_country_named_before_the_role_words_is_the_speakers() -> None:
    mention = _nominal(TEXT, "Foreign Ministry spokesperson")
    _infer_country(_context(TEXT), mention)  # type: ignore[arg-type]
    assert mention.country == "China"


def test_the_last_country_before_the_role_wins_and_none_without_one() -> None:
    text = (
        "The Russian Foreign Ministry and the Chinese Foreign Ministry both answered.\n\n"
        "A Foreign Ministry official said so."
    )
    mention = _nominal(text, "Foreign Ministry official")
    _infer_country(_context(text), mention)  # type: ignore[arg-type]
    assert mention.country == "China"
    plain = "Nobody answered.\n\nA Foreign Ministry official said so."
    mention = _nominal(plain, "Foreign Ministry official")
    _infer_country(_context(plain), mention)  # type: ignore[arg-type]
    assert mention.country is None


def test_many_roles_compile_no_country_pattern_each() -> None:
    re.purge()
    ctx = _context(TEXT)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for i in range(30):
            role = f"Ministry deputy{i} spokesperson"
            mention = Mention(len(TEXT) - 10, len(TEXT) - 5, role, "nominal", role=role)
            _infer_country(ctx, mention)  # type: ignore[arg-type]
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert grown < 1_000_000, f"{grown} bytes kept for 30 mentions"
