"""Property (issue 14): every span any export format puts between quotation marks occurs
verbatim between quotation marks in the source article.

Articles: the repository's corpus/ and seeds/, and generated texts, all extracted with the
surface parser (no models)."""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes.export import ELLIPSIS, to_csl_json, to_csv, to_markdown
from quotes.nlp.parse import surface_parse
from quotes.nlp.pipeline import extract_parsed
from quotes.nlp.types import Document, ExtractedQuote
from quotes.readers import read_document
from quotes.store.rows import ExchangeRow, QuoteRow

REPO = Path(__file__).resolve().parents[2]
DOUBLE_MARKS = '"“”„«»'
_CURLY = re.compile(r"“(.*?)”", re.DOTALL)
_MD_ESCAPE = re.compile(r"\\(.)")
_QUOTE_LINE = re.compile(r"^> ?", re.MULTILINE)


_REPORTED = re.compile(r"[A-Z][^.\n]* (?:said|told reporters|added|warned) that [^.\n]*\.")


def _reported(text: str) -> list[ExtractedQuote]:
    """Reported statements as the deep parser finds them (the surface parser finds none)."""
    return [
        ExtractedQuote(
            m.start(),
            m.end(),
            m.group(0),
            form="reported",
            paragraph=text.count("\n\n", 0, m.start()),
        )
        for m in _REPORTED.finditer(text)
    ]


def _rows(doc: Document) -> list[QuoteRow]:
    quotes = extract_parsed(doc, surface_parse(doc.text)).quotes + _reported(doc.text)
    return [_row(i, doc, quote) for i, quote in enumerate(quotes)]


def _row(i: int, doc: Document, quote: ExtractedQuote) -> QuoteRow:
    speaker = quote.speaker
    return QuoteRow(
        id=i + 1,
        text=quote.text,
        form=quote.form,
        type=quote.type,
        target=quote.target,
        confidence=quote.confidence,
        speaker_id=None,
        speaker=speaker.name if speaker else None,
        role=speaker.role if speaker else None,
        country=speaker.affiliation if speaker else None,
        article_id=1,
        title=doc.meta.title,
        outlet=doc.meta.outlet,
        url=doc.meta.url,
        published=None,
        date_text=doc.meta.date,
        start=quote.start,
        end=quote.end,
        paragraph=quote.paragraph,
        after=doc.text[quote.end : quote.end + 60],
    )


def _inside_marks(text: str, span: str) -> bool:
    """Whether ``span`` occurs in ``text`` after an odd number of double marks in its
    paragraph (between marks), or in a paragraph opened by a mark (a quote running on)."""
    for match in re.finditer(re.escape(span), text):
        para_start = text.rfind("\n\n", 0, match.start()) + 1
        prefix = text[para_start : match.start()]
        if sum(prefix.count(mark) for mark in DOUBLE_MARKS) % 2 == 1:
            return True
    return False


def _markdown_spans(md: str) -> Iterator[str]:
    plain = _MD_ESCAPE.sub(r"\1", _QUOTE_LINE.sub("", md))
    for match in _CURLY.finditer(plain):
        yield from match.group(1).split(ELLIPSIS)


def _text_spans(value: str) -> Iterator[str]:
    for match in _CURLY.finditer(value):
        yield from match.group(1).split(ELLIPSIS)


def _export_spans(rows: list[QuoteRow]) -> Iterator[tuple[str, str]]:
    pairs = [ExchangeRow(a, b, False) for a, b in itertools.pairwise(rows)][:3]
    made = date(2031, 1, 1)
    for group in ("speaker", "exchange"):
        md = to_markdown(rows, group=group, exchanges=pairs, title="test", made=made)
        yield from ((f"markdown/{group}", span) for span in _markdown_spans(md))
    for item in json.loads(to_csl_json(rows)):
        for key in ("abstract", "note"):
            yield from ((f"csl-json/{key}", s) for s in _text_spans(item.get(key, "")))
    for record in csv.DictReader(io.StringIO(to_csv(rows))):
        yield from (("csv", span) for span in _text_spans(record["text"]))


def _check(doc: Document) -> None:
    rows = _rows(doc)
    source = doc.text + "\n\n" + (doc.meta.title or "")
    for fmt, span in _export_spans(rows):
        assert span.strip(), f"{fmt}: empty quotation"
        assert _inside_marks(source, span), f"{fmt}: “{span}” is not a quote in the article"


def _articles() -> list[Path]:
    paths = sorted((REPO / "corpus").glob("*.md")) + sorted((REPO / "seeds").glob("*.txt"))
    return [path for path in paths if path.name != "README.md"]


@pytest.mark.parametrize("path", _articles(), ids=lambda p: p.name)
def test_repository_articles(path: Path) -> None:
    _check(read_document(path))


NAMES = ["Mira Kostova", "Ivo Brenn", "the ministry", "Haber", "She", "A spokesman"]
WORDS = ["we", "will", "not", "yield", "Norland", "lies", "*drones*", "_x_", "#1", "[a]", "Iraq"]
CUES = ["said", "told reporters", "added", "warned"]
ENDS = [",", ".", "!", "?", ";", ""]


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8))
    more = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6))
    a, b = " ".join(words).capitalize(), " ".join(more)
    name, cue, end = (
        draw(st.sampled_from(NAMES)),
        draw(st.sampled_from(CUES)),
        draw(st.sampled_from(ENDS)),
    )
    op, cl = draw(st.sampled_from([("“", "”"), ('"', '"')]))
    forms = [
        f"{op}{a},{cl} {name} {cue}, {op}{b}.{cl}",
        f"{op}{a},{cl} {name} {cue}. {op}{b.capitalize()}.{cl}",
        f"{name} {cue}: {op}{a}{end}{cl}",
        f"{op}{a}{end}{cl} {name} {cue}.",
        f"{name} {cue} that {b}.",
        f"{name} {cue} that {b} was {op}{a}{cl}.",
        f"{op}{a}",  # a quote running on into the next paragraph
    ]
    return draw(st.sampled_from(forms))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(paragraph(), min_size=1, max_size=6))
def test_generated_articles(paragraphs: list[str]) -> None:
    _check(Document("\n\n".join(paragraphs)))
