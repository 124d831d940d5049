"""Speaker mentions: the noun phrase that says who speaks, split into name, role and country."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from quotes.nlp import lexicon
from quotes.nlp.names import PARTICLE_NAME
from quotes.nlp.parse import Sentence, Token

# Relations that end a speaker noun phrase: clauses, appositions, coordination, punctuation.
NP_STOP = frozenset({"acl", "appos", "conj", "cc", "parataxis", "advcl", "punct", "dep", "ccomp"})
_DETS = {"a", "an", "the", "this", "that", "these", "those", "another", "one"}
_QUOTE_CHARS = set("\"“”„«»‚‘’'")
_SURFACE_LEMMAS = {
    "said": "say",
    "says": "say",
    "saying": "say",
    "told": "tell",
    "tells": "tell",
    "wrote": "write",
    "writes": "write",
    "spoke": "speak",
    "put": "put",
    "according": "according",
}


def surface_lemma(token: Token) -> str:
    """The parser's lemma, or a rule-based one for a token the parser has not seen or a
    reporting verb it lemmatised wrongly ("underscored" -> "underscor")."""
    ruled = _rule_lemma(token.text.lower())
    if token.lemma and (
        token.lemma.lower() in lexicon.cue_verbs() or ruled not in lexicon.cue_verbs()
    ):
        return token.lemma.lower()
    return ruled


def _rule_lemma(word: str) -> str:
    """A reporting verb's lemma from its form: "said" -> "say", "underscored" -> "underscore"."""
    if word in _SURFACE_LEMMAS:
        return _SURFACE_LEMMAS[word]
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and word[: -len(suffix)] + repl in lexicon.cue_verbs():
            return word[: -len(suffix)] + repl
    if word.endswith("ed") and word[:-1] in lexicon.cue_verbs():
        return word[:-1]
    return word


@dataclass(slots=True)
class Mention:
    """A speaker mention: its span, the proper name in it, the role words, the country."""

    start: int
    end: int
    text: str
    kind: str  # name / pronoun / nominal / place / time / dateline (never speakers)
    name: str | None = None
    role: str | None = None
    country: str | None = None
    head_noun: str | None = None  # for nominals: "chancellor", "ministry", "spokesperson"
    speaker_kind: str = "unknown"  # person / institution / unknown


def noun_phrase(sent: Sentence, head: Token) -> list[Token]:
    """The speaker noun phrase headed by ``head``, without clauses or appositions."""
    if not sent.parsed:
        return _surface_phrase(sent, head)
    while head.deprel.startswith("flat") and head.head:
        head = sent.tok(head.head)  # "Leyen" in "Ursula von der Leyen": the name's first word
    run = _with_apposition(sent, head, _parsed_phrase(sent, head))
    if head.upos == "PROPN" or head.ner != "O":
        # titles before a name are often attached elsewhere by the parser: take them anyway
        first = run[0].id
        roles = lexicon.role_nouns()
        titled = any(t.text.lower() in roles for t in run if t.id < head.id)
        while first > 1 and _title_word(sent.tok(first - 1), titled):
            first -= 1
            titled = titled or sent.tok(first).text.lower() in roles
        while first < run[0].id and sent.tok(first).text == "of":
            first += 1
        run = [t for t in sent.tokens if first <= t.id <= run[-1].id]
    return run


def _with_apposition(
    sent: Sentence, head: Token, run: list[Token], nested: bool = True
) -> list[Token]:
    """The phrase with a name or role in apposition beside it, which ``describe`` splits into
    name and role: "Esteria's foreign minister, Karl Haber", "Foreign Ministry spokesperson
    Mira Kostova", "Mark Pell, an analyst at the Harrow Institute". Other appositions stay out.
    """
    pairs = [
        (run, _with_apposition(sent, k, _parsed_phrase(sent, k), nested=False))
        if nested
        else (run, _parsed_phrase(sent, k))
        for k in sent.kids(head.id, "appos")
    ]
    if nested:
        # a name the parser hung on the phrase's last noun, not its head: "the president of
        # the Bolivian Senate, Santos Ramirez," (appos of "Senate")
        pairs += [
            (run, _parsed_phrase(sent, k))
            for t in run
            if t.id != head.id
            for k in sent.kids(t.id, "appos")
            if k.id > run[-1].id
        ]
    if nested and head.deprel == "appos" and head.head > 0:
        pairs.append((_parsed_phrase(sent, sent.tok(head.head)), run))
    for left, right in pairs:
        if not left or not right or right[0].id <= left[-1].id:
            continue
        gap = [sent.tok(i) for i in range(left[-1].id + 1, right[0].id)]
        if any(t.text != "," for t in gap) or not _name_and_role(left, right):
            continue
        return [*left, *gap, *right]
    return run


def _name_and_role(left: list[Token], right: list[Token]) -> bool:
    """One side headed by a person's name, the other by a person's role noun."""

    def named(side: list[Token]) -> bool:
        """Ends in a person's name: tagged so, or two or more proper nouns the NER model left
        untagged ("spokesperson, Yigal Palmor,"), none of them a country."""
        if not all(t.upos == "PROPN" or t.text in _POSSESSIVE for t in side[-2:]):
            return False
        if any(t.ner[2:] in ("PER", "PERSON") for t in side):
            return True
        proper = [t for t in side if t.upos == "PROPN"]
        countries = lexicon.countries()
        return (
            len(proper) >= 2
            and all(t.ner == "O" for t in side)
            and not any(countries.first(t.text) for t in proper)
        )

    def role(side: list[Token]) -> bool:
        """A common noun phrase ("an analyst at ...", "Delan's sister"), not an institution."""
        if _role_head(side)[1] == "person":
            return True  # also a title the tagger took for a name ("Undersecretary of State")
        nouns = [t for t in side if t.upos == "NOUN"]
        if not nouns:
            return False
        kind = role_kind(nouns[-1].lemma or nouns[-1].text)
        described = any(t.upos == "DET" or t.deprel == "nmod:poss" for t in side)
        return kind == "person" or (kind is None and described)

    return (named(left) and role(right)) or (role(left) and named(right))


def _title_word(tok: Token, titled: bool) -> bool:
    """A word of a title before a name: "U.S. Secretary of State", "top foreign policy official".

    Lower-case adjectives and nouns count only once a role noun is in (``titled``).
    """
    word = tok.text
    if word == "of" or word.lower() in lexicon.role_nouns():
        return True
    if titled and tok.upos in ("ADJ", "NOUN") and word.lower() not in _DETS:
        return True
    capital = word[:1].isupper() and tok.upos in ("PROPN", "NOUN", "ADJ")
    return capital and word.lower() not in _DETS


def _parsed_phrase(sent: Sentence, head: Token) -> list[Token]:
    toks = sent.subtree(head.id, NP_STOP)
    if head.upos == "PROPN":
        # the rest of a name the parser hung elsewhere: "Mr. | Alexander", "Charles B. | Rangel"
        last = max(t.id for t in toks)
        have = {t.id for t in toks}
        while last < len(sent.tokens) and sent.tok(last + 1).upos == "PROPN":
            last += 1
            if last not in have:
                toks.append(sent.tok(last))
        toks.sort(key=lambda t: t.id)
    # keep the contiguous run around the head (a stray far-off child is a parse error)
    ids = [t.id for t in toks]
    lo = hi = ids.index(head.id)
    while lo > 0 and ids[lo - 1] == ids[lo] - 1:
        lo -= 1
    while hi < len(ids) - 1 and ids[hi + 1] == ids[hi] + 1:
        hi += 1
    run = toks[lo : hi + 1]
    while run and (
        run[0].upos in ("PUNCT", "ADP", "CCONJ")
        or run[0].deprel == "case"  # "Following a report": a preposition tagged as a verb
        or run[0].text in _QUOTE_CHARS
    ):
        run = run[1:]
    while run and (run[-1].upos == "PUNCT" or run[-1].text in _QUOTE_CHARS):
        run = run[:-1]
    return run or [head]


def _surface_phrase(sent: Sentence, head: Token) -> list[Token]:
    """Without a parse: grow left over determiners, titles and names, right over names."""
    if head.text.lower() in lexicon.PRONOUNS:
        return [head]
    roles = lexicon.role_nouns()
    lo = hi = head.id - 1
    toks = sent.tokens

    def fits(tok: Token) -> bool:
        word = tok.text
        return (
            (
                word[:1].isupper()
                or word.lower() in roles
                or word.lower() in _DETS
                or word == "of"
                or word in _NAME_PARTICLES
            )
            and word not in _QUOTE_CHARS
            and any(c.isalnum() for c in word)
        )

    while lo > 0 and fits(toks[lo - 1]):
        lo -= 1
    while hi + 1 < len(toks) and (
        (toks[hi + 1].text[:1].isupper() and fits(toks[hi + 1]))
        or PARTICLE_NAME.match(toks[hi + 1].text)  # "Bashar al-Assad"
    ):
        hi += 1
    if hi + 1 < len(toks) and toks[hi + 1].text.lower() in _DOCUMENT_NOUNS:
        hi += 1  # "the Norland Senate report": the report, which may speak
    run = toks[lo : hi + 1]
    while run and run[0] is not head and _opens_clause(run[0].text):
        run = run[1:]  # "As Rosenberg explained": "As" opens the clause, not the name
    return (run + _surface_apposition(toks, hi + 1)) if run else [head]


def _opens_clause(word: str) -> bool:
    """A function word other than a determiner ("of", "As", "When"): not a name's start."""
    lower = word.lower()
    return lower in lexicon.word_list("function_words") and lower not in _DETS


_CLAUSE_WORDS = frozenset(["who", "which", "that", "whose", "whom", "and", "but", "said", "says"])


def _surface_apposition(toks: list[Token], at: int) -> list[Token]:
    """Without a parse: ", the United States Secretary of State," right after a name, the
    comma and the role (which ``describe`` splits from the name); nothing for a clause."""
    if at >= len(toks) or toks[at].text != ",":
        return []
    close = next((i for i in range(at + 1, min(at + 12, len(toks))) if toks[i].text == ","), None)
    if close is None or close == at + 1:
        return []
    inner = toks[at + 1 : close]
    if any(t.text.lower() in _CLAUSE_WORDS or t.text in _QUOTE_CHARS for t in inner):
        return []
    if not any(role_kind(t.text) == "person" for t in inner):
        return []
    return toks[at:close]


_DATELINE = re.compile(r"\s*(?:\([A-Za-z]+\)\s*)?[,–—-]")


def dateline(text: str, mention: Mention) -> bool:
    """ "OSTRAVEL –", "FLINT, Mich. —": a place in capitals opening the story, not a speaker."""
    return dateline_at(text, mention.start, mention.end)


def dateline_at(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a dateline's place: one word in capitals opening a line,
    before a comma or a dash."""
    word = text[start:end]
    return (
        " " not in word
        and word.isupper()
        and len(word) >= 4
        and bool(_DATELINE.match(text, end))
        and (start == 0 or text[start - 1] == "\n")
    )


def phrase_after_dateline(text: str, sent: Sentence, head: Token) -> list[Token] | None:
    """ "MIRAVA – Valdoria on Thursday denied": the parser hung the real subject on the
    dateline as the rest of a name (``flat``); its words, or None."""
    if not dateline_at(text, head.start, head.end):
        return None
    kids = [k for k in sent.kids(head.id, "flat") if k.start > head.end]
    words = {t.id: t for k in kids for t in sent.subtree(k.id, NP_STOP)}
    phrase = [words[i] for i in sorted(words) if words[i].upos != "PUNCT"]
    return phrase or None


def describe(tokens: list[Token], text: str) -> Mention:
    """Split a speaker noun phrase into proper name, role words and country."""
    if _dateline(tokens, text) and len(tokens) < 3:
        return Mention(tokens[0].start, tokens[0].end, tokens[0].text, "dateline")
    tokens = _without_dateline(tokens, text)  # "MIRAVA – Valdoria": Valdoria
    while len(tokens) > 2 and tokens[0].text.lower() in lexicon.CALENDAR and tokens[1].text == ",":
        tokens = tokens[2:]  # "Tomorrow, the President": the President
    apposed = _apposition(tokens, text) if _home_town(tokens, text) is None else None
    if apposed is not None:
        return apposed
    start, end = tokens[0].start, tokens[-1].end
    surface = text[start:end]
    countries = lexicon.countries()
    words = [t for t in tokens if t.text.lower() not in _DETS and t.upos != "DET"]
    cut = next((i for i, t in enumerate(words) if i and t.text.lower() in _CUT_AT), None)
    home = _home_town(words, text)
    # where a speaker is ("Lewis in Damascus, Syria") is not their country; where from is
    affiliated = surface
    if cut is not None and words[cut].text.lower() != "from" and (home is None or home > cut):
        affiliated = text[start : words[cut].start]
    if home is not None and (cut is None or home < cut):
        cut = home
    words = words[:cut]  # "Militant groups from Somalia", "Valdoria on Thursday"
    if words and all(t.text.lower() in lexicon.CALENDAR for t in words):
        return Mention(start, end, surface, "time")
    while words and words[-1].text.lower() in lexicon.CALENDAR:
        words = words[:-1]  # "Reports yesterday"; "The Sunday Telegraph" keeps its day
    owner = words[0].text.lower() if len(words) == 2 else ""
    if owner in _POSSESSIVE_PRONOUNS and words[1].text.lower() in _SPEECH_NOUNS:
        # "his responses in the interview described ...": whoever "his" is
        kind = _POSSESSIVE_PRONOUNS[owner]
        return Mention(words[0].start, words[0].end, words[0].text, "pronoun", speaker_kind=kind)
    if len(tokens) == 1 and tokens[0].text.lower() in lexicon.PRONOUNS:
        kind = lexicon.PRONOUNS[tokens[0].text.lower()]
        return Mention(start, end, surface, "pronoun", speaker_kind=kind)
    core = text[words[0].start : words[-1].end] if words else ""
    if core and countries.pattern.fullmatch(core):
        # "the United States", whatever the tagger made of "United"
        return Mention(
            start,
            end,
            surface,
            "place",
            country=countries.by_alias[core],
            speaker_kind="institution",
        )
    name_toks = _with_organisation(words, _name_tokens(words))
    country = countries.first(affiliated)
    after_name = words[words.index(name_toks[-1]) + 1 :] if name_toks else []
    if after_name and after_name[0].text.lower() in _DOCUMENT_NOUNS:
        # "A classified European Union report for 2009 says ...": the report speaks, under its
        # owner's name, not the owner
        report = _clean_role(text[name_toks[0].start : after_name[0].end])
        return Mention(
            start,
            end,
            surface,
            "nominal",
            role=report,
            country=country,
            head_noun=after_name[0].text.lower(),
            speaker_kind="institution",
        )
    if name_toks:
        name = text[name_toks[0].start : name_toks[-1].end]
        role_toks = _title_run([t for t in words if t.end <= name_toks[0].start])
        role = _clean_role(text[role_toks[0].start : role_toks[-1].end]) if role_toks else None
        role = role or _affiliation_after(words[words.index(name_toks[-1]) + 1 :], text)
        if _held_for(role_toks):
            # "a spokesman for President Obama": the spokesman speaks, for the name
            whole = _clean_role(text[words[0].start : words[-1].end])
            head_noun, _ = _role_head(role_toks)
            return Mention(
                start,
                end,
                surface,
                "nominal",
                role=whole,
                country=country,
                head_noun=head_noun,
                speaker_kind="person",
            )
        if countries.pattern.fullmatch(name) and not role:
            return Mention(
                start,
                end,
                surface,
                "place",
                country=countries.by_alias[name],
                speaker_kind="institution",
            )
        return Mention(
            start,
            end,
            surface,
            "name",
            name=name,
            role=role,
            country=country,
            speaker_kind=_kind_of(name_toks, role),
        )
    head_noun, kind = _role_head(words)
    role = _clean_role(text[words[0].start : words[-1].end]) if words else None
    if role and countries.pattern.fullmatch(role):
        return Mention(
            start,
            end,
            surface,
            "place",
            country=countries.by_alias[role],
            speaker_kind="institution",
        )
    return Mention(
        start,
        end,
        surface,
        "nominal",
        role=role,
        country=country,
        head_noun=head_noun,
        speaker_kind=kind,
    )


def _held_for(role: list[Token]) -> bool:
    """A role held for the person named after it: "spokesman for", "top aide to"."""
    relational = lexicon.word_list("relational_roles")
    return any(
        a.text.lower() in relational and b.text.lower() in ("for", "to")
        for a, b in itertools.pairwise(role)
    )


_DASHES = frozenset(["–", "—", "-", "--"])


def _dateline(tokens: list[Token], text: str) -> bool:
    """ "MIRAVA –" opening a line: a place in capitals before a dash, never a speaker."""
    first = tokens[0]
    at_line_start = first.start == 0 or text[first.start - 1] == "\n"
    if not (at_line_start and first.text.isupper() and len(first.text) >= 4):
        return False
    after = text[first.end : first.end + 4].lstrip(" ,")
    return after[:1] in ("–", "—", "-") and (len(tokens) == 1 or tokens[1].text in _DASHES)


def _without_dateline(tokens: list[Token], text: str) -> list[Token]:
    """A phrase opening the story after its dateline, without it: "MIRAVA – Valdoria" ->
    "Valdoria"."""
    if len(tokens) >= 3 and _dateline(tokens, text):
        return tokens[2:]
    return tokens


def _affiliation_after(rest: list[Token], text: str) -> str | None:
    """The body named after "of" behind a person's name: "Ruth Alden of the Harrow Institute"
    -> "Harrow Institute" (an organisation in the phrase is the speaker's role, not the
    speaker)."""
    if len(rest) < 2 or rest[0].text.lower() != "of" or not rest[1].text[:1].isupper():
        return None
    return _clean_role(text[rest[1].start : rest[-1].end])


def _apposition(tokens: list[Token], text: str) -> Mention | None:
    """A name and a role on either side of a comma: one speaker, the name with that role.

    "Mark Pell, an analyst at the Harrow Institute" -> Mark Pell, "analyst at the Harrow
    Institute"; "Esteria's foreign minister, Karl Haber" -> Karl Haber, "Esteria's foreign
    minister"; "Ann Keller, of the Lindqvist Foundation" -> Ann Keller, "Lindqvist Foundation".
    None unless one side is a bare name and the other a person's role or an affiliation.
    """
    at = next(
        (
            i
            for i in range(1, len(tokens))
            if tokens[i].text == "," or "," in text[tokens[i - 1].end : tokens[i].start]
        ),
        None,
    )
    if at is None:
        return None
    left = [t for t in tokens[:at] if t.text != ","]
    right = [t for t in tokens[at:] if t.text != ","]
    if not left or not right or any(t.text == "," for t in tokens[at + 1 :]):
        return None
    named, role_side = _bare_name(left, text), right
    if named is None:
        named, role_side = _bare_name(right, text), left
    if named is None or not _role_side(role_side, text):
        return None
    first = role_side[1:] if role_side[0].text.lower() == "of" else role_side
    role = _clean_role(text[first[0].start : role_side[-1].end]) if first else None
    if named.role and (role is None or role.split()[0].lower() in _POSSESSIVE_PRONOUNS):
        role = named.role  # "Its sponsor, senator Rika Aalto": the title says more
    if role is None:
        return None
    kind = named.speaker_kind if named.speaker_kind != "unknown" else "person"
    return Mention(
        tokens[0].start,
        tokens[-1].end,
        text[tokens[0].start : tokens[-1].end],
        "name",
        name=named.name,
        role=role,
        country=lexicon.countries().first(role) or named.country,
        speaker_kind=kind,
    )


def _bare_name(side: list[Token], text: str) -> Mention | None:
    """The side's mention when it is a person's name, with at most a title before it ("Karl
    Haber", "senator Rika Aalto")."""
    words = [t for t in side if t.text.lower() not in _DETS]
    if len(words) < 2 or not _capitalised_name_word(words[-1]):
        return None
    mention = describe(words, text)
    if mention.kind != "name" or not mention.name or " " not in mention.name:
        return None
    if not text[words[0].start : words[-1].end].endswith(mention.name):
        return None
    if mention.speaker_kind == "institution":
        return None
    return mention


def _role_side(side: list[Token], text: str) -> bool:
    """A person's role ("an analyst at ...", "Esteria's foreign minister") or an affiliation
    after "of" ("of the Lindqvist Foundation")."""
    if side[0].text.lower() == "of":
        return any(t.text[:1].isupper() for t in side[1:])
    if _role_head(side)[1] == "person" and side[0].text.lower() not in _POSSESSIVE_PRONOUNS:
        return True  # "Polish Undersecretary of State for Defence", tagged as a name
    mention = describe(side, text)
    described = side[0].text.lower() in _DETS | set(_POSSESSIVE_PRONOUNS) or any(
        t.text in _POSSESSIVE for t in side
    )
    kind = mention.speaker_kind
    return mention.kind == "nominal" and (kind == "person" or (kind == "unknown" and described))


_POSSESSIVE = ("'s", "’s", "'", "’")
# what a person says, as the head of "Migiro's remarks": the possessor is the speaker
_SPEECH_NOUNS = frozenset(
    [
        *("remarks", "remark", "statement", "comments", "comment", "words", "speech", "address"),
        *("response", "responses", "reply", "answer", "answers", "testimony"),
    ]
)
# "his remarks": the possessive pronoun, and the kind of speaker it refers to
_POSSESSIVE_PRONOUNS = {"his": "person", "her": "person", "their": "any", "its": "institution"}
# What a named body publishes, which speaks in its own right ("the EU report says")
_DOCUMENT_NOUNS = frozenset(
    ["report", "document", "study", "survey", "memo", "cable", "assessment", "dossier"]
)
# prepositions that end the speaker part of a noun phrase ("of", "for", "to" build titles)
_CUT_AT = frozenset(
    ["during", "near", "after", "before", "since", "at", "on", "in", "from", "with", "within"]
)


_ROLE_MODIFIERS = frozenset(
    ["former", "acting", "deputy", "senior", "chief", "interim", "outgoing", "incoming", "late"]
)
_TITLE_GLUE = frozenset(["of", "for", "to", "and", "&", "-", "'s", "’s"])
# Lower-case words inside a person's name: "Ursula von der Leyen", "Osama bin Laden".
_NAME_PARTICLES = frozenset(
    ["von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "dos", "bin", "ibn"]
)


def _title_run(role: list[Token]) -> list[Token]:
    """The title right before a name: "President" from "the efforts of President", "former UN
    chief" whole. Capitalised words, role nouns and a few modifiers, glued by of/for/to."""
    roles = lexicon.role_nouns()
    kept: list[Token] = []
    for tok in reversed(role):
        word = tok.text.lower()
        titled = tok.text[:1].isupper() or word in roles or word in _ROLE_MODIFIERS
        # lower-case modifiers of a role noun already in: "presidential spokesperson"
        modifier = tok.upos in ("ADJ", "NOUN") and any(k.text.lower() in roles for k in kept)
        if not (titled or modifier or word in _TITLE_GLUE) or not any(
            c.isalnum() for c in tok.text + "&"
        ):
            break
        kept.insert(0, tok)
    while kept and kept[0].text.lower() in _TITLE_GLUE:
        kept.pop(0)
    return kept


def role_kind(word: str) -> str | None:
    """The kind of speaker a role noun denotes, also hyphenated ("Secretary-General")."""
    roles = lexicon.role_nouns()
    lower = word.lower()
    return next((roles[p] for p in (lower, *lower.split("-")) if p in roles), None)


def _name_tokens(words: list[Token]) -> list[Token]:
    """The trailing run of name words (NER PER/ORG, or capitalised non-role words)."""
    ner = [t for t in words if t.ner not in ("O", "") and t.ner[2:] in ("PER", "PERSON")]
    if ner:
        first = words.index(ner[0])
        last = _name_end(words, words.index(ner[-1]))
        if last + 1 < len(words) and words[last + 1].text in _POSSESSIVE:
            rest = {t.text.lower() for t in words[last + 2 :]}
            if not rest or not rest <= _SPEECH_NOUNS:
                return []  # "people within Mubarak's administration": the name is not the head
        start = _with_particles(words, first)
        while start < last and role_kind(words[start].text) is not None:
            start += 1  # "Rep." tagged as part of the name: a title
        return words[start : last + 1]
    organisation = _trailing_organisation(words)
    if organisation:
        return organisation
    named = _untagged_name_of(words)
    if named:
        return named
    run: list[Token] = []
    roles = lexicon.role_nouns()
    for i in range(len(words) - 1, -1, -1):
        tok = words[i]
        capital = _capitalised_name_word(tok)
        after_of = i > 0 and words[i - 1].text.lower() == "of"
        if (
            after_of
            and run
            and roles.get(words[i - 2].text.lower() if i > 1 else "") == ("institution")
        ):
            return []  # "Ministry of Foreign Affairs": an institution's name, not a person's
        before = words[i - 1] if i else None
        if (
            run
            and tok.text in _NAME_PARTICLES
            and before is not None
            and (before.text in _NAME_PARTICLES or _capitalised_name_word(before))
        ):
            run.insert(0, tok)
            continue
        if not capital or tok.upos in ("ADJ", "NUM") or after_of:
            break
        if lexicon.countries().pattern.fullmatch(tok.text) and run:
            break
        run.insert(0, tok)
    while run and run[0].text in _NAME_PARTICLES:
        run.pop(0)
    if run and len(run) == len(words) and any(t.text.lower() in roles for t in words):
        return []
    if len(run) > 4 and not any(t.ner != "O" for t in run):
        run = run[-2:]  # a capitalised headline, not a name: keep its last words
    if run and all(t.upos == "PROPN" or not t.upos for t in run):
        return run
    return run if run and not any(t.upos in ("NOUN", "VERB") for t in run) else []


def describe_titled(name: list[Token], title: list[Token], text: str) -> Mention | None:
    """ "Natan Sachs, Director of the Brookings Center": ``name`` speaks, with ``title`` (after
    the comma) as the role. None unless ``name`` is a name and nothing else."""
    if len(name) < 2 or not title:
        return None
    mention = describe(name, text)
    whole = text[name[0].start : name[-1].end]
    if mention.kind != "name" or mention.name != whole or mention.role:
        return None
    role = _clean_role(text[title[0].start : title[-1].end])
    if role is None:
        return None
    kind = mention.speaker_kind
    if kind == "unknown":
        kind = _kind_of(name, role.split(",")[0])  # "Executive Director, Washington Institute"
    return Mention(
        name[0].start,
        title[-1].end,
        text[name[0].start : title[-1].end],
        "name",
        name=mention.name,
        role=role,
        country=mention.country or lexicon.countries().first(role),
        speaker_kind=kind,
    )


def _trailing_organisation(words: list[Token]) -> list[Token]:
    """ "North Korea's main news agency Korean Central News Agency (KCNA)": an organisation the
    NER tagged whole, after lower-case words that describe it, is the name; those words are its
    role (a name ending in a role noun, "Agency", is otherwise taken for a role)."""
    core = words[: next((i for i, t in enumerate(words) if t.text == "("), len(words))]
    if len(core) < 3 or core[-1].ner != "E-ORG":
        return []
    i = len(core) - 1
    while i > 0 and core[i - 1].ner == "I-ORG":
        i -= 1
    if i < 1 or core[i - 1].ner != "B-ORG":
        return []
    i -= 1
    if i == 0 or not core[i - 1].text[:1].islower():
        return []
    return core[i:]


def _with_organisation(words: list[Token], name_toks: list[Token]) -> list[Token]:
    """A one-word name that ends an organisation the NER tagged whole keeps the words before
    it: "The Palestinian Authority" is named "Palestinian Authority", not "Authority" with the
    role "Palestinian"."""
    if len(name_toks) != 1 or name_toks[0].ner not in ("E-ORG", "I-ORG"):
        return name_toks
    i = words.index(name_toks[0])
    while i > 0 and words[i - 1].ner in ("B-ORG", "I-ORG"):
        i -= 1
    return words[i : words.index(name_toks[0]) + 1]


def _untagged_name_of(words: list[Token]) -> list[Token]:
    """Without tags, the name before "of" ("Ruth Alden of the Harrow Institute"): two or three
    capitalised words that are no role and no country, at the start of the phrase."""
    of = next((i for i, t in enumerate(words) if i and t.text.lower() == "of"), None)
    if of is None or any(t.upos for t in words) or not 2 <= of <= 3:
        return []
    lead = words[:of]
    if not all(_capitalised_name_word(t) and t.text.isalpha() for t in lead):
        return []
    if lead[0].text.lower() not in lexicon.first_name_pronouns():
        return []  # "Islamic Republic of Iran", "Royal Bank of Scotland"
    countries = lexicon.countries().pattern
    if any(countries.search(t.text) for t in lead) or countries.fullmatch(
        " ".join(t.text for t in lead)
    ):
        return []
    return lead


def _home_town(words: list[Token], text: str) -> int | None:
    """Where "of" opens a home town and its state after a name ("Donald Hartley of Madison,
    Alabama"): the place says where the speaker is from; it is not the speaker's name. The
    comma may be a token or only in the text between two words (callers drop punctuation)."""
    for i, tok in enumerate(words):
        if not i or tok.text.lower() != "of" or not _capitalised_name_word(words[i - 1]):
            continue
        rest = [t for t in words[i + 1 :] if t.text != ","]
        if not 2 <= len(rest) <= 5 or not all(_capitalised_name_word(r) for r in rest):
            continue
        gaps = [text[a.end : b.start] for a, b in itertools.pairwise(rest)]
        commas = [j for j, gap in enumerate(gaps) if "," in gap]
        if len(commas) == 1 and "," not in text[words[i].end : rest[0].start]:
            return i
    return None


def _capitalised_name_word(tok: Token) -> bool:
    if PARTICLE_NAME.match(tok.text):
        return True  # "al-Assad"
    return tok.text[:1].isupper() and role_kind(tok.text) is None


def _name_end(words: list[Token], last: int) -> int:
    """Where a name ending at ``words[last]`` really ends: after "von der Leyen" when the NER
    tagged only "Ursula"."""
    if last + 1 < len(words) and PARTICLE_NAME.match(words[last + 1].text):
        return last + 1  # "Bashar al-Assad" with only "Bashar" tagged
    end = last
    while end + 1 < len(words) and words[end + 1].text in _NAME_PARTICLES:
        end += 1
    if end > last and end + 1 < len(words) and _capitalised_name_word(words[end + 1]):
        return end + 1
    return last


def _with_particles(words: list[Token], first: int) -> int:
    """Where a name starting at ``words[first]`` really starts: before "von der" and the given
    name the NER left out ("Ursula von der Leyen" tagged only on "Leyen")."""
    at = first
    while at >= 2 and words[at - 1].text in _NAME_PARTICLES:
        back = at - 1
        while back >= 1 and words[back - 1].text in _NAME_PARTICLES:
            back -= 1
        if back == 0 or not _capitalised_name_word(words[back - 1]):
            break
        at = back - 1
    return at


def _role_head(words: list[Token]) -> tuple[str | None, str]:
    """The role noun heading a nominal and its kind. A possessor is not the head ("President
    Trump's framework"), nor is a role word used as a modifier ("official statistics")."""
    roles = lexicon.role_nouns()
    owned = max((i for i, t in enumerate(words) if t.text in _POSSESSIVE), default=-1)
    # "president of the Bolivian Senate", "spokesman for the UN human rights office": the noun
    # before the first of/for heads the phrase when it is a role
    linked = next(
        (i for i, t in enumerate(words) if i > owned + 1 and t.text.lower() in ("of", "for")),
        None,
    )
    if linked is not None:
        before = words[linked - 1]
        for noun in (before.text.lower(), (before.lemma or "").lower()):
            if noun in roles:
                return noun, roles[noun]
    for i in range(len(words) - 1, owned, -1):
        tok = words[i]
        if tok.upos not in ("NOUN", "PROPN", "") and i < len(words) - 1:
            continue
        noun = tok.text.lower()
        if noun in roles:
            return noun, roles[noun]
        if tok.lemma and tok.lemma.lower() in roles:
            return tok.lemma.lower(), roles[tok.lemma.lower()]
    return (words[-1].text.lower() if words else None), "unknown"


def _kind_of(name_toks: list[Token], role: str | None) -> str:
    if any(t.ner.endswith("ORG") for t in name_toks):
        return "institution"
    if any(t.ner.endswith("PER") for t in name_toks):
        return "person"
    if len(name_toks) >= 2 and name_toks[0].text.lower() in lexicon.first_name_pronouns():
        return "person"  # "Ruth Alden" of the Harrow Institute, untagged
    head = name_toks[-1].text.lower()
    if head in lexicon.role_nouns():
        return lexicon.role_nouns()[head]
    if role:
        # the role's head: "Minister" in "Foreign Minister", "Secretary" in "Secretary of State"
        head_word = re.split(r"\s+of\s+", role, maxsplit=1)[0].split()[-1].lower()
        for word in (role.split()[-1], head_word):
            kind = role_kind(word)
            if kind is not None:
                return kind
    return "unknown"


def _clean_role(role: str) -> str | None:
    role = re.sub(r"^(?:the|a|an)\s+", "", role.strip(" ,;:-–—"), flags=re.IGNORECASE)
    role = re.sub(r"['’]s$", "", role).strip()
    return role or None
