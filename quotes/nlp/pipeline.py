"""The extractor: text -> quote spans -> parse -> attribution -> types -> exchanges.

``extract_parsed`` is pure rules over a ``ParsedDoc`` (tests hand-build one); ``extract`` and
``extract_many`` add the stanza parser, deep-parsing only the sentences that matter.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache

from quotes.nlp import lexicon
from quotes.nlp.attribution import (
    attribute,
    attribute_from_previous_sentence,
    attribute_to_sentence_subject,
    is_cue,
)
from quotes.nlp.classify import classify, target_of
from quotes.nlp.entities import Entity, EntityRegistry
from quotes.nlp.exchanges import link_exchanges
from quotes.nlp.marks import Paragraph, QuoteSpan, SpanIndex, find_quotes, paragraphs
from quotes.nlp.mentions import Mention, describe, noun_phrase, surface_lemma
from quotes.nlp.parse import ParsedDoc, Parser, Sentence, Token, surface_parse
from quotes.nlp.types import Document, Extraction, Quote, Speaker

_TITLE_NOUNS = re.compile(
    r"\b(show|program|programme|series|book|novel|film|movie|documentary|song|album|play|"
    r"opera|podcast|newspaper|magazine|column|article|report|paper|broadcast|episode|"
    r"titled|entitled|headlined|operation|exercise|doctrine|hashtag|slogan|motto)"
    r"(?:\s+of(?:\s+the)?)?\W*$",  # "an episode of "The Steve Harvey Morning Show""
    re.IGNORECASE,
)
# A title noun right after the quote: 'his "Keepin' It Real" radio program'
_TITLE_NOUN_AFTER = re.compile(
    r"\W{0,3}\s*(?:radio|TV|television|talk|web|news)?\s*"
    r"(show|program|programme|series|podcast|documentary|album|film|movie|book|column|forum)\b",
    re.IGNORECASE,
)
DEEP_PARSE_LIMIT = (
    1_000_000  # characters; larger documents get the surface parse (minutes, not hours)
)
_FUNCTION_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "but",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "of",
        "for",
        "from",
        "with",
        "by",
        "as",
        "this",
        "that",
        "these",
        "those",
        "when",
        "after",
        "before",
        "while",
        "if",
        "since",
        "during",
        "according",
        "meanwhile",
        "however",
        "yet",
        "so",
        "then",
        "there",
        "here",
        "it",
        "its",
        "his",
        "her",
        "their",
        "our",
        "we",
        "they",
        "he",
        "she",
        "i",
        "you",
    ]
)
_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+(\S[^\n]*)$", re.MULTILINE)
# where a heading's speaker ends: "Vice President JD Vance on Meet the Press", "... | CNN"
_HEADING_TAIL = {"on", "at", "in", "to", "with", "for", "during", "via", "from", "about"}
_SAY_THAT = {"say", "tell", "state", "claim", "insist", "argue", "note", "add", "write", "warn"}


@dataclass(slots=True)
class _Context:
    text: str
    parsed: ParsedDoc
    spans: list[QuoteSpan]
    paras: list[Paragraph]
    index: SpanIndex
    registry: EntityRegistry = field(default_factory=EntityRegistry)
    observations: list[tuple[int, Mention, bool]] = field(default_factory=list)
    fed: int = 0
    headings: list[tuple[int, int]] = field(default_factory=list)  # Markdown heading lines

    def feed_until(self, offset: int) -> None:
        """Register every mention seen before ``offset`` (so pronouns look back only)."""
        while self.fed < len(self.observations) and self.observations[self.fed][0] < offset:
            _, mention, subject = self.observations[self.fed]
            ent = self.registry.observe(mention)
            if ent is not None and subject:
                ent.last_spoke = max(ent.last_spoke, mention.start)
            self.fed += 1


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
    if many is not None:
        parsed_docs = many([d.text for d in normal], deep_selector) if normal else []
    else:
        parsed_docs = [parser.parse(d.text, deep_selector) for d in normal]
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


def _forms(lemmas: Iterable[str]) -> set[str]:
    forms: set[str] = set()
    for lemma in lemmas:
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        forms |= {lemma, lemma + "s", stem + "ed", stem + "ing", lemma + "d"}
        if lemma.endswith("y"):
            forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    return forms


def _word_pattern(forms: set[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, forms))) + r")\b", re.IGNORECASE)


@cache
def _typed_cue_pattern() -> re.Pattern[str]:
    """Inflected forms of reporting verbs that carry a statement type (deny, accuse, warn ...)."""
    typed = [lemma for lemma, kind in lexicon.cue_verbs().items() if kind != "statement"]
    return _word_pattern(_forms(typed) | {"according to"})


@cache
def _say_that_pattern() -> re.Pattern[str]:
    """A neutral reporting verb followed by a that-clause: "He said that China ..."."""
    verbs = "|".join(sorted(map(re.escape, _forms(_SAY_THAT) | {"said", "told", "wrote"})))
    return re.compile(rf"\b(?:{verbs})\b(?:\W+\w+){{0,4}}?\W+that\b", re.IGNORECASE)


_MARKS = re.compile('["“”„«»]')
_OPENS_WITH_QUOTE = re.compile('[ \t]{0,3}["“„«]')


_EASY_CUES = (
    "said|says|told|tells|added|adds|asked|asks|explained|wrote|continued|noted|stated|insisted"
    "|argued|replied|recalled|declared|acknowledged|answered|responded"
)
_EASY_NP = (
    r"(?:he|she|they|I|we|it"
    r"|(?:(?:the|a|an|one|another)\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w'’-]+"
    r"|(?:the|a|an)\s+(?:[\w-]+\s+){0,3}[\w-]+)"
)
# A whole sentence that is one quote and its attribution: '"...," the minister said.'
_EASY_ATTRIBUTION = re.compile(
    r'^\s*["“][^"“”]+[,.!?]["”]\s+'
    rf"(?:{_EASY_NP}\s+(?:{_EASY_CUES})|(?:{_EASY_CUES})\s+{_EASY_NP})"
    r'\b[^"“”]*$'
    rf'|^\s*{_EASY_NP}\s+(?:{_EASY_CUES})[,:]?\s+["“][^"“”]+["”]?\s*$'
)


def deep_selector(text: str, sentence: tuple[int, int]) -> bool:
    """Sentences worth a full parse: quote marks, a typed reporting verb, "said that", a
    lead-in colon ("Caddell continued:"), or a quote opening the next sentence on the same line
    (the sentence may introduce it: 'Cummings called him a master. "He showed ..."').

    A sentence that is only a quote and a plain attribution ('"...," the minister said.') is
    left to the surface rules: they decide it as well as the parse does, at a fraction of the
    cost."""
    chunk = text[sentence[0] : sentence[1]]
    if _MARKS.search(chunk):
        return not _EASY_ATTRIBUTION.match(chunk)
    return bool(
        chunk.rstrip().endswith(":")
        or _OPENS_WITH_QUOTE.match(text, sentence[1])  # may introduce the quote after it
        or _typed_cue_pattern().search(chunk)
        or _say_that_pattern().search(chunk)
    )


def extract_parsed(document: Document, parsed: ParsedDoc) -> Extraction:
    """All rules over an already parsed document."""
    text = document.text
    paras = paragraphs(text)
    spans = find_quotes(text, paras)
    ctx = _Context(text, parsed, spans, paras, SpanIndex(spans))
    ctx.observations = _observations(parsed)
    ctx.headings = [m.span(1) for m in _HEADING.finditer(text)]
    direct = _direct_quotes(ctx)
    reported = _reported(ctx, direct)
    quotes = sorted(direct + reported, key=lambda q: q.start)
    _carry_targets(quotes)
    link_exchanges(quotes, text)
    return Extraction(document, quotes)


def _observations(parsed: ParsedDoc) -> list[tuple[int, Mention, bool]]:
    """Named mentions (NER PER/ORG) and subjects, in text order, for later resolution."""
    out: list[tuple[int, Mention, bool]] = []
    for sent in parsed.sentences:
        heads = _entity_heads(sent) if sent.parsed else _surface_heads(sent)
        for head in heads:
            mention = describe(noun_phrase(sent, head), parsed.text)
            if mention.kind in ("name", "place") or (
                mention.kind == "nominal" and mention.speaker_kind != "unknown"
            ):
                subject = head.deprel.startswith("nsubj")
                out.append((mention.start, mention, subject))
    out.sort(key=lambda o: o[0])
    return out


def _surface_heads(sent: Sentence) -> list[Token]:
    """Without a parse: the last word of each run of two or more capitalised words."""
    heads: list[Token] = []
    run: list[Token] = []
    for tok in [*sent.tokens, None]:
        if tok is not None and tok.text[:1].isupper() and tok.text.isalpha():
            run.append(tok)
            continue
        if tok is not None and tok.text in (".",) and run and len(run[-1].text) == 1:
            continue
        while run and run[0].text.lower() in _FUNCTION_WORDS:
            run = run[1:]
        if 2 <= len(run) <= 4:  # longer capitalised runs are headlines, not names
            heads.append(run[-1])
        run = []
    return heads


def _entity_heads(sent: Sentence) -> list[Token]:
    heads: list[Token] = []
    for tok in sent.tokens:
        named_end = tok.ner[:1] in ("S", "E") and tok.ner[2:] in ("PER", "ORG")
        plain_subject = (
            tok.deprel.startswith("nsubj") and tok.upos in ("PROPN", "NOUN") and tok.ner == "O"
        )
        if named_end or plain_subject:
            heads.append(tok)
    return heads


_TITLE_LEAD = re.compile(
    r"(?:\b[A-Z][\w.&-]*['’]s|(?:^|[.!?]\s+|\n)On|\bwatch(?:ed|es|ing)?|\bthe)\s*$"
)
_MINOR = (
    *("of", "the", "and", "or", "a", "an", "in", "on", "for", "to", "with", "without", "at"),
    *("by", "from", "against", "into", "&"),
)


def _is_title(ctx: _Context, span: QuoteSpan) -> bool:
    """A title of a show, book or programme, not speech: "Maybrit Illner", NBC's "Nightly News."

    Title Case, at most ten words, and a title noun ("talk show"), a possessive outlet
    ("CNN's"), "on" or "the" right before it (initiatives such as the "Young Professionals
    Network"). Attribute values in markup (``author="x"``) too.
    """
    before = ctx.text[max(0, span.start - 40) : span.start]
    if before.endswith("="):
        return True
    inner = span.inner(ctx.text).strip().rstrip(".,;:!?").strip()
    words = inner.split()
    if not words or len(words) > 10:
        return False
    titled = all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _MINOR for w in words)
    if not titled or not (words[0][:1].isupper() or words[0][:1].isdigit()):
        return False
    after = ctx.text[span.end : span.end + 40]
    return bool(
        _TITLE_NOUNS.search(before) or _TITLE_LEAD.search(before) or _TITLE_NOUN_AFTER.match(after)
    )


def _direct_quotes(ctx: _Context) -> list[Quote]:
    quotes: list[Quote] = []
    by_span: dict[int, Quote] = {}
    for i, span in enumerate(ctx.spans):
        if _is_title(ctx, span):
            continue
        ctx.feed_until(span.start)
        quote = _one_direct(ctx, i, span, by_span)
        if quote is not None:
            by_span[i] = quote
            quotes.append(quote)
    return quotes


def _one_direct(ctx: _Context, i: int, span: QuoteSpan, by_span: dict[int, Quote]) -> Quote | None:
    text = ctx.text
    att = attribute(ctx.parsed, span, ctx.index)
    speaker: Speaker | None = None
    evidence = list(span.notes)
    confidence = 0.0
    cue: str | None = None
    cue_lemma: str | None = None
    found = att.mention if att is not None else None
    reason = _not_a_speaker(ctx, found) if found is not None else None
    if found is not None and reason is not None:
        evidence.append(f"rejected speaker {found.text!r}: {reason}")
        att = None
    if att is not None and att.mention is not None:
        ctx.feed_until(att.mention.start)
        entity = _resolve(ctx, att.mention)
        if entity is None:
            entity = Entity(att.mention.text, att.mention.speaker_kind, False)
            evidence.append("unresolved pronoun: no earlier person or institution")
        speaker = entity.to_speaker(att.mention)
        confidence = att.confidence if att.mention.kind != "pronoun" else att.confidence - 0.1
        evidence.append(f"speaker: {att.rule} ({att.mention.kind} {att.mention.text!r})")
        cue, cue_lemma = att.cue, att.cue_lemma
    if speaker is None:
        carried = _carried_speaker(ctx, i, span, by_span)
        if carried is not None:
            speaker, rule, confidence = carried
            speaker = _local_mention(ctx, span, speaker)
            evidence.append(f"speaker: {rule}")
    if speaker is None:
        prev_att = attribute_from_previous_sentence(ctx.parsed, span, ctx.index)
        if prev_att is not None and prev_att.mention is not None:
            entity = _resolve(ctx, prev_att.mention)
            if entity is not None:
                speaker = entity.to_speaker(prev_att.mention)
                confidence = prev_att.confidence
                cue, cue_lemma = prev_att.cue, prev_att.cue_lemma
                evidence.append(f"speaker: {prev_att.rule} ({prev_att.mention.text!r})")
    if speaker is None:
        heading = _heading_speaker(ctx, span)
        if heading is not None:
            speaker, mention = heading
            confidence = 0.6
            evidence.append(f"speaker: section heading ({mention.text!r})")
    if speaker is None and _scare_quote(ctx, span):
        subj_att = None
        if span.word_count(text) >= 2:
            subj_att = attribute_to_sentence_subject(ctx.parsed, span, ctx.index)
        entity = _resolve(ctx, subj_att.mention) if subj_att and subj_att.mention else None
        if subj_att is None or subj_att.mention is None or entity is None:
            return None
        speaker = entity.to_speaker(subj_att.mention)
        confidence = subj_att.confidence
        evidence.append(f"speaker: {subj_att.rule} ({subj_att.mention.text!r})")
    inner = span.inner(text)
    context = _clause(ctx, span)
    typing = classify(inner, cue_lemma, context)
    evidence.append(f"type: {typing.type} ({typing.evidence})")
    affiliation = speaker.affiliation if speaker else None
    target = target_of(inner, affiliation) or target_of(context, affiliation)
    return Quote(
        start=span.start,
        end=span.end,
        text=inner,
        form="direct",
        speaker=speaker,
        cue=cue,
        type=typing.type,
        target=target,
        confidence=round(confidence, 2),
        evidence=evidence,
        paragraph=span.paragraph,
    )


def _not_a_speaker(ctx: _Context, mention: Mention) -> str | None:
    """Why the mention a rule found cannot be the speaker, if it cannot."""
    if ctx.index.within(mention.start, mention.end):
        return "inside a quote"
    if _dateline(ctx.text, mention):
        return "a dateline"
    if mention.kind == "time":
        return "a date"
    if _topic_label(ctx.text, mention):
        return "a topic label"
    return None


def _heading_speaker(ctx: _Context, span: QuoteSpan) -> tuple[Speaker, Mention] | None:
    """The person a Markdown heading above the quote names ("#### Secretary of State Marco
    Rubio on Face the Nation"): round-ups list each speaker's quotes under such a heading."""
    at = bisect.bisect_right(ctx.headings, (span.start, span.start)) - 1
    if at < 0:
        return None
    start, end = ctx.headings[at]
    tokens = [t for s in ctx.parsed.sentences_between(start, end) for t in s.tokens]
    words: list[Token] = []
    for tok in tokens:
        if tok.start < start or tok.end > end:
            continue
        if tok.text.lower() in _HEADING_TAIL or (tok.text in ":|—–-(" and words):
            break
        if tok.text.isalnum() or "." in tok.text or "'" in tok.text:
            words.append(tok)
    if not words:
        return None
    mention = describe(words, ctx.text)
    if mention.kind != "name" or mention.speaker_kind not in ("person", "institution"):
        return None
    entity = _resolve(ctx, mention)
    return (entity.to_speaker(mention), mention) if entity is not None else None


def _resolve(ctx: _Context, mention: Mention) -> Entity | None:
    """The entity a mention refers to; a new unnamed speaker gets its country from context."""
    if mention.kind == "nominal" and ctx.registry.find(mention) is None:
        _infer_country(ctx, mention)
    return ctx.registry.resolve(mention)


def _infer_country(ctx: _Context, mention: Mention) -> None:
    """An unnamed speaker's country from context: "the Chinese Foreign Ministry" nearby before,
    or a country named earlier in the same sentence ("China reacted, with a spokesperson ...")."""
    if mention.kind != "nominal" or mention.country or not mention.role:
        return
    words = mention.role.split()
    window = ctx.text[max(0, mention.start - 3000) : mention.end + 300]
    countries = lexicon.countries()
    for n in range(len(words), 1, -1):
        phrase = r"\s+".join(map(re.escape, words[:n]))
        found = list(re.finditer(f"({countries.pattern.pattern})\\s+{phrase}", window))
        if found:
            mention.country = countries.by_alias[found[-1].group(1)]
            return
    sent = ctx.parsed.sentence_at(mention.start)
    if sent is not None:
        hits = countries.find(ctx.text[sent.start : mention.start])
        if hits:
            mention.country = hits[-1][2]


def _carried_speaker(
    ctx: _Context, i: int, span: QuoteSpan, by_span: dict[int, Quote]
) -> tuple[Speaker, str, float] | None:
    """A quote with no cue of its own: continuation, same paragraph, or the previous speaker."""
    if span.continues is not None and span.continues in by_span:
        prev = by_span[span.continues].speaker
        if prev is not None:
            return _no_mention(prev), "continuation of a multi-paragraph quote", 0.85
    for j in range(i - 1, -1, -1):
        if j not in by_span:
            continue
        prev_q = by_span[j]
        if prev_q.speaker is None:
            return None
        gap = ctx.text[ctx.spans[j].end : span.start]
        if ctx.spans[j].paragraph == span.paragraph:
            return (
                _no_mention(prev_q.speaker),
                "same speaker as the previous quote in its paragraph",
                0.8,
            )
        if span.paragraph - ctx.spans[j].paragraph <= 1 and not _names_someone(ctx, gap):
            return _no_mention(prev_q.speaker), "previous speaker, next paragraph", 0.6
        return None
    return None


def _names_someone(ctx: _Context, gap: str) -> bool:
    """Whether text between two quotes introduces another person (a name, a new subject)."""
    return bool(re.search(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b", gap)) or len(gap) > 400


def _local_mention(ctx: _Context, span: QuoteSpan, speaker: Speaker) -> Speaker:
    """A carried speaker named again as the subject of the quote's own sentence ("In recent
    weeks, Reid has gone after Trump as a "human leech""): that nearer mention points to them."""
    subject = attribute_to_sentence_subject(ctx.parsed, span, ctx.index)
    mention = subject.mention if subject is not None else None
    if mention is None or mention.kind == "pronoun":
        return speaker
    entity = ctx.registry.find(mention)
    if entity is None or entity.name != speaker.name:
        return speaker
    return entity.to_speaker(mention)


def _no_mention(speaker: Speaker) -> Speaker:
    """The same speaker for a quote with no cue of its own; ``mention`` stays the one that
    attributed the run of quotes (where PolNeAR and readers both look)."""
    return Speaker(
        speaker.name,
        speaker.role,
        speaker.affiliation,
        speaker.kind,
        speaker.named,
        speaker.mention,
    )


def _scare_quote(ctx: _Context, span: QuoteSpan) -> bool:
    """A short quote inside a reporter's sentence with no speaker: a scare quote or a term."""
    if span.word_count(ctx.text) > 4:
        return False
    para = ctx.paras[span.paragraph]
    before = ctx.text[para.start : span.start].strip()
    return bool(before)


def _clause(ctx: _Context, span: QuoteSpan) -> str:
    """The reporting text around a quote: its sentences without the quoted runs."""
    sents = ctx.parsed.sentences_between(span.start, span.end)
    if not sents:
        return ""
    chunk_start, chunk_end = sents[0].start, sents[-1].end
    chunk = ctx.text[chunk_start:chunk_end]
    for other in ctx.index.within(chunk_start, chunk_end):
        if chunk_start <= other.start and other.end <= chunk_end:
            a, b = other.start - chunk_start, other.end - chunk_start
            chunk = chunk[:a] + " " * (b - a) + chunk[b:]
    return " ".join(chunk.split())


def _reported(ctx: _Context, direct: list[Quote]) -> list[Quote]:
    """Indirect statements ("The ministry denied ...", "He said that ...") outside quotes."""
    out: list[Quote] = []
    for sent in ctx.parsed.sentences:
        if not sent.parsed or ctx.index.within(sent.start, sent.end):
            continue
        quote = _reported_in(ctx, sent)
        if quote is not None:
            out.append(quote)
    return out


def _reported_in(ctx: _Context, sent: Sentence) -> Quote | None:
    from quotes.nlp.attribution import _parsed_subject

    for tok in sent.tokens:
        if not is_cue(tok) or tok.upos not in ("VERB", ""):
            continue
        lemma = surface_lemma(tok)
        typed = lexicon.cue_verbs().get(lemma, "statement") != "statement"
        says_that = lemma in _SAY_THAT and bool(sent.kids(tok.id, "ccomp"))
        if not (typed or says_that):
            continue
        head = _parsed_subject(sent, tok)
        if head is None or head.text.lower() in _NOT_REPORTERS:
            continue  # "we"/"I" in running text is the author's own voice, not reported speech
        mention = describe(noun_phrase(sent, head), ctx.text)
        if mention.kind == "time" or (
            mention.kind == "nominal" and mention.speaker_kind == "unknown"
        ):
            continue
        if _dateline(ctx.text, mention):
            continue
        ctx.feed_until(mention.start)
        entity: Entity | None = _resolve(ctx, mention)
        if entity is None or (mention.kind == "pronoun" and entity.last_spoke < 0):
            continue  # a pronoun reporter must be someone already speaking in the article
        body = ctx.text[sent.start : sent.end]
        content = ctx.text[tok.end : sent.end]
        typing = classify(content, lemma)
        speaker = entity.to_speaker(mention)
        obj = [k for k in sent.kids(tok.id, "obj", "iobj") if k.upos in ("PROPN", "NOUN")]
        target = None
        # what a denial denies is not its target: the accuser is, found by link_exchanges
        if obj and typing.type not in ("deny", "reject"):
            obj_text = ctx.text[
                noun_phrase(sent, obj[0])[0].start : noun_phrase(sent, obj[0])[-1].end
            ]
            target = lexicon.countries().first(obj_text, speaker.affiliation)
            if target is None and obj[0].upos == "PROPN":
                target = _entity_name(ctx.registry, obj_text)
        if target is None and typing.type not in ("deny", "reject"):
            target = target_of(content, speaker.affiliation)
        return Quote(
            start=sent.start,
            end=sent.end,
            text=body,
            form="reported",
            speaker=speaker,
            cue=tok.text,
            type=typing.type,
            target=target,
            confidence=0.7 if mention.kind != "pronoun" else 0.6,
            evidence=[
                f"speaker: reported-subject ({mention.kind} {mention.text!r})",
                f"type: {typing.type} ({typing.evidence})",
            ],
        )
    return None


_NOT_REPORTERS = frozenset(
    ["it", "this", "that", "which", "who", "i", "you", "we", "us", "one", "there"]
)
_DATELINE = re.compile(r"\s*(?:\([A-Za-z]+\)\s*)?[,–—-]")


_TOPIC_LEAD = re.compile(
    r"(?:^|[\n•*\-–—]\s*)(?:On|About|Re|Regarding)\s[^\n:“”\",]{0,120}$", re.MULTILINE
)
_TOPIC_END = re.compile(r"[^\n“”\".!?,]{0,40}:")


@cache
def _any_cue_pattern() -> re.Pattern[str]:
    irregular = {"said", "told", "wrote", "spoke", "thought", "meant", *_EASY_CUES.split("|")}
    return _word_pattern(_forms(lexicon.cue_verbs()) | irregular)


def _topic_label(text: str, mention: Mention) -> bool:
    """A mention inside a bullet's topic label ("- On U.S. military might: “...”"), not
    a lead-in with a reporting verb ("On Monday Berg said: ...")."""
    lead = text[max(0, mention.start - 100) : mention.end]
    end = _TOPIC_END.match(text, mention.end)
    if end is None or not _TOPIC_LEAD.search(lead):
        return False
    return not _any_cue_pattern().search(end.group())


def _dateline(text: str, mention: Mention) -> bool:
    """ "OSTRAVEL –", "FLINT, Mich. —": a place in capitals opening the story, not a speaker."""
    return (
        " " not in mention.text
        and mention.text.isupper()
        and len(mention.text) >= 4
        and bool(_DATELINE.match(text, mention.end))
        and (mention.start == 0 or text[mention.start - 1] == "\n")
    )


def _entity_name(registry: EntityRegistry, text: str) -> str:
    for ent in registry.entities:
        if (ent.named and text in ent.name.split()) or text == ent.name:
            return ent.name
    return text


def _carry_targets(quotes: list[Quote]) -> None:
    """A charge with no target of its own takes the target of its speaker's previous quote."""
    for i, quote in enumerate(quotes):
        if quote.target is not None or quote.speaker is None or quote.type in ("deny", "reject"):
            continue
        for j in range(i - 1, max(i - 50, 0) - 1, -1):
            prev = quotes[j]
            if prev.speaker is not None and prev.speaker.name == quote.speaker.name and prev.target:
                quote.target = prev.target
                break
