"""Repairs to what the models say about names they were not trained on.

The English models often take an Arabic family name with its article ("al-Assad", "el-Sisi",
"al-Islam") for an adverb or a common noun and leave it out of the person's name: "said Bashar
al-Assad" named "Bashar", "al-Sisi told reporters" named no one, and "When al-Islam first made
his claims, he said ..." gave the quote to the last person named before. ``repair_names`` runs
once over a parsed document, before any rule:

* such a word is a proper noun;
* right after a person's name it ends that name (and hangs from it, as ``flat``);
* elsewhere it is a person when the article gives it in a person's name ("Seif al-Islam" ...
  "al-Islam"); an organisation ("al-Qaeda") or a word the article never gives in a person's
  name stays as it is;
* a person's word the parser hung in front of a verb as an adverb, where that verb has no
  subject, is the verb's subject.
"""

from __future__ import annotations

import re

from quotes.nlp.parse import ParsedDoc, Sentence, Token

PARTICLE_NAME = re.compile(r"^(?:[Aa]l|[Ee]l|[Aa][dnrstz]|[Aa]sh|[Uu]l)-[A-Z][\w'’-]*$")
_NOT_SUBJECT_SLOTS = frozenset(["advmod", "obl", "dep", "compound", "nmod", "obj"])


def repair_names(parsed: ParsedDoc) -> None:
    """Mend particle names in place (see the module docstring); other tokens are untouched."""
    named: set[str] = set()  # particle names the article gives in a person's name
    for sent in parsed.sentences:
        for tok in sent.tokens:
            if PARTICLE_NAME.match(tok.text):
                _extend_name(sent, tok)
                if tok.ner[2:] == "PER":
                    named.add(tok.text.lower())
    for sent in parsed.sentences:
        changed = False
        for tok in sent.tokens:
            if tok.ner == "O" and tok.text.lower() in named:
                tok.ner, tok.upos = "S-PER", "PROPN"
                changed |= _as_subject(sent, tok)
        if changed:
            sent.index_children()


def _extend_name(sent: Sentence, tok: Token) -> None:
    """ "Bashar" + "al-Assad": the particle name ends the person's name right before it."""
    if tok.ner != "O" or tok.id < 2:
        return
    prev = sent.tok(tok.id - 1)
    if prev.ner[2:] != "PER" or prev.ner[:1] not in ("S", "E"):
        return
    prev.ner = ("B" if prev.ner[:1] == "S" else "I") + "-PER"
    tok.ner, tok.upos = "E-PER", "PROPN"
    if not sent.parsed or tok.head == prev.id or tok.deprel == "flat":
        return
    if any(a.id == tok.id for a in [prev, *sent.ancestors(prev.id)]):
        return  # the name already hangs from the particle word ("Bashar" <- "al-Assad")
    name_head = prev if prev.deprel != "flat" or prev.head <= 0 else sent.tok(prev.head)
    tok.head, tok.deprel = name_head.id, "flat"
    sent.index_children()


def _as_subject(sent: Sentence, tok: Token) -> bool:
    """A person's word hung before a subjectless verb as an adverb is that verb's subject."""
    if not sent.parsed or tok.head <= tok.id or tok.deprel.split(":")[0] not in _NOT_SUBJECT_SLOTS:
        return False
    verb = sent.tok(tok.head)
    if verb.upos not in ("VERB", "AUX") or sent.kids(verb.id, "nsubj", "csubj", "expl"):
        return False
    tok.deprel = "nsubj"
    return True
