"""The extractor's orchestration: text -> quote spans -> parse -> rules -> types -> exchanges.

``extract_parsed`` runs the rules over a ``ParsedDoc`` (tests hand-build one): direct quotes
(``direct``), reported statements (``reported``), targets and exchanges. ``extract`` and
``extract_many`` add the stanza parser, deep-parsing only the sentences ``selection`` picks.
The rules themselves live in those modules, not here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from quotes.nlp import lexicon, parties
from quotes.nlp.classify import carry_targets, retarget
from quotes.nlp.context import DocContext, observations
from quotes.nlp.direct import HEADING, direct_quotes
from quotes.nlp.entities import assign_figures, assign_home, settle
from quotes.nlp.exchanges import link_exchanges
from quotes.nlp.marks import SpanIndex, find_quotes, paragraphs
from quotes.nlp.names import repair_names
from quotes.nlp.parse import ParsedDoc, Parser, surface_parse
from quotes.nlp.reported import reported_statements
from quotes.nlp.selection import DeepBudget, deep_selector
from quotes.nlp.statement_model import assign_types
from quotes.nlp.transcript import (
    Turn,
    find_turns,
    link_answers,
    looks_like_transcript,
    transcript_quotes,
)
from quotes.nlp.types import Document, Extraction

__all__ = ["DEEP_PARSE_LIMIT", "deep_selector", "extract", "extract_many", "extract_parsed"]

DEEP_PARSE_LIMIT = (
    1_000_000  # characters; larger documents get the surface parse (minutes, not hours)
)


def extract(document: Document, parser: Parser | None = None) -> Extraction:
    """Quotes of one document."""
    return next(iter(extract_many([document], parser)))


def extract_many(
    documents: Iterable[Document], parser: Parser | None = None, batch_size: int = 8
) -> Iterator[Extraction]:
    """Quotes of many documents, parsing them in batches with one loaded model."""
    if parser is None:
        from quotes.nlp.parse import StanzaParser

        parser = StanzaParser()
    batch: list[Document] = []
    for doc in documents:
        batch.append(doc)
        if len(batch) >= batch_size:
            yield from _run_batch(batch, parser)
            batch = []
    if batch:
        yield from _run_batch(batch, parser)


def _run_batch(batch: Sequence[Document], parser: Parser) -> Iterator[Extraction]:
    """Parse a batch together; documents too large for the models get the surface parse."""
    normal = [d for d in batch if len(d.text) <= DEEP_PARSE_LIMIT]
    many = getattr(parser, "parse_many", None)
    selector = DeepBudget()  # at most a few seconds of deep parsing per 100 KB of a document
    if many is not None:
        parsed_docs = many([d.text for d in normal], selector) if normal else []
    else:
        parsed_docs = [parser.parse(d.text, selector) for d in normal]
    parsed_by_id = {id(d): p for d, p in zip(normal, parsed_docs, strict=True)}
    for doc in batch:
        parsed = parsed_by_id.get(id(doc))
        if parsed is not None:
            yield extract_parsed(doc, parsed)
            continue
        extraction = extract_parsed(doc, surface_parse(doc.text))
        note = f"surface parse only: document over {DEEP_PARSE_LIMIT:,} characters"
        for quote in extraction.quotes:
            quote.evidence.append(note)
            quote.confidence = round(quote.confidence * 0.8, 2)
        yield extraction


def extract_parsed(document: Document, parsed: ParsedDoc) -> Extraction:
    """All rules over an already parsed document, knowing the states it names that the country
    list lacks (``quotes.nlp.parties``)."""
    found = parties.discover(document.text, lexicon.base_countries(), _person_words(parsed))
    with lexicon.document_parties(parties.rows(found)):
        return _extract_parsed(document, parsed)


def _person_words(parsed: ParsedDoc) -> set[str]:
    """Words the NER tagged as part of a person's name of two words or more ("Vladimir
    Putin"); a one-word PER tag is left out: the NER tags unknown states so ("Valdoria")."""
    return {
        tok.text
        for sent in parsed.sentences
        for tok in sent.tokens
        if tok.ner in ("B-PER", "I-PER", "E-PER")
    }


def _extract_parsed(document: Document, parsed: ParsedDoc) -> Extraction:
    text = document.text
    repair_names(parsed)
    paras = paragraphs(text)
    spans = find_quotes(text, paras)
    ctx = DocContext(text, parsed, spans, paras, SpanIndex(spans))
    ctx.observations = observations(parsed)
    ctx.headings = [m.span(1) for m in HEADING.finditer(text)]
    direct = direct_quotes(ctx)
    quotes = sorted(direct + reported_statements(ctx), key=lambda q: q.start)
    ctx.feed_until(len(text) + 1)  # what the whole article says about its speakers
    turns = _transcript_turns(document)
    if not turns:  # in a transcript, people named in questions would become charges' owners
        assign_figures(ctx.registry)
    assign_home(ctx.registry, parties.home_party(text, document.meta.outlet))
    settle(ctx.registry, [q.speaker for q in quotes if q.speaker is not None])
    if turns:  # a briefing transcript: answers by turn (quotes.nlp.transcript)
        quotes = transcript_quotes(text, document.meta, turns, quotes)
    assign_types(quotes, text)
    retarget(quotes)
    carry_targets(quotes)
    link_exchanges(quotes, text)
    if turns:
        link_answers(quotes, turns, text)
    return Extraction(document, quotes)


def _transcript_turns(document: Document) -> list[Turn]:
    """The labelled turns of a transcript ([] for an article): as the reader or the user said
    (``meta.kind``), else as the text looks."""
    kind = document.meta.kind
    if kind == "article" or (kind is None and not looks_like_transcript(document.text)):
        return []
    return find_turns(document.text)
