"""One statement, many outlets: is one quote a copy, a variant or a translation of another?

A statement reported by many outlets comes back in many versions: the same words with other
quotation marks or punctuation, a part of it with an ellipsis, an editor's ``[China]`` for
"we", a partial quote inside a reporter's sentence, or another translation of the same words
("groundless speculation and smears" / "baseless speculation and slander"), or its original
in German or French beside an English translation, often of only some of its sentences.

``relation(a, b)`` says how two quote texts relate (``exact``, ``punctuation``, ``partial``,
``near``, ``translation`` or ``none``); ``drift(a, b)`` whether two versions differ in words
that change what is said (a negation, a number, a content word), not only in punctuation, an
ellipsis or case; ``word_diff(a, b)`` the word-level differences a reader is shown.
``compatible_speakers`` and ``same_statement`` add who said it and when. Pure: no database;
the sentence encoder (translations) is only loaded when a comparison needs it.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz

from quotes.nlp.lexicon import content_words, word_list

WINDOW_DAYS = 7  # translations and short fragments of one statement: within a week
LONG_WINDOW_DAYS = 120  # a long passage quoted word for word is the same remark months later
NEAR_RATIO = 88.0  # rapidfuzz ratio (0-100) of the normalised words: a near-exact copy
FUZZY_PARTIAL_RATIO = 92.0  # rapidfuzz partial_ratio: a part quoted with transcription variants
MIN_FUZZY_PARTIAL_WORDS = 5
MIN_PARTIAL_WORDS = 3  # a partial quote must have at least this many words to be matched
TRANSLATION_COSINE = 0.75  # cosine of the sentence embeddings: another translation
# One text English, the other not: cosines across languages run lower for the same words (a
# German original and its English translation, 0.66-0.82 on data/statements dev) and for
# different statements (at most 0.57 there) than within one language.
CROSS_LINGUAL_COSINE = 0.65
MAX_ALIGNED_SENTENCES = 6  # sentences of the longer text aligned with a shorter translation
MIN_TRANSLATION_WORDS = 4  # shorter texts say too little for the embedding to tell
LONG_COPY_WORDS = 8  # a copy this long needs no speaker match (an outlet misattributed it)
SHINGLE = 4  # words per shingle (the index that finds copies by other speakers)

RELATIONS = ("exact", "punctuation", "partial", "near", "translation", "none")
GAP = "\u2026"  # one token standing for an ellipsis or an editor's [bracketed] words

_MARKS = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u2039": "'",
        "\u203a": "'",
    }
)
_ELLIPSIS = re.compile(r"\.\s*\.\s*\.|\u2026|\(\s*\.\.\.\s*\)")
_BRACKET = re.compile(r"\[[^\]]{0,80}\]")
_TOKEN = re.compile(rf"{GAP}|[^\W_]+(?:'[^\W_]+)*", re.UNICODE)
_NEGATION = word_list("negations")
# Words whose change never changes what a statement says (articles, auxiliaries, pronouns'
# case, prepositions that translations and copy editors swap freely).
_LIGHT = word_list("light_words")
_NUMBER = re.compile(r"\d")


def _negative(word: str) -> bool:
    """A negation: "not", "never", "won't"."""
    return word in _NEGATION or word.endswith("n't")


def _numbers(ws: Sequence[str]) -> set[str]:
    """The words that hold a digit ("40", "2019")."""
    return {w for w in ws if _NUMBER.search(w)}


def _fold(text: str) -> str:
    """NFKC, quote marks straightened, accents kept, case folded."""
    return unicodedata.normalize("NFKC", text).translate(_MARKS).casefold()


@lru_cache(maxsize=8192)
def tokens(text: str) -> tuple[str, ...]:
    """The words of a quote, case-folded, punctuation dropped; an ellipsis or an editor's
    ``[bracketed]`` insertion becomes one ``GAP`` token (consecutive gaps merge)."""
    folded = _BRACKET.sub(f" {GAP} ", _ELLIPSIS.sub(f" {GAP} ", _fold(text)))
    out: list[str] = []
    for token in _TOKEN.findall(folded):
        if token == GAP and (not out or out[-1] == GAP):
            continue
        out.append(token)
    while out and out[-1] == GAP:
        out.pop()
    return tuple(out)


def words(text: str) -> tuple[str, ...]:
    """``tokens`` without the gaps: the words a quote says."""
    return tuple(t for t in tokens(text) if t != GAP)


def normalise(text: str) -> str:
    """The words of a quote as one string (what exact and near matching compare)."""
    return " ".join(words(text))


def _segments(toks: Sequence[str]) -> list[tuple[str, ...]]:
    """The runs of words between gaps."""
    runs: list[tuple[str, ...]] = []
    current: list[str] = []
    for token in toks:
        if token == GAP:
            if current:
                runs.append(tuple(current))
            current = []
        else:
            current.append(token)
    if current:
        runs.append(tuple(current))
    return runs


def _find(haystack: Sequence[str], needle: Sequence[str], start: int) -> int:
    """Index of ``needle`` in ``haystack`` at or after ``start``; -1 if absent."""
    n = len(needle)
    for i in range(start, len(haystack) - n + 1):
        if tuple(haystack[i : i + n]) == tuple(needle):
            return i
    return -1


def _unrepeated(ws: Sequence[str], longest: int = 6) -> tuple[str, ...]:
    """The words with a run said twice in a row said once ("if she gets to pick, if she gets
    to pick her judges" -> "if she gets to pick her judges"): a transcript keeps a speaker's
    repetition that another outlet's quote leaves out."""
    out: list[str] = []
    for word in ws:
        out.append(word)
        for n in range(1, min(longest, len(out) // 2) + 1):
            if out[-n:] == out[-2 * n : -n]:
                del out[-n:]
                break
    return tuple(out)


def fits_inside(part: str, whole: str) -> bool:
    """True when every run of ``part``'s words (between its ellipses and brackets) is found in
    ``whole``'s words, in order: ``part`` quotes ``whole`` in part; or so once a run said twice
    in a row counts once on both sides."""
    runs = _segments(tokens(part))
    if _runs_inside(runs, words(whole)):
        return True
    return _runs_inside([_unrepeated(run) for run in runs], _unrepeated(words(whole)))


def _runs_inside(runs: Sequence[Sequence[str]], haystack: Sequence[str]) -> bool:
    """Each run found in ``haystack``, in order (at least ``MIN_PARTIAL_WORDS`` words)."""
    if not runs or sum(len(r) for r in runs) < MIN_PARTIAL_WORDS:
        return False
    at = 0
    for run in runs:
        found = _find(haystack, run, at)
        if found < 0:
            return False
        at = found + len(run)
    return True


@dataclass(frozen=True, slots=True)
class Relation:
    """How two quote texts relate, and how sure: ``score`` is 1.0 for exact and partial
    matches, the rapidfuzz ratio / 100 for near ones and the cosine for translations."""

    kind: str
    score: float

    @property
    def same(self) -> bool:
        return self.kind != "none"


NONE = Relation("none", 0.0)


def textual_relation(a: str, b: str) -> Relation:
    """The relation of two texts judged by their words alone (no embedding)."""
    if a == b:
        return Relation("exact", 1.0)
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return NONE
    if wa == wb:
        return Relation("punctuation", 1.0)
    if fits_inside(a, b) or fits_inside(b, a):
        return Relation("partial", 1.0)
    ratio = fuzz.ratio(" ".join(wa), " ".join(wb))
    if ratio >= NEAR_RATIO:
        return Relation("near", ratio / 100.0)
    short, long = sorted((" ".join(wa), " ".join(wb)), key=len)
    if len(short.split()) >= MIN_FUZZY_PARTIAL_WORDS:
        partial = fuzz.partial_ratio(short, long)
        if partial >= FUZZY_PARTIAL_RATIO:
            return Relation("partial", partial / 100.0)
    return NONE


Similarity = Callable[[str, str], float]


def relation(a: str, b: str, similarity: Similarity | None = None) -> Relation:
    """How ``a`` and ``b`` relate: by their words first, then (with ``similarity``, a cosine
    of sentence embeddings) as translations of the same words: the two texts, or the shorter
    and some consecutive sentences of the longer (``embedding_pairs``), at least
    ``TRANSLATION_COSINE`` apart, or ``CROSS_LINGUAL_COSINE`` when one is English and the
    other not."""
    found = textual_relation(a, b)
    if found.same or similarity is None:
        return found
    pairs = embedding_pairs(a, b)
    if not pairs:
        return NONE
    cosine = max(similarity(x, y) for x, y in pairs)
    return Relation("translation", cosine) if cosine >= translation_threshold(a, b) else NONE


def translation_threshold(a: str, b: str) -> float:
    """The cosine two texts need to be translations: lower across languages."""
    cross = _english(words(a)) != _english(words(b))
    return CROSS_LINGUAL_COSINE if cross else TRANSLATION_COSINE


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019\u00bb]?\s+")


def sentences(text: str) -> list[str]:
    """The sentences of a quote (split after ``.``, ``!`` or ``?`` and a space)."""
    return [s for s in (part.strip() for part in _SENTENCE_END.split(text.strip())) if s]


def _alignments(a: str, b: str) -> list[tuple[str, str]]:
    """The two texts, then the shorter with each run of consecutive sentences of the longer
    (only the longer's first ``MAX_ALIGNED_SENTENCES`` sentences)."""
    found = [(a, b)]
    short, long = sorted((a, b), key=lambda t: len(words(t)))
    parts = sentences(long)[:MAX_ALIGNED_SENTENCES]
    if len(parts) < 2:
        return found
    for i in range(len(parts)):
        for j in range(i + 1, len(parts) + 1):
            run = " ".join(parts[i:j])
            if run != long:
                found.append((short, run))
    return found


def embedding_pairs(a: str, b: str) -> list[tuple[str, str]]:
    """The pairs of texts whose cosine may show ``a`` and ``b`` to be translations: the two
    texts, and the shorter with each run of consecutive sentences of the longer (an outlet
    that translates only part of a statement, or quotes one sentence of it), each pair
    ``worth_embedding``."""
    return [(x, y) for x, y in _alignments(a, b) if worth_embedding(x, y)]


def worth_embedding(a: str, b: str) -> bool:
    """Whether two texts that share no passage may still be translations of one another, so
    that their embeddings are worth computing (each encoder call costs tenths of a second):
    both long enough, of comparable length (at most three times as long), giving the same
    numbers, and, when both are English, agreeing on negation and sharing a topic word or a
    name ("speculation", "Aldmark"): two English renderings of one remark keep its names and
    most of its nouns. A text in another language shares neither, so it is not asked to."""
    wa, wb = words(a), words(b)
    if min(len(wa), len(wb)) < MIN_TRANSLATION_WORDS or max(len(wa), len(wb)) > 3 * min(
        len(wa), len(wb)
    ):
        return False
    if _numbers(wa) != _numbers(wb):
        return False
    if not (_english(wa) and _english(wb)):
        return True
    return not _polarity_differs(wa, wb) and bool(content_words(a) & content_words(b))


def _english(ws: Sequence[str]) -> bool:
    """Mostly English words: at least a sixth of them English function words."""
    return 6 * sum(w in _LIGHT or w in _NEGATION for w in ws) >= len(ws)


def _negated(ws: Sequence[str]) -> bool:
    """A negation among the words; "nothing but piracy" ("only piracy") is none."""
    return any(
        _negative(w) and not (w == "nothing" and tuple(ws[i + 1 : i + 2]) == ("but",))
        for i, w in enumerate(ws)
    )


def _polarity_differs(wa: Sequence[str], wb: Sequence[str]) -> bool:
    """One says "not" where the other does not, or they give other numbers."""
    return _negated(wa) != _negated(wb) or _numbers(wa) != _numbers(wb)


@dataclass(frozen=True, slots=True)
class DiffPart:
    """One run of a word diff: ``equal``, ``replace``, ``delete`` (only in ``a``) or
    ``insert`` (only in ``b``); gaps (ellipses) are left out of both sides."""

    tag: str
    a: tuple[str, ...]
    b: tuple[str, ...]


def word_diff(a: str, b: str) -> list[DiffPart]:
    """Word-level differences from ``a`` to ``b`` (case and punctuation ignored)."""
    wa, wb = words(a), words(b)
    matcher = difflib.SequenceMatcher(a=wa, b=wb, autojunk=False)
    return [
        DiffPart(tag, tuple(wa[i1:i2]), tuple(wb[j1:j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]


def _weighty(word: str) -> bool:
    return _negative(word) or bool(_NUMBER.search(word)) or word not in _LIGHT


def drift(a: str, b: str, kind: str | None = None) -> bool:
    """True when two versions of a statement differ in words that change its meaning: a
    content word substituted or added, a negation or a number changed. Punctuation, case, an
    ellipsis or a shorter (partial) version is no drift; nor are swapped function words. Two
    translations (``kind="translation"``) differ in words by nature: only a negation (when both
    are English) or a number one has and the other lacks is drift there, and only when the
    shorter differs so from the longer and from every run of the longer's sentences (it may
    translate a part of it)."""
    if words(a) == words(b) or fits_inside(a, b) or fits_inside(b, a):
        return False
    if kind == "translation":  # no drift when the shorter agrees with the longer or a part of it
        return all(_translation_differs(x, y) for x, y in _alignments(a, b))
    for part in word_diff(a, b):
        if part.tag == "equal":
            continue
        if part.tag in ("delete", "insert") and _trimmed_edge(part, a, b):
            continue
        changed = [w for w in part.a + part.b if _weighty(w)]
        if changed:
            return True
    return False


def _translation_differs(a: str, b: str) -> bool:
    """Two translations differ in a negation (when both are English) or a number."""
    wa, wb = words(a), words(b)
    if _english(wa) and _english(wb):
        return _polarity_differs(wa, wb)
    return _numbers(wa) != _numbers(wb)


def _trimmed_edge(part: DiffPart, a: str, b: str) -> bool:
    """A run only one side has at its very start or end: a version quoting less, not other
    words (checked by position: the run is a prefix or a suffix of its side)."""
    side = words(a) if part.tag == "delete" else words(b)
    run = part.a if part.tag == "delete" else part.b
    n = len(run)
    return tuple(side[:n]) == run or tuple(side[-n:]) == run


# -- who and when -----------------------------------------------------------------------------


def name_key(name: str | None) -> str:
    """A speaker name folded for comparison: lower case, accents and punctuation dropped."""
    if not name:
        return ""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(re.findall(r"[^\W_]+", plain))


def compatible_speakers(
    a: str | None,
    b: str | None,
    country_a: str | None = None,
    country_b: str | None = None,
) -> bool:
    """Two speakers who may be one: the same name, one inside the other ("Wang Wenbin" /
    "Chinese Foreign Ministry spokesman Wang Wenbin"), the same surname (the last word of
    each, four letters or more), or, given, the same country (a spokesperson and the ministry
    they speak for). An unknown speaker is compatible with any."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return True
    if ka == kb or f" {ka} " in f" {kb} " or f" {kb} " in f" {ka} ":
        return True
    last_a, last_b = ka.split()[-1], kb.split()[-1]
    if last_a == last_b and len(last_a) >= 4:
        return True
    return bool(country_a) and name_key(country_a) == name_key(country_b)


def same_person(a: str | None, b: str | None) -> bool:
    """Both speakers known and compatible by name alone (not by country): what a translation,
    a match by meaning rather than by words, needs."""
    return bool(name_key(a)) and bool(name_key(b)) and compatible_speakers(a, b)


def within_window(a: date | None, b: date | None, days: int = WINDOW_DAYS) -> bool:
    """Dates at most ``days`` apart (an unknown date is never out of the window)."""
    return a is None or b is None or abs((a - b).days) <= days


@dataclass(frozen=True, slots=True)
class Version:
    """What grouping reads of one quote: its words, who said it (name, country) and when."""

    text: str
    speaker: str | None = None
    date: date | None = None
    country: str | None = None
    source: int | None = None  # the article: one article never holds two translations of a remark


def same_statement(a: Version, b: Version, similarity: Similarity | None = None) -> Relation:
    """The relation of two quotes as versions of one statement: dates within
    ``WINDOW_DAYS``, and texts that are copies or variants said by compatible speakers; a copy
    of at least ``LONG_COPY_WORDS`` words by any speaker (outlets do credit the ministry, the
    country or the wrong person); or translations, which need the same person by name
    (``same_person``): a match by meaning between a ministry and its spokesperson, or with an
    unknown speaker, is too weak a link."""
    if not within_window(a.date, b.date, LONG_WINDOW_DAYS):
        return NONE
    shorter = min(len(words(a.text)), len(words(b.text)))
    if not compatible_speakers(a.speaker, b.speaker, a.country, b.country):
        found = textual_relation(a.text, b.text)
        long_copy = found.same and shorter >= LONG_COPY_WORDS
        return found if long_copy and within_window(a.date, b.date) else NONE
    if not within_window(a.date, b.date):  # months apart: only a long passage word for word
        found = textual_relation(a.text, b.text)
        return found if found.same and shorter >= LONG_COPY_WORDS else NONE
    one_article = a.source is not None and a.source == b.source
    by_meaning = same_person(a.speaker, b.speaker) and not one_article
    return relation(a.text, b.text, similarity if by_meaning else None)


def best_relation(
    new: Version, versions: Sequence[Version], similarity: Similarity | None
) -> Relation:
    """The closest relation of ``new`` to any of a statement's ``versions`` (a textual one
    first: the embedding is only asked when no version matches by words)."""
    best = NONE
    for version in versions:
        found = same_statement(new, version, None)
        if found.same and rank(found) > rank(best):
            best = found
    if best.same or similarity is None:
        return best
    prepare = getattr(similarity, "prepare", None)
    if prepare is not None:  # one encoder call for every text the comparisons below need
        wanted = [text for v in versions for text in embedding_texts(new, v)]
        if wanted:
            prepare(list(dict.fromkeys([new.text, *wanted])))
    for version in versions:
        found = same_statement(new, version, similarity)
        if found.same and rank(found) > rank(best):
            best = found
    return best


def embedding_texts(new: Version, other: Version) -> list[str]:
    """The texts whose embeddings ``same_statement`` would ask for about this pair (none when
    it would not ask: another person, out of the window, one article, or a match by words):
    those of its ``embedding_pairs``."""
    if not (
        within_window(new.date, other.date)
        and (new.source is None or new.source != other.source)
        and same_person(new.speaker, other.speaker)
        and not textual_relation(new.text, other.text).same
    ):
        return []
    return list(dict.fromkeys(t for pair in embedding_pairs(new.text, other.text) for t in pair))


def rank(found: Relation) -> tuple[int, float]:
    """Order of preference between relations: the closer kind first, then the score."""
    return (len(RELATIONS) - RELATIONS.index(found.kind), found.score)


# -- the shingle index and the encoder --------------------------------------------------------


def shingles(text: str, size: int = SHINGLE) -> set[int]:
    """Hashes (signed 63-bit) of the runs of ``size`` consecutive words between gaps: two
    copies, or a partial quote and the whole, share at least one. Empty for shorter texts."""
    out: set[int] = set()
    for run in _segments(tokens(text)):
        for i in range(len(run) - size + 1):
            digest = hashlib.blake2b(" ".join(run[i : i + size]).encode(), digest_size=8)
            out.add(int.from_bytes(digest.digest(), "big") >> 1)
    return out


class EmbeddingSimilarity:
    """Cosine of two texts' sentence embeddings (USE multilingual v3, loaded on first use),
    each text encoded once per process (a small LRU cache)."""

    def __init__(self, size: int = 4096) -> None:
        self._cache: dict[str, np.ndarray] = {}  # oldest use first
        self._size = size

    def vectors(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Unit vectors for ``texts`` (the missing ones encoded in one batch). The answer is
        built from this call's own lookups: making room in a full cache never loses a text
        the same call asks for."""
        found: dict[str, np.ndarray] = {}
        missing: list[str] = []
        for text in dict.fromkeys(texts):
            vector = self._cache.pop(text, None)
            if vector is None:
                missing.append(text)
            else:
                found[text] = self._cache[text] = vector  # used now: the newest
        if missing:
            from quotes.nlp.statement_model import sentence_encoder

            encoded = np.asarray(sentence_encoder().encode(missing), dtype=np.float32)
            norms = np.linalg.norm(encoded, axis=1, keepdims=True)
            for text, vector in zip(missing, encoded / np.maximum(norms, 1e-9), strict=True):
                found[text] = vector
                self._remember(text, vector)
        return [found[t] for t in texts]

    def _remember(self, text: str, vector: np.ndarray) -> None:
        while self._cache and len(self._cache) >= self._size:
            self._cache.pop(next(iter(self._cache)))  # the least recently used
        self._cache[text] = vector

    def prepare(self, texts: Sequence[str]) -> None:
        """Encode the texts not seen yet, in one batch (before many ``__call__``)."""
        if len(texts) > 1:
            self.vectors(texts)

    def __call__(self, a: str, b: str) -> float:
        va, vb = self.vectors([a, b])
        return float(np.dot(va, vb))
