"""Issue 17: a pathological article (thousands of quote marks) gets a bounded deep parse."""

from __future__ import annotations

import re
from collections.abc import Callable

from quotes.nlp import pipeline
from quotes.nlp.parse import ParsedDoc, surface_parse
from quotes.nlp.selection import DEEP_SENTENCES_PER_100K
from quotes.nlp.types import Document

Selector = Callable[[str, tuple[int, int]], bool]


class CountingParser:
    """Surface parse, counting the sentences the selector would send to the models."""

    def __init__(self) -> None:
        self.deep: dict[int, int] = {}

    def parse(self, text: str, selector: Selector) -> ParsedDoc:
        sentences = [m.span() for m in re.finditer(r"[^.]+\.", text)]
        self.deep[len(text)] = sum(selector(text, s) for s in sentences)
        return surface_parse(text)


def test_thousands_of_marks_are_mostly_left_to_the_surface_rules() -> None:
    bad = 'It was "denied. ' * 5000  # ~80 KB: 5,000 unbalanced marks, every sentence a candidate
    good = '"We reject this," the minister said. Talks went on. ' * 10
    parser = CountingParser()
    found = list(pipeline.extract_many([Document(bad), Document(good)], parser))
    assert len(found) == 2
    assert parser.deep[len(bad)] <= DEEP_SENTENCES_PER_100K
    assert parser.deep[len(good)] <= 10  # a normal article is not cut
