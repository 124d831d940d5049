"""The one paragraph helper (``quotes.text.paragraph_bounds``)."""

from __future__ import annotations

from quotes.text import paragraph_bounds

TEXT = "Intro line.\n\n“First,” she said.\nStill the same paragraph.\n\nLast one."


def test_stored_index_gives_the_extractors_paragraph() -> None:
    start = TEXT.index("“First")
    left, right = paragraph_bounds(TEXT, start, start + 8, 1)
    assert TEXT[left:right] == "“First,” she said.\nStill the same paragraph."


def test_stale_or_missing_index_falls_back_to_the_offsets() -> None:
    start = TEXT.index("“First")
    for index in (None, 0, 7, -1):
        left, right = paragraph_bounds(TEXT, start, start + 8, index)
        assert TEXT[left:right] == "“First,” she said.\nStill the same paragraph."


def test_line_separated_text() -> None:
    text = "One.\n“Two,” he said.\nThree."
    start = text.index("“")
    left, right = paragraph_bounds(text, start, start + 6)
    assert text[left:right] == "“Two,” he said."
