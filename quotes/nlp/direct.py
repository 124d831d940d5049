"""Direct quotes: which quoted runs are speech, and who said each.

A quote's speaker comes from the first rule in ``SPEAKER_RULES`` that finds one; the order is
data, and each rule's findings name it in the quote's evidence. A rule may also drop the quote
(a scare quote with no one to say it is a term, not speech).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from quotes.nlp.attribution import (
    Attribution,
    attribute,
    attribute_from_previous_sentence,
    attribute_to_sentence_subject,
    lead_in_subject,
)
from quotes.nlp.classify import classify, target_of
from quotes.nlp.context import DocContext, resolve
from quotes.nlp.entities import Entity
from quotes.nlp.marks import QuoteSpan
from quotes.nlp.mentions import Mention, dateline, describe
from quotes.nlp.parse import Token
from quotes.nlp.selection import any_cue_pattern
from quotes.nlp.types import ExtractedQuote, ExtractedSpeaker


@dataclass(slots=True)
class Finding:
    """What the speaker rules found for one quote so far."""

    span: QuoteSpan
    index: int  # the span's position in the document
    earlier: dict[int, ExtractedQuote]  # quotes already attributed, by span position
    speaker: ExtractedSpeaker | None = None
    confidence: float = 0.0
    cue: str | None = None
    cue_lemma: str | None = None
    evidence: list[str] = field(default_factory=list)
    drop: bool = False  # not speech after all


SpeakerRule = Callable[[DocContext, Finding], None]


def _by_cue(ctx: DocContext, found: Finding) -> None:
    """A reporting verb in the quote's own sentences ("..., she said"; "X said: ...")."""
    att = attribute(ctx.parsed, found.span, ctx.index)
    mention = att.mention if att is not None else None
    if mention is None:
        return
    reason = _not_a_speaker(ctx, mention)
    if reason is not None:
        found.evidence.append(f"rejected speaker {mention.text!r}: {reason}")
        return
    assert att is not None
    ctx.feed_until(mention.start)
    entity = resolve(ctx, mention)
    if entity is None:
        entity = Entity(mention.text, mention.speaker_kind, False)
        found.evidence.append("unresolved pronoun: no earlier person or institution")
    found.speaker = entity.to_speaker(mention)
    found.confidence = att.confidence if mention.kind != "pronoun" else att.confidence - 0.1
    found.evidence.append(f"speaker: {att.rule} ({mention.kind} {mention.text!r})")
    found.cue, found.cue_lemma = att.cue, att.cue_lemma


# A quoted wire sentence that carries its own attribution at the end: "..., foreign ministry
# spokesperson Guo Jiakun said on Tuesday."
_INNER_ATTRIBUTION = re.compile(
    r",\s+((?:[\w.'’-]+\s+){1,7}?[\w.'’-]+)\s+(?:said|says|told reporters)"
    r"(?:\s+(?:on|in|late|early)\s+\w+)?\s*[.!]?\s*$"
)


def _by_inner_attribution(ctx: DocContext, found: Finding) -> None:
    """A round-up quoting a news sentence whole, attribution included ("China: “China welcomes
    ..., foreign ministry spokesperson Guo Jiakun said on Tuesday.”"): the named speaker."""
    inner = found.span.inner(ctx.text)
    match = _INNER_ATTRIBUTION.search(inner)
    if match is None:
        return
    start = found.span.start + 1 + match.start(1)
    end = found.span.start + 1 + match.end(1)
    tokens = [t for s in ctx.parsed.sentences_between(start, end) for t in s.tokens]
    tokens = [t for t in tokens if start <= t.start and t.end <= end]
    if not tokens:
        return
    mention = describe(tokens, ctx.text)
    if mention.kind != "name" or mention.speaker_kind == "institution":
        return
    rule = "attribution quoted with the words"
    _take(ctx, found, Attribution(mention, None, None, rule, 0.7), rule)


def _by_carry(ctx: DocContext, found: Finding) -> None:
    """No cue of its own: the speaker of the quote it continues or follows."""
    carried = _carried_speaker(ctx, found.index, found.span, found.earlier)
    if carried is None:
        return
    speaker, rule, found.confidence = carried
    found.speaker = _local_mention(ctx, found.span, speaker)
    found.evidence.append(f"speaker: {rule}")


_LIST_ITEM = re.compile(r"[ \t]*[-*•][ \t]+")


def _by_lead_in(ctx: DocContext, found: Finding) -> None:
    """A list item with no cue of its own under a lead-in that ends in a colon: the lead-in's
    subject said it ("Secretary Bessent then made the rounds on television ...:" then "- On
    negotiations: “...”")."""
    at = found.span.paragraph
    if at >= len(ctx.paras) or not _LIST_ITEM.match(ctx.text, ctx.paras[at].start):
        return
    lead = at - 1
    while lead >= 0 and at - lead <= 6 and _LIST_ITEM.match(ctx.text, ctx.paras[lead].start):
        lead -= 1  # earlier items of the same list
    if lead < 0 or not ctx.text[ctx.paras[lead].start : ctx.paras[lead].end].rstrip().endswith(":"):
        return
    if any(ctx.paras[lead].end <= s.start < found.span.start for s in ctx.spans[: found.index]):
        return  # a quote in between has its own speaker; carry-over decides
    sent = ctx.parsed.sentence_at(ctx.text.rindex(":", 0, ctx.paras[lead].end))
    colon = sent.tokens[-1] if sent is not None else None
    if sent is None or colon is None or colon.text != ":":
        return
    _take(ctx, found, lead_in_subject(ctx.parsed, sent, colon), "list under a lead-in")


def _by_previous_sentence(ctx: DocContext, found: Finding) -> None:
    """The sentence before introduces the quote ("..., Schiff said. "The other factor ...")."""
    att = attribute_from_previous_sentence(ctx.parsed, found.span, ctx.index)
    if _take(ctx, found, att, att.rule if att is not None else ""):
        assert att is not None
        found.cue, found.cue_lemma = att.cue, att.cue_lemma


def _take(ctx: DocContext, found: Finding, att: Attribution | None, rule: str) -> bool:
    """Record the speaker an attribution names, when it resolves to one."""
    if att is None or att.mention is None:
        return False
    entity = resolve(ctx, att.mention)
    if entity is None:
        return False
    found.speaker = entity.to_speaker(att.mention)
    found.confidence = att.confidence
    found.evidence.append(f"speaker: {rule} ({att.mention.text!r})")
    return True


def _by_heading(ctx: DocContext, found: Finding) -> None:
    """A Markdown heading above the quote names its speaker (round-ups)."""
    heading = _heading_speaker(ctx, found.span)
    if heading is None:
        return
    found.speaker, mention = heading
    found.confidence = 0.6
    found.evidence.append(f"speaker: section heading ({mention.text!r})")


def _by_sentence_subject(ctx: DocContext, found: Finding) -> None:
    """A short quote in a reporter's sentence: the sentence's subject said it, or it is a term
    (a scare quote) and not speech at all."""
    if not _scare_quote(ctx, found.span):
        return
    subj = None
    if found.span.word_count(ctx.text) >= 2:
        subj = attribute_to_sentence_subject(ctx.parsed, found.span, ctx.index)
    entity = resolve(ctx, subj.mention) if subj is not None and subj.mention else None
    if subj is None or subj.mention is None or entity is None:
        found.drop = True
        return
    found.speaker = entity.to_speaker(subj.mention)
    found.confidence = subj.confidence
    found.evidence.append(f"speaker: {subj.rule} ({subj.mention.text!r})")


# The order in which the rules are tried; the first that names a speaker (or drops the quote) wins.
SPEAKER_RULES: tuple[tuple[str, SpeakerRule], ...] = (
    ("inner-attribution", _by_inner_attribution),
    ("cue", _by_cue),
    ("lead-in", _by_lead_in),
    # a sentence right before the quote that reports someone introduces it, whoever spoke last
    # ("Asked about those remarks, the minister said ... “...”")
    ("previous-sentence", _by_previous_sentence),
    ("carried", _by_carry),
    ("heading", _by_heading),
    ("sentence-subject", _by_sentence_subject),
)


def direct_quotes(ctx: DocContext) -> list[ExtractedQuote]:
    """Every quoted run that is speech, with its speaker, type and target."""
    quotes: list[ExtractedQuote] = []
    by_span: dict[int, ExtractedQuote] = {}
    for i, span in enumerate(ctx.spans):
        if is_title(ctx, span):
            continue
        ctx.feed_until(span.start)
        quote = _one_direct(ctx, i, span, by_span)
        if quote is not None:
            by_span[i] = quote
            quotes.append(quote)
    return quotes


def find_speaker(
    ctx: DocContext, i: int, span: QuoteSpan, earlier: dict[int, ExtractedQuote]
) -> Finding:
    """Run ``SPEAKER_RULES`` in order until one names a speaker or drops the quote."""
    found = Finding(span, i, earlier, evidence=list(span.notes))
    for _name, rule in SPEAKER_RULES:
        rule(ctx, found)
        if found.speaker is not None or found.drop:
            break
    return found


def _one_direct(
    ctx: DocContext, i: int, span: QuoteSpan, earlier: dict[int, ExtractedQuote]
) -> ExtractedQuote | None:
    found = find_speaker(ctx, i, span, earlier)
    if found.drop:
        return None
    inner = span.inner(ctx.text)
    context = clause(ctx, span)
    typing = classify(inner, found.cue_lemma, context)
    found.evidence.append(f"type: {typing.type} ({typing.evidence})")
    affiliation = found.speaker.affiliation if found.speaker else None
    target = target_of(inner, affiliation) or target_of(context, affiliation)
    return ExtractedQuote(
        start=span.start,
        end=span.end,
        text=inner,
        form="direct",
        speaker=found.speaker,
        cue=found.cue,
        type=typing.type,
        target=target,
        confidence=round(found.confidence, 2),
        evidence=found.evidence,
        paragraph=span.paragraph,
    )


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


_TITLE_LEAD = re.compile(
    r"(?:\b[A-Z][\w.&-]*['’]s|(?:^|[.!?]\s+|\n)On|\bwatch(?:ed|es|ing)?|\bthe)\s*$"
)


_MINOR = (
    *("of", "the", "and", "or", "a", "an", "in", "on", "for", "to", "with", "without", "at"),
    *("by", "from", "against", "into", "&"),
)


def is_title(ctx: DocContext, span: QuoteSpan) -> bool:
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


def _not_a_speaker(ctx: DocContext, mention: Mention) -> str | None:
    """Why the mention a rule found cannot be the speaker, if it cannot."""
    if ctx.index.within(mention.start, mention.end):
        return "inside a quote"
    if mention.kind == "dateline" or dateline(ctx.text, mention):
        return "a dateline"
    if mention.kind == "time":
        return "a date"
    if _topic_label(ctx.text, mention):
        return "a topic label"
    return None


def _heading_speaker(ctx: DocContext, span: QuoteSpan) -> tuple[ExtractedSpeaker, Mention] | None:
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
        if tok.text.lower() in HEADING_TAIL or (tok.text in ":|—–-(" and words):
            break
        if tok.text.isalnum() or "." in tok.text or "'" in tok.text:
            words.append(tok)
    if not words:
        return None
    mention = describe(words, ctx.text)
    if mention.kind != "name" or mention.speaker_kind not in ("person", "institution"):
        return None
    entity = resolve(ctx, mention)
    return (entity.to_speaker(mention), mention) if entity is not None else None


def _carried_speaker(
    ctx: DocContext, i: int, span: QuoteSpan, by_span: dict[int, ExtractedQuote]
) -> tuple[ExtractedSpeaker, str, float] | None:
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
        gap = ctx.text[_after_own_sentence(ctx, ctx.spans[j]) : span.start]
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


def _after_own_sentence(ctx: DocContext, span: QuoteSpan) -> int:
    """Where the sentence that closes ``span`` ends: its own cue clause ('..., Viguerie tells
    Breitbart News') names the speaker and an addressee, not someone new."""
    sent = ctx.parsed.sentence_at(max(span.end - 1, span.start))
    return max(span.end, sent.end) if sent is not None else span.end


def _names_someone(ctx: DocContext, gap: str) -> bool:
    """Whether text between two quotes introduces another person (a name, a new subject)."""
    return bool(re.search(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b", gap)) or len(gap) > 400


def _local_mention(ctx: DocContext, span: QuoteSpan, speaker: ExtractedSpeaker) -> ExtractedSpeaker:
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


def _no_mention(speaker: ExtractedSpeaker) -> ExtractedSpeaker:
    """The same speaker for a quote with no cue of its own; ``mention`` stays the one that
    attributed the run of quotes (where PolNeAR and readers both look)."""
    return ExtractedSpeaker(
        speaker.name,
        speaker.role,
        speaker.affiliation,
        speaker.kind,
        speaker.named,
        speaker.mention,
    )


def _scare_quote(ctx: DocContext, span: QuoteSpan) -> bool:
    """A short quote inside a reporter's sentence with no speaker: a scare quote or a term."""
    if span.word_count(ctx.text) > 4:
        return False
    para = ctx.paras[span.paragraph]
    before = ctx.text[para.start : span.start].strip()
    return bool(before)


def clause(ctx: DocContext, span: QuoteSpan) -> str:
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


_TOPIC_LEAD = re.compile(
    r"(?:^|[\n•*\-–—]\s*)(?:On|About|Re|Regarding)\s[^\n:“”\",]{0,120}$", re.MULTILINE
)


_TOPIC_END = re.compile(r"[^\n“”\".!?,]{0,40}:")


def _topic_label(text: str, mention: Mention) -> bool:
    """A mention inside a bullet's topic label ("- On U.S. military might: “...”"), not
    a lead-in with a reporting verb ("On Monday Berg said: ...")."""
    lead = text[max(0, mention.start - 100) : mention.end]
    end = _TOPIC_END.match(text, mention.end)
    if end is None or not _TOPIC_LEAD.search(lead):
        return False
    return not any_cue_pattern().search(end.group())


HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+(\S[^\n]*)$", re.MULTILINE)
# where a heading's speaker ends: "Vice President JD Vance on Meet the Press", "... | CNN"
HEADING_TAIL = {"on", "at", "in", "to", "with", "for", "during", "via", "from", "about"}
