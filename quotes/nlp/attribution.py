"""Who said a quote: the reporting cue near it and that cue's subject, by ordered rules.

Every rule returns an ``Attribution`` that names itself in ``rule``; the first that fires wins:

1. ``cue-after``: a reporting verb right after the closing mark (``"...," Blinken told``,
   ``"...," said the minister``), or a dash form (``"..." — the minister``).
2. ``cue-before``: a reporting verb or colon before the opening mark (``He said: "..."``).
3. ``cue-governs``: a reporting verb elsewhere in the sentence that governs the quote
   (``called it "groundless"``), or ``according to X``.
Quotes with no cue of their own are handled by the pipeline (continuations, previous speaker).
"""

from __future__ import annotations

from dataclasses import dataclass

from quotes.nlp import lexicon
from quotes.nlp.marks import QuoteSpan, SpanIndex
from quotes.nlp.mentions import (
    Mention,
    dateline_at,
    describe,
    describe_titled,
    noun_phrase,
    phrase_after_dateline,
    role_kind,
    surface_lemma,
)
from quotes.nlp.names import PARTICLE_NAME
from quotes.nlp.parse import ParsedDoc, Sentence, Token

_SUBJ = ("nsubj", "nsubj:pass", "csubj")
_MAX_AFTER = 9  # tokens between a closing mark and its cue ("a Foreign Ministry spokesperson said")
_QUOTE_CHARS = set('"“”„«»‚‘’')


@dataclass(slots=True)
class Attribution:
    mention: Mention | None
    cue: str | None
    cue_lemma: str | None
    rule: str
    confidence: float
    cue_token: tuple[int, int] | None = None  # (sentence index, token id)


def _cue_word(token: Token) -> bool:
    """A reporting verb by its form alone, whatever the tagger said."""
    bare = Token(token.id, token.text, token.start, token.end)
    return token.text[:1].islower() and surface_lemma(bare) in lexicon.cue_verbs()


def is_cue(token: Token) -> bool:
    if token.upos and token.upos not in ("VERB", "AUX", ""):
        return False
    if not token.upos and token.text[:1].isupper() and token.id > 1:
        return False  # untagged "State", "Post": a name, not a verb
    lemma = surface_lemma(token)
    return lemma in lexicon.cue_verbs()


def attribute(doc: ParsedDoc, span: QuoteSpan, inside: SpanIndex) -> Attribution | None:
    """The attribution of ``span`` found in its own sentences, or None."""
    close_sent = doc.sentence_at(max(span.end - 1, span.start))
    open_sent = doc.sentence_at(span.start)
    if close_sent is not None:
        after = _until_quote([t for t in close_sent.tokens if t.start >= span.end], inside)
        target_sent = close_sent
        if not any(not _is_punct(t) for t in after):
            # '"...?" Clinton said.' is often split into two sentences after the mark
            nxt = _next_sentence(doc, close_sent, span.end)
            alone = open_sent is None or not any(
                not _is_punct(t)
                for t in _since_quote([t for t in open_sent.tokens if t.end <= span.start], inside)
            )
            if nxt is not None and _short_cue_clause(nxt, inside, alone):
                target_sent = nxt
                after = _until_quote(nxt.tokens, inside)
        found = _cue_after(doc, target_sent, after)
        if found:
            return found
    if open_sent is not None:
        before = [t for t in open_sent.tokens if t.end <= span.start]
        found = _cue_before(doc, open_sent, _since_quote(before, inside))
        if found:
            return found
    for sent in {id(s): s for s in (open_sent, close_sent) if s is not None}.values():
        found = _cue_governs(doc, sent, span, inside)
        if found:
            return found
    if open_sent is not None:
        found = _quoted_predicate(doc, open_sent, span)
        if found:
            return found
    return _colon_lead_in(doc, open_sent, span)


def _quoted_predicate(doc: ParsedDoc, sent: Sentence, span: QuoteSpan) -> Attribution | None:
    """A press release's subject before the quote and its predicate inside: 'The Palestinian
    Authority “welcomes the efforts ...”'. The quote must open with the finite verb whose
    subject stands right before it, outside the marks."""
    if not sent.parsed:
        return None
    words = [t for t in sent.tokens if span.start <= t.start < span.end and not _is_punct(t)]
    if not words:
        return None
    verb = words[0]
    finite = "VerbForm=Fin" in verb.feats or not verb.feats
    if verb.upos != "VERB" or not finite or not verb.text[:1].islower():
        return None
    subject = next((k for k in sent.kids(verb.id, "nsubj") if k.end <= span.start), None)
    if subject is None or subject.upos not in ("PROPN", "NOUN", "PRON"):
        return None
    between = [t for t in sent.tokens if subject.end <= t.start and t.end <= span.start]
    if any(not _is_punct(t) for t in between):
        return None  # "The plan, he said, “would fail”": not the subject's own words
    mention = describe(noun_phrase(sent, subject), doc.text)
    return Attribution(mention, None, None, "quoted-predicate", 0.7)


def attribute_from_previous_sentence(
    doc: ParsedDoc, span: QuoteSpan, inside: SpanIndex
) -> Attribution | None:
    """``..., Schiff said. "The other factor ..."``: the cue closing the sentence before."""
    sent = doc.sentence_at(span.start)
    if sent is None or sent.index <= 0 or doc.sentences[sent.index] is not sent:
        return None
    if any(not _is_punct(t) for t in sent.tokens if t.end <= span.start):
        return None  # the quote does not open its sentence
    prev = doc.sentences[sent.index - 1]
    if not _adjoining(doc.text[prev.end : span.start]) or inside.within(prev.start, prev.end):
        return None
    words = [t for t in prev.tokens if not _is_punct(t)]
    for i in range(len(words) - 1, max(len(words) - 4, 0) - 1, -1):
        tok = words[i]
        if is_cue(tok):
            mention = _subject(doc, prev, tok, words[:i], [])
            if mention is not None:
                return Attribution(
                    mention,
                    tok.text,
                    surface_lemma(tok),
                    "cue-closes-previous-sentence",
                    0.65,
                    (prev.index, tok.id),
                )
            return None
    return _previous_statement(doc, prev)


def _adjoining(gap: str) -> bool:
    """Whether a quote follows the sentence before it directly: a space or a paragraph break,
    and at most a list bullet ("... declaring the days of weakness are over.\n\n- “There's
    not a war.”" in a round-up)."""
    return len(gap) <= 3 or (len(gap) <= 8 and not gap.strip(" \t\n-*•–—"))


def _previous_statement(doc: ParsedDoc, prev: Sentence) -> Attribution | None:
    """``Lawrence Cummings called him a master at deals. "He showed again and again ..."``: a
    sentence whose main verb is a statement by a named speaker introduces the quote after it."""
    root = next((t for t in prev.tokens if t.head == 0), None) if prev.parsed else None
    if root is not None and parsed_subject(prev, root) is None:
        # "Asked about those remarks, the minister said ...": the parser's root is the
        # participle, the statement its parataxis
        root = next(
            (k for k in prev.kids(root.id) if k.deprel in ("parataxis", "conj") and is_cue(k)),
            root,
        )
    if root is None or not is_cue(root):
        return None
    subject = parsed_subject(prev, root)
    if subject is None or subject.text.lower() in _RELATIVE or not _agent(subject):
        return None
    if (subject.lemma or subject.text).lower() in _DOCUMENTS:
        return None
    mention = describe(noun_phrase(prev, subject), doc.text)
    return Attribution(
        mention, root.text, surface_lemma(root), "previous-statement", 0.55, (prev.index, root.id)
    )


def _short_cue_clause(sent: Sentence, inside: SpanIndex, alone: bool) -> bool:
    """A sentence that is only an attribution: ``Clinton said.``, ``said the minister.``

    After a quote that is a sentence on its own (``alone``: no words of its sentence before
    it, so no cue of its own), also one that opens with an attribution (``Trump told
    Britain's ITV ... when asked how ...``), counting no apposition's words ("Miller, a retired
    worker from a nuclear plant, said pleasantly")."""
    if any(inside.covers(t.start) for t in sent.tokens):
        return False
    words = [t for t in sent.tokens if not _is_punct(t)]
    if 0 < len(words) <= 12 and any(is_cue(t) for t in words[:7]):
        return True
    if not alone:
        return False
    core = [t for t, apposed in _outside_appositions(sent.tokens) if not apposed]
    reach = 7 if len(core) <= 12 else 3
    return any(is_cue(t) for t in core[:reach])


def _next_sentence(doc: ParsedDoc, sent: Sentence, offset: int) -> Sentence | None:
    """The sentence right after ``sent`` if it starts within a few characters, same line."""
    position = sent.index + 1
    if position >= len(doc.sentences):
        return None
    nxt = doc.sentences[position]
    gap = doc.text[offset : nxt.start]
    return nxt if len(gap) <= 3 and "\n" not in gap else None


def attribute_to_sentence_subject(
    doc: ParsedDoc, span: QuoteSpan, inside: SpanIndex
) -> Attribution | None:
    """A partial quote in a reporter's sentence with no reporting verb: "Trump admires Putin
    as a "strong leader"" - the subject of the sentence's main verb, low confidence."""
    sent = doc.sentence_at(span.start)
    if sent is None or not sent.parsed:
        return None
    before = [t for t in sent.tokens if t.end <= span.start and not _is_punct(t)]
    if not before:
        return None
    root = next((t for t in sent.tokens if t.head == 0), None)
    if root is None or inside.covers(root.start):
        return None
    subject = parsed_subject(sent, root)
    if subject is None or inside.covers(subject.start):
        return None
    named = subject.upos in ("PROPN", "PRON") or subject.ner != "O"
    if not named and subject.text.lower() not in lexicon.role_nouns():
        return None
    if subject.text.lower() in ("it", "this", "that", "there"):
        return None
    mention = describe(noun_phrase(sent, subject), doc.text)
    return Attribution(mention, None, None, "sentence-subject", 0.5)


def _colon_lead_in(doc: ParsedDoc, sent: Sentence | None, span: QuoteSpan) -> Attribution | None:
    """``Caddell continued:`` closing the sentence or paragraph before the quote."""
    if sent is None or sent.start < span.start - 1 or sent.index == 0:
        return None
    position = sent.index
    if position <= 0 or doc.sentences[position] is not sent:
        return None
    prev = doc.sentences[position - 1]
    if prev.tokens[-1].text != ":" or span.start - prev.end > 4:
        return None
    found = _cue_before(doc, prev, prev.tokens)
    words = [t for t in prev.tokens if not _is_punct(t)]
    if found is None and len(words) >= 2 and _cue_word(words[-1]):
        # "The New York Times reports:" - a reporting verb the tagger took for a noun
        run = _nominal_run(words[:-1][-6:])
        if run and run[-1] is words[-2]:
            found = Attribution(
                describe(_phrase(prev, run), doc.text), words[-1].text, None, "colon-lead-in", 0.7
            )
    if found is None and prev.parsed:
        # "Sanders made the following comment:" - the subject of the lead-in clause
        root = next((t for t in prev.tokens if t.head == 0), None)
        subject = parsed_subject(prev, root) if root is not None else None
        if subject is not None and (subject.upos in ("PROPN", "PRON") or subject.ner != "O"):
            found = Attribution(
                describe(noun_phrase(prev, subject), doc.text), ":", ":", "colon-lead-in", 0.7
            )
    if found is not None:
        found.rule = "colon-lead-in"
    return found


def _until_quote(tokens: list[Token], inside: SpanIndex) -> list[Token]:
    out = []
    for tok in tokens:
        if inside.covers(tok.start):
            break
        out.append(tok)
    return out


def _since_quote(tokens: list[Token], inside: SpanIndex) -> list[Token]:
    out: list[Token] = []
    for tok in reversed(tokens):
        if inside.covers(tok.start):
            break
        out.insert(0, tok)
    return out


def _cue_after(doc: ParsedDoc, sent: Sentence, after: list[Token]) -> Attribution | None:
    """``"...," Blinken told``, ``"...," said the minister``, ``"..." — the minister``.

    Words between commas after a speaker ("Vann Newkirk, a writer for The Atlantic, said") are
    an apposition: skipped while looking for the cue, and not part of the subject.
    """
    words = _outside_appositions(after)
    core = [t for t, appos in words if not appos]
    found, stopped = _first_cue(doc, sent, core, words)
    if found is not None:
        return found
    tail = _unclosed_tail(words)
    if not stopped and tail and _running_text(sent):
        # 'Obama "felt a moral obligation" on climate change, Axelrod said.' (not a headline:
        # 'Israel "illegally annexing" east Jerusalem, EU reports' names no speaker)
        found, _ = _first_cue(doc, sent, tail, [(t, False) for t in tail])
        if found is not None:
            return found
    if after and after[0].text in _DASHES and core and not _topic_label(after):
        run = _nominal_run(core)
        # the byline opens the words after the dash ("― just as he did ..." has none)
        first = next((t for t in core if any(c.isalnum() for c in t.text)), None)
        mention = describe(_phrase(sent, run), doc.text) if run and run[0] is first else None
        if mention is not None and _byline(mention):
            return Attribution(mention, None, None, "dash-after", 0.8)
    return None


def _first_cue(
    doc: ParsedDoc, sent: Sentence, core: list[Token], words: list[tuple[Token, bool]]
) -> tuple[Attribution | None, bool]:
    """The cue and subject among ``core``, the words after a quote; and whether the search
    stopped on something that rules out a cue further on (a new clause, a cue with no subject)."""
    for i, tok in enumerate(core[:_MAX_AFTER]):
        if tok.upos == "CCONJ" and tok.text.lower() != "yet":
            # "..., but he said that ...": a new clause, with its own report ('"put the
            # biggest crack" yet in the glass ceiling' is an adverb the tagger took for one)
            return None, True
        phrasal = _phrasal_cue(sent, tok)
        cue = is_cue(tok) or _noun_tagged_cue(core, i) or phrasal is not None
        if cue and not tok.upos and _untagged_noun(core, i):
            cue = False  # untagged "the report stated": "report" is the noun, not the cue
        if not cue or tok.deprel == "acl" or _subordinate(sent, tok):
            # "... as “unhinged” a Donald Trump tweet attacking ...": a participle describing
            # a noun after the quote is not the quote's cue
            if tok.upos in ("VERB", "AUX") and tok.deprel.split(":")[0] not in _VERB_PARTS:
                return None, True  # another clause started: no cue right after this quote
            continue
        reporter = _quoted_as(sent, tok)
        if reporter is None:
            return None, True  # '"...;" this is described as': said about, not by, "this"
        left, right = core[:i], [t for t, _ in words if t.start > tok.start]
        mention = _adjacent_subject(doc, sent, reporter, left, right)
        if mention is not None:
            cue_token = (sent.index, tok.id)
            cue_text, lemma = _cue_words(tok, phrasal)
            return Attribution(mention, cue_text, lemma, "cue-after", 0.95, cue_token), True
        return None, True
    return None, False


def _untagged_noun(core: list[Token], i: int) -> bool:
    """Without tags, a reporting verb's form that is a noun: after a determiner ("the report"),
    or right before another reporting verb ("the GOP report said")."""
    after_det = i > 0 and core[i - 1].text.lower() in _DETERMINERS
    before_cue = i + 1 < len(core) and not core[i + 1].upos and is_cue(core[i + 1])
    return after_det or before_cue


_DETERMINERS = frozenset(["the", "a", "an", "this", "that", "his", "her", "its", "their", "our"])
_VERB_PARTS = ("aux", "cop", "amod")  # "is" in "is quoted": part of the verb, not a new clause


def _quoted_as(sent: Sentence, cue: Token) -> Token | None:
    """The cue whose subject speaks: ``cue`` itself, or for "Braynard is quoted as saying" the
    "saying" (``parsed_subject`` climbs from it to the passive's subject); None for another
    passive cue ("this is described as"), whose subject is what was spoken about."""
    if not any(k.deprel == "aux:pass" for k in sent.kids(cue.id)):
        return cue
    inner = [k for k in sent.kids(cue.id, "advcl") if k.start > cue.start and is_cue(k)]
    return inner[0] if inner else None


def _noun_tagged_cue(core: list[Token], i: int) -> bool:
    """``"...," Viguerie notes.``: a reporting verb in -s the tagger read as a plural noun.

    Only right after a name that follows the quote and at the end of the clause, where a
    plural noun ("Viguerie notes" as a compound) cannot stand.
    """
    tok = core[i]
    if tok.upos != "NOUN" or not tok.text.endswith("s") or not _cue_word(tok):
        return False
    if i == 0 or core[i - 1].upos != "PROPN":
        return False
    rest = core[i + 1 :]
    return not rest or _is_punct(rest[0]) or rest[0].upos in ("ADP", "ADV", "PROPN", "NOUN")


_PARTICLES = {"go": "on", "shoot": "back", "fire": "back", "hit": "back", "chime": "in"}
_PHRASAL_FORMS = {
    **{form: "go" for form in ("go", "goes", "went")},
    **{form: "shoot" for form in ("shoot", "shoots", "shot")},
    **{form: "fire" for form in ("fire", "fires", "fired")},
    **{form: "hit" for form in ("hit", "hits")},
    **{form: "chime" for form in ("chime", "chimes", "chimed")},
}


def _cue_words(tok: Token, phrasal: str | None) -> tuple[str, str]:
    """The cue's text and lemma: "shot back", "shoot back" for a phrasal cue."""
    if phrasal is None:
        return tok.text, surface_lemma(tok)
    return phrasal, f"{_PHRASAL_FORMS[tok.text.lower()]} {phrasal.split()[1].lower()}"


def _phrasal_cue(sent: Sentence, tok: Token) -> str | None:
    """A reporting verb and its particle ("Hillary shot back, ...", '"...," she went on.'),
    as the cue's words, or None. "went on" only ends its clause ("went on to win" is not one)."""
    lemma = _PHRASAL_FORMS.get(tok.text.lower())
    if lemma is None or tok.upos not in ("VERB", "") or tok.id >= len(sent.tokens):
        return None
    particle = sent.tokens[tok.id]  # the next token (ids count from 1)
    if particle.text.lower() != _PARTICLES[lemma]:
        return None
    rest = sent.tokens[tok.id + 1 :]
    if lemma == "go" and rest and not _is_punct(rest[0]):
        return None
    return f"{tok.text} {particle.text}"


def _subordinate(sent: Sentence, verb: Token) -> bool:
    """Whether ``verb`` heads a subordinate clause ("... a "disgrace" after she attacked ..."),
    which reports something else than the quote before it ("as he put it" still reports it)."""
    return any(k.text.lower() in _SUBORDINATORS for k in sent.kids(verb.id, "mark"))


_SUBORDINATORS = frozenset(
    [
        *("after", "before", "because", "when", "while", "that", "if", "since", "although"),
        *("though", "until", "unless", "whether", "once", "whereas"),
    ]
)


def _byline(mention: Mention) -> bool:
    """Whether a phrase after a dash can sign a quote: a name or a role ("— the minister"),
    not a description of the quote ("— a metaphor for ...")."""
    if mention.kind == "pronoun":
        return False
    return mention.kind != "nominal" or mention.speaker_kind in ("person", "institution")


_DASHES = ("—", "–", "-", "―", "--")
_TOPIC_PREPOSITIONS = {"on", "about", "re", "regarding", "concerning"}


def _topic_label(after: list[Token]) -> bool:
    """``"..." - On sanctions: "..."``: after the dash comes the next bullet's topic label."""
    words = [t for t in after[1:12] if not _is_punct(t) or t.text == ":"]
    if not words:
        return False
    return words[0].text.lower() in _TOPIC_PREPOSITIONS or any(t.text == ":" for t in words)


def _outside_appositions(tokens: list[Token]) -> list[tuple[Token, bool]]:
    """Words, each flagged when it lies in a comma-delimited apposition after the first word."""
    out: list[tuple[Token, bool]] = []
    inside = False
    for tok in tokens:
        if tok.text == "," and out:
            inside = not inside
            continue
        if tok.text in ("!", "?", ";") and out:
            break
        if _is_punct(tok):
            continue
        out.append((tok, inside))
    return out


def _running_text(sent: Sentence) -> bool:
    """A sentence that ends with a full stop (or ! ?), as running text does and headlines
    do not."""
    ends = [t.text for t in sent.tokens[-2:]]
    return any(e in (".", "!", "?") or e.endswith(".") for e in ends)


def _unclosed_tail(words: list[tuple[Token, bool]]) -> list[Token]:
    """The words after a comma that no second comma closes: not an apposition but, in '... on
    climate change, Axelrod said.', the sentence's own reporting clause."""
    tail: list[Token] = []
    for tok, appos in reversed(words):
        if not appos:
            break
        tail.insert(0, tok)
    return tail


_ADDRESSEE = {"tell", "ask", "remind", "inform", "assure", "urge", "warn", "promise", "thank"}


def _adjacent_subject(
    doc: ParsedDoc, sent: Sentence, cue: Token, left: list[Token], right: list[Token]
) -> Mention | None:
    """The subject next to a cue that follows a quote: before it, or after it when inverted."""
    subject = parsed_subject(sent, cue) if sent.parsed else None
    if left:
        if subject is not None and subject in left:
            return describe(noun_phrase(sent, subject), doc.text)
        run = _nominal_run(left)
        if run and run[0] is left[0] and not any(_clausal(t) for t in left):
            return describe(_phrase(sent, run), doc.text)
        return None
    if subject is not None and subject in right and subject.upos != "NUM":
        return describe(noun_phrase(sent, subject), doc.text)
    # a number the parser made the subject ("said one unaligned Florida Republican
    # strategist") is the start of the description that follows
    if surface_lemma(cue) in _ADDRESSEE and surface_lemma(cue) != "ask":
        # '"...," told reporters' names whom; '"...?" asked the boy' names who asked
        return None
    run = _nominal_run(right)
    if run and (run[0] is right[0] or right[0].text.lower() in ("the", "a", "an")):
        return describe(_phrase(sent, run), doc.text)
    return None


def _clausal(tok: Token) -> bool:
    """A verb heading its own clause (not "retired" in "retired general Lloyd Newton")."""
    if tok.upos != "VERB":
        return False
    return tok.deprel.split(":")[0] not in ("amod", "compound", "flat", "nmod", "appos")


def _nominal_run(tokens: list[Token]) -> list[Token]:
    """The first contiguous run of noun-phrase words (determiners, titles, names, nouns)."""
    run: list[Token] = []
    dets = ("the", "a", "an")
    for tok in tokens:
        word = tok.text.lower()
        fits = _nominal(tok) or word in (*dets, "of") or tok.upos in ("DET", "ADJ", "NUM")
        fits = fits or (tok.upos == "VERB" and tok.deprel == "amod")  # "retired neurosurgeon"
        # "one unaligned strategist" whatever the parser made of the participle
        fits = fits or (tok.upos == "VERB" and "VerbForm=Part" in tok.feats and bool(run))
        if tok.upos == "ADP" and word != "of":
            fits = False
        # untagged: lower-case words after a determiner are the noun phrase ("the ruling",
        # "the new report"), not a function word or a participle ("the minister, adding")
        after_det = (
            not tok.upos
            and tok.text.isalpha()
            and bool(run)
            and (
                run[-1].text.lower() in dets
                or (
                    run[0].text.lower() in dets
                    and len(run) <= 2
                    and tok.text.islower()
                    and not tok.text.endswith("ing")
                    and word not in lexicon.word_list("function_words")
                )
            )
        )
        if fits or after_det:
            run.append(tok)
        elif run:
            break
    while run and (run[-1].text.lower() in (*dets, "of") or run[-1].upos in ("ADJ", "NUM", "VERB")):
        run.pop()
    untagged_np = len(run) >= 2 and run[0].text.lower() in dets and not run[0].upos
    return run if untagged_np or any(_nominal(t) for t in run) else []


def _phrase(sent: Sentence, run: list[Token]) -> list[Token]:
    """A run's noun phrase: from the parse around its head when parsed, else the run itself
    and the body a role noun ending it belongs to."""
    if not sent.parsed:
        return _with_body(sent, run)
    ids = {t.id for t in run}
    heads = [t for t in run if t.head not in ids]
    head = next((t for t in heads if _nominal(t)), run[-1])
    phrase = noun_phrase(sent, head)
    return phrase if phrase[0].id <= run[0].id or len(phrase) <= len(run) + 6 else run


_BODY_LINKS = frozenset(["at", "of", "for", "with"])


def _with_body(sent: Sentence, run: list[Token]) -> list[Token]:
    """Without a parse, a role noun's body after it: "an analyst" + "at the Harrow Institute",
    "a spokesman" + "for the Foreign Ministry". Only capitalised words (a name) make a body."""
    if not run or role_kind(run[-1].text) != "person":
        return run
    rest = sent.tokens[run[-1].id :]
    if len(rest) < 2 or rest[0].text.lower() not in _BODY_LINKS:
        return run
    at = 2 if rest[1].text.lower() == "the" and len(rest) > 2 else 1
    body: list[Token] = []
    for tok in rest[at:]:
        if not (tok.text[:1].isupper() or (body and tok.text.lower() in ("of", "the", "for"))):
            break
        body.append(tok)
    while body and not body[-1].text[:1].isupper():
        body.pop()
    return [*run, *rest[:at], *body] if body else run


def _cue_before(doc: ParsedDoc, sent: Sentence, before: list[Token]) -> Attribution | None:
    words = [t for t in before if t.text not in _QUOTE_CHARS]
    for i in range(len(words) - 1, -1, -1):
        tok = words[i]
        phrasal = _phrasal_cue(sent, tok)
        if (is_cue(tok) or phrasal is not None) and not _relaying(sent, tok):
            between = words[i + 2 :] if phrasal else words[i + 1 :]  # "shot back, "..."'"
            outer = _outermost_cue(sent, tok, all(_is_punct(t) for t in between))
            left = words[:i]
            if outer is not tok and outer not in words:
                # the outer cue lies before an earlier quote ('said ... "A" and said the
                # Iranians had agreed to "B"'): the cue in reach that it governs reports B,
                # or else the outer cue itself ('He said Russia had claimed Crimea "A"
                # requiring the US to offer "B"')
                outer = next((a for a in sent.ancestors(tok.id) if is_cue(a) and a in words), outer)
                left = words[: words.index(outer)] if outer in words else []
                tok = outer
            elif outer is not tok:
                i, tok = words.index(outer), outer
                left = words[:i]
            mention = _subject(doc, sent, tok, left, words[i + 1 :])
            if mention is not None:
                cue_text, lemma = _cue_words(tok, phrasal)
                return Attribution(
                    mention, cue_text, lemma, "cue-before", 0.9, (sent.index, tok.id)
                )
        found = _according_to(doc, sent, words, i, 0.85)
        if found is not None:
            return found
    if words and words[-1].text == ":" and len(words) >= 2:
        label = _name_label(doc, sent, words[:-1])
        if label is not None:
            return Attribution(label, ":", ":", "colon-label", 0.75)
        head = _np_head(words[:-1], last=True)
        speakerish = head is not None and (
            head.upos in ("PROPN", "PRON", "")
            or head.text.lower() in lexicon.role_nouns()
            or head.ner != "O"
        )
        if head is not None and speakerish:
            np = noun_phrase(sent, head)
            if np[-1].end <= words[-1].start:
                return Attribution(describe(np, doc.text), ":", ":", "colon-before", 0.75)
        lead_words = words[:-1]
        opens = next((t for t in sent.tokens if any(c.isalnum() for c in t.text)), None)
        if (
            lead_words[0] is opens
            and len(lead_words) <= 8
            and any(role_kind(t.text) for t in lead_words)
            and not any(t.upos in ("VERB", "AUX") for t in lead_words)
        ):
            # a round-up's label: "Azerbaijani Ministry of Foreign Affairs: “...”"
            return Attribution(describe(lead_words, doc.text), ":", ":", "colon-label", 0.7)
        return lead_in_subject(doc, sent, words[-1])
    return None


def lead_in_subject(doc: ParsedDoc, sent: Sentence, colon: Token) -> Attribution | None:
    """A clause that ends in a colon and introduces what follows ("Secretary Bessent then made
    the rounds on television:", "President Trump detailed his talks with European leaders:"):
    the subject of its main verb, when that subject can speak."""
    if not sent.parsed:
        return None
    root = next((t for t in sent.tokens if t.head == 0), None)
    if root is None or root.upos != "VERB" or root.start > colon.start:
        return None
    subject = parsed_subject(sent, root)
    if subject is None or subject.start > colon.start:
        return None
    if subject.text.lower() in ("it", "this", "that", "there", "which", "who"):
        return None
    named = subject.upos in ("PROPN", "PRON") or subject.ner != "O"
    if not named and role_kind(subject.lemma or subject.text) is None:
        return None  # a person's or an institution's role ("Norland's defence ministry")
    mention = describe(noun_phrase(sent, subject), doc.text)
    return Attribution(mention, root.text, surface_lemma(root), "colon-subject", 0.6)


def _name_label(doc: ParsedDoc, sent: Sentence, label: list[Token]) -> Mention | None:
    """A round-up's "Name, Title:" label opening the sentence (after any bullet): the name
    speaks, the title is the role ("Jennifer Rubin, Washington Post Columnist: ...")."""
    opening = [t for t in sent.tokens if t.start < label[-1].end]
    while opening and not any(c.isalnum() for c in opening[0].text):
        opening.pop(0)
    if not opening or opening[0].start != label[0].start:
        return None
    comma = next((i for i, t in enumerate(label) if t.text == ","), None)
    if comma is None or comma > 5:
        return None
    return describe_titled(label[:comma], label[comma + 1 :], doc.text)


def _outermost_cue(sent: Sentence, cue: Token, adjacent: bool) -> Token:
    """ "She said she recalls ...": the matrix cue ``said``, not the embedded ``recalls``.

    ``adjacent``: only punctuation stands between ``cue`` and the quote."""
    if not sent.parsed:
        return cue
    outer = cue
    for anc in sent.ancestors(cue.id):
        if is_cue(anc) and anc.id < cue.id:
            outer = anc
    if outer is not cue and _has_own_speaker(sent, cue):
        if adjacent and cue.deprel not in ("ccomp", "xcomp"):
            # ", Trump boasted, "...": the cue right before the quote is its cue, unless it is
            # what the outer cue reports ("The statement noted they said "...": the statement)
            return cue
        above = parsed_subject(sent, outer)
        if above is None or not _agent(above):
            # "The question asked about talks, to which he replied": he speaks;
            # "Asked about the device, O'Neill said": the participle has no speaker
            return cue
    return outer


def _has_own_speaker(sent: Sentence, cue: Token) -> bool:
    return any(k.text.lower() not in _RELATIVE for k in sent.kids(cue.id, "nsubj"))


def _agent(head: Token) -> bool:
    """Whether a subject can speak: a name, a pronoun, an entity, a role ("the minister") or a
    document ("the statement noted")."""
    words = {head.text.lower(), (head.lemma or "").lower()}
    return (
        head.upos in ("PROPN", "PRON")
        or head.ner != "O"
        or any(w in lexicon.role_nouns() or w in _DOCUMENTS for w in words)
    )


# What someone sends that says something ("issued a statement saying"): its sender speaks.
_MESSAGES = frozenset(
    [
        *("tweet", "statement", "letter", "message", "post", "email", "video", "ad", "memo"),
        *("communique", "release", "op-ed", "column", "editorial", "blog"),
    ]
)
# Verbal acts whose participle goes on with the act's author: "Christie repeated accusations
# that ..., calling him a "talented guy"" (the accusations call no one)
_ACTS = frozenset(
    [
        *("accusation", "allegation", "attack", "charge", "criticism", "claim", "jab", "swipe"),
        *("broadside", "salvo", "point", "argument", "assertion", "complaint", "remark"),
        *("comment", "warning", "threat", "appeal", "plea", "demand", "denial", "insult"),
    ]
)
# Texts that speak as the subject of a cue ("the statement noted", "the report found").
_DOCUMENTS = _MESSAGES | frozenset(
    ["report", "declaration", "resolution", "document", "article", "study", "survey", "poll"]
)


def _cue_governs(
    doc: ParsedDoc, sent: Sentence, span: QuoteSpan, inside: SpanIndex
) -> Attribution | None:
    if not sent.parsed:
        return None
    quote_toks = [t for t in sent.tokens if span.start <= t.start < span.end]
    outside = [t for t in sent.tokens if not inside.covers(t.start)]
    for qt in quote_toks[:3] + quote_toks[-3:]:
        below = qt
        for anc in sent.ancestors(qt.id):
            child, below = below, anc
            if span.start <= anc.start < span.end:
                continue
            if is_cue(anc) and not _reports_nothing_here(sent, anc, child):
                left = [t for t in outside if t.end <= anc.start]
                mention = _subject(doc, sent, anc, left, [])
                if mention is not None:
                    return Attribution(
                        mention,
                        anc.text,
                        surface_lemma(anc),
                        "cue-governs",
                        0.8,
                        (sent.index, anc.id),
                    )
    for i in range(len(outside)):
        found = _according_to(doc, sent, outside, i, 0.8)
        if found is not None:
            return found
    return None


def _reports_nothing_here(sent: Sentence, cue: Token, child: Token) -> bool:
    """A cue inside what another cue reports, reached from the quote through an adjunct, not a
    complement: 'he said the Iranians had agreed only to "cosmetic concessions"', 'he said
    Russia had claimed Crimea, requiring the US to offer "a proportional show of force"': the
    outer speaker's words, not the inner subject's."""
    if child.deprel.split(":")[0] not in ("obl", "advcl", "nmod"):
        return False
    if cue.deprel.split(":")[0] not in ("ccomp", "xcomp", "parataxis"):
        return False
    return any(is_cue(a) for a in sent.ancestors(cue.id))


def _according_to(
    doc: ParsedDoc, sent: Sentence, words: list[Token], i: int, confidence: float
) -> Attribution | None:
    """``according to X`` starting at ``words[i]``: X is the source."""
    if words[i].text.lower() != "according" or i + 1 >= len(words) or words[i + 1].text != "to":
        return None
    head = _np_head(words[i + 2 :])
    if head is None:
        return None
    source = [t for t in noun_phrase(sent, head) if t.start >= words[i + 2].start]
    source = _original_source(sent, words, source or [head])
    mention = describe(source, doc.text)
    return Attribution(mention, "according to", "according to", "according-to", confidence)


_RELAYING = frozenset(["quoting", "citing"])


def _relaying(sent: Sentence, tok: Token) -> bool:
    """ "quoting KCNA" / "citing officials" before the clause: it names a source (the one
    ``according to`` reports), it does not report the quote itself."""
    return tok.text.lower() in _RELAYING and bool(sent.kids(tok.id, "obj"))


def _original_source(sent: Sentence, words: list[Token], source: list[Token]) -> list[Token]:
    """ "According to Yonhap, quoting KCNA, ...": the agency relays, the one it quotes speaks."""
    after = [t for t in words if t.start >= source[-1].end and not _is_punct(t)]
    if len(after) < 2 or after[0].text.lower() not in _RELAYING:
        return source
    objects = sent.kids(after[0].id, "obj") if sent.parsed else []
    head = objects[0] if objects else _np_head(after[1:])
    if head is None:
        return source
    return [t for t in noun_phrase(sent, head) if t.start >= after[1].start] or [head]


def _subject(
    doc: ParsedDoc, sent: Sentence, verb: Token, left: list[Token], right: list[Token]
) -> Mention | None:
    """The speaker of a reporting verb: its parsed subject (or the name right before it);
    without a parse, the adjacent noun phrase. A time right before the verb ("Valdoria on
    Thursday denied") is skipped."""
    left = _drop_time(left)
    if sent.parsed:
        head = parsed_subject(sent, verb)
        head = past_dateline(doc.text, sent, head) if head is not None else None
        bare = _drop_parenthesis(left)  # "Paul D. Ryan (R-Wis.) said"
        adjacent = bare[-1] if bare else None
        # ... unless it is an object or adjunct of the verb the subject governs ("Netanyahu
        # appeared on CNN saying ...": where he spoke, not who)
        elsewhere = (
            head is not None
            and adjacent is not None
            and adjacent.deprel.split(":")[0] in ("obl", "obj", "iobj")
            and adjacent.head == head.head
        )
        if (
            adjacent is not None
            and not elsewhere
            and adjacent.upos in ("PROPN", "PRON")
            and adjacent.text.lower() not in _RELATIVE
            and (head is None or adjacent not in noun_phrase(sent, head))
        ):
            # ", Stumpf explained earlier, ..." - the name right before the cue is its subject
            return describe(_speaker_phrase(doc, sent, adjacent), doc.text)
        if head is None:
            apposed = _role_comma_name(doc, sent, left)
            if apposed is not None:
                return apposed
            named = _name_before_apposition(left) or _inverted_name(verb, right)
            return describe(noun_phrase(sent, named), doc.text) if named else None
        return describe(_speaker_phrase(doc, sent, head), doc.text)
    np_left = _np_head(left, last=True)
    if np_left is not None:
        return describe(noun_phrase(sent, np_left), doc.text)
    np_right = _np_head(right)
    if np_right is not None:
        return describe(noun_phrase(sent, np_right), doc.text)
    return None


def _speaker_phrase(doc: ParsedDoc, sent: Sentence, head: Token) -> list[Token]:
    """The noun phrase of a subject; for one the parser hung on the dateline as the rest of a
    name ("MIRAVA – Valdoria on Thursday"), the words after the dateline."""
    top = head
    while top.deprel.startswith("flat") and top.head:
        top = sent.tok(top.head)
    return phrase_after_dateline(doc.text, sent, top) or noun_phrase(sent, head)


def _inverted_name(verb: Token, right: list[Token]) -> Token | None:
    """ "..., explained Rosenberg, “...”": a person's name right after a cue that has no
    parsed subject, closed by a comma or colon before the quote ("told Jake Tapper," names
    whom it was said to)."""
    if surface_lemma(verb) in _ADDRESSEE:
        return None
    names = []
    for tok in right:
        if tok.upos != "PROPN":
            break
        names.append(tok)
    rest = right[len(names) :]
    if not names or not any(t.ner.endswith("PER") for t in names):
        return None
    return names[-1] if not rest or rest[0].text in (",", ":") else None


def past_dateline(text: str, sent: Sentence, head: Token) -> Token:
    """ "MIRAVA, ESTERIA — The Esterian government accused ...": the parser made the dateline
    the subject and the real subject its apposition."""
    if not dateline_at(text, head.start, head.end):
        return head
    apposed = sent.kids(head.id, "appos")
    return apposed[-1] if apposed else head


def _drop_parenthesis(tokens: list[Token]) -> list[Token]:
    """``tokens`` without a short bracketed group at the end ("Ryan (R-Wis.)")."""
    if not tokens or tokens[-1].text != ")":
        return tokens
    opening = next(
        (i for i in range(len(tokens) - 2, max(len(tokens) - 8, -1), -1) if tokens[i].text == "("),
        None,
    )
    return tokens[:opening] if opening else tokens


def _role_comma_name(doc: ParsedDoc, sent: Sentence, left: list[Token]) -> Mention | None:
    """ "As the president of the Bolivian Senate, Santos Ramirez, put it": a role, then the
    holder's name between commas right before a cue the parser gave no subject."""
    if len(left) < 4 or left[-1].text != ",":
        return None
    opener = next(
        (i for i in range(len(left) - 2, max(len(left) - 7, 0), -1) if left[i].text == ","), None
    )
    if opener is None or opener == 0:
        return None
    inner = left[opener + 1 : -1]
    if not 2 <= len(inner) <= 4 or any(t.upos != "PROPN" for t in inner):
        return None
    # the role's phrase up to the comma (the parser may hang the name on it as an apposition)
    role = [t for t in noun_phrase(sent, left[opener - 1]) if t.start < left[opener].start]
    if role[-1].id != left[opener - 1].id or not any(role_kind(t.text) == "person" for t in role):
        return None
    mention = describe([*role, left[opener], *inner], doc.text)
    name = doc.text[inner[0].start : inner[-1].end]
    return mention if mention.kind == "name" and mention.name == name else None


def _name_before_apposition(left: list[Token]) -> Token | None:
    """ "Minyon Moore, a senior adviser to the campaign, called": the name before an apposition
    that ends right before the cue, when the parser gave the cue no subject."""
    if len(left) < 4 or left[-1].text != ",":
        return None
    opener = next(
        (i for i in range(len(left) - 2, max(len(left) - 16, 0), -1) if left[i].text == ","), None
    )
    if opener is None or opener == 0:
        return None
    name = left[opener - 1]
    named = name.upos == "PROPN" and (name.ner[2:] in ("PER", "ORG") or name.ner == "O")
    return name if named and name.text.lower() not in _RELATIVE else None


_RELATIVE = ("that", "which", "who", "whom", "what", "this", "these", "those")
_TIME_WORDS = ("on", "last", "this", "next", "early", "late", "in", "at", "by", "since", ",")


def _drop_time(tokens: list[Token]) -> list[Token]:
    """``tokens`` without a trailing time ("on Thursday", "late Monday", "yesterday")."""
    out = list(tokens)
    while out and out[-1].text.lower() in lexicon.CALENDAR:
        out.pop()
        while out and out[-1].text.lower() in _TIME_WORDS:
            out.pop()
    return out


def parsed_subject(sent: Sentence, verb: Token) -> Token | None:
    """The nominal subject of ``verb``, through coordination, control and relative clauses.

    A passive cue's own subject is what was said about, not who said it ("His appearance was
    hailed as ..."); higher up, a passive subject still speaks ("X was quoted as saying").
    """
    tok = verb
    passive_cue = verb.upos == "VERB" and any(k.deprel == "aux:pass" for k in sent.kids(verb.id))
    for _ in range(3):
        subj = [k for k in sent.kids(tok.id) if k.deprel in _SUBJ or k.deprel.startswith("nsubj")]
        if tok is verb and verb.upos == "VERB":
            subj = [k for k in subj if not k.deprel.endswith(":pass")]
            if any(k.deprel.endswith(":pass") for k in sent.kids(tok.id)):
                agent = sent.kids(tok.id, "obl:agent")  # "hailed as ... by the crowd"
                return agent[0] if agent else None
        elif (
            passive_cue
            and tok.id == verb.head
            and verb.deprel.startswith("conj")
            and any(k.deprel.endswith(":pass") for k in subj)
        ):
            # "... has been placed on alert and has been told to prepare ...": the subject a
            # passive cue shares with its conjunct was told, it did not tell
            return None
        if subj:
            head = _name_after_role(sent, subj, tok, nearest=tok is verb)
            if head.text.lower() in _RELATIVE:
                if tok.deprel.startswith("acl") and tok.head > 0:
                    noun = _antecedent(sent, sent.tok(tok.head))
                    return _author(sent, noun) or noun  # "accusations that ...": whose
                return None
            return head
        if tok.deprel == "acl" and tok.head > 0 and _adjunct_noun(sent, tok):
            # "battled with Guardian, at one point calling him a liar": the parser hung the
            # participle on the noun of a prepositional phrase; it speaks for the clause
            tok = sent.tok(sent.tok(tok.head).head)
            continue
        if tok.deprel == "acl" and tok.head > 0 and sent.tok(tok.head).upos in ("NOUN", "PROPN"):
            if any(k.text.lower() == "to" for k in sent.kids(tok.id, "mark")):
                return None  # "other measures to protest": the measures do not speak
            if "Voice=Pass" in tok.feats:
                # "the book, written by Noam Chomsky": the book was written, the agent wrote
                agent = sent.kids(tok.id, "obl:agent")
                return agent[0] if agent else None
            return _author(sent, sent.tok(tok.head)) or sent.tok(tok.head)
        if tok is verb and _continues_the_report(sent, tok):
            # "Valdoria denied that it had shipped drones, calling them "groundless"": the
            # participle goes on with the denial, not with the shipping it reports
            tok = sent.tok(sent.tok(tok.head).head)
            continue
        if tok.deprel.split(":")[0] in ("conj", "xcomp", "advcl") and tok.head > 0:
            tok = sent.tok(tok.head)
            continue
        break
    return None


def _continues_the_report(sent: Sentence, participle: Token) -> bool:
    """Whether a speech participle with no subject of its own ("calling", "saying") hangs on
    the clause another cue reports, a clause whose verb says nothing itself ("denied that it
    had shipped drones, calling them ..."): it continues that cue's speech act. Under a verb
    that is a speech act ("said the envoy accused Norland, calling it ...") it stays there."""
    if participle.deprel.split(":")[0] != "advcl" or participle.head <= 0:
        return False
    present = "VerbForm=Ger" in participle.feats or "Tense=Pres|VerbForm=Part" in participle.feats
    if not present or sent.kids(participle.id, "mark"):
        return False  # "..., after calling it": a time, not a continuation
    reported = sent.tok(participle.head)
    if reported.deprel.split(":")[0] != "ccomp" or reported.head <= 0 or is_cue(reported):
        return False
    return is_cue(sent.tok(reported.head))


def _antecedent(sent: Sentence, noun: Token) -> Token:
    """What a relative clause hung on ``noun`` is about: ``noun``, or for a common noun inside
    a prepositional phrase ("one Democrat familiar with the discussion, who added ...") the
    noun the phrase belongs to when that one names a person (a name, or a person's role)."""
    if noun.upos != "NOUN" or role_kind(noun.text) is not None or not sent.kids(noun.id, "case"):
        return noun
    if noun.head == 0:
        return noun
    owner = sent.tok(noun.head)
    named = owner.upos == "PROPN" or role_kind(owner.text) == "person"
    named = named or any(k.upos == "PROPN" for k in sent.kids(owner.id, "compound", "flat"))
    return owner if owner.upos in ("NOUN", "PROPN") and named else noun


def _adjunct_noun(sent: Sentence, participle: Token) -> bool:
    """Whether a gerund modifies the noun of a clause's prepositional adjunct ("at one point
    calling"), under a verb: such a noun does not act, the clause's subject does."""
    if "VerbForm=Ger" not in participle.feats:
        return False
    noun = sent.tok(participle.head)
    return (
        noun.upos == "NOUN"
        and noun.deprel.startswith("obl")
        and bool(sent.kids(noun.id, "case"))
        and noun.head > 0
        and sent.tok(noun.head).upos == "VERB"
    )


def _name_after_role(sent: Sentence, subjects: list[Token], verb: Token, nearest: bool) -> Token:
    """Of the subjects the parser gave ``verb`` (one, unless it erred): the name after a
    premodifying role made a second subject ("Russian Presidential spokesperson Dmitry Peskov
    echoed ...": two nsubj), else the first.

    A dateline the parser made a subject gives way to the subject after its dash.

    ``nearest`` (``verb`` is the cue itself): a first subject that is no name or pronoun gives
    way to the one nearest before the verb ("Holding signs calling ..., the protesters
    chanted"); a leading name stays ("Clinton, during a meeting in Columbus, Ohio, said")."""
    first = subjects[0]
    if len(subjects) >= 2:
        second = subjects[1]
        if first.upos == "NOUN" and second.upos == "PROPN" and second.id == first.id + 1:
            return second
        if any(t.text in _DASHES for t in sent.tokens[first.id : second.id - 1]):
            return second  # "Washington (AFP) – Democrat Hillary Clinton has taken ...": a dateline
    if not nearest or first.upos in ("PROPN", "PRON") or first.text.lower() in _RELATIVE:
        return first
    before = [s for s in subjects if s.id < verb.id and s.text.lower() not in lexicon.CALENDAR]
    return max(before, key=lambda s: s.id) if before else first


def _author(sent: Sentence, message: Token) -> Token | None:
    """Who sent a message that says something: "Trump unleashed a series of tweets saying ...",
    "the ministry issued a statement saying ...": the subject of the verb the message is the
    object of, when that subject can speak."""
    words = [message, *sent.kids(message.id, "nmod")]  # "a series of tweets"
    if not any((w.lemma or w.text).lower() in _MESSAGES | _ACTS for w in words):
        return None
    if message.deprel != "obj" or message.head == 0:
        return None
    return next((k for k in sent.kids(message.head, "nsubj") if _agent(k)), None)


def _np_head(tokens: list[Token], last: bool = False) -> Token | None:
    """The head of the first (or last) noun-phrase-like run of tokens."""
    cands = [t for t in tokens if _nominal(t)]
    if not cands:
        return None
    if last:
        tail = tokens[-1] if tokens else None
        if tail is None or not _nominal(tail):
            return None
        return tail
    run = []
    for tok in tokens:
        if _nominal(tok):
            run.append(tok)
        elif run:
            break
    return run[-1] if run else None


def _nominal(tok: Token) -> bool:
    if not any(c.isalnum() for c in tok.text):
        return False
    if tok.upos:
        return tok.upos in ("PROPN", "NOUN", "PRON")
    word = tok.text
    return (
        word[:1].isupper()
        or bool(PARTICLE_NAME.match(word))  # "said Bashar al-Assad"
        or word.lower() in lexicon.PRONOUNS
        or word.lower() in lexicon.role_nouns()
    )


def _is_punct(tok: Token) -> bool:
    return tok.upos == "PUNCT" or (not tok.upos and not any(c.isalnum() for c in tok.text))
