"""Document-level speaker resolution: names, pronouns and nominals to one entity each.

A light, rule-based coreference for speakers: a surname or given name matches the entity
introduced with the full name; "the chancellor" matches the entity whose role holds that noun;
"he"/"she" go to the most recent person (speakers first); a country or capital speaking
("Washington claims") is that country's government.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quotes.nlp import lexicon, parties
from quotes.nlp.mentions import Mention
from quotes.nlp.names import PARTICLE_NAME
from quotes.nlp.types import ExtractedSpeaker


@dataclass(slots=True)
class Entity:
    name: str
    kind: str
    named: bool
    roles: list[str] = field(default_factory=list)
    country: str | None = None
    last_seen: int = 0  # character offset of the latest mention
    last_spoke: int = -1
    pronoun: str | None = None  # "he" or "she", once a pronoun has referred to this person
    quoted_only: bool = False  # named only inside quotes so far: no antecedent for a pronoun

    def to_speaker(self, mention: Mention | None) -> ExtractedSpeaker:
        from quotes.nlp.types import Span

        return ExtractedSpeaker(
            name=self.name,
            role=self.roles[0] if self.roles else None,
            affiliation=self.country,
            kind=self.kind if self.kind in ("person", "institution") else "unknown",  # type: ignore[arg-type]
            named=self.named,
            mention=Span(mention.start, mention.end, mention.text) if mention else None,
        )


def _tokens(name: str) -> list[str]:
    """A name's words that identify it: capitalised ones and particle names ("al-Sisi")."""
    return [w for w in name.replace(".", " ").split() if w[:1].isupper() or PARTICLE_NAME.match(w)]


@dataclass(slots=True)
class EntityRegistry:
    entities: list[Entity] = field(default_factory=list)

    def observe(self, mention: Mention, *, quoted: bool = False) -> Entity | None:
        """Register a named or institutional mention seen in the text (not a pronoun).

        A mention inside a quote (``quoted``) is someone the speaker talks about: it makes a
        new entity, but neither it nor an earlier one becomes the latest-seen person that a
        "he" after the quote would refer to.
        """
        if mention.kind == "pronoun":
            return None
        if not quoted:
            return self.resolve(mention, speaking=False)
        entity = self.find(mention)
        if entity is None:
            entity = self._create(mention)
            if entity is not None:
                entity.quoted_only = True
                entity.last_seen = mention.start
                _learn_pronoun(entity, _gender(mention))
        return entity

    def resolve(self, mention: Mention, *, speaking: bool = True) -> Entity | None:
        entity = self.find(mention)
        if entity is None:
            entity = self._create(mention)
        if entity is None:
            return None
        entity.quoted_only = False
        self._enrich(entity, mention)
        _learn_pronoun(
            entity, mention.text.lower() if mention.kind == "pronoun" else _gender(mention)
        )
        entity.last_seen = mention.start
        if speaking:
            entity.last_spoke = mention.start
        return entity

    def find(self, mention: Mention) -> Entity | None:
        before = [e for e in self.entities if e.last_seen <= mention.start]
        if mention.kind == "pronoun":
            want = mention.speaker_kind
            said = mention.text.lower()
            pool = [
                e
                for e in before
                if (want == "any" or e.kind == want or (e.kind == "unknown" and e.named))
                and not (said in _GENDERED and e.pronoun not in (None, said))
                and not e.quoted_only
            ]
            speakers = [e for e in pool if e.last_spoke >= 0]
            pick = max(speakers or pool, key=lambda e: max(e.last_spoke, e.last_seen), default=None)
            return pick
        if mention.kind == "name" and mention.name:
            words = _tokens(mention.name)
            named = [
                (ent, _tokens(ent.name))
                for ent in sorted(self.entities, key=lambda e: -e.last_seen)
                if ent.named
            ]
            matches = [
                ent
                for ent, ent_words in named
                if ent.name == mention.name
                or (words and set(words) <= set(ent_words) and _compatible(words, ent_words))
            ]
            if not matches:
                # "Nicolas Sarkozy" after a headline's bare "Sarkozy": the same person, whose
                # name grows (``_enrich``)
                return next(
                    (
                        ent
                        for ent, ent_words in named
                        if len(ent_words) == 1 and set(ent_words) <= set(words)
                    ),
                    None,
                )
            exact = [e for e in matches if e.name == mention.name]
            if exact or len(matches) == 1:
                return (exact or matches)[0]
            # "Marsh" when Lena Marsh has been speaking and Tomas Marsh was only mentioned
            spoke = [e for e in matches if e.last_spoke >= 0]
            return max(spoke, key=lambda e: e.last_spoke) if spoke else matches[0]
        if mention.kind == "place" and mention.country:
            for ent in self.entities:
                if ent.name == lexicon.countries().government(mention.country):
                    return ent
            return None
        if mention.kind == "nominal" and mention.role:
            key = _institution_key(mention.role)
            for ent in sorted(before, key=lambda e: -e.last_seen):
                if not ent.named and key and _institution_key(ent.name) == key:
                    if mention.country and ent.country and mention.country != ent.country:
                        continue
                    return ent
        if mention.kind == "nominal" and mention.head_noun:
            noun = mention.head_noun
            owner = _possessor(mention.role)
            for ent in sorted(before, key=lambda e: -e.last_seen):
                owners = {_possessor(r) for r in ent.roles} - {None}
                if owner and owners and owner not in owners:
                    continue  # "Esteria's foreign minister" is not "Ostrovia's" minister
                text = " ".join([ent.name, *ent.roles]).lower()
                abbreviated = _ABBREVIATED.get(noun, ())
                if noun in text or any(title in text.split() for title in abbreviated):
                    if mention.country and mention.country != ent.country:
                        # "the Iranian president" is Iran's president, not a later president
                        # of another or of no known country
                        continue
                    return ent
        return None

    def named_entity(self, name: str) -> Entity | None:
        """The named entity a speaker's name stands for (its fullest name may have grown)."""
        words = _tokens(name)
        for ent in self.entities:
            if ent.named and (ent.name == name or (words and set(words) <= set(_tokens(ent.name)))):
                return ent
        return None

    def named_holder(self, speaker: ExtractedSpeaker) -> Entity | None:
        """The one named person holding an unnamed person speaker's role ("the president" ->
        the article's only president), or None when none or several do."""
        if speaker.kind != "person" or not speaker.role:
            return None
        key = _role_words(speaker.role)
        if not key or lexicon.role_nouns().get(key[-1]) != "person" or key[-1] in _SPOKESPEOPLE:
            return None
        holders = [e for e in self.entities if e.named and e.kind == "person"]
        for matched in (  # the whole role ("vice president") before its head noun alone
            [e for e in holders if any(set(key) <= set(_role_words(r)) for r in e.roles)],
            [e for e in holders if any(key[-1] in _role_words(r) for r in e.roles)],
        ):
            found = [
                e
                for e in matched
                if not speaker.affiliation
                or speaker.affiliation == e.country
                or (e.country is None and len(key) >= 2)
            ]
            if found:
                return found[0] if len(found) == 1 else None
        return None

    def _create(self, mention: Mention) -> Entity | None:
        if mention.kind in ("pronoun", "time", "dateline"):
            return None
        if mention.kind == "place" and mention.country:
            ent = Entity(
                lexicon.countries().government(mention.country),
                "institution",
                False,
                country=mention.country,
            )
        elif mention.kind == "name" and mention.name:
            ent = Entity(mention.name, mention.speaker_kind, True, country=mention.country)
        else:
            role = mention.role or mention.text
            name = role
            if mention.country and not lexicon.countries().first(role):
                name = f"{_demonym(mention.country)} {role}"
            ent = Entity(name, mention.speaker_kind, False, country=mention.country)
        self.entities.append(ent)
        return ent

    def _enrich(self, entity: Entity, mention: Mention) -> None:
        if mention.role and mention.role not in entity.roles and mention.kind == "name":
            entity.roles.insert(0, mention.role)
        if mention.kind == "nominal" and mention.role and not entity.roles:
            entity.roles.append(mention.role)
        if mention.country and not entity.country:
            entity.country = mention.country
        if entity.kind == "unknown" and mention.kind == "name":
            entity.kind = mention.speaker_kind  # a later "Name, Columnist" says what they are
        if mention.kind == "nominal" and not entity.named and mention.role:
            spoken = mention.role.split()[-1].lower() in _SPOKESPEOPLE
            if spoken and not entity.name.lower().endswith(mention.role.split()[-1].lower()):
                entity.name = f"{entity.name} {mention.role.split()[-1]}"
                entity.kind = "person"
                entity.roles.insert(0, mention.role)
        longer = mention.kind == "name" and mention.name and len(mention.name) > len(entity.name)
        if longer and mention.name and set(_tokens(entity.name)) <= set(_tokens(mention.name)):
            entity.name = mention.name


def richest_role(roles: list[str]) -> str | None:
    """The fullest role an article gives a speaker: the one with most words, the earliest on a
    tie ("Esteria's foreign minister" over "Foreign Minister")."""
    return max(roles, key=lambda r: len(r.split()), default=None)


def assign_figures(registry: EntityRegistry) -> None:
    """Named people the article gives no country ("Putin said", "Erdoğan told reporters") speak
    for the side ``lexicons/figures.tsv`` knows them by; a country the article gives wins."""
    for entity in registry.entities:
        if entity.named and entity.kind != "institution" and entity.country is None:
            entity.country = lexicon.figure_country(entity.name)


def assign_home(registry: EntityRegistry, home: str | None) -> None:
    """Named people whose only offices name no state ("Foreign Minister Petra Valcu",
    "President Ilya Voss") hold them in the state the story is filed from (``home``, from the
    dateline), when the article gives them no country of their own."""
    if home is None:
        return
    for entity in registry.entities:
        stateless = entity.named and entity.kind == "person" and entity.country is None
        if stateless and entity.roles and all(parties.home_office(r) for r in entity.roles):
            entity.country = home


def settle(registry: EntityRegistry, speakers: list[ExtractedSpeaker]) -> None:
    """Make every speaker of one article agree with what the whole article says about them.

    A named speaker gets the richest role the article gives that person, wherever it is given
    (a later "Esteria's foreign minister, Karl Haber" enriches an earlier "Haber said"). An
    unnamed person speaker ("the Sardovian president") becomes the one named person whose role
    has that head noun and whose country does not conflict; with two candidates it stays as is.
    The local mention of each speaker is kept.
    """
    entities = [
        registry.named_entity(s.name) if s.named else registry.named_holder(s) for s in speakers
    ]
    for speaker, entity in zip(speakers, entities, strict=True):
        if entity is not None and not speaker.named and entity.country is None:
            entity.country = speaker.affiliation  # "Kaldora's foreign minister": Kaldora's
    for speaker, entity in zip(speakers, entities, strict=True):
        if entity is None:
            continue
        speaker.name = entity.name
        speaker.named = True
        speaker.role = richest_role(entity.roles) or speaker.role
        speaker.affiliation = speaker.affiliation or entity.country
        if entity.kind in ("person", "institution"):
            speaker.kind = entity.kind  # type: ignore[assignment]


# Pronouns that say a person's gender: once "he" has referred to someone, "she" does not.
_GENDERED = frozenset({"he", "she"})

# Titles and role words that say whether a person is a man or a woman.
_GENDER_WORDS = {
    **dict.fromkeys(("mrs", "ms", "miss", "madam", "madame", "mme", "lady"), "she"),
    **dict.fromkeys(("spokeswoman", "congresswoman", "chairwoman", "businesswoman"), "she"),
    **dict.fromkeys(("mr", "sir", "monsieur", "spokesman", "congressman", "businessman"), "he"),
}


def _learn_pronoun(entity: Entity, gendered: str) -> None:
    """Remember "he" or "she" for a person (or a named entity of unknown kind) the first time a
    pronoun, title, role word or first name says which."""
    person = entity.kind == "person" or (entity.kind == "unknown" and entity.named)
    if gendered in _GENDERED and person and entity.pronoun is None:
        entity.pronoun = gendered


def _gender(mention: Mention) -> str:
    """ "he" or "she" when a mention's title, role word or first name says which, else ""."""
    words = [w.strip(".,").lower() for w in mention.text.split()]
    for word in words:
        if word in _GENDER_WORDS:
            return _GENDER_WORDS[word]
    if mention.kind == "name" and mention.name:
        first = mention.name.split()[0].lower()
        return lexicon.first_name_pronouns().get(first, "")
    return ""


# A role noun and the abbreviated titles it can refer back to ("Rep. Schiff" ... "the congressman").
_ABBREVIATED: dict[str, tuple[str, ...]] = {
    "congressman": ("rep.", "representative"),
    "congresswoman": ("rep.", "representative"),
    "representative": ("rep.",),
    "senator": ("sen.",),
    "lawmaker": ("rep.", "sen.", "senator", "representative", "congressman", "congresswoman"),
    "governor": ("gov.",),
    "general": ("gen.",),
    "president": ("pres.",),
}

_SPOKESPEOPLE = {"spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokesmen"}


def _role_words(role: str) -> list[str]:
    """A role's words without countries, demonyms and articles: "the U.S. Vice President" ->
    ["vice", "president"]."""
    countries = lexicon.countries()
    demonyms = {d.lower() for d in countries.demonyms.values()}
    return [
        w.lower()
        for w in role.replace("'s", "").replace("’s", "").split()
        if w.lower() not in ("the", "a", "an")
        and w.lower() not in demonyms
        and not countries.pattern.fullmatch(w)
    ]


def _institution_key(text: str) -> str:
    """ "Chinese Foreign Ministry spokesperson" and "the Foreign Ministry" -> "foreign ministry"."""
    countries = lexicon.countries()
    words = [
        w.lower()
        for w in text.split()
        if w.lower() not in _SPOKESPEOPLE
        and w.lower() not in ("the", "a", "an")
        and not countries.pattern.fullmatch(w)
    ]
    if not any(lexicon.role_nouns().get(w) == "institution" for w in words):
        return ""
    return " ".join(words)


def _possessor(role: str | None) -> str | None:
    """The capitalised owner of a role: "Esteria" from "Esteria's foreign minister"."""
    if not role:
        return None
    first = role.split()[0]
    for mark in ("'s", "’s"):
        if first.endswith(mark) and first[:1].isupper():
            return first[: -len(mark)]
    return None


def _compatible(words: list[str], ent_words: list[str]) -> bool:
    """ "Wang" matches "Wang Yi"; "George Bush" does not match "Laura Bush"."""
    if len(words) == 1:
        return True
    return words[0] == ent_words[0] or (words[-1] == ent_words[-1] and words[0] in ent_words)


def _demonym(country: str) -> str:
    return lexicon.countries().demonym(country)
