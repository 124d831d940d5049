"""Attribution rules on short, real-looking texts, with the no-model surface parse.

The surface parse has tokens and sentences but no tags: every rule here must work from the
words alone (the parsed path is tested in ``test_rules_parsed.py``).
"""

from __future__ import annotations

import pytest

from quotes.nlp.parse import surface_parse
from quotes.nlp.pipeline import deep_selector, extract_parsed
from quotes.nlp.selection import DeepBudget
from quotes.nlp.types import Document, ExtractedQuote


def run(text: str) -> list[ExtractedQuote]:
    return [
        q for q in extract_parsed(Document(text), surface_parse(text)).quotes if q.form == "direct"
    ]


def speakers(text: str) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in run(text)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We will not accept this," Foreign Minister Anna Berg said.', "Anna Berg"),
        ('"We will not accept this," said Foreign Minister Anna Berg.', "Anna Berg"),
        ('Foreign Minister Anna Berg said: "We will not accept this."', "Anna Berg"),
        ('Foreign Minister Anna Berg said, "We will not accept this."', "Anna Berg"),
        ('"We will not accept this." — Foreign Minister Anna Berg', "Anna Berg"),
        ('According to Anna Berg, "the talks have failed completely."', "Anna Berg"),
    ],
)
def test_cue_before_after_colon_dash(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_role_is_split_from_name() -> None:
    (quote,) = run('"This is unacceptable," U.S. Secretary of State Antony Blinken said.')
    assert quote.speaker is not None
    assert quote.speaker.name == "Antony Blinken"
    assert quote.speaker.role == "U.S. Secretary of State"
    assert quote.speaker.affiliation == "United States"


def test_interrupted_quote_has_one_speaker() -> None:
    text = 'Anna Berg met the press. "We are concerned," she said, "and we will respond."'
    quotes = run(text)
    assert [q.text for q in quotes] == ["We are concerned,", "and we will respond."]
    assert all(q.speaker and q.speaker.name == "Anna Berg" for q in quotes)


def test_pronoun_resolves_to_the_earlier_person() -> None:
    text = 'Prime Minister Olav Dahl arrived on Monday. "Nobody wants a war," he said.'
    (quote,) = run(text)
    assert quote.speaker is not None and quote.speaker.name == "Olav Dahl"
    assert quote.speaker.mention is not None and quote.speaker.mention.text == "he"


def test_nominal_speaker_resolves_by_role() -> None:
    text = (
        "German Chancellor Olaf Scholz spoke in Munich. "
        '"This cannot be accepted," the chancellor said.'
    )
    (quote,) = run(text)
    assert quote.speaker is not None and quote.speaker.name == "Olaf Scholz"
    assert quote.speaker.role == "German Chancellor"


def test_unnamed_institutional_speaker_keeps_its_country() -> None:
    text = (
        "The Valdorian Foreign Ministry rejected the claims. "
        '"These are smears," a Foreign Ministry spokesperson said.'
    )
    (quote,) = run(text)
    assert quote.speaker is not None
    assert quote.speaker.named is False
    assert "Foreign Ministry spokesperson" in quote.speaker.name


def test_multi_paragraph_quote_carries_the_speaker() -> None:
    text = (
        '"The first part of a long statement.\n\n'
        '"The second part of it," Anna Berg said.\n\n'
        "An unrelated paragraph follows here."
    )
    quotes = run(text)
    assert [q.speaker.name if q.speaker else None for q in quotes] == [None, "Anna Berg"] or all(
        q.speaker and q.speaker.name == "Anna Berg" for q in quotes
    )


def test_following_quote_in_paragraph_keeps_the_speaker() -> None:
    text = '"First sentence here," Anna Berg said. "Second sentence without a cue."'
    quotes = run(text)
    assert len(quotes) == 2
    assert quotes[1].speaker is not None and quotes[1].speaker.name == "Anna Berg"
    assert any("same speaker" in e for e in quotes[1].evidence)


def test_section_heading_names_the_speaker_of_its_quotes() -> None:
    """White House round-ups: a heading names the speaker, bullets give "On <topic>:" labels."""
    text = (
        "Officials were out on the morning shows with one message.\n\n"
        "#### Foreign Minister Ilse Marken on Morning Report\n\n"
        "- On the talks: “We are ready to talk at any time.” - On sanctions: “Sanctions "
        "will stay until the troops leave.”\n\n"
        "#### Prime Minister Olav Dahl on Evening News\n\n"
        "- On the border: “Nobody wants a war, but we will defend every village.”\n\n"
        "#### Secretary of State Anna Berg on Sunday Report\n\n"
        "- On the Kessel Valley: “The valley will stay open to the monitors.”"
    )
    assert speakers(text) == ["Ilse Marken", "Ilse Marken", "Olav Dahl", "Anna Berg"]
    first = run(text)[0]
    assert first.speaker is not None and first.speaker.role == "Foreign Minister"


def test_a_lead_in_on_a_day_is_not_a_topic_label() -> None:
    text = "On Monday Foreign Minister Anna Berg said: “We will not accept this at all.”"
    assert speakers(text) == ["Anna Berg"]


def test_a_heading_without_a_person_names_no_speaker() -> None:
    text = "#### Background on the talks\n\n- On the border: “Nobody wants a war at all.”"
    assert speakers(text) == [None]


def test_show_title_is_not_a_quote() -> None:
    text = '"This cannot be accepted," the chancellor said on the talk show "Maybrit Illner".'
    assert [q.text for q in run(text)] == ["This cannot be accepted,"]


@pytest.mark.parametrize(
    "text",
    [
        'On Tuesday\'s episode of "The Morning Show," the former secretary of state spoke.',
        'Sharpton took calls from listeners to his "Keepin\' It Real" radio program on Sunday.',
    ],
)
def test_a_title_with_its_title_noun_before_or_after_is_not_a_quote(text: str) -> None:
    assert run(text) == []


def test_named_programmes_in_a_list_are_not_quotes() -> None:
    text = (
        "The minister said: \u201cWe will act on this together.\u201d "
        "We welcome initiatives such as the "
        "\u201cYouth Leader Fund for a World without Nuclear Weapons\u201d by Japan and the "
        "\u201cYoung Professionals Network\u201d of the P5."
    )
    assert [q.text for q in run(text)] == ["We will act on this together."]


def test_a_nominal_with_a_country_prefers_the_person_of_that_country() -> None:
    text = (
        "Iranian president Mahmoud Ahmadinejad debated University president Lee Bollinger. "
        '"We do not have such people in our country," the Iranian president said.'
    )
    (quote,) = run(text)
    assert quote.speaker is not None and quote.speaker.name == "Mahmoud Ahmadinejad"


def test_a_description_after_a_dash_is_not_a_byline() -> None:
    text = (
        "In July, Gingrich dismissed Estonia as being in the \u201csuburbs of St. Petersburg\u201d "
        "\u2014 a metaphor for the party\u2019s abandonment of principle."
    )
    assert speakers(text) == ["Gingrich"]
    byline = "\u201cWe will not give in to pressure from anyone,\u201d \u2014 the foreign minister."
    assert speakers(byline) == ["foreign minister"]


def test_an_organisation_speaks_as_itself_not_as_a_government() -> None:
    text = '"This test is a clear violation of our resolutions," the United Nations said.'
    assert speakers(text) == ["United Nations"]


def test_a_nominal_with_a_country_is_not_a_person_of_no_known_country() -> None:
    text = (
        "President Hugo Chavez spoke at the assembly. "
        '"We will not be silenced by anyone," the Bolivian president said.'
    )
    assert speakers(text) == ["Bolivian president"]


def test_a_recommendation_is_a_reported_statement() -> None:
    text = 'Chavez recommended "this excellent book by an American linguist" to the assembly.'
    assert speakers(text) == ["Chavez"]


def test_country_capital_speaks_for_its_government() -> None:
    text = 'Washington claims the drones were used for "combat operations in Ukraine."'
    (quote,) = run(text)
    assert quote.speaker is not None and quote.speaker.name == "United States government"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('"These accusations are groundless smears," the spokesman said.', "deny"),
        ('"We urge them to stop at once," the minister said.', "demand"),
        ('"There will be serious consequences," the minister said.', "threaten"),
        ('"We strongly condemn this outrageous attack," the minister said.', "condemn"),
        ('"We welcome the agreement," the minister said.', "support"),
        ('"I have no comment," the minister said.', "decline_comment"),
        ('"We have reached an agreement on the ceasefire," the minister said.', "agree"),
        ('"We apologise for the mistake and will release the detainees," he said.', "concede"),
        ('"We congratulate the new government on its victory," the minister said.', "support"),
        ('"They turned down every offer we made," the minister said.', "reject"),
        ('"Otherwise we will strike their bases," the minister said.', "threaten"),
        ('"Moscow must pull its troops back to the old line," the minister said.', "demand"),
        ('"We are ready to host the next round of talks," the minister said.', "agree"),
        ('"We offered to mediate between the two sides," the minister said.', "agree"),
        ('"They declined to return the seized tanker," the minister said.', "reject"),
        ('"We will boycott the summit if they attend," the minister said.', "threaten"),
        ('"They blamed the navy for the sinking of the ferry," the minister said.', "accuse"),
    ],
)
def test_statement_types(text: str, kind: str) -> None:
    (quote,) = run(text)
    assert quote.type == kind


def test_denial_answers_the_accusation() -> None:
    text = (
        'Secretary of State John Hale of the U.S. spoke first. "China is supplying weapons to '
        'Russia," Hale said.\n\n'
        '"These are groundless smears by the U.S.," a Chinese Foreign Ministry spokesperson said.'
    )
    quotes = run(text)
    assert quotes[0].type == "accuse" and quotes[1].type == "deny"
    assert quotes[1].responds_to == 0


def test_rejection_answers_a_protest() -> None:
    """A protest draws answers too (and in the store it links as a charge: one definition)."""
    text = (
        'Chinese Foreign Ministry spokesperson Lin Wei said: "We lodged a strong protest over '
        'the detention of our citizens."\n\n'
        'Japan\'s chief cabinet secretary Ken Sato said: "We reject the protest from China."'
    )
    quotes = run(text)
    assert quotes[0].type == "protest" and quotes[1].type == "reject"
    assert quotes[1].responds_to == 0


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\x00\x01binary\x02", '" ' * 1000, "no quotes at all in this text."],
)
def test_bad_input_gives_a_result(text: str) -> None:
    extract_parsed(Document(text), surface_parse(text))


def test_five_megabyte_article() -> None:
    para = 'Officials met again. "We deny all of it," the spokesman said.\n\n'
    text = para * (5_000_000 // len(para))
    quotes = run(text)
    assert len(quotes) == text.count("We deny")


def test_target_skips_places_named_as_a_setting() -> None:
    """Regression: "... soon after the Ukraine crisis ... We urge NATO" targeted Ukraine."""
    text = (
        '"This is a trick used soon after the Ukraine crisis broke out. We urge NATO to quit '
        'groundless smears against China," a Chinese Foreign Ministry spokesperson said.'
    )
    (quote,) = run(text)
    assert quote.type == "deny"
    assert quote.target == "NATO"


def test_according_to_is_not_part_of_the_role() -> None:
    (quote,) = run('According to Ivan Petrov, "the new base threatens our security."')
    assert quote.speaker is not None and quote.speaker.name == "Ivan Petrov"
    assert quote.speaker.role is None


def test_a_weekday_is_not_a_speaker() -> None:
    text = 'Valdoria on Thursday denied the accusations, calling them "groundless".'
    (quote,) = run(text)
    assert quote.speaker is None or quote.speaker.name != "Thursday"


# Round-ups of reactions label each quote "Name, Title:"; the name is the speaker, not the last
# capitalised words of the title.
LABELS = [
    (
        "Natan Sachs, Director of the Brookings Institution Center for Middle East Policy: "
        "“Biden earned a lot of goodwill in the Israeli public.”",
        "Natan Sachs",
        "Director of the Brookings Institution Center for Middle East Policy",
    ),
    (
        "Jennifer Rubin, Washington Post Columnist: “A simply magnificent speech.”",
        "Jennifer Rubin",
        "Washington Post Columnist",
    ),
    (
        "Robert Satloff, Executive Director, Washington Institute: “A powerful speech.”",
        "Robert Satloff",
        "Executive Director, Washington Institute",
    ),
    (
        "European Commission President Ursula von der Leyen: “Welcome the commitment.”",
        "Ursula von der Leyen",
        "European Commission President",
    ),
    (
        '"Al-Qaeda right now is not very strong," Yemen Post Editor Hakim Almasmari said.',
        "Hakim Almasmari",
        "Yemen Post Editor",
    ),
]


@pytest.mark.parametrize(("text", "name", "role"), LABELS)
def test_a_name_and_title_label_names_the_speaker(text: str, name: str, role: str) -> None:
    (quote,) = run(text)
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.role) == (name, role)
    assert quote.speaker.kind == "person"


def test_a_label_on_its_own_line_after_an_unfinished_line_names_the_speaker() -> None:
    text = (
        "Jennifer Rubin, Washington Post Columnist: “A simply magnificent speech.” [Tweet, 10/18]\n"
        "Nathan Diament, Executive Director for the Orthodox Union: “We thank the President.”"
    )
    assert speakers(text) == ["Jennifer Rubin", "Nathan Diament"]


def test_a_label_that_is_a_title_then_a_name_keeps_the_name() -> None:
    text = "Israel's ambassador, Gilad Erdan: “We thank the President.”"
    assert speakers(text) == ["Gilad Erdan"]


def test_a_day_after_a_nominal_speaker_is_not_part_of_it() -> None:
    text = 'Reports yesterday said Moscow sees the troops as "a threat to our security".'
    (quote,) = run(text)
    assert quote.speaker is not None and "yesterday" not in quote.speaker.name.lower()


@pytest.mark.parametrize(
    ("title", "nominal"),
    [("Rep.", "the congressman"), ("Sen.", "the senator"), ("Rep.", "the lawmaker")],
)
def test_a_nominal_resolves_to_an_abbreviated_title(title: str, nominal: str) -> None:
    text = f'{title} Adam Schiff spoke on Friday. "We must respond to this," {nominal} said.'
    assert speakers(text) == ["Adam Schiff"]


def test_a_sentence_that_may_introduce_the_next_quote_gets_the_full_parse() -> None:
    lead = "Cummings called him a master at deals."
    assert deep_selector(f'{lead} "He showed it."', (0, len(lead)))
    assert not deep_selector(f"{lead} He showed it.", (0, len(lead)))


def test_an_al_surname_ends_the_name_without_a_parse() -> None:
    # "said Bashar al-Assad" named "Bashar": a lower-case particle name ended the name run
    assert speakers('"We will win," said Bashar al-Assad.') == ["Bashar al-Assad"]


def test_he_after_a_quote_is_not_a_person_named_inside_the_quote() -> None:
    # PolNeAR train: '"... George W. Bush got half a million fewer votes ...," he points out.'
    # took "he" for George W. Bush, named (as a subject) inside the quote.
    text = (
        "Richard Viguerie said the party was divided.\n\n"
        "“Voters reject establishment Republicans. George W. Bush got fewer votes than "
        "Al Gore in 2000,” he said."
    )
    assert speakers(text) == ["Richard Viguerie"]


def test_the_addressee_in_the_previous_quotes_own_cue_does_not_stop_the_carry() -> None:
    # PolNeAR train: '"...," Viguerie tells Breitbart News in an exclusive interview.' then a
    # paragraph quote with no cue: "Breitbart News" in the first quote's own sentence was taken
    # for someone introduced between the two quotes.
    text = (
        "“Ted Cruz is the best conservative candidate since Ronald Reagan,” Richard Viguerie "
        "tells Breitbart News in an exclusive interview.\n\n"
        "“He’s what we’ve waited for ever since Reagan. He checks all our boxes.”"
    )
    assert speakers(text) == ["Richard Viguerie", "Richard Viguerie"]


def test_a_name_in_a_sentence_after_the_previous_quote_still_stops_the_carry() -> None:
    text = (
        "“We will not back down,” Richard Viguerie said. Brent Bozell disagreed.\n\n"
        "“He’s what we’ve waited for ever since Reagan.”"
    )
    assert speakers(text)[1] != "Richard Viguerie"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # PolNeAR train: "he" went to Hillary Clinton, "she" to Jake Sullivan and Alan Grayson
        (
            "Hillary Clinton thanked Jake Sullivan on Monday.\n\n“We are ready,” he said.",
            "Jake Sullivan",
        ),
        (
            "Sergei Lavrov answered Maria Zakharova on Monday.\n\n“We are ready,” she said.",
            "Maria Zakharova",
        ),
    ],
)
def test_he_and_she_skip_people_whose_first_name_says_otherwise(text: str, speaker: str) -> None:
    (got,) = speakers(text)
    assert got is not None and got.endswith(speaker)


def test_a_capitalised_conjunction_before_a_name_is_not_part_of_it() -> None:
    # PolNeAR train: 'As Rosenberg explained, "..."' named the speaker "As Rosenberg".
    text = "As Ann Rosenberg explained, “with this thing over by mid-March, it is hard.”"
    assert speakers(text) == ["Ann Rosenberg"]


@pytest.mark.parametrize(
    "sentence",
    [
        # PolNeAR train: the surface rules named no one (or "Trump") for these, and the
        # selector had left them to the surface rules as easy
        "“Trump is bigger than the Republican Party,” said one Trump confidant.",
        "“Trump is bigger than the Republican Party,” said a Trump confidant.",
        "“There is no home-state advantage,” said one unaligned Florida Republican strategist.",
        "“Trump is bigger than the Republican Party,” one analyst said.",
    ],
)
def test_an_attribution_the_surface_rules_cannot_name_gets_the_full_parse(sentence: str) -> None:
    assert deep_selector(sentence, (0, len(sentence)))


@pytest.mark.parametrize(
    "sentence",
    [
        "“We will not accept this,” the minister said.",
        "“We will not accept this,” said Foreign Minister Anna Berg.",
        "“We will not accept this,” she said.",
        "“We will not accept this,” a senior official said.",
    ],
)
def test_a_plain_attribution_is_left_to_the_surface_rules(sentence: str) -> None:
    assert not deep_selector(sentence, (0, len(sentence)))
    assert speakers(sentence) != [None]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # PolNeAR train: '"How big is that wall?" asked the boy' had no speaker: "ask" takes
        # an addressee ("asked the boy" as whom), but right after a quote, with no subject
        # before the cue, the phrase after "asked" is who asked.
        ("“How big is that wall?” asked the boy.", "boy"),
        ("“How big is that wall?” asked Mason Hill.", "Mason Hill"),
        ('"Is that so?" she asked the boy.', "she"),
    ],
)
def test_an_inverted_ask_after_a_quote_names_who_asked(text: str, speaker: str) -> None:
    (quote,) = run(text)
    assert quote.speaker is not None and quote.speaker.mention is not None
    assert text[quote.speaker.mention.start : quote.speaker.mention.end].endswith(speaker)


def test_an_inverted_tell_after_a_quote_still_names_the_addressee_as_no_one() -> None:
    # '"...," told reporters' has no speaker of its own: reporters were told
    (quote,) = run('"We are ready," told reporters on Monday.')
    assert quote.speaker is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # PolNeAR train: '"This is fantastic!" beamed Donald Hartley of Madison, Alabama' had no
        # speaker ("beam" was no reporting verb), and with "said" it named "Alabama"
        ("“This is fantastic!” beamed Donald Hartley of Madison, Alabama.", "Donald Hartley"),
        ("“This is fantastic!” said Donald Hartley of Madison, Alabama.", "Donald Hartley"),
        ('"Nobody asked them," Anna Berg scoffed.', "Anna Berg"),
        ('"Look at what you did," Anna Berg laughed.', "Anna Berg"),
    ],
)
def test_manner_of_speaking_verbs_and_home_towns(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        # PolNeAR train: 'After Jerry Brown criticized Bill Clinton, Hillary shot back, "..."'
        # went to Jerry Brown: "shoot back" was no cue, so the quote took the earlier subject
        (
            'After Jerry Brown criticized him, Anna Berg shot back, "I chose my profession."',
            "Anna Berg",
            "shot back",
        ),
        ('"That is a lie," Anna Berg fired back.', "Anna Berg", "fired back"),
        ('"It concerns me," Anna Berg went on.', "Anna Berg", "went on"),
    ],
)
def test_phrasal_reporting_verbs(text: str, speaker: str, cue: str) -> None:
    (quote,) = run(text)
    assert quote.speaker is not None and quote.speaker.name == speaker
    assert quote.cue == cue


def test_went_on_to_do_something_is_no_cue() -> None:
    (quote,) = run('He called it "a disgrace" and went on to win the vote.')
    assert quote.cue != "went on"


def test_a_blank_line_ends_a_sentence_even_after_an_initial() -> None:
    # PolNeAR train: a section marker "X." on its own line ran into the next paragraph's
    # sentence, and the speaker came out as "X.\n\nTrump"
    text = 'Some were hateful.\n\nX.\n\nTrump, Sexton said, has created a "strange zone."'
    sentences = [text[s.start : s.end] for s in surface_parse(text).sentences]
    assert sentences == [
        "Some were hateful.",
        "X.",
        'Trump, Sexton said, has created a "strange zone."',
    ]
    assert all("\n" not in (q.speaker.name if q.speaker else "") for q in run(text))


def test_a_long_attribution_after_a_question_quote_still_names_the_speaker() -> None:
    # PolNeAR train: '"..., who knows?" Trump told Britain's ITV television station in an
    # interview aired on Monday when asked how ...' had no speaker: the sentence split after
    # "?" and the next sentence was too long to be taken for the quote's attribution
    text = (
        "“It looks like we’re not going to have a very good relationship, who knows?” Trump "
        "told Britain’s ITV television station in an interview aired on Monday when asked how "
        "he would get along with Cameron."
    )
    assert speakers(text) == ["Trump"]


def test_a_new_sentence_after_a_question_quote_with_a_late_verb_is_not_its_attribution() -> None:
    text = (
        "“Who knows?” The answer came weeks later in the capital, when the party said it would run."
    )
    assert speakers(text) == [None]


def test_an_attribution_with_an_apposition_after_a_question_quote_names_the_speaker() -> None:
    # PolNeAR train: '"... How are you today?" Miller, a retired worker from a nuclear plant,
    # said pleasantly into the phone.' had no speaker: the words of the apposition made the
    # next sentence too long to be read as the quote's attribution
    text = (
        '"I am calling from the campaign. How are you today?" Miller, a retired worker from a '
        "nuclear plant, said pleasantly into the phone."
    )
    assert speakers(text) == ["Miller"]


def test_a_long_sentence_after_a_quote_with_its_own_cue_does_not_take_the_quote() -> None:
    # PolNeAR train: 'Trump said the people of Indiana "treated me so well." He touted his
    # victory ...' must stay Trump's: the quote has its cue in its own sentence, and the next
    # sentence opening with "He touted" is not its attribution
    text = (
        'Ann Berg said the voters "treated me so well." He touted his victory in the state and '
        "the size of the crowds that came to see him in the last weeks of the campaign."
    )
    assert speakers(text) == ["Ann Berg"]


@pytest.mark.parametrize("title", ["Rev.", "Fr.", "Maj.", "Amb.", "Hon."])
def test_a_title_abbreviation_neither_ends_the_sentence_nor_becomes_the_name(title: str) -> None:
    # PolNeAR train: '"...," said Rev. Kyev Tatum, then senior pastor at Servant House Baptist
    # Church in Ft. Worth, Texas.' named "Rev": the sentence ended after "Rev."
    text = (
        f'"We might have something here," said {title} Kyev Tatum, then senior pastor in Ft. Worth.'
    )
    assert len(surface_parse(text).sentences) == 1
    assert speakers(text) == ["Kyev Tatum"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # PolNeAR train: '"The nation's demographic changes add to the urgency ...," the report
        # stated.' had no speaker: without tags, "report" after "the" was read as the cue
        ('"The changes add to the urgency," the report stated.', "report"),
        ('"The changes add to the urgency," the new report said.', "report"),
        ('"The changes add to the urgency," a new study said.', "study"),
    ],
)
def test_a_reporting_verb_after_a_determiner_is_a_noun_that_speaks(text: str, speaker: str) -> None:
    (quote,) = run(text)
    assert quote.speaker is not None and quote.speaker.name.endswith(speaker)


def test_a_figure_named_without_a_country_speaks_for_the_figures_side() -> None:
    # "Putin said" with no dateline and no demonym: the figures lexicon gives Russia
    (quote,) = run('Putin told reporters: "We will answer any deployment near our borders."')
    assert quote.speaker is not None and quote.speaker.name == "Putin"
    assert quote.speaker.affiliation == "Russia"


LONG_QUOTE = (
    'Foreign Minister Anna Berg spoke in Ostravel on Monday. "We will not be intimidated. '
    "Valdoria has shipped drones to the militias for a year. "
    'It will answer for this," Berg said, "before the council."'
)


def test_a_sentence_wholly_inside_a_quote_is_left_to_the_surface_rules() -> None:
    budget = DeepBudget()
    sentences = [(s.start, s.end) for s in surface_parse(LONG_QUOTE).sentences]
    chosen = [LONG_QUOTE[a:b] for a, b in sentences if budget(LONG_QUOTE, (a, b))]
    # the quote's opening and middle sentences hold only quoted words; the lead-in before it
    # (it may introduce the quote) and the sentence with "Berg said" are parsed
    assert chosen == [
        "Foreign Minister Anna Berg spoke in Ostravel on Monday.",
        'It will answer for this," Berg said, "before the council."',
    ]
    assert deep_selector(LONG_QUOTE, sentences[1])  # without the quoted runs it was parsed


def test_a_sentence_with_words_outside_its_quote_still_gets_the_parse() -> None:
    text = 'The ministry called the report "a fabrication". "We reject it," it said.'
    budget = DeepBudget()
    first = (0, text.index(".") + 1)
    assert budget(text, first)


def test_a_long_quote_left_unparsed_keeps_its_speaker() -> None:
    found = run(LONG_QUOTE)
    assert found and all(q.speaker is not None and q.speaker.name == "Anna Berg" for q in found)
