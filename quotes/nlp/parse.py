"""Parsed text: tokens with tags and dependencies, and the parser behind a small protocol.

``StanzaParser`` is the only place that calls stanza (through ``quotes.nlp.stanza_models``).
Rules work on ``ParsedDoc``; tests build one by hand with ``from_conllu``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(slots=True)
class Token:
    """One word. ``head`` is 1-based within its sentence (0 = root), as in CoNLL-U."""

    id: int
    text: str
    start: int
    end: int
    lemma: str = ""
    upos: str = ""
    head: int = -1  # -1: not parsed
    deprel: str = ""
    ner: str = "O"
    feats: str = ""

    @property
    def parsed(self) -> bool:
        return self.head >= 0


@dataclass(slots=True)
class Sentence:
    tokens: list[Token]
    index: int = 0
    children: dict[int, list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.index_children()

    def index_children(self) -> None:
        self.children = {}
        for tok in self.tokens:
            if tok.head > 0:
                self.children.setdefault(tok.head, []).append(tok.id)

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    @property
    def parsed(self) -> bool:
        return bool(self.tokens) and self.tokens[0].parsed

    def tok(self, token_id: int) -> Token:
        return self.tokens[token_id - 1]

    def kids(self, token_id: int, *deprels: str) -> list[Token]:
        out = [self.tok(i) for i in self.children.get(token_id, [])]
        if deprels:
            out = [t for t in out if t.deprel.split(":")[0] in deprels or t.deprel in deprels]
        return out

    def subtree(self, token_id: int, stop: frozenset[str] = frozenset()) -> list[Token]:
        """The token and its descendants, in order, not descending into ``stop`` relations."""
        seen: list[int] = []
        todo = [token_id]
        while todo:
            tid = todo.pop()
            seen.append(tid)
            for child in self.children.get(tid, []):
                if (
                    self.tok(child).deprel not in stop
                    and self.tok(child).deprel.split(":")[0] not in stop
                ):
                    todo.append(child)
        return [self.tok(i) for i in sorted(seen)]

    def ancestors(self, token_id: int) -> list[Token]:
        out: list[Token] = []
        tid = self.tok(token_id).head
        while tid > 0 and len(out) < len(self.tokens):
            out.append(self.tok(tid))
            tid = self.tok(tid).head
        return out


@dataclass(slots=True)
class ParsedDoc:
    text: str
    sentences: list[Sentence]
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._starts = [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def sentences_between(self, start: int, end: int) -> list[Sentence]:
        """Sentences overlapping ``[start, end)``."""
        lo = max(bisect.bisect_right(self._starts, start) - 1, 0)
        hi = bisect.bisect_left(self._starts, end)
        return [s for s in self.sentences[lo:hi] if s.start < end and start < s.end]


class Parser(Protocol):
    """Anything that turns text into a ``ParsedDoc``; ``deep`` picks sentences to fully parse."""

    def parse(self, text: str, deep: DeepSelector | None = None) -> ParsedDoc: ...


class DeepSelector(Protocol):
    def __call__(self, text: str, sentence: tuple[int, int]) -> bool: ...


def from_conllu(conllu: str, text: str | None = None) -> ParsedDoc:
    """Build a ``ParsedDoc`` from CoNLL-U (10 columns; ``NER=`` in MISC is read).

    Character offsets are found by searching each form in ``text`` (default: the forms joined
    by single spaces, sentences by a space).
    """
    blocks = [b for b in re.split(r"\n\s*\n", conllu.strip()) if b.strip()]
    rows_per_block = [
        [ln.split("\t") for ln in b.splitlines() if ln and not ln.startswith("#")] for b in blocks
    ]
    rows_per_block = [
        [r for r in rows if "-" not in r[0] and "." not in r[0]] for rows in rows_per_block
    ]
    if text is None:
        text = " ".join(" ".join(r[1] for r in rows) for rows in rows_per_block)
    sentences: list[Sentence] = []
    pos = 0
    for si, rows in enumerate(rows_per_block):
        tokens: list[Token] = []
        for r in rows:
            start = text.find(r[1], pos)
            if start < 0:
                raise ValueError(f"form {r[1]!r} not found in text after offset {pos}")
            pos = start + len(r[1])
            misc = (
                dict(kv.split("=", 1) for kv in r[9].split("|") if "=" in kv) if len(r) > 9 else {}
            )
            tokens.append(
                Token(
                    id=int(r[0]),
                    text=r[1],
                    start=start,
                    end=pos,
                    lemma=r[2] if r[2] != "_" else r[1].lower(),
                    upos=r[3],
                    feats=r[5] if len(r) > 5 else "",
                    head=int(r[6]) if len(r) > 6 and r[6] != "_" else -1,
                    deprel=r[7] if len(r) > 7 else "",
                    ner=misc.get("NER", "O"),
                )
            )
        sentences.append(Sentence(tokens, si))
    return ParsedDoc(text, sentences)


class StanzaParser:
    """Tokenize the whole text, then tag/parse/NER only the sentences ``deep`` selects.

    ``tokenizer="surface"`` splits with ``surface_parse`` (regex, UD-style clitics) instead of
    stanza's neural tokenizer: several times faster, slightly rougher sentence splits.
    """

    def __init__(self, tokenizer: str = "surface") -> None:
        if tokenizer not in ("surface", "stanza"):
            raise ValueError(f"unknown tokenizer {tokenizer!r}")
        self.tokenizer = tokenizer

    def parse(self, text: str, deep: DeepSelector | None = None) -> ParsedDoc:
        return self.parse_many([text], deep)[0]

    def parse_many(self, texts: Sequence[str], deep: DeepSelector | None = None) -> list[ParsedDoc]:
        from quotes.nlp import stanza_models

        tokenizer = stanza_models.get_pipeline("tokenize") if self.tokenizer == "stanza" else None
        docs: list[ParsedDoc] = []
        selected: list[tuple[Sentence, list[str]]] = []
        for text in texts:
            sents = _tokenize(tokenizer, text) if tokenizer else surface_parse(text).sentences
            docs.append(ParsedDoc(text, sents))
            for sent in sents:
                if deep is None or deep(text, (sent.start, sent.end)):
                    selected.append((sent, [t.text for t in sent.tokens]))
        if selected:
            tagger = stanza_models.get_pipeline(
                "tokenize,pos,lemma,depparse,ner", pretokenized=True
            )
            _annotate(tagger, selected)
        return docs


def _tokenize(pipeline: object, text: str) -> list[Sentence]:
    if not text.strip():
        return []
    doc = pipeline(text)  # type: ignore[operator]
    out: list[Sentence] = []
    for si, sent in enumerate(doc.sentences):
        tokens = [
            Token(id=i + 1, text=t.text, start=t.start_char, end=t.end_char)
            for i, t in enumerate(sent.tokens)
        ]
        if tokens:
            out.append(Sentence(tokens, si))
    return out


def _annotate(pipeline: object, selected: list[tuple[Sentence, list[str]]]) -> None:
    doc = pipeline([words for _, words in selected])  # type: ignore[operator]
    for (sent, _), parsed in zip(selected, doc.sentences, strict=True):
        for tok, word, ptok in zip(sent.tokens, parsed.words, parsed.tokens, strict=True):
            tok.lemma = word.lemma or word.text.lower()
            tok.upos = word.upos or ""
            tok.head = int(word.head or 0)
            tok.deprel = word.deprel or "dep"
            tok.feats = word.feats or ""
            tok.ner = ptok.ner or "O"
        sent.index_children()


_TOKEN = re.compile(
    r"[A-Z]\.(?:[A-Z]\.)+"  # U.S., U.N.
    r"|[A-Z]\.(?=\s+[A-Z])"  # the initial in John D. Podesta
    r"|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr|Prof|Sgt|Capt|Adm|Rev|Fr|Msgr|Hon|Amb"
    r"|Maj|Cpl|Pvt|Ft|Mt)\.(?=\s)"
    r"|\w+(?:-\w+)*(?=n['’]t\b)|n['’]t\b"  # do n't, as UD splits it
    r"|\w+(?:-\w+)*(?=['’](?:s|re|ve|ll|d|m)\b)|['’](?:s|re|ve|ll|d|m)\b"  # China 's
    r"|\w+(?:[-'’]\w+)*|[^\w\s]"
)
_SENT_END = re.compile(r"(?<=[.!?])[\"”’»]?\s+(?=[\"“„«A-Z])|\n+")
_ABBREV = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Col|Lt|St|Prof|Jr|Sr|Sgt|Capt|Adm|Del|Gen|Mt|Ft|No|Vol"
    r"|Rev|Fr|Msgr|Hon|Amb|Maj|Cpl|Pvt"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|U\.K|[A-Z])\.$"
)

_ABBREV_WINDOW = 24  # characters before a sentence end that can hold an abbreviation


def surface_parse(text: str) -> ParsedDoc:
    """Regex tokens and sentences, no tags: the surface rules' input in tests and fallbacks."""
    sentences: list[Sentence] = []
    pos = 0
    bounds: list[tuple[int, int]] = []
    for match in _SENT_END.finditer(text):
        # only the end of the sentence so far can be an abbreviation: looking at all of it
        # made a long run of "Mr. X and Dr. Y" with no sentence end quadratic
        tail = max(pos, match.start() - _ABBREV_WINDOW)
        paragraph_break = match.group(0).count("\n") >= 2  # a blank line ends any sentence
        if not paragraph_break and _ABBREV.search(text[tail : match.start() + 1].rstrip('"”’» ')):
            continue
        bounds.append(
            (pos, match.start() + (len(match.group(0).rstrip()) if match.group(0).strip() else 0))
        )
        pos = match.end()
    bounds.append((pos, len(text)))
    for start, end in bounds:
        tokens = [
            Token(id=i + 1, text=m.group(0), start=start + m.start(), end=start + m.end())
            for i, m in enumerate(_TOKEN.finditer(text[start:end]))
        ]
        if tokens:
            sentences.append(Sentence(tokens, len(sentences)))
    return ParsedDoc(text, sentences)


class SurfaceParser:
    """The no-model parser: regex tokens and sentences only (``surface_parse``)."""

    def parse(self, text: str, deep: DeepSelector | None = None) -> ParsedDoc:
        return surface_parse(text)
