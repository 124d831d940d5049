"""Exchanges inside a document: which answer (denial, rejection) responds to which charge."""

from __future__ import annotations

from quotes.nlp import lexicon
from quotes.nlp.classify import ANSWERS, CHARGES
from quotes.nlp.types import Quote

LOOK_BACK = 200  # statements an answer may reach back over (bounds work on huge documents)


def link_exchanges(quotes: list[Quote], text: str = "") -> None:
    """Set ``responds_to`` (an index into ``quotes``) on answers, in place.

    A direct quote right after the same speaker's direct answer answers what that one answered;
    else the best earlier charge from another party, scored: its target is the answerer's
    country (+2), the answer's paragraph names the charger's country (+2), the same form (a
    quote answering a quote, +1), shared content words (+1 each, at most 2), then recency.
    """
    for i, quote in enumerate(quotes):
        if quote.type not in ANSWERS or quote.speaker is None:
            continue
        prev = _previous_same_speaker(quotes, i)
        if prev is not None and quotes[prev].responds_to is not None:
            quote.responds_to = quotes[prev].responds_to
        else:
            quote.responds_to = _best_charge(quotes, i, text)
        if quote.responds_to is not None:
            quote.evidence.append(f"exchange: answers quote {quote.responds_to}")
            if quote.target is None:
                charger = quotes[quote.responds_to].speaker
                quote.target = charger.affiliation or charger.name if charger else None


def _previous_same_speaker(quotes: list[Quote], i: int) -> int | None:
    me = quotes[i].speaker
    for j in range(i - 1, -1, -1):
        other = quotes[j].speaker
        if other is not None and me is not None and other.name == me.name:
            same_form = quotes[j].form == quotes[i].form
            return j if quotes[j].type in ANSWERS and same_form else None
        if other is not None:
            return None
    return None


def _paragraph(text: str, quote: Quote) -> str:
    if not text:
        return quote.text
    start = text.rfind("\n", 0, quote.start) + 1
    end = text.find("\n", quote.end)
    return text[start : end if end >= 0 else len(text)]


def _best_charge(quotes: list[Quote], i: int, text: str) -> int | None:
    answer = quotes[i]
    assert answer.speaker is not None
    mine = answer.speaker.affiliation
    named = {c for _, _, c in lexicon.countries().find(_paragraph(text, answer))}
    words = lexicon.content_words(answer.text)
    best: tuple[int, int] | None = None
    for j in range(max(0, i - LOOK_BACK), i):
        charge = quotes[j]
        who = charge.speaker
        if charge.type not in CHARGES or who is None or who.name == answer.speaker.name:
            continue
        if mine and who.affiliation == mine:
            continue
        score = 0
        if mine and charge.target == mine:
            score += 2
        if who.affiliation and who.affiliation in named:
            score += 2
        if answer.target and answer.target in (who.affiliation, who.name):
            score += 1
        if score == 0:
            continue
        if charge.form == answer.form:
            score += 1
        score += min(2, len(words & lexicon.content_words(charge.text)))
        if best is None or score >= best[0]:
            best = (score, j)
    return best[1] if best else None
