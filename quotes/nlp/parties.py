"""Parties a document names that the country list does not know.

A state shows itself by what it has: "Valdoria's foreign ministry", "the government of
Merenia", "Norland foreign ministry spokesman", "the Sardovian president" (a demonym whose
state the text names: "Sardovia"). Such names become rows like those of ``countries.tsv`` for
the extraction of that one document (``lexicon.document_parties``), so that speakers get their
country, quotes their target and exchanges their parties, also for states no list holds (the
fictional samples, small states, new ones). Pure: text in, rows out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from quotes.nlp.lexicon import CountryLexicon, inside_longer_name, word_list
from quotes.nlp.lexicon import countries as lexicon_countries

# What only a state (or a state-like party) has, after its name with 's ("Valdoria's foreign
# ministry"). Not "government", "president" or "army": people, companies, unions and colleges
# have those ("Putin's government", "Dartmouth's president").
_STATE_OWNS = (
    r"(?:foreign|defen[cs]e|interior|home|finance|trade|justice)\s+minist(?:er|ry)"
    r"|foreign\s+office|ministry\s+of\s+(?:foreign|defen[cs]e)\s+affairs|ministry\s+of\s+defen[cs]e"
    r"|president|prime\s+minister|ambassador|embassy|consulate|armed\s+forces|navy|air\s+force"
    r"|coast\s+guard|border\s+(?:guards?|police)|parliament|head\s+of\s+state"
    r"|state\s+(?:media|television|news\s+agency)"
)
# What a state has, after its demonym ("the Sardovian president"): broader, because the
# demonym's state must be named in the text too.
_STATE_THINGS = (
    _STATE_OWNS + r"|government|capital|cabinet|envoy|army|military|officials"
    r"|authorities|troops|forces|soldiers|diplomats?|spokes(?:man|woman|person)"
)
_NAME = r"[A-Z][a-z]{2,}(?:-[A-Z][a-z]{2,})?"
# "Valdoria's foreign ministry", "Norland's new ambassador"
_POSSESSIVE = re.compile(
    rf"\b(?P<name>{_NAME})['’]s\s+(?i:new\s+|former\s+|acting\s+|own\s+|top\s+|deputy\s+)?"
    rf"(?i:{_STATE_OWNS})\b"
)
# "Norland foreign ministry spokesman": the name used as a modifier, only before the
# ministries ("the Castro government", "the Putin government" name people).
_MODIFIER = re.compile(
    r"\b(?P<name>" + _NAME + r")\s+(?:[Ff]oreign|[Dd]efen[cs]e|[Ii]nterior)\s+[Mm]inist(?:er|ry)\b"
)
# "the government of Merenia" (not "the president of Rock the Vote": organisations have
# presidents; not "of United Airlines": the name ends there)
_OF = re.compile(
    r"\b(?i:government|prime\s+minister|foreign\s+minister|ambassador|embassy"
    r"|parliament|armed\s+forces|navy)\s+of\s+(?P<name>" + _NAME + r")\b(?!\s+[A-Z])"
)
# "accusations by Norland", "claims from Valdoria": a party that charges (a person too, whom the
# person checks rule out)
_CHARGED_BY = re.compile(
    r"\b(?i:accusations?|claims?|charges?|allegations?)\s+(?:by|from)\s+(?P<name>"
    + _NAME
    + r")\b(?!\s+[A-Z])(?!['’]s)"
)
# "the Sardovian president", "Tarvian officials": a demonym before what a state has.
_DEMONYM = re.compile(
    r"\b(?P<demonym>[A-Z][a-z]{2,}(?:ian|an|ese|ish|i))\s+(?i:" + _STATE_THINGS + r")\b"
)
# Capitalised words that open phrases like the ones above without naming a state.
_NOT_PARTIES = word_list("not_parties")
# A title right before a name makes it a person's: "President Vey", "Mr. Haber".
_TITLES = (
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|President|Prime\s+Minister|Minister|Secretary|Senator"
    r"|Chancellor|King|Queen|Prince|General|Ambassador|Spokesman|Spokeswoman|Spokesperson)"
)


@dataclass(frozen=True, slots=True)
class Party:
    """A state the document names: its name and the words that point to it."""

    name: str
    demonyms: tuple[str, ...] = ()

    def row(self) -> list[str]:
        """The party as a row of ``countries.tsv`` (the first demonym makes roles)."""
        aliases = [self.name]
        for i, word in enumerate(self.demonyms):
            aliases.append(f"@{word}" if i == 0 else word)
        return [self.name, "|".join(aliases)]


def discover(text: str, known: CountryLexicon, persons: Iterable[str] = ()) -> list[Party]:
    """The states ``text`` names that ``known`` does not, with the demonyms it uses for them.

    ``persons`` are words the parser tagged as part of a person's name: "Vladimir Putin's
    envoy" names no state called Putin.
    """
    person_words = {word.casefold() for word in persons}
    names = _state_names(text)
    found: dict[str, set[str]] = {}
    for name in names:
        if _is_party(name, text, known, person_words):
            found.setdefault(name, set())
    for match in _DEMONYM.finditer(text):
        demonym = match.group("demonym")
        if _known(demonym, known):
            continue
        if inside_longer_name(text, match.start()):
            continue  # "North Korean": part of a longer name
        state = _state_of(demonym, text, found, known, person_words)
        if state is not None:
            found.setdefault(state, set()).add(demonym)
    for name in list(found):  # "the Tarvian government" named "Tarvian"; Tarvia is the state
        state = next((stem for stem in _stems(name) if stem in found), None)
        if state is not None:
            del found[name]
            found[state].add(name)
    return [Party(name, tuple(sorted(found[name]))) for name in sorted(found)]


def rows(parties: Iterable[Party]) -> list[list[str]]:
    """``countries.tsv`` rows for ``lexicon.document_parties``."""
    return [party.row() for party in parties]


def _state_names(text: str) -> list[str]:
    """Names in the state-showing phrases, in order of first appearance."""
    names: dict[str, None] = {}
    hits: list[tuple[int, str]] = []
    for pattern in (_POSSESSIVE, _MODIFIER, _OF, _CHARGED_BY):
        for match in pattern.finditer(text):
            group = next(key for key, value in match.groupdict().items() if value)
            if inside_longer_name(text, match.start(group)):
                continue  # "South Korea's": the name is "South Korea", known or not
            hits.append((match.start(), match.group(group)))
    for _, name in sorted(hits):
        names.setdefault(name, None)
    return list(names)


def _is_party(name: str, text: str, known: CountryLexicon, persons: set[str]) -> bool:
    """Whether ``name`` from a state-showing phrase is a state the lexicon lacks: not a common
    capitalised word, not known already, not a person (tagged so, or after a title or a first
    name somewhere in the text)."""
    if _known(name, known) or name.casefold() in persons:
        return False
    return not _looks_like_person(name, text)


def _known(word: str, known: CountryLexicon) -> bool:
    """A word the lexicon knows, or the end of a name it knows ("Korea" of "the Republic of
    Korea", "Korean" of "North Korean"), or a capitalised common word."""
    if word in known.by_alias or word.casefold() in _NOT_PARTIES:
        return True
    return any(alias.endswith(f" {word}") for alias in known.by_alias)


def _looks_like_person(name: str, text: str) -> bool:
    """A title before it ("President Vey"), or right before it a capitalised word that is no
    common word, no direction ("North") and not in a title-case headline ("Karl Haber"): a
    person's surname, not a state."""
    title = re.compile(rf"\b{_TITLES}\.?\s+{re.escape(name)}\b")
    if title.search(text):
        return True
    first_name = re.compile(rf"\b([A-Z][a-z]+)\s+{re.escape(name)}\b")
    for match in first_name.finditer(text):
        before = match.group(1)
        if before.casefold() in _NOT_PARTIES or before in _DIRECTIONS:
            continue
        if _title_case_line(text, match.start()):
            continue
        return True
    return False


def _title_case_line(text: str, offset: int) -> bool:
    """Whether the line holding ``offset`` is a headline: most of its words capitalised."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    words = re.findall(r"[A-Za-z][\w'’-]*", text[start : end if end >= 0 else len(text)])
    capitalised = sum(word[0].isupper() for word in words)
    return len(words) >= 3 and capitalised >= 0.6 * len(words)


_DIRECTIONS = frozenset(
    [
        "North",
        "South",
        "East",
        "West",
        "Northern",
        "Southern",
        "Eastern",
        "Western",
        "Central",
        "Upper",
        "Lower",
        "New",
        "Greater",
    ]
)


def _state_of(
    demonym: str, text: str, found: dict[str, set[str]], known: CountryLexicon, persons: set[str]
) -> str | None:
    """The state a demonym points to: a state found already, or one the text names, whose
    name the demonym is made from ("Sardovian" -> "Sardovia", "Selvaran" -> "Selvara",
    "Kaldorese" -> "Kaldora")."""
    stems = _stems(demonym)
    for stem in stems:
        if stem in found:
            return stem
    for stem in stems:
        if _known(stem, known):
            continue
        named = re.search(rf"\b{re.escape(stem)}\b", text) is not None
        if named and stem.casefold() not in persons and not _looks_like_person(stem, text):
            return stem
    return None


def _stems(demonym: str) -> list[str]:
    """Names a demonym may be made from, most likely first."""
    out: list[str] = []
    if demonym.endswith("ian") or demonym.endswith("an"):
        out.append(demonym[:-1])  # Valdorian -> Valdoria, Selvaran -> Selvara
        out.append(demonym[:-2])  # Norlandan? -> Norland; Kelmaran -> Kelmar
        out.append(demonym[:-3])  # Esterian -> Ester (rare)
    if demonym.endswith("ese") or demonym.endswith("ish"):
        base = demonym[:-3]
        out.extend([base + "a", base + "ia", base, base + "e"])
    if demonym.endswith("i"):
        out.extend([demonym[:-1], demonym[:-1] + "a"])
    return [stem for stem in dict.fromkeys(out) if len(stem) >= 3]


# "DRAVOGRAD, SARDOVIA —", "BEIJING (Reuters) -": the place a story is filed from, opening it.
_DATELINE = re.compile(
    r"\A\s*(?P<place>[A-Z][A-Z .'’-]{2,}?(?:,\s*[A-Z][A-Za-z .'’-]+?)?)\s*(?:\([^)\n]*\)\s*)?[–—-]"
)
# A role that, given without a country, is an office of the state the story is filed from:
# "Foreign Minister Petra Valcu" in a story from Kaldora is Kaldora's foreign minister.
_HOME_OFFICE = re.compile(
    r"\b(?:president|prime minister|(?:deputy |vice )?(?:foreign|defen[cs]e|interior)"
    r" minister|(?:foreign|defen[cs]e|interior) ministry|government spokes(?:man|woman|person))\b",
    re.IGNORECASE,
)


def home_party(text: str, outlet: str | None = None) -> str | None:
    """The state a story is filed from, as its dateline names it (the capital or the state:
    "DRAVOGRAD, SARDOVIA —" -> Sardovia, "BEIJING —" -> China), else as its outlet does (the
    "Valdorian Press Agency" reports from Valdoria, "The White House" from the United States),
    if the country lexicon in use knows it."""
    countries = lexicon_countries()
    match = _DATELINE.match(text)
    if match is not None:
        place = " ".join(word.capitalize() for word in match.group("place").split())
        found = countries.find(place)
        if found:
            return found[-1][2]
    if not outlet:
        return None
    found = countries.find(outlet)
    if found:
        return found[0][2]
    for word in re.findall(r"[A-Z][a-z]{3,}", outlet):
        for stem in _stems(word):
            if stem in countries.by_alias:
                return countries.by_alias[stem]
    return None


def home_office(role: str | None) -> bool:
    """Whether ``role`` is a state office that names no state of its own ("Foreign Minister",
    "Foreign Ministry spokeswoman"; not "U.S. President", not "Esteria's foreign minister")."""
    if not role or not _HOME_OFFICE.search(role):
        return False
    return not lexicon_countries().find(role) and "'s " not in role and "’s " not in role
