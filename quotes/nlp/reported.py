"""Reported (indirect) statements: "The ministry denied that ...", "He said that China ..."."""

from __future__ import annotations

from quotes.nlp import lexicon
from quotes.nlp.attribution import is_cue, parsed_subject, past_dateline
from quotes.nlp.classify import classify, target_of
from quotes.nlp.context import DocContext, entity_name, resolve
from quotes.nlp.entities import Entity
from quotes.nlp.mentions import dateline, describe, noun_phrase, surface_lemma
from quotes.nlp.parse import Sentence
from quotes.nlp.selection import SAY_THAT
from quotes.nlp.types import ExtractedQuote


def reported_statements(ctx: DocContext) -> list[ExtractedQuote]:
    """Indirect statements ("The ministry denied ...", "He said that ...") outside quotes."""
    out: list[ExtractedQuote] = []
    for sent in ctx.parsed.sentences:
        if not sent.parsed or ctx.index.within(sent.start, sent.end):
            continue
        if _headline(ctx, sent):
            continue  # "Esteria accuses Brovnia of cyberattacks" over the story: the outlet's
        quote = _reported_in(ctx, sent)
        if quote is not None:
            out.append(quote)
    return out


def _headline(ctx: DocContext, sent: Sentence) -> bool:
    """A Markdown heading, or the text's first line standing alone without a full stop."""
    if any(start <= sent.start < end for start, end in ctx.headings):
        return True
    head = ctx.text[: sent.end]
    if head.strip() != ctx.text[sent.start : sent.end].strip():
        return False  # not the first line
    rest = ctx.text[sent.end : sent.end + 2]
    return not head.rstrip().endswith((".", "!", "?", ":", "”", '"')) and rest.startswith("\n")


def _reported_in(ctx: DocContext, sent: Sentence) -> ExtractedQuote | None:
    for tok in sent.tokens:
        if not is_cue(tok) or tok.upos not in ("VERB", ""):
            continue
        lemma = surface_lemma(tok)
        typed = lexicon.cue_verbs().get(lemma, "statement") != "statement"
        says_that = lemma in SAY_THAT and bool(sent.kids(tok.id, "ccomp"))
        if not (typed or says_that):
            continue
        head = parsed_subject(sent, tok)
        if head is None or head.text.lower() in _NOT_REPORTERS:
            continue  # "we"/"I" in running text is the author's own voice, not reported speech
        head = past_dateline(ctx.text, sent, head)
        mention = describe(noun_phrase(sent, head), ctx.text)
        if mention.kind == "time" or (
            mention.kind == "nominal" and mention.speaker_kind == "unknown"
        ):
            continue
        if dateline(ctx.text, mention):
            continue
        ctx.feed_until(mention.start)
        entity: Entity | None = resolve(ctx, mention)
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
                target = entity_name(ctx.registry, obj_text)
        if target is None and typing.type not in ("deny", "reject"):
            target = target_of(content, speaker.affiliation)
        return ExtractedQuote(
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
