"""Exchanges inside a document: which answer (denial, rejection) responds to which charge."""

from __future__ import annotations

from quotes.nlp import lexicon
from quotes.nlp.classify import ANSWERS, CHARGES
from quotes.nlp.types import Quote

LOOK_BACK = 200  # statements an answer may reach back over (bounds work on huge documents)


def link_exchanges(quotes: list[Quote]) -> None:
    """Set ``responds_to`` (an index into ``quotes``) on answers, in place.

    A continuation of the same speaker's previous quote answers what that one answered; else
    the best earlier charge from another party: its target is the answerer's country (+2), the
    answer names the charger's country (+2), then the most recent.
    """
    for i, quote in enumerate(quotes):
        if quote.type not in ANSWERS or quote.speaker is None:
            continue
        prev = _previous_same_speaker(quotes, i)
        if prev is not None and quotes[prev].responds_to is not None:
            quote.responds_to = quotes[prev].responds_to
        else:
            quote.responds_to = _best_charge(quotes, i)
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
            return j if quotes[j].type in ANSWERS else None
        if other is not None:
            return None
    return None


def _best_charge(quotes: list[Quote], i: int) -> int | None:
    answer = quotes[i]
    assert answer.speaker is not None
    mine = answer.speaker.affiliation
    named = {c for _, _, c in lexicon.countries().find(answer.text)}
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
        if best is None or score >= best[0]:
            best = (score, j)
    return best[1] if best else None
