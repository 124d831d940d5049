"""Quote spans from every quote-mark convention, and bad input that must not lose text."""

from __future__ import annotations

import pytest

from quotes.nlp.marks import find_quotes, paragraphs


def inner(text: str) -> list[str]:
    return [q.inner(text) for q in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said: "We deny it." Then he left.', ["We deny it."]),
        ("“We deny it,” he said.", ["We deny it,"]),
        ("Er sagte: „Das ist falsch.“ Dann ging er.", ["Das ist falsch."]),
        ("Il a dit : « c'est faux » hier.", [" c'est faux "]),
        ("Sie sagte: »Nein, niemals.« Dann ging sie.", ["Nein, niemals."]),
        ("Er sagte: ‚Nein.‘ Dann ging er.", ["Nein."]),
        ("He called it ‘a disgrace’ on Tuesday.", ["a disgrace"]),
        ('She called the report "groundless" and left.', ["groundless"]),
    ],
)
def test_quote_mark_conventions(text: str, expected: list[str]) -> None:
    assert inner(text) == expected


def test_interrupted_quote_is_two_runs() -> None:
    text = '"We are concerned," he said, "and we will respond."'
    assert inner(text) == ["We are concerned,", "and we will respond."]


def test_nested_quotes_stay_inside_the_outer_one() -> None:
    text = "\"He told me 'never again' and left,\" she said."
    assert inner(text) == ["He told me 'never again' and left,"]


def test_curly_nested_single_marks() -> None:
    text = "“They called it ‘a trick’ again,” the spokesman said."
    assert inner(text) == ["They called it ‘a trick’ again,"]


def test_multi_paragraph_quote_links_each_paragraph() -> None:
    text = "“First paragraph of the speech.\n\n“Second paragraph,” she said.\n\nAfter."
    spans = find_quotes(text)
    assert [s.inner(text) for s in spans] == ["First paragraph of the speech.", "Second paragraph,"]
    assert spans[0].continued and not spans[0].closed
    assert spans[1].continues == 0


def test_apostrophes_and_inch_marks_are_not_quotes() -> None:
    text = 'China’s envoy, 6\'2" tall, said the players’ union was wrong. "Yes," he said.'
    assert inner(text) == ["Yes,"]


def test_unbalanced_mark_costs_one_paragraph_at_most() -> None:
    text = 'He said "this never closes.\n\n"Next paragraph," she said.\n\n"Third one," they said.'
    got = inner(text)
    assert "Third one," in got
    assert "Next paragraph," in got


def test_thousand_unbalanced_marks_do_not_lose_the_document() -> None:
    noise = '" ' * 1000
    text = noise + '\n\n"A real quote," the minister said.'
    assert "A real quote," in inner(text)


def test_empty_and_whitespace_text() -> None:
    assert find_quotes("") == []
    assert find_quotes("   \n\n  ") == []
    assert paragraphs("") == []


def test_binary_like_text_does_not_crash() -> None:
    text = '\x00\x01\x02"\xff\ufffd" abc'
    find_quotes(text)


def test_offsets_include_the_marks() -> None:
    text = 'Intro. "Quoted words," he said.'
    (span,) = find_quotes(text)
    assert text[span.start : span.end] == '"Quoted words,"'
