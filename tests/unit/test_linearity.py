"""Issue 17: extraction is linear in the text, however long its paragraphs and sentences.

The time itself is ``bench/linearity_bench.py``'s; here, the work per item is bounded and gives
what the quadratic way gave: a sentence end is checked for an abbreviation in the last few
characters only (not the whole sentence so far), the countries of a line are looked up once,
and a line's bounds come from a bisection, not a scan of the text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.nlp import exchanges
from quotes.nlp.exchanges import _Lines, link_exchanges
from quotes.nlp.parse import _ABBREV, _SENT_END, surface_parse
from quotes.nlp.types import ExtractedQuote, ExtractedSpeaker

PIECES = ["Mr.", "U.S.", "Dr. ", "A. ", ". ", "! ", "? ", "”", '"', "»", " ", "\n", "Sept."]
PIECES += ["word", "Jones", "X.", "e.g.", "No. 5", " The", "“", "Gen. "]


def _whole_sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Sentence bounds as found before, searching all of the sentence for the abbreviation."""
    pos, bounds = 0, []
    for match in _SENT_END.finditer(text):
        paragraph_break = match.group(0).count("\n") >= 2  # a blank line ends any sentence
        if not paragraph_break and _ABBREV.search(text[pos : match.start() + 1].rstrip('"”’» ')):
            continue
        bounds.append((pos, match.start() + len(match.group(0).rstrip())))
        pos = match.end()
    return [(a, b) for a, b in [*bounds, (pos, len(text))] if text[a:b].strip()]


def _trimmed(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [
        (a + len(text[a:b]) - len(text[a:b].lstrip()), len(text[:b].rstrip())) for a, b in bounds
    ]


@settings(derandomize=True, max_examples=300, deadline=None)
@given(parts=st.lists(st.sampled_from(PIECES), max_size=40))
def test_sentences_are_those_a_whole_sentence_search_finds(parts: list[str]) -> None:
    text = "".join(parts)
    found = [(s.start, s.end) for s in surface_parse(text).sentences]
    expected = _trimmed(text, _whole_sentence_bounds(text))
    assert found == expected


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
