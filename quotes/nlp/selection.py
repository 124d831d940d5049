"""Which sentences get the full (deep) parse, and the reporting-verb patterns that decide it.

The surface rules handle a sentence that is only a quote and a plain attribution; the parse is
spent where attribution is hard."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from quotes.nlp import lexicon
from quotes.nlp.marks import SpanIndex, find_quotes

SAY_THAT = {"say", "tell", "state", "claim", "insist", "argue", "note", "add", "write", "warn"}


def inflected_forms(lemmas: Iterable[str]) -> set[str]:
    forms: set[str] = set()
    for lemma in lemmas:
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        forms |= {lemma, lemma + "s", stem + "ed", stem + "ing", lemma + "d"}
        if lemma.endswith("y"):
            forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    return forms


def word_pattern(forms: set[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, forms))) + r")\b", re.IGNORECASE)


@cache
def _typed_cue_pattern() -> re.Pattern[str]:
    """Inflected forms of reporting verbs that carry a statement type (deny, accuse, warn ...)."""
    typed = [lemma for lemma, kind in lexicon.cue_verbs().items() if kind != "statement"]
    return word_pattern(inflected_forms(typed) | {"according to"})


@cache
def _say_that_pattern() -> re.Pattern[str]:
    """A neutral reporting verb followed by a that-clause: "He said that China ..."."""
    verbs = "|".join(sorted(map(re.escape, inflected_forms(SAY_THAT) | {"said", "told", "wrote"})))
    return re.compile(rf"\b(?:{verbs})\b(?:\W+\w+){{0,4}}?\W+that\b", re.IGNORECASE)


_MARKS = re.compile('["“”„«»]')


# a quote right after the sentence, on its line or as the next list item ("...:\n\n- “...”")
_OPENS_WITH_QUOTE = re.compile('(?:[ \t]{0,3}|[ \t]*\n\\s*[-*•][ \t]+)["“„«]')


EASY_CUES = (
    "said|says|told|tells|added|adds|asked|asks|explained|wrote|continued|noted|stated|insisted"
    "|argued|replied|recalled|declared|acknowledged|answered|responded"
)


_EASY_NP = (
    r"(?:he|she|they|I|we|it"
    # a name, or "the" and a name ("the Foreign Ministry"); "a Trump confidant", "one Trump
    # adviser" are descriptions the surface rules cut short at the capitals
    r"|(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w'’-]+"
    r"|(?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)"
)
# A whole sentence that is one quote and its attribution: '"...," the minister said.'
_EASY_ATTRIBUTION = re.compile(
    r'^\s*["“][^"“”]+[,.!?]["”]\s+'
    rf"(?:{_EASY_NP}\s+(?:{EASY_CUES})|(?:{EASY_CUES})\s+{_EASY_NP})"
    r'\b[^"“”]*$'
    rf'|^\s*{_EASY_NP}\s+(?:{EASY_CUES})[,:]?\s+["“][^"“”]+["”]?\s*$'
)


_WORD_CHAR = re.compile(r"\w")


def inside_quotes(text: str, sentence: tuple[int, int], quoted: SpanIndex) -> bool:
    """Whether every word of the sentence lies inside a quoted run: a sentence of a long quote
    ('"We will not be intimidated.' / 'They will answer for this," ...') holds no attribution."""
    start, end = sentence
    pos = start
    for span in quoted.within(start, end):  # a search that ends before it starts finds nothing
        if _WORD_CHAR.search(text, pos, span.start):
            return False
        pos = max(pos, span.end)
    return _WORD_CHAR.search(text, pos, end) is None


def deep_selector(text: str, sentence: tuple[int, int], quoted: SpanIndex | None = None) -> bool:
    """Sentences worth a full parse: quote marks, a typed reporting verb, "said that", a
    lead-in colon ("Caddell continued:"), or a quote opening the next sentence on the same line
    (the sentence may introduce it: 'Cummings called him a master. "He showed ..."').

    A sentence that is only a quote and a plain attribution ('"...," the minister said.') is
    left to the surface rules: they decide it as well as the parse does, at a fraction of the
    cost. So is a sentence wholly inside a quote, when ``quoted`` (the document's quoted runs)
    is given: nothing in it is attributed."""
    chunk = text[sentence[0] : sentence[1]]
    if _MARKS.search(chunk):
        if quoted is not None and inside_quotes(text, sentence, quoted):
            return False
        return not _EASY_ATTRIBUTION.match(chunk)
    return bool(
        chunk.rstrip().endswith(":")
        or _OPENS_WITH_QUOTE.match(text, sentence[1])  # may introduce the quote after it
        or _typed_cue_pattern().search(chunk)
        or _say_that_pattern().search(chunk)
    )


@cache
def any_cue_pattern() -> re.Pattern[str]:
    irregular = {"said", "told", "wrote", "spoke", "thought", "meant", *EASY_CUES.split("|")}
    return word_pattern(inflected_forms(lexicon.cue_verbs()) | irregular)


# A pathological article (5,000 unbalanced quote marks in 35 KB) makes every sentence a
# candidate; past this many deep-parsed sentences per 100 KB (a few seconds of model time), the
# rest of the document is left to the surface rules.
DEEP_SENTENCES_PER_100K = 150


class DeepBudget:
    """``deep_selector`` with a per-document cap on the sentences it sends to the models."""

    def __init__(self, per_100k: int = DEEP_SENTENCES_PER_100K) -> None:
        self.per_100k = per_100k
        self.used: dict[int, int] = {}  # by id() of the document text
        self._quoted: tuple[str, SpanIndex] | None = None  # the last document and its quoted runs

    def limit(self, text: str) -> int:
        return max(self.per_100k, self.per_100k * len(text) // 100_000)

    def quoted(self, text: str) -> SpanIndex:
        """The quoted runs of ``text``, found once per document (sentences come in order)."""
        if self._quoted is None or self._quoted[0] is not text:
            self._quoted = (text, SpanIndex(find_quotes(text)))
        return self._quoted[1]

    def __call__(self, text: str, sentence: tuple[int, int]) -> bool:
        if not deep_selector(text, sentence, self.quoted(text)):
            return False
        used = self.used.get(id(text), 0)
        if used >= self.limit(text):
            return False
        self.used[id(text)] = used + 1
        return True
