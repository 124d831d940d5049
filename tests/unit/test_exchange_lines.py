"""Issue 17: linking answers to charges is linear in the text (one-paragraph articles).

The time itself is ``bench/linearity_bench.py``'s; here, the work per answer is bounded: the
countries of a line are looked up once, and a line's bounds come from a bisection that gives
what scanning the text for line breaks gave."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.nlp import exchanges
from quotes.nlp.exchanges import _Lines, link_exchanges
from quotes.nlp.types import ExtractedQuote, ExtractedSpeaker


def _scanned(text: str, start: int, end: int) -> tuple[int, int]:
    """The line holding ``text[start:end]``, by scanning (the quadratic way it was found)."""
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, line_end if line_end >= 0 else len(text)


@settings(derandomize=True, max_examples=200, deadline=None)
@given(text=st.text(alphabet="ab\n", max_size=40), data=st.data())
def test_line_bounds_are_those_a_scan_finds(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert _Lines(text).around(start, end) == _scanned(text, start, end)


def test_one_line_with_many_answers_is_searched_for_countries_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sentence = "Norland accused Valdoria. “We deny it,” Marken said. "
    text = sentence * 300  # one line, 300 charges and 300 answers
    quotes: list[ExtractedQuote] = []
    for n in range(300):
        at = n * len(sentence)
        norland = ExtractedSpeaker("Olav Dahl", affiliation="Norland", kind="person")
        valdoria = ExtractedSpeaker("Ilse Marken", affiliation="Valdoria", kind="person")
        quotes.append(
            ExtractedQuote(
                at,
                at + 24,
                text[at : at + 24],
                "reported",
                norland,
                type="accuse",
                target="Valdoria",
            )
        )
        quotes.append(
            ExtractedQuote(at + 26, at + 38, "We deny it", "direct", valdoria, type="deny")
        )
    searched: list[int] = []
    real = exchanges._countries

    def counting(part: str) -> set[str]:
        searched.append(len(part))
        return real(part)

    monkeypatch.setattr(exchanges, "_countries", counting)
    link_exchanges(quotes, text)
    assert searched == [len(text)]  # the one line, once (was: once per answer)
    assert all(q.responds_to is not None for q in quotes if q.type == "deny")
