"""What answers what: which answer (denial, rejection) responds to which charge.

Inside one document, ``link_exchanges`` sets ``responds_to`` on the extracted quotes. Across
articles, ``exchange_score`` rates a stored charge and a later answer (each a ``Side``); the
store (``quotes.store.exchanges``) reads the sides from the database and writes the links.
Pure: no database.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date

from quotes.config import LINK_WINDOW_DAYS
from quotes.nlp import lexicon
from quotes.nlp.classify import ANSWERS, CHARGES
from quotes.nlp.types import ExtractedQuote

LOOK_BACK = 200  # statements an answer may reach back over (bounds work on huge documents)
WINDOW_DAYS = LINK_WINDOW_DAYS  # default: an answer in another article at most this many days
_PROPER_NAME = re.compile(r"\b([A-Z][a-z]{3,})\b")
FEW_WORDS = 3  # a quote with fewer content words is matched by its sentence's words too
FRAGMENT_CHARS = 40  # quotes at most this long are read with their sentence in the store


def link_exchanges(quotes: list[ExtractedQuote], text: str = "") -> None:
    """Set ``responds_to`` (an index into ``quotes``) on answers, in place.

    A direct quote right after the same speaker's direct answer answers what that one answered;
    else the best earlier charge from another party, scored: its target is the answerer's
    country (+2), the answer's paragraph names the charger's country (+2), the same form (a
    quote answering a quote, +1), shared content words (+1 each, at most 2), then recency.
    """
    named_in: dict[tuple[int, int], set[str]] = {}  # countries per paragraph, looked up once
    lines = _Lines(text)
    for i, quote in enumerate(quotes):
        if quote.speaker is None:
            continue
        if not may_answer(quote.type, quote.speaker.affiliation, quote.target):
            continue
        prev = _previous_same_speaker(quotes, i)
        if prev is not None and quotes[prev].responds_to is not None:
            quote.responds_to = quotes[prev].responds_to
        else:
            quote.responds_to = _best_charge(quotes, i, _named(lines, quote, named_in))
        if quote.responds_to is not None:
            quote.evidence.append(f"exchange: answers quote {quote.responds_to}")
            if quote.target is None:
                charger = quotes[quote.responds_to].speaker
                quote.target = charger.affiliation or charger.name if charger else None


def may_answer(type_: str, party: str | None, target: str | None) -> bool:
    """Whether a statement may answer another: an answer (deny, reject, protest) always; a
    charge only as a counter-charge (a counter-accusation, a counter-threat), said for a party
    at another party; it links only to a charge of that party aimed at the speaker's
    (``_best_charge``, ``exchange_score``)."""
    if type_ in ANSWERS:
        return True
    return type_ in CHARGES and bool(party) and bool(target) and party != target


def _previous_same_speaker(quotes: list[ExtractedQuote], i: int) -> int | None:
    me = quotes[i].speaker
    for j in range(i - 1, -1, -1):
        other = quotes[j].speaker
        if other is not None and me is not None and other.name == me.name:
            same_form = quotes[j].form == quotes[i].form
            return j if quotes[j].type in ANSWERS and same_form else None
        if other is not None:
            return None
    return None


class _Lines:
    """The text's line breaks, found once: a line lookup is a bisection, not a scan (on a
    one-line article, scanning for the line's ends was quadratic in the text's length)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = [m.start() for m in re.finditer("\n", text)] if text else []

    def around(self, start: int, end: int) -> tuple[int, int]:
        """The text line holding ``text[start:end]``: from after the last break before
        ``start`` to the first break at or after ``end``."""
        i = bisect.bisect_left(self.breaks, start)
        line_start = self.breaks[i - 1] + 1 if i > 0 else 0
        j = bisect.bisect_left(self.breaks, end)
        return line_start, self.breaks[j] if j < len(self.breaks) else len(self.text)


def _named(
    lines: _Lines, quote: ExtractedQuote, cache: dict[tuple[int, int], set[str]]
) -> set[str]:
    """Countries named on the line around ``quote`` (the answer's own paragraph line); each
    line is searched once (a one-line article with thousands of answers was searched whole for
    every answer)."""
    if not lines.text:
        return _countries(quote.text)
    bounds = lines.around(quote.start, quote.end)
    if bounds not in cache:
        cache[bounds] = _countries(lines.text[bounds[0] : bounds[1]])
    return cache[bounds]


def _countries(text: str) -> set[str]:
    return {c for _, _, c in lexicon.countries().find(text)}


def _best_charge(quotes: list[ExtractedQuote], i: int, named: set[str]) -> int | None:
    """The charge ``quotes[i]`` answers, given the countries named in the answer's paragraph."""
    answer = quotes[i]
    assert answer.speaker is not None
    mine = answer.speaker.affiliation
    words = lexicon.content_words(answer.text)
    best: tuple[int, int] | None = None
    for j in range(max(0, i - LOOK_BACK), i):
        charge = quotes[j]
        who = charge.speaker
        if charge.type not in CHARGES or who is None or who.name == answer.speaker.name:
            continue
        if mine and who.affiliation == mine:
            continue
        if answer.type in CHARGES and not (
            charge.target == mine and answer.target in (who.affiliation, who.name)
        ):
            continue  # a counter-charge answers only a charge between the same two parties
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


# -- across articles ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Side:
    """One stored quote as a side of a possible exchange: a charge or an answer."""

    id: int
    article_id: int
    published: date
    type: str
    target: str | None
    country: str | None
    speaker: str | None
    words: frozenset[str]
    names: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls,
        id: int,
        article_id: int,
        published: date,
        type: str,
        target: str | None,
        country: str | None,
        speaker: str | None,
        text: str,
        clause: str = "",
    ) -> Side:
        """A side from a stored quote's fields and text (topic words and names read here).

        A quote of few words ("groundless", "a smear campaign") says nothing of its matter; the
        sentence around it, its quoted runs left out (``clause``), does: "denied accusations
        that it had shipped drones to the rebels". Its words count for such a quote."""
        words = lexicon.content_words(text)
        if len(words) < FEW_WORDS:
            words |= lexicon.content_words(clause)
        names = frozenset(proper_names(text))
        return cls(
            id, article_id, published, type, target, country, speaker, frozenset(words), names
        )


def proper_names(text: str) -> set[str]:
    """Capitalised words inside a quote ("Valdoria", "Kessel"): parties it talks about."""
    found = set()
    for match in _PROPER_NAME.finditer(text):
        word = match.group(1).lower()
        if word not in lexicon.TOPIC_STOPWORDS and word not in lexicon.CALENDAR:
            found.add(word)
    return found


def _same(a: str | None, b: str | None) -> bool:
    return bool(a and b and lexicon.fold(a) == lexicon.fold(b))


def exchange_score(charge: Side, answer: Side, window_days: int = WINDOW_DAYS) -> float:
    """How well ``answer`` (a denial) in another article fits ``charge`` (an accusation);
    0 = no link. Parties must match (the answerer's country is the accused, or the answer
    targets the accuser) and topic words overlap; closer in time scores higher; an answer more
    than ``window_days`` after the charge answers it no more."""
    if charge.article_id == answer.article_id or answer.published < charge.published:
        return 0.0
    days = (answer.published - charge.published).days
    if days > window_days:
        return 0.0
    if answer.type in CHARGES and not (
        _same(answer.country, charge.target) and _same(answer.target, charge.country)
    ):
        return 0.0  # a counter-charge answers only a charge between the same two parties
    parties: float = _same(answer.country, charge.target) + _same(answer.target, charge.country)
    parties += _same(answer.target, charge.speaker)
    overlap = len(charge.words & answer.words)
    if not parties and charge.names & answer.names and overlap >= 2:
        parties = 0.5  # no party data: both quotes name the same party, and share a topic
    if not parties or overlap == 0:
        return 0.0
    union = len(charge.words | answer.words) or 1
    return parties + 2.0 * overlap / union + overlap * 0.1 + (1.0 - days / window_days) * 0.5
