"""Lexicons as data: reporting verbs, role nouns, countries, statement-type cues.

Each file lives under ``quotes/nlp/lexicons/`` and is loaded once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path


def rows(name: str) -> list[list[str]]:
    """The tab-separated rows of ``lexicons/<name>`` (``#`` comments left out)."""
    return _rows(name)


def _rows(name: str) -> list[list[str]]:
    text = resources.files("quotes.nlp").joinpath("lexicons", name).read_text(encoding="utf-8")
    return [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def word_list(name: str) -> frozenset[str]:
    """A word list, ``lexicons/<name>.txt``: a lower-case word or phrase a line, ``#`` comments."""
    text = (
        resources.files("quotes.nlp")
        .joinpath("lexicons", f"{name}.txt")
        .read_text(encoding="utf-8")
    )
    return frozenset(
        ln.strip().lower() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")
    )


@cache
def cue_verbs() -> dict[str, str]:
    """Reporting-verb lemma -> statement type it signals ("statement" when neutral)."""
    out: dict[str, str] = {}
    for lemma, kind in _rows("cue_verbs.tsv"):
        out.setdefault(lemma, "statement" if kind == "-" else kind)
    return out


@cache
def first_name_pronouns() -> dict[str, str]:
    """First name -> "he" or "she", for names the news gives to one sex only."""
    return {name.lower(): pronoun for name, pronoun in _rows("first_names.tsv")}


@cache
def figures() -> dict[str, str]:
    """Foreign-policy figure -> the country they speak for (``lexicons/figures.tsv``), keyed by
    the folded full name and by each short name the row gives ("putin", "erdogan")."""
    out: dict[str, str] = {}
    for row in _rows("figures.tsv"):
        name, country = row[0], row[1]
        short = row[2].split("|") if len(row) > 2 and row[2] else []
        for key in (name, *short):
            out.setdefault(fold(key), country)
    return out


def figure_country(name: str) -> str | None:
    """The country a figure of ``figures.tsv`` speaks for: by the full name, else by its last
    word where that is a short name of the list ("Vladimir Putin", "Putin"); None if unknown."""
    known = figures()
    folded = fold(name.strip())
    if folded in known:
        return known[folded]
    last = folded.split()[-1:]
    return known.get(last[0]) if last else None


@cache
def role_nouns() -> dict[str, str]:
    """Role or institution head noun -> speaker kind (person / institution)."""
    return {noun: kind for noun, kind in _rows("role_nouns.tsv")}


@dataclass(frozen=True, slots=True)
class CountryLexicon:
    pattern: re.Pattern[str]
    by_alias: dict[str, str]
    generic: frozenset[str]  # aliases that other bodies' names contain ("Security Council")
    organisations: frozenset[str] = frozenset()  # not countries: NATO, United Nations, ...
    demonyms: dict[str, str] = field(default_factory=dict)  # country -> adjective for roles

    def demonym(self, country: str) -> str:
        """The word that makes a role: "Chinese" Foreign Ministry spokesperson, "U.S." official;
        the country itself where the lexicon marks none."""
        return self.demonyms.get(country, country)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Every (start, end, country) mentioned in ``text``.

        A generic alias right after another capitalised word is part of a longer name and does
        not count: the "National Security Council" is not the UN's "Security Council".
        """
        return [
            (m.start(), m.end(), self.by_alias[m.group(0)])
            for m in self.pattern.finditer(text)
            if m.group(0) not in self.generic or not inside_longer_name(text, m.start())
        ]

    def government(self, country: str) -> str:
        """The name of an unnamed speaker for ``country``: "China government", "United
        Nations" (an organisation speaks as itself)."""
        return country if country in self.organisations else f"{country} government"

    def first(self, text: str, exclude: str | None = None) -> str | None:
        for _, _, country in self.find(text):
            if country != exclude:
                return country
        return None


_CAPITALISED_BEFORE = re.compile(r"(?<![\w.'-])([A-Z][\w.'-]*) +$")
_NOT_NAME_WORDS = frozenset(["The", "A", "An", "This", "That", "Its", "Their", "Our", "Which"])


def inside_longer_name(text: str, start: int) -> bool:
    """Whether the words just before ``start`` continue a capitalised name into it (a
    transcript's turn label "Q" or "A" opening the line does not: "Q  Valdoria's ministry")."""
    window = text[max(0, start - 40) : start]
    before = _CAPITALISED_BEFORE.search(window)
    if before is None or before.group(1) in _NOT_NAME_WORDS:
        return False
    return not _turn_label(text, start - len(window) + before.start(1), before.group(1))


def _turn_label(text: str, at: int, word: str) -> bool:
    """Whether ``word`` at ``at`` is a transcript's "Q" or "A" label: alone at a line's start."""
    line_start = text.rfind("\n", 0, at) + 1
    return word in ("Q", "A") and not text[line_start:at].strip(" \t\u00a0*")


# The country lexicon of the document being extracted (``document_parties``): the packaged
# and user rows plus the parties that document names. A context variable, so that every rule
# that asks ``countries()`` during one document's extraction sees the same parties, and other
# threads or documents do not.
_DOCUMENT_COUNTRIES: ContextVar[CountryLexicon | None] = ContextVar(
    "document_countries", default=None
)


def countries() -> CountryLexicon:
    """Countries and organisations: the packaged list (``lexicons/countries.tsv``), the user's
    parties file (``quotes.config.parties_path``), and, while a document is being extracted,
    the parties it names (``document_parties``)."""
    return _DOCUMENT_COUNTRIES.get() or base_countries()


@cache
def base_countries() -> CountryLexicon:
    """The packaged list and the user's parties file, built once per process."""
    return _build_countries(country_rows())


@cache
def country_rows() -> tuple[tuple[str, ...], ...]:
    """The user's parties rows first (their aliases win), then the packaged rows."""
    return tuple(tuple(row) for row in [*user_party_rows(), *_rows("countries.tsv")])


def user_party_rows(path: Path | None = None) -> list[list[str]]:
    """Rows of the user's parties file, in the format of ``countries.tsv`` (name, then
    ``|``-separated aliases, ``@`` before the demonym, then ``organisation`` for a body that is
    not a state). A missing or unreadable file gives no rows; a row without aliases names
    itself."""
    from quotes.config import parties_path

    path = path or parties_path()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    rows: list[list[str]] = []
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.split("\t")]
        if not cells[0] or cells[0].startswith("#"):
            continue
        aliases = cells[1] if len(cells) > 1 and cells[1] else cells[0]
        rows.append([cells[0], aliases, *cells[2:3]])
    return rows


@contextmanager
def document_parties(extra: Sequence[Sequence[str]]) -> Iterator[CountryLexicon]:
    """While the block runs, ``countries()`` also knows ``extra`` (rows like those of
    ``countries.tsv``): the parties one document names that the lists do not know."""
    lexicon = _build_countries([*country_rows(), *extra]) if extra else base_countries()
    token = _DOCUMENT_COUNTRIES.set(lexicon)
    try:
        yield lexicon
    finally:
        _DOCUMENT_COUNTRIES.reset(token)


def _build_countries(rows: Iterable[Sequence[str]]) -> CountryLexicon:
    by_alias: dict[str, str] = {}
    generic: set[str] = set()
    organisations: set[str] = set()
    demonyms: dict[str, str] = {}
    for row in rows:
        country, aliases = row[0], row[1]
        if list(row[2:]) == ["organisation"]:
            organisations.add(country)
        for alias in aliases.split("|"):
            if alias.startswith("@"):
                alias = alias[1:]
                demonyms.setdefault(country, alias)
            if alias.startswith("~"):
                alias = alias[1:]
                generic.add(alias)
            if alias:
                by_alias.setdefault(alias, country)
    names = sorted(by_alias, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])")
    return CountryLexicon(pattern, by_alias, frozenset(generic), frozenset(organisations), demonyms)


@dataclass(frozen=True, slots=True)
class TypeCue:
    type: str
    weight: int
    pattern: re.Pattern[str]


@cache
def statement_cues() -> list[TypeCue]:
    return [
        TypeCue(kind, int(weight), re.compile(regex, re.IGNORECASE))
        for kind, weight, regex in _rows("statement_cues.tsv")
    ]


# Day and month names (not "may"), and relative days: never a speaker, never a party.
CALENDAR = word_list("calendar")
# Words that never make a topic: exchanges inside and across articles compare the rest.
TOPIC_STOPWORDS = word_list("topic_stopwords")

PRONOUNS: dict[str, str] = {
    "he": "person",
    "she": "person",
    "him": "person",
    "her": "person",
    "i": "person",
    "they": "any",
    "it": "institution",
    "we": "any",
}


# Words too common to tell two statements' topics apart (four letters or more: shorter words are
# never topic words).


def fold(text: str) -> str:
    """Lower case, accents removed, curly apostrophes straightened."""
    decomposed = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def content_words(text: str) -> set[str]:
    """Topic words of a statement (folded, four letters or more, plural ``s`` cut), which two
    statements share when they are about the same thing."""
    words = set()
    for word in re.findall(r"[^\W\d_]{4,}", fold(text)):
        if word not in TOPIC_STOPWORDS:
            words.add(word[:-1] if word.endswith("s") and len(word) > 4 else word)
    return words
