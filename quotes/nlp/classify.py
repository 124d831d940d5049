"""Statement types and targets from the cue verb and the content (CAMEO / PLOVER grounded)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quotes.nlp import lexicon
from quotes.nlp.types import ExtractedQuote

CUE_WEIGHT = 4
# When scores tie, the more specific, more consequential type wins.
PRIORITY = (
    "decline_comment",
    "deny",
    "reject",
    "threaten",
    "accuse",
    "condemn",
    "protest",
    "demand",
    "warn",
    "appeal",
    "concede",
    "acknowledge",
    "agree",
    "support",
    "statement",
)
# Statement types that answer another party, and those that draw an answer, for exchanges inside
# an article and across articles alike. A protest is both: it answers a charge or an act, and it
# draws rejections.
ANSWERS = frozenset({"deny", "reject", "protest"})
CHARGES = frozenset({"accuse", "condemn", "demand", "protest", "threaten", "warn"})


@dataclass(slots=True)
class Typing:
    type: str
    scores: dict[str, int]
    evidence: str


def classify(content: str, cue_lemma: str | None, context: str = "") -> Typing:
    """The statement type of ``content`` said with ``cue_lemma``; ``context`` is the clause."""
    scores: dict[str, int] = {}
    hits: list[str] = []
    for cue in lexicon.statement_cues():
        found = cue.pattern.findall(content)
        if found:
            scores[cue.type] = scores.get(cue.type, 0) + cue.weight * len(found)
            hits.append(f"{cue.type}:{_first(found)}")
        if context and cue.type == "decline_comment" and cue.pattern.search(context):
            scores[cue.type] = scores.get(cue.type, 0) + cue.weight
    verb_type = lexicon.cue_verbs().get(cue_lemma or "", "statement")
    if verb_type != "statement":
        scores[verb_type] = scores.get(verb_type, 0) + CUE_WEIGHT
        hits.append(f"cue:{cue_lemma}->{verb_type}")
    if not scores:
        return Typing("statement", {}, "no type cue")
    best = max(scores.items(), key=lambda kv: (kv[1], -PRIORITY.index(kv[0])))[0]
    return Typing(best, scores, ", ".join(hits))


def _first(found: list[object]) -> str:
    item = found[0]
    if isinstance(item, tuple):
        item = next((x for x in item if x), "")
    return str(item)


_SETTING_AFTER = re.compile(
    r"\s+(?:crisis|issue|war|conflict|question|situation|battlefield|front|border)\b", re.I
)
_SETTING_BEFORE = re.compile(r"\b(?:in|on|at|from)(?:\s+the)?\s+$", re.I)


def target_of(content: str, speaker_country: str | None) -> str | None:
    """The first country or organisation named in ``content`` that is not the speaker's own,
    skipping places named as a setting ("the Ukraine crisis", "in Ukraine")."""
    for start, end, country in lexicon.countries().find(content):
        if country == speaker_country:
            continue
        if _SETTING_AFTER.match(content, end) or _SETTING_BEFORE.search(content[:start]):
            continue
        return country
    return None


def retarget(quotes: list[ExtractedQuote]) -> None:
    """A quote whose target is its own speaker's country (known only once the whole article
    was read: "Valdoria has never supplied drones", said by Valdoria's spokeswoman) targets the
    next country it names, or none."""
    for quote in quotes:
        own = quote.speaker.affiliation if quote.speaker else None
        if own and quote.target == own:
            quote.target = target_of(quote.text, own)


def carry_targets(quotes: list[ExtractedQuote]) -> None:
    """A charge with no target of its own takes the target of its speaker's previous quote."""
    for i, quote in enumerate(quotes):
        if quote.target is not None or quote.speaker is None or quote.type in ("deny", "reject"):
            continue
        for j in range(i - 1, max(i - 50, 0) - 1, -1):
            prev = quotes[j]
            if prev.speaker is not None and prev.speaker.name == quote.speaker.name and prev.target:
                quote.target = prev.target
                break
