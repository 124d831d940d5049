"""What the rules share about one document: its text, parse, quote spans and the entities seen so
far (fed in text order, so a pronoun looks back only), and how a mention resolves to an entity."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from quotes.nlp import lexicon
from quotes.nlp.attribution import is_cue
from quotes.nlp.entities import Entity, EntityRegistry
from quotes.nlp.marks import Paragraph, QuoteSpan, SpanIndex
from quotes.nlp.mentions import Mention, describe, noun_phrase
from quotes.nlp.parse import ParsedDoc, Sentence, Token


@dataclass(slots=True)
class DocContext:
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
            quoted = self.index.covers(mention.start)
            if mention.role and quoted:
                # a role given inside someone's quote ("the candidate for the presidential
                # elections, Nicolas Sarkozy") is not the article's word on that person's role
                mention = replace(mention, role=None)
            ent = self.registry.observe(mention, quoted=quoted)
            if ent is not None and subject and not quoted:
                ent.last_spoke = max(ent.last_spoke, mention.start)
            self.fed += 1


def observations(parsed: ParsedDoc) -> list[tuple[int, Mention, bool]]:
    """Named mentions (NER PER/ORG) and subjects, in text order, for later resolution."""
    out: list[tuple[int, Mention, bool]] = []
    for sent in parsed.sentences:
        heads = _entity_heads(sent) if sent.parsed else _surface_heads(sent)
        for head in heads:
            mention = describe(noun_phrase(sent, head), parsed.text)
            if mention.kind == "nominal":
                mention = _with_apposed_name(sent, mention, parsed.text) or mention
            if mention.kind in ("name", "place") or (
                mention.kind == "nominal" and mention.speaker_kind != "unknown"
            ):
                subject = (
                    _speaking_subject(sent, head) if sent.parsed else _opens_sentence(sent, mention)
                )
                out.append((mention.start, mention, subject))
    out.sort(key=lambda o: o[0])
    return out


def _with_apposed_name(sent: Sentence, mention: Mention, text: str) -> Mention | None:
    """A person's nominal set off right after a name ("Taskel, a former naval officer, said")
    is that person with a role, not a second person (whom a later "she" could pick)."""
    if mention.speaker_kind != "person" or not mention.role or "," in mention.text:
        return None
    before = [t for t in sent.tokens if t.end <= mention.start]
    if len(before) < 2 or before[-1].text != ",":
        return None
    run: list[Token] = []
    for tok in reversed(before[:-1]):
        if not (tok.text[:1].isupper() and tok.text.replace("-", "").isalpha()):
            break
        run.insert(0, tok)
    if not run or any(t.text.lower() in lexicon.role_nouns() for t in run):
        return None
    if run[0].text.lower() in lexicon.CALENDAR:
        return None  # "Tomorrow, the President will welcome ...": a time, not a name
    name = " ".join(t.text for t in run)
    if lexicon.countries().find(name) or name.lower() in lexicon.word_list("function_words"):
        return None
    return Mention(
        run[0].start,
        mention.end,
        text[run[0].start : mention.end],
        "name",
        name=name,
        role=mention.role,
        country=mention.country,
        speaker_kind="person",
    )


def _speaking_subject(sent: Sentence, head: Token) -> bool:
    """Whether a mention is the subject of a reporting verb ("Haber said", "Kostova told"), of
    the sentence's main verb ("Voss has defended the dam") or of a clause those report: what a
    later "he said" may refer to. A plural subject ("Sources told ...") never is."""
    while head.deprel.split(":")[0] in ("flat", "appos") and head.head > 0:
        head = sent.tok(head.head)  # "Delan's sister, Ivana Delan, spoke": the phrase's head
    if not head.deprel.startswith("nsubj") or head.head <= 0:
        return False
    if "Number=Plur" in head.feats:
        return False  # "Sources told ..." is no antecedent for a later "he said"
    verb = sent.tok(head.head)
    if verb.head == 0 or is_cue(verb):
        return True
    if verb.deprel == "advcl" and verb.head > 0 and _pronoun_subject(sent, sent.tok(verb.head)):
        return True  # "When al-Islam first made his claims, he said ...": he is al-Islam
    if verb.deprel not in ("ccomp", "parataxis"):
        return False
    # a reported clause's subject may speak next when plural sources report it: "Sources told
    # DER SPIEGEL that Wang reacted coolly. He reportedly said ..." (the seed); not when one
    # person reports it: "Odinga has said that Mugabe should be suspended. He has said ..."
    reporter = next(
        (k for k in sent.kids(verb.head) if k.deprel.startswith("nsubj") and k.id != head.id),
        None,
    )
    return reporter is None or "Number=Plur" in reporter.feats


def _pronoun_subject(sent: Sentence, verb: Token) -> bool:
    """Whether ``verb`` has "he" or "she" for its subject."""
    return any(
        k.deprel.startswith("nsubj") and k.text.lower() in ("he", "she") for k in sent.kids(verb.id)
    )


def _opens_sentence(sent: Sentence, mention: Mention) -> bool:
    """Without a parse: a person's name opening the sentence is its subject ("Jon Brask, the
    proposed foreign minister, implied ..."), what a later "He said" may refer to."""
    if mention.kind != "name" or mention.speaker_kind == "institution":
        return False
    words = [t for t in sent.tokens if any(c.isalnum() for c in t.text)]
    if not words or mention.start > words[0].start:
        return False
    after = next((t for t in sent.tokens if t.start >= mention.end), None)
    return after is None or after.text not in ("'s", "’s", "'", "’")


def _surface_heads(sent: Sentence) -> list[Token]:
    """Without a parse: the last word of each run of two or more capitalised words."""
    heads: list[Token] = []
    run: list[Token] = []
    for tok in [*sent.tokens, None]:
        if tok is not None and _capitalised(tok.text):
            run.append(tok)
            continue
        if tok is not None and tok.text in (".",) and run and _abbreviation(run[-1].text):
            continue  # "John F. Kennedy", "Mrs. Keller"
        while run and run[0].text.lower() in lexicon.word_list("function_words"):
            run = run[1:]
        if 2 <= len(run) <= 4:  # longer capitalised runs are headlines, not names
            heads.append(run[-1])
        run = []
    return heads


def _capitalised(word: str) -> bool:
    """A capitalised word, or an abbreviation with its stop ("Mrs.", "F.", as the surface parse
    keeps them)."""
    if not word[:1].isupper():
        return False
    return word.isalpha() or (word.endswith(".") and _abbreviation(word[:-1]))


def _abbreviation(word: str) -> bool:
    """An initial ("F") or a title ("Mrs", "Sen") that a full stop abbreviates."""
    return len(word) == 1 or word.lower() in lexicon.word_list("titles")


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


def resolve(ctx: DocContext, mention: Mention) -> Entity | None:
    """The entity a mention refers to; a new unnamed speaker gets its country from context."""
    if mention.kind == "nominal" and ctx.registry.find(mention) is None:
        _infer_country(ctx, mention)
    return ctx.registry.resolve(mention)


def _infer_country(ctx: DocContext, mention: Mention) -> None:
    """An unnamed speaker's country from context: "the Chinese Foreign Ministry" nearby before,
    or a country named earlier in the same sentence ("China reacted, with a spokesperson ...")."""
    if mention.kind != "nominal" or mention.country or not mention.role:
        return
    window = ctx.text[max(0, mention.start - 3000) : mention.end + 300]
    country = _country_before_role(window, mention.role.split())
    if country is not None:
        mention.country = country
        return
    sent = ctx.parsed.sentence_at(mention.start)
    if sent is not None:
        hits = lexicon.countries().find(ctx.text[sent.start : mention.start])
        if hits:
            mention.country = hits[-1][2]


def _country_before_role(window: str, words: list[str]) -> str | None:
    """The country named last in ``window`` right before the role's first words ("the Chinese
    Foreign Ministry" for "Foreign Ministry spokesperson"), trying the most words first. The
    country names are found once; only the short run of role words is a new pattern (one
    pattern joining both cost 41 ms to compile, and re's cache kept hundreds of them)."""
    countries = lexicon.countries()
    found = [(m.end(), m.group(0)) for m in countries.pattern.finditer(window)]
    if not found:
        return None
    for n in range(len(words), 1, -1):
        follows = re.compile(r"\s+" + r"\s+".join(map(re.escape, words[:n])))
        for end, name in reversed(found):
            if follows.match(window, end):
                return countries.by_alias[name]
    return None


def entity_name(registry: EntityRegistry, text: str) -> str:
    for ent in registry.entities:
        if (ent.named and text in ent.name.split()) or text == ent.name:
            return ent.name
    return text
