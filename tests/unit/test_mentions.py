"""Speaker mentions split into name, role and country (``describe``) on hand-made tokens."""

from __future__ import annotations

from quotes.nlp.mentions import describe
from quotes.nlp.parse import Token
from tests.unit.conllu import rows


def tokens(*spec: str) -> tuple[list[Token], str]:
    """``"word/UPOS/NER"`` items (UPOS and NER optional) joined by spaces into a text."""
    out: list[Token] = []
    offset = 0
    for i, item in enumerate(spec, start=1):
        word, upos, ner = ([*item.split("/"), "", ""])[:3]
        out.append(Token(i, word, offset, offset + len(word), upos=upos, ner=ner or "O"))
        offset += len(word) + 1
    return out, " ".join(t.text for t in out)


def test_a_country_name_is_a_place_even_when_tagged_as_an_adjective() -> None:
    mention = describe(*tokens("the/DET", "United/ADJ", "States/PROPN"))
    assert mention.kind == "place" and mention.country == "United States"


def test_a_possessor_is_not_the_speaker() -> None:
    mention = describe(
        *tokens(
            "Three/NUM",
            "people/NOUN",
            "within/ADP",
            "Mubarak/PROPN/S-PER",
            "'s/PART",
            "administration/NOUN",
        )
    )
    assert mention.name is None and mention.kind == "nominal"


def test_a_ministry_of_affairs_is_an_institution_not_a_person_named_affairs() -> None:
    mention = describe(
        *tokens("Azerbaijani/ADJ", "Ministry/PROPN", "of/ADP", "Foreign/PROPN", "Affairs/PROPN")
    )
    assert mention.name is None
    assert mention.speaker_kind == "institution"
    assert mention.country == "Azerbaijan"


def test_a_title_with_of_before_a_name_is_the_role() -> None:
    mention = describe(*tokens("Secretary", "of", "State", "Marco", "Rubio"))
    assert (mention.name, mention.role, mention.speaker_kind) == (
        "Marco Rubio",
        "Secretary of State",
        "person",
    )


def test_a_place_after_a_preposition_is_not_the_speakers_name() -> None:
    mention = describe(*tokens("Militant/ADJ", "groups/NOUN", "from/ADP", "Somalia/PROPN/S-LOC"))
    assert mention.kind == "nominal" and mention.name is None
    assert mention.country == "Somalia"


def test_a_time_after_the_name_is_not_part_of_it() -> None:
    mention = describe(*tokens("Valdoria/PROPN", "on/ADP", "Thursday/PROPN"))
    assert mention.name == "Valdoria"


def test_a_day_alone_is_a_time_not_a_speaker() -> None:
    assert describe(*tokens("Wednesday/PROPN")).kind == "time"


def test_the_role_is_the_title_right_before_the_name() -> None:
    efforts = describe(*tokens("the", "efforts", "of", "President", "Donald", "J.", "Trump"))
    assert (efforts.name, efforts.role) == ("Donald J. Trump", "President")
    annan = describe(*tokens("former", "UN", "chief", "Kofi", "Annan"))
    assert (annan.name, annan.role) == ("Kofi Annan", "former UN chief")
    envoy = describe(*tokens("Norland's", "envoy", "to", "the", "UN", "Ilse", "Marken"))
    assert envoy.role == "Norland's envoy to the UN"


def test_a_hyphenated_title_ends_the_name() -> None:
    mention = describe(
        *tokens(
            "United/ADJ", "Nations/PROPN", "Secretary-General/PROPN", "Ban/PROPN", "Ki-moon/PROPN"
        )
    )
    assert (mention.name, mention.role) == ("Ban Ki-moon", "United Nations Secretary-General")
    assert mention.speaker_kind == "person"


def test_a_persons_remarks_are_the_persons() -> None:
    mention = describe(
        *tokens("Asha-Rose/PROPN/B-PER", "Migiro/PROPN/E-PER", "'s/PART", "remarks/NOUN")
    )
    assert mention.name == "Asha-Rose Migiro"


def test_a_name_keeps_the_whole_title_before_it_whichever_word_heads_it() -> None:
    """ "top Chinese foreign policy official Wang Yi": the title gives the country, from the
    name's first word or from its flat second word alike."""
    from quotes.nlp.mentions import noun_phrase
    from quotes.nlp.parse import from_conllu

    conllu = rows(
        "1 with with ADP _ _ 6 case _ _",
        "2 top top ADJ _ _ 6 amod _ _",
        "3 Chinese Chinese ADJ _ _ 6 amod _ _",
        "4 foreign foreign ADJ _ _ 6 amod _ _",
        "5 policy policy NOUN _ _ 0 root _ _",
        "6 official official ADJ _ _ 7 amod _ _",
        "7 Wang Wang PROPN _ _ 5 appos _ NER=B-PER",
        "8 Yi Yi PROPN _ _ 7 flat _ NER=E-PER",
    )
    text = "with top Chinese foreign policy official Wang Yi"
    sent = from_conllu(conllu, text).sentences[0]
    for head in (sent.tok(7), sent.tok(8)):
        mention = describe(noun_phrase(sent, head), text)
        assert (mention.name, mention.country) == ("Wang Yi", "China")


def test_a_day_that_begins_a_name_stays_in_it() -> None:
    """ "Reports yesterday" loses its day; "The Sunday Telegraph" keeps it."""
    assert describe(*tokens("The/DET", "Sunday/PROPN", "Telegraph/PROPN")).name == (
        "Sunday Telegraph"
    )
    assert describe(*tokens("Reports/NOUN", "yesterday/NOUN")).role == "Reports"


def test_a_name_the_ner_tagged_in_part_keeps_its_particles() -> None:
    """NER on "Leyen" alone: the name starts at "Ursula"; on "Ursula" alone, it ends at "Leyen"."""
    for first, last in (("O", "S-PER"), ("S-PER", "O")):
        words = ("President/PROPN", f"Ursula/PROPN/{first}", "von/PROPN", "der/PROPN")
        mention = describe(*tokens(*words, f"Leyen/PROPN/{last}"))
        assert (mention.name, mention.role) == ("Ursula von der Leyen", "President")


def test_a_possessor_with_a_title_does_not_make_the_thing_a_person() -> None:
    mention = describe(
        *tokens(
            "President/PROPN",
            "Trump/PROPN/S-PER",
            "’s/PART",
            "comprehensive/ADJ",
            "framework/NOUN",
        )
    )
    assert mention.head_noun == "framework" and mention.speaker_kind == "unknown"


def test_a_role_word_used_as_an_adjective_is_not_the_head() -> None:
    mention = describe(*tokens("official/ADJ", "Israeli/ADJ", "statistics/NOUN"))
    assert mention.head_noun == "statistics" and mention.speaker_kind == "unknown"


def test_where_a_speaker_is_does_not_give_their_country() -> None:
    mention = describe(
        *tokens("Lewis/PROPN/S-PER", "in/ADP", "Damascus/PROPN/S-LOC", ",/PUNCT", "Syria/PROPN")
    )
    assert mention.name == "Lewis" and mention.country is None


def test_where_a_group_comes_from_gives_its_country() -> None:
    mention = describe(*tokens("Militant/ADJ", "groups/NOUN", "from/ADP", "Somalia/PROPN/S-LOC"))
    assert mention.country == "Somalia"


def test_an_organisation_named_after_a_description_of_it_is_the_name() -> None:
    # "quoting North Korea's main news agency Korean Central News Agency (KCNA)" named the whole
    # phrase, which the diplo scorer refuses for KCNA (diplo-dev)
    mention = describe(
        *tokens(
            "North/PROPN/B-LOC",
            "Korea/PROPN/E-LOC",
            "'s/PART",
            "main/ADJ",
            "news/NOUN",
            "agency/NOUN",
            "Korean/ADJ/B-ORG",
            "Central/ADJ/I-ORG",
            "News/PROPN/I-ORG",
            "Agency/PROPN/E-ORG",
        )
    )
    assert mention.name == "Korean Central News Agency"
    assert mention.role == "North Korea 's main news agency"


def test_an_organisation_named_at_the_start_keeps_its_whole_name() -> None:
    mention = describe(*tokens("the/DET", "Palestinian/ADJ/B-ORG", "Authority/PROPN/E-ORG"))
    assert mention.name == "Palestinian Authority"


def test_a_home_town_and_state_after_of_is_not_the_name() -> None:
    # PolNeAR train: '"This is fantastic!" beamed Donald Hartley of Madison, Alabama' named
    # "Alabama": the words after the comma were read as the trailing name.
    mention = describe(
        *tokens("Donald/PROPN", "Hartley/PROPN", "of/ADP", "Madison/PROPN", ",", "Alabama/PROPN")
    )
    assert mention.name == "Donald Hartley"


def test_an_untagged_name_before_of_and_an_organisation_is_the_name() -> None:
    # The surface rules (no tagger) named "Ruth Alden of the Harrow Institute" as a whole: a
    # role with no name. Issue 12, kind 1: the person speaks, the institute is the role.
    mention = describe(*tokens("Ruth", "Alden", "of", "the", "Harrow", "Institute"))
    assert mention.name == "Ruth Alden" and mention.role == "Harrow Institute"
    assert mention.speaker_kind == "person"


def test_an_untagged_organisation_with_of_keeps_its_whole_name() -> None:
    mention = describe(*tokens("the", "Ministry", "of", "Foreign", "Affairs"))
    assert mention.name != "Ministry"
    mention = describe(*tokens("the", "United", "States", "of", "America"))
    assert mention.name != "United States"


def test_a_name_after_the_dateline_is_the_speaker_and_the_dateline_alone_is_not() -> None:
    # corpus/2031-03-05: the parser made "MIRAVA – Valdoria on Thursday" one subject; the
    # whole phrase was taken for a dateline and both quotes of the lead were lost
    mention = describe(*tokens("MIRAVA/PROPN", "–/PUNCT", "Valdoria/PROPN", "on/ADP", "Thursday"))
    assert mention.kind != "dateline" and mention.name == "Valdoria"
    assert describe(*tokens("MIRAVA/PROPN", "–/PUNCT")).kind == "dateline"
    assert describe(*tokens("MIRAVA/PROPN")).kind != "dateline"  # no dash after it: a name


def test_a_time_before_a_comma_opens_the_sentence_not_the_speakers_phrase() -> None:
    # 2023-02-10 briefing: "Tomorrow, the President and the First Lady will welcome governors"
    # stored a speaker named "Tomorrow" with the role "President"
    for day in ("Tomorrow", "Today", "Wednesday"):
        mention = describe(*tokens(f"{day}/NOUN", ",/PUNCT", "the/DET", "President/PROPN"))
        assert mention.text == "the President" and mention.role == "President", day
    assert describe(*tokens("Tomorrow/NOUN")).kind == "time"
