"""Briefing transcripts (``quotes.nlp.transcript``): turns, speakers, statements, questions.

Short fictional transcripts, one per style (``MR. KIRBY:``, ``Q``/``Q:``/``A:``,
``SPOKESPERSON MAO NING:``, ``Spokesperson Wang Wenbin:``, ``FOREIGN MINISTER LAVROV (via
interpreter):``, a label on its own line, ``SENIOR ADMINISTRATION OFFICIAL:``, ``MODERATOR:``)
in ``tests/data/transcripts/``, through ``extract_parsed`` with the surface parse.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes.nlp.parse import surface_parse
from quotes.nlp.pipeline import extract_parsed
from quotes.nlp.transcript import (
    find_turns,
    looks_like_transcript,
    questions_before,
    resolve_labels,
)
from quotes.nlp.types import Document, DocumentMeta, ExtractedQuote
from quotes.readers import read_document

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "transcripts"


def extract_sample(name: str) -> tuple[Document, list[ExtractedQuote]]:
    doc = read_document(SAMPLES / name)
    return doc, extract_parsed(doc, surface_parse(doc.text)).quotes


def answers(quotes: list[ExtractedQuote]) -> list[ExtractedQuote]:
    return [q for q in quotes if q.form == "transcript"]


def speaker_of(quote: ExtractedQuote) -> tuple[str | None, str | None, str | None]:
    assert quote.speaker is not None
    return quote.speaker.name, quote.speaker.role, quote.speaker.affiliation


# -- turns -------------------------------------------------------------------------------------


def test_caps_labels_and_q_turns_are_found_with_their_kinds() -> None:
    text = (SAMPLES / "kirby_briefing.md").read_text(encoding="utf-8")
    turns = find_turns(text)
    assert [(t.label, t.kind) for t in turns] == [
        ("MS. WHITFIELD", "answer"),
        ("Q", "question"),
        ("MS. WHITFIELD", "answer"),
        ("MR. KIRBY", "answer"),
        ("Q", "question"),
        ("MR. KIRBY", "answer"),
        ("Q", "question"),
        ("MR. KIRBY", "answer"),
    ]
    first = turns[0]
    assert text[first.label_start : first.label_end] == "MS. WHITFIELD"
    assert text[first.start :].startswith("Good afternoon")


def test_moderator_and_anonymous_official_labels() -> None:
    text = (SAMPLES / "background_call.md").read_text(encoding="utf-8")
    kinds = [(t.label, t.kind) for t in find_turns(text)]
    assert ("MODERATOR", "moderator") in kinds
    assert ("SENIOR ADMINISTRATION OFFICIAL", "answer") in kinds


def test_label_on_its_own_line_with_interpreter_note() -> None:
    text = (SAMPLES / "lavrov_press_conference.txt").read_text(encoding="utf-8")
    turns = find_turns(text)
    lavrov = turns[1]
    assert lavrov.label == "FOREIGN MINISTER LAVROV"
    assert lavrov.note == "(via interpreter)"
    assert text[lavrov.start :].startswith("Thank you.")
    assert [t.kind for t in turns if t.label == "QUESTION"] == ["question", "question"]


def test_outlet_labels_that_only_ask_are_reporters() -> None:
    text = (SAMPLES / "mfa_caps.txt").read_text(encoding="utf-8")
    kinds = {t.label: t.kind for t in find_turns(text)}
    assert kinds == {"SPOKESPERSON MAO NING": "answer", "AFP": "question", "Bloomberg": "question"}


def test_q_with_one_space_and_nbsp_labels() -> None:
    text = (
        "MS. DOE:\u00a0 Good afternoon, everyone.\n\nQ Hi.\n\n\u00a0\u00a0 MS. DOE:\u00a0 Hi, "
        "Weijia.  One thing at the top today.\n\nQ Thanks.  What about Iran?\n\nMS. DOE: Next "
        "question, please, we are out of time.\n"
    )
    assert [t.kind for t in find_turns(text)] == ["answer", "question"] * 2 + ["answer"]


def test_a_wrapped_line_ending_in_a_colon_word_is_not_a_turn() -> None:
    text = (
        "MS. DOE: Hello there everyone.\n\nQ  A question?\n\nMS. DOE: And you heard from the\n"
        "President: He was outraged by the strike.\n\nQ  Another?\n\nMS. DOE: No more today."
    )
    assert "President" not in [t.label for t in find_turns(text)]


def test_topic_lines_inside_an_answer_are_not_turns() -> None:
    text = (
        "MR. ROE: Two things today.\n\nOn Gaza: the talks continue.\n\nRed Sea: ships are "
        "moving again.\n\nQ  Thanks.  Anything else?\n\nMR. ROE: No, that is all.\n\nQ  Sure?"
    )
    labels = [t.label for t in find_turns(text)]
    assert "On Gaza" not in labels and "Red Sea" not in labels


def test_articles_are_not_transcripts() -> None:
    article = (
        'Foreign Minister Anna Berg said on Monday: "We will not accept this."\n\n'
        "Note: this story was updated.\n\nThe talks resume next week in Geneva.\n"
    )
    assert not looks_like_transcript(article)
    assert looks_like_transcript((SAMPLES / "qa_interview.txt").read_text(encoding="utf-8"))


def test_an_article_keeps_its_quotes_when_forced_as_article() -> None:
    text = (SAMPLES / "kirby_briefing.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    doc = Document(text, DocumentMeta(kind="article"))
    assert not [
        q for q in extract_parsed(doc, surface_parse(text)).quotes if q.form == "transcript"
    ]


# -- speakers ----------------------------------------------------------------------------------


def test_labels_resolve_to_full_names_and_roles_from_the_title() -> None:
    _doc, quotes = extract_sample("kirby_briefing.md")
    named = {speaker_of(q) for q in answers(quotes)}
    assert named == {
        ("Dana Whitfield", "Press Secretary", "United States"),
        ("John Kirby", "National Security Communications Advisor", "United States"),
    }


def test_anonymous_official_stays_anonymous_with_the_host_country() -> None:
    _, quotes = extract_sample("background_call.md")
    speakers = {speaker_of(q) for q in answers(quotes)}
    assert speakers == {("Senior Administration Official", None, "United States")}
    assert all(q.speaker is not None and not q.speaker.named for q in answers(quotes))


def test_moderators_and_reporters_never_speak_statements() -> None:
    for name in ("background_call.md", "kirby_briefing.md", "mfa_caps.txt", "qa_interview.txt"):
        _, quotes = extract_sample(name)
        for quote in quotes:
            assert quote.speaker is not None
            assert quote.speaker.name.lower() not in ("moderator", "q", "afp", "bloomberg")
            assert not quote.text.startswith(("Thanks, everyone, for joining", "Let's take"))


def test_spokesperson_caps_label_with_full_name() -> None:
    _, quotes = extract_sample("mfa_caps.txt")
    assert {speaker_of(q) for q in answers(quotes)} == {
        ("Mao Ning", "Foreign Ministry Spokesperson", "China")
    }


def test_spokesperson_title_case_label() -> None:
    _, quotes = extract_sample("mfa_title_case.txt")
    assert {speaker_of(q) for q in answers(quotes)} == {
        ("Wang Wenbin", "Foreign Ministry Spokesperson", "China")
    }


def test_minister_label_with_interpreter_note_resolves_from_the_title() -> None:
    _, quotes = extract_sample("lavrov_press_conference.txt")
    assert {speaker_of(q) for q in answers(quotes)} == {
        ("Sergey Lavrov", "Russian Foreign Minister", "Russia"),
        ("Sameh Shoukry", "Egyptian Foreign Minister", "Egypt"),
    }


def test_interview_answers_are_the_interviewee_named_in_the_title() -> None:
    _, quotes = extract_sample("qa_interview.txt")
    assert {speaker_of(q) for q in answers(quotes)} == {
        ("Elena Kostova", "Foreign Minister", "Greece")
    }


@pytest.mark.parametrize(
    ("label", "title", "name", "role"),
    [
        (
            "SECRETARY BUTTITGIEG",  # a typo in the label: one letter off
            "Press Briefing by Secretary of Transportation Pete Buttigieg",
            "Pete Buttigieg",
            "Secretary of Transportation",
        ),
        (
            "MR. BENJAMIN",
            "Briefing by Director of the Office of Public Engagement Stephen Benjamin",
            "Stephen Benjamin",
            "Director of the Office of Public Engagement",
        ),
        (
            "THE PRESIDENT",
            "Remarks by President Joe Biden and Chancellor Olaf Scholz",
            "Joe Biden",
            "President",
        ),
        ("MS. KIRBY", "Gaggle with NSC Coordinator John Kirby", "John Kirby", "NSC Coordinator"),
    ],
)
def test_label_resolution(label: str, title: str, name: str, role: str) -> None:
    text = f"{label}: Good afternoon to all.\n\nQ  A question?\n\n{label}: An answer.\n\nQ  More?"
    turns = find_turns(text)
    resolved = resolve_labels(text, turns, DocumentMeta(title=title))[turns[0].key]
    assert (resolved.speaker.name, resolved.speaker.role) == (name, role)
    assert resolved.how == "full"


def test_a_surname_named_nowhere_stays_partial() -> None:
    text = "MS. DALTON: Good afternoon to all.\n\nQ  A question?\n\nMS. DALTON: No.\n\nQ  More?"
    turns = find_turns(text)
    resolved = resolve_labels(text, turns, DocumentMeta(title="Press Gaggle"))[turns[0].key]
    assert resolved.speaker.name == "Dalton"
    assert resolved.how == "partial"


# -- statements --------------------------------------------------------------------------------


def test_each_answer_paragraph_is_a_statement_with_offsets() -> None:
    doc, quotes = extract_sample("kirby_briefing.md")
    statements = answers(quotes)
    for quote in statements:
        assert doc.text[quote.start : quote.end] == quote.text
        assert quote.form == "transcript"
        assert quote.speaker is not None and quote.speaker.mention is not None
        mention = quote.speaker.mention
        assert doc.text[mention.start : mention.end] == mention.text
    texts = [q.text for q in statements]
    assert any(t.startswith("We will send a delegation") for t in texts)
    assert any(t.startswith("The measures target") for t in texts)
    assert "Thanks, Dana." not in texts  # a pleasantry is no statement
    assert not any("Good afternoon" in t for t in texts)


def test_statements_get_a_type_and_form_transcript_in_json() -> None:
    _doc, quotes = extract_sample("kirby_briefing.md")
    denial = next(q for q in answers(quotes) if q.text.startswith("That is simply not true"))
    assert denial.type == "deny"
    data = denial.to_json()
    assert data["form"] == "transcript"
    assert data["speaker"]["name"] == "John Kirby"


def test_a_quotation_inside_an_answer_goes_to_the_person_quoted() -> None:
    _, quotes = extract_sample("kirby_briefing.md")
    quoted = [q for q in quotes if q.text == "We will not abandon our partners in the region."]
    assert len(quoted) == 1
    assert quoted[0].form == "direct"
    assert quoted[0].speaker is not None
    assert quoted[0].speaker.name == "President"
    assert quoted[0].speaker.affiliation == "United States"
    # the paragraph holds nothing of Kirby's own besides the quotation: no Kirby statement
    assert not any("abandon" in q.text for q in answers(quotes))


def test_a_quotation_of_the_named_president_takes_the_full_name() -> None:
    text = (
        "MR. ROE: Good afternoon, everyone, and welcome to the briefing.\n\n"
        'As President Maria Lopez said on Monday, "We will defend every inch of our territory."\n\n'
        "Q  Will she travel to the border?\n\nMR. ROE: She will go there on Friday with the "
        "defence minister.\n\nQ  Thanks."
    )
    doc = Document(text, DocumentMeta(title="Press Briefing by Spokesperson Tom Roe"))
    quotes = extract_parsed(doc, surface_parse(text)).quotes
    (quoted,) = [q for q in quotes if q.form == "direct"]
    assert quoted.speaker is not None and quoted.speaker.name == "Maria Lopez"


def test_scare_quotes_in_an_answer_are_not_quotes_of_the_briefer() -> None:
    text = (
        "MR. ROE: Good afternoon, everyone, and welcome to the briefing.\n\n"
        "Russia published two so-called “draft treaties” last week, and we have read them.\n\n"
        "Q  Will you answer them?\n\nMR. ROE: We will answer them in writing next week, "
        "after we consult our allies.\n\nQ  Thanks."
    )
    quotes = extract_parsed(Document(text), surface_parse(text)).quotes
    assert not [q for q in quotes if q.form == "direct"]
    assert len(answers(quotes)) == 3


# -- questions and exchanges -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "owner", "country"),
    [
        ("kirby_briefing.md", "Russia government", "Russia"),
        ("qa_interview.txt", "Russia government", "Russia"),
        ("mfa_caps.txt", "Philippines government", "Philippines"),
        ("mfa_title_case.txt", "United States government", "United States"),
        ("lavrov_press_conference.txt", "European Union", "European Union"),
        ("briefing.html", "Canada government", "Canada"),
    ],
)
def test_the_answer_that_rejects_a_questions_charge_links_to_it(
    name: str, owner: str, country: str
) -> None:
    doc, quotes = extract_sample(name)
    linked = [q for q in answers(quotes) if q.responds_to is not None]
    assert linked, [(q.type, q.text[:40]) for q in answers(quotes)]
    answer = linked[0]
    assert answer.type in ("deny", "reject")
    charge = quotes[answer.responds_to]
    assert charge.speaker is not None
    assert (charge.speaker.name, charge.speaker.affiliation) == (owner, country)
    assert answer.target == country
    turn = next(t for t in find_turns(doc.text) if t.label_start < charge.start < t.end)
    assert turn.kind == "question"  # the charge exists only in the question


def test_the_briefers_own_side_in_a_question_is_no_charge() -> None:
    text = (
        "MS. DOE: Good afternoon, everyone, at the briefing today.\n\n"
        "Q  The White House says the sanctions will work.  Do you agree?\n\n"
        "MS. DOE: That is not true, and I will not comment further on it today.\n\nQ  Thanks."
    )
    doc = Document(text, DocumentMeta(url="https://www.whitehouse.gov/briefing"))
    quotes = extract_parsed(doc, surface_parse(text)).quotes
    assert all(q.form == "transcript" for q in quotes)
    assert all(q.responds_to is None for q in quotes)


def test_question_before_an_answer_for_the_detail_view() -> None:
    doc, quotes = extract_sample("kirby_briefing.md")
    denial = next(q for q in answers(quotes) if q.text.startswith("That is simply not true"))
    thread = questions_before(doc.text, denial.start)
    assert thread and thread[-1].startswith("Thanks, John.  Russia says")
    first = answers(quotes)[0]
    assert questions_before(doc.text, first.start)[-1:] == ["Good afternoon."]
    assert questions_before("An article.\n\nNo turns here.", 3) == []


def _run(
    text: str, title: str = "Press Briefing by Press Secretary Ann Doe"
) -> list[ExtractedQuote]:
    doc = Document(text, DocumentMeta(title=title, url="https://www.whitehouse.gov/x"))
    return extract_parsed(doc, surface_parse(text)).quotes


def test_a_charge_by_an_unnamed_foreign_official_in_a_question() -> None:
    quotes = _run(
        "MS. DOE: Good afternoon, everyone, welcome to the briefing.\n\n"
        "Q  A senior Israeli official who said that the U.S. is slow-walking weapons to Israel "
        "told ABC News so today.  Your response?\n\n"
        "MS. DOE: That is false.  We are not slowing down any deliveries to Israel at all.\n\n"
        "Q  Thanks."
    )
    (answer,) = [q for q in answers(quotes) if q.responds_to is not None]
    charge = quotes[answer.responds_to]
    assert charge.speaker is not None
    assert (charge.speaker.name, charge.speaker.affiliation) == (
        "senior Israeli official",
        "Israel",
    )
    assert not charge.speaker.named


def test_a_follow_up_question_keeps_the_charge_of_the_question_before() -> None:
    quotes = _run(
        "MS. DOE: Good afternoon, everyone, welcome to the briefing.\n\n"
        "Q  Russian Foreign Minister Sergey Lavrov spoke today.  And Lavrov had said that the "
        "delivery is a step towards a significant escalation.  "
        "What do you make of that?\n\n"
        "MS. DOE: We will support Ukraine for as long as it takes, and we told them so.\n\n"
        "Q  Is it an escalation, though?\n\n"
        "MS. DOE: No, that is simply not true, and there is no escalation on our side.\n\nQ  Ok."
    )
    (answer,) = [q for q in answers(quotes) if q.responds_to is not None]
    assert answer.text.startswith("No, that is simply not true")
    charge = quotes[answer.responds_to]
    assert charge.speaker is not None and charge.speaker.name == "Sergey Lavrov"
    assert charge.speaker.affiliation == "Russia"
    assert charge.text.startswith("Lavrov had said")


def test_a_long_new_question_without_a_charge_drops_the_old_one() -> None:
    quotes = _run(
        "MS. DOE: Good afternoon, everyone, welcome to the briefing.\n\n"
        "Q  Russia says the sanctions are illegal.  Your response?\n\n"
        "MS. DOE: They are lawful, and we will keep them in place for now.\n\n"
        "Q  On a different topic entirely, the storm on the coast: how many federal teams have "
        "been sent to the region this week, and when will the President visit the people there?\n\n"
        "MS. DOE: That is not true that we were late, and the teams arrived on Monday.\n\nQ  Ok."
    )
    linked = [q.text for q in answers(quotes) if q.responds_to is not None]
    assert linked == ["They are lawful, and we will keep them in place for now."]


def test_a_counter_accusation_at_the_charges_owner_answers_it() -> None:
    quotes = _run(
        "MS. DOE: Good afternoon, everyone, welcome to the briefing.\n\n"
        "Q  China accuses the United States of provoking tension in the strait.  Response?\n\n"
        "MS. DOE: China is the one that violated the airspace of Taiwan with its jets again.\n\n"
        "Q  Thanks."
    )
    (answer,) = [q for q in answers(quotes) if q.type == "accuse"]
    assert answer.target == "China"
    assert answer.responds_to is not None
    assert quotes[answer.responds_to].speaker.affiliation == "China"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "question",
    [
        "President Biden said last week that he knows how Israel plans to retaliate.",  # own side
        "Jake Sullivan said he believed it was an act of sabotage by someone.",  # a briefer
        "They're saying that the deal is dead and buried for good.",  # a pronoun
        "House Minority Leader Kevin McCarthy is saying the aid was too slow.",  # domestic
        "Ukraine has denied that they are responsible for the strike.",  # a denial, no charge
        "Two Venezuelan officials who are accused of plotting the attack were arrested.",  # passive
        # a domestic figure, whose role the capitals before would read as "Israel. The ..."
        "Just one on Israel.  The Congresswoman Jayapal’s comments on the war drew fire.",
    ],
)
def test_questions_without_a_foreign_charge_link_nothing(question: str) -> None:
    quotes = _run(
        "MS. DOE: Good afternoon, everyone, welcome to the briefing.\n\n"
        f"Q  {question}  Your response?\n\n"
        "MR. SULLIVAN: That is simply not true, and we reject it entirely.\n\nQ  Thanks.",
        title="Press Briefing by Press Secretary Ann Doe and National Security Advisor Jake "
        "Sullivan",
    )
    assert [q.form for q in quotes] == ["transcript", "transcript"]


def test_a_quote_of_a_domestic_figure_in_a_question_is_no_charge() -> None:
    quotes = _run(
        "MS. DOE: Good afternoon, everyone, welcome to the briefing.\n\n"
        '"Getting those jets in immediately is critical," Congressman Tom Scalise said.  '
        "Your response?\n\n".replace('"Getting', 'Q  "Getting')
        + "MS. DOE: That is simply not true, and we reject it entirely.\n\nQ  Thanks."
    )
    assert all(q.responds_to is None for q in quotes)


def test_thousands_of_distinct_labels_resolve_in_bounded_time() -> None:
    import itertools
    import string
    import time

    from quotes.nlp.transcript import transcript_quotes

    names = ("".join(p) for p in itertools.product(string.ascii_uppercase, repeat=3))
    turns_text = [
        f"MR. {next(names)}: We will answer the question on the treaty today.\n\n"
        f"Q  And the treaty, sir?\n\n"
        for _ in range(2000)
    ]
    text = "".join(turns_text) * 2
    began = time.perf_counter()
    turns = find_turns(text)
    quotes = transcript_quotes(text, DocumentMeta(), turns, [])
    assert time.perf_counter() - began < 60  # linear: a few seconds; quadratic: many minutes
    assert len(turns) == 8000 and len(quotes) == 4000


def test_a_chief_of_staff_is_an_official_and_an_answer_that_asks_is_still_an_answer() -> None:
    text = (
        "CHIEF OF STAFF ZIENTS: Good afternoon to all of you here today.\n\n"
        "Q: Will the talks resume?\n\nA: Why would they not resume next week?\n\n"
        "Q: Thanks.\n\nCHIEF OF STAFF ZIENTS: Thank you all for coming today."
    )
    kinds = {t.label: t.kind for t in find_turns(text)}
    assert kinds == {"CHIEF OF STAFF ZIENTS": "answer", "Q": "question", "A": "answer"}


def test_declining_to_comment_on_a_foreign_charge_answers_it() -> None:
    quotes = _run(
        "MS. DOE: Good afternoon, everyone, welcome to the briefing.\n\n"
        "Q  China accuses the United States of spying on its students.  Any comment?\n\n"
        "MS. DOE: I'm not going to comment on intelligence matters from the podium today.\n\n"
        "Q  Thanks."
    )
    (answer,) = [q for q in answers(quotes) if q.type == "decline_comment"]
    assert answer.responds_to is not None
    assert quotes[answer.responds_to].speaker.affiliation == "China"  # type: ignore[union-attr]


def test_a_badly_attributed_quote_in_a_question_leaves_room_for_the_charge() -> None:
    quotes = _run(
        "MS. DOE: Good afternoon, everyone, welcome to the briefing.\n\n"
        "Q  The U.N. Commissioner for Human Rights said today that the siege is collective "
        "punishment.  And he said, “the gates to a living nightmare.”  Any comment?\n\n"
        "MS. DOE: I'm not going to comment on every remark made by every official here.\n\n"
        "Q  Thanks."
    )
    (answer,) = [q for q in answers(quotes) if q.responds_to is not None]
    assert quotes[answer.responds_to].speaker.affiliation == "United Nations"  # type: ignore[union-attr]
    assert not [q for q in quotes if q.speaker and q.speaker.name.startswith("And ")]


def test_the_first_answer_to_an_explicit_request_for_a_response_answers_the_charge() -> None:
    quotes = _run(
        "MS. DOE: Good afternoon, everyone, welcome to the briefing.\n\n"
        "Q  Beijing says the new chip rules are an attempt to decouple the two economies.  "
        "What is your response to that?\n\n"
        "MS. DOE: We see the rules as being about our own security and our supply chains.\n\n"
        "We will keep talking to Beijing about trade in the months ahead, as we always have.\n\n"
        "Q  Thanks."
    )
    _, first, _ = answers(quotes)
    assert first.type not in ("deny", "reject", "protest", "decline_comment")
    assert first.responds_to is not None
    assert quotes[first.responds_to].speaker.affiliation == "China"  # type: ignore[union-attr]


# -- charges a question describes, and the answers that counter them (issue 15) ----------------


def _dalton(question: str, *answers_: str) -> list[ExtractedQuote]:
    """A fictional briefing by Ms. Dalton: one question, then her answer paragraphs."""
    body = "\n\n".join(answers_)
    return _run(
        "MS. DALTON: Good afternoon, everyone, and welcome to the briefing.\n\n"
        f"Q  {question}\n\nMS. DALTON: {body}\n\nQ  Thanks.",
        title="Press Briefing by Press Secretary Mara Dalton",
    )


def _linked(quotes: list[ExtractedQuote]) -> list[tuple[str, str | None]]:
    out = []
    for quote in answers(quotes):
        if quote.responds_to is not None:
            owner = quotes[quote.responds_to].speaker
            out.append((quote.text.split()[0], owner.affiliation if owner else None))
    return out


def test_a_foreign_ministry_charge_in_a_question_links_the_answer_that_denies_it() -> None:
    quotes = _dalton(
        # (after a comma: "Q  Valdoria's" would read as a longer name "Q Valdoria")
        "Thanks, Mara.  Today, Valdoria's foreign ministry says your sanctions on Valdoria are "
        "illegal.  What's your response?",
        "That's simply false, and the sanctions are lawful under every rule we know of.",
    )
    (answer,) = answers(quotes)[1:]  # after the opening remarks
    assert answer.responds_to is not None
    charge = quotes[answer.responds_to]
    assert charge.form == "reported" and charge.speaker is not None
    assert charge.speaker.affiliation == "Valdoria"
    assert answer.target == "Valdoria" and answer.type in ("deny", "reject")


@pytest.mark.parametrize(
    ("question", "country"),
    [
        (
            "What do you make of Beijing’s accusation that the naval drills are a rehearsal "
            "for a blockade of the island?",
            "China",
        ),
        ("How do you respond to the Russian claims that the convoy carried weapons?", "Russia"),
        (
            "China was out with some statements of its trade envoy today.  Said it's basically "
            "a closed club.  What would you say in response to that?",
            "China",
        ),
        (
            "So, the Israelis in the last few hours have been arguing that the pause makes "
            "every strike less precise.  Can you respond to that?",
            "Israel",
        ),
        (
            "I wanted to get your reaction to news that the Israeli parliament passed a "
            "resolution expressing opposition to the ceasefire plan.",
            "Israel",
        ),
    ],
)
def test_a_charge_described_in_a_question_links_the_answer_that_counters_it(
    question: str, country: str
) -> None:
    quotes = _dalton(question, "That is flatly untrue, and it always has been untrue.")
    assert _linked(quotes) == [("That", country)]
    (charge,) = [q for q in quotes if q.form != "transcript"]
    assert charge.text in question  # the charge exists only in the question


def test_later_paragraphs_that_counter_the_charge_link_and_are_typed_so() -> None:
    quotes = _dalton(
        "China was out with some statements of its trade envoy today.  Said it's basically a "
        "closed club.  What would you say in response to that?",
        "It's not a surprise to me that China has concerns about how many countries joined.",
        "We will hold the first meeting of the framework in the spring, in Jakarta.",
        "The breadth of participation will show that it's anything but a closed club.",
    )
    first, middle, last = answers(quotes)[1:]
    assert first.responds_to is not None  # the reply to an explicit request for a response
    assert middle.responds_to is None  # it informs
    assert last.responds_to is not None and last.type == "deny"
    assert any("counters the charge" in e for e in last.evidence)


def test_an_answer_to_another_part_of_the_question_does_not_link() -> None:
    quotes = _run(
        "MS. DALTON: Good afternoon, everyone, and welcome to the briefing.\n\n"
        # wrapped lines, as in the transcripts: the parts are the paragraphs, not the lines
        "Q  Two on Israel.  Are you able to confirm the reports about\nthe crossing?\n\n"
        "And then separately, I wanted to get your reaction to news that\nthe Israeli "
        "parliament passed a resolution expressing opposition to a\nPalestinian state.\n\n"
        "MS. DALTON: On the first one, I'm not able to confirm those reports today.\n\n"
        "On the second question, the best way I can respond to that is to reiterate our "
        "firm belief in a two-state solution.\n\nQ  Thanks.",
        title="Press Briefing by Press Secretary Mara Dalton",
    )
    first, second = answers(quotes)[1:]
    assert first.responds_to is None
    assert second.responds_to is not None
    assert quotes[second.responds_to].speaker.affiliation == "Israel"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # a question that asks for information carries no charge
        (
            "How many inspectors are in the region this week, and when will the talks with "
            "the Chinese delegation resume?",
            "It would be absurd to guess at a date; there are twelve inspectors there now.",
        ),
        # an answer that agrees, or only informs, does not answer the charge
        (
            "What do you make of Beijing’s accusation that the drills are provocative?",
            "We welcome the talks with Beijing and support dialogue on the drills.",
        ),
        (
            "Beijing’s accusation is that the drills are provocative.  Will the drills go on?",
            "The drills will go on through Friday, as planned, with twelve partners taking part.",
        ),
    ],
)
def test_no_link_without_a_charge_or_without_a_counter(question: str, answer: str) -> None:
    quotes = _dalton(question, answer)
    assert _linked(quotes) == []


def test_a_refusal_further_on_in_the_answer_is_about_something_else() -> None:
    quotes = _dalton(
        "Beijing’s accusation is that the drills are provocative.  Can you respond to that?",
        "Our drills are defensive and announced months ahead, as they always are.",
        "On the trade talks, I'm not going to comment on the timing of the next round.",
    )
    first, refusal = answers(quotes)[1:]
    assert first.responds_to is not None
    assert refusal.type == "decline_comment" and refusal.responds_to is None


# -- charges that generalise: owners by role or pronoun, premises, plain negations -------------


def _owner_of(quotes: list[ExtractedQuote]) -> list[tuple[str, str | None, str]]:
    """Each linked answer's first word, its charge's owner (affiliation, else name) and text."""
    out = []
    for quote in answers(quotes):
        if quote.responds_to is not None:
            answered = quotes[quote.responds_to]
            if answered.form == "question":  # the reporter's own premise: context, no speaker
                out.append((quote.text.split()[0], "question", quote.text))
                continue
            owner = answered.speaker
            assert owner is not None
            out.append((quote.text.split()[0], owner.affiliation or owner.name, quote.text))
    return out


def test_a_figure_of_the_briefers_own_side_owns_no_charge() -> None:
    # the figures lexicon gives a side, and the briefer's own side is no charge to answer
    quotes = _dalton(
        "Blinken said on Friday that the talks with the Gulf states are stalled.  Your response?",
        "That is simply not true, as we said.",
    )
    assert _owner_of(quotes) == []


def test_a_question_that_opens_with_a_countrys_possessive_names_that_country() -> None:
    # issue 15 (b): "Q  Valdoria's" is the label Q and the state Valdoria, not a name "Q Valdoria"
    quotes = _dalton(
        "Valdoria's foreign ministry says your sanctions on Valdoria are illegal.  "
        "What's your response?",
        "That's simply false, and the sanctions are lawful under every rule we know of.",
    )
    assert [(w, o) for w, o, _ in _owner_of(quotes)] == [("That's", "Valdoria")]


@pytest.mark.parametrize(
    ("question", "owner"),
    [
        # a country's official by a role in lower case
        ("Russia's foreign minister said today that the convoys carried weapons.", "Russia"),
        # a pronoun for the party the question named before it
        (
            "Yesterday, Venezuela's President Nicolás Maduro signed a decree on the border, and "
            "he accused the United States of building secret bases there.",
            "Venezuela",
        ),
        (
            "You mentioned Russian President Vladimir Putin's silence on the riot.  But his "
            "spokesman reportedly said that the riot was the result of outside interference by "
            "the West.",
            "Russia",
        ),
        # a leader the question names without a country: the figures lexicon knows his side
        (
            "Admiral, you mentioned Putin's response to the riot at the airport.  But his "
            "spokesman reportedly said that the riot was the result of outside interference by "
            "the West.",
            "Russia",
        ),
        (
            "Erdoğan said on Friday that Hamas is a liberation group and that Israel is a war "
            "criminal.",
            "Turkey",
        ),
    ],
)
def test_a_charge_whose_owner_is_a_role_or_a_pronoun_links_the_answer(
    question: str, owner: str
) -> None:
    quotes = _dalton(f"{question}  Your response?", "That is simply not true, as we said.")
    assert [(w, o) for w, o, _ in _owner_of(quotes)] == [("That", owner)]


def test_an_answer_that_negates_the_charge_in_its_own_words_answers_it() -> None:
    # no lexicon word ("untrue", "farce"): a negation of what the charge says
    quotes = _dalton(
        "Venezuela's President Nicolás Maduro accused the United States of building secret "
        "military bases in the region.  Is the U.S. building a base?",
        "There are no plans for a secret military base, and there never were.",
        "We want both sides to respect the arbitral ruling on the border.",
    )
    assert [(w, o) for w, o, _ in _owner_of(quotes)] == [("There", "Venezuela")]


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (
            "Doesn't that send the message to Beijing that it can keep getting away with this?",
            "No, the message it sends is that we keep talking even when we disagree.",
        ),
        (
            "The President has stopped answering on the war, so does he not own the policy?",
            "I take issue with the premise of that question; he speaks on it every day.",
        ),
    ],
)
def test_an_answer_that_rejects_the_reporters_own_premise_links_to_the_question(
    question: str, answer: str
) -> None:
    # the premise is the question's context, not a statement of a speaker "Reporter"
    quotes = _dalton(question, answer)
    assert [(w, o) for w, o, _ in _owner_of(quotes)] == [(answer.split()[0], "question")]
    (premise,) = [q for q in quotes if q.form == "question"]
    assert premise.text in question and premise.speaker is None
    (reply,) = [q for q in answers(quotes) if q.responds_to is not None]
    assert any(premise.text in e for e in reply.evidence)


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # a plain yes/no question: "No" is an answer, not a rejection of a premise
        (
            "Will the President travel to Ottawa next week for the summit?",
            "No, he will stay in Washington for the budget talks this week.",
        ),
        # a question that reports another's words: the premise is not the reporter's
        (
            "Ukraine has denied that they are responsible for the strike.  Your response?",
            "That is simply not true, and we reject it entirely.",
        ),
    ],
)
def test_no_premise_link_for_a_plain_question_or_anothers_words(question: str, answer: str) -> None:
    quotes = _dalton(question, answer)
    assert _owner_of(quotes) == []


def test_a_refusal_links_only_where_the_question_asks_for_a_response() -> None:
    quotes = _dalton(
        "Russia says it will take appropriate measures if its demands are not met.  If one of "
        "those is a cyberattack, would you consider that an act of war?",
        "I'm not going to get into a hypothetical about what we would do in that case.",
    )
    assert _owner_of(quotes) == []


def test_what_you_would_say_to_a_criticism_asks_for_a_response() -> None:
    quotes = _dalton(
        "What you would say to Moscow's criticism that the West is offering a wink and a nod "
        "to the drone strikes?",
        "They won't believe me, but we have told Kyiv privately that we do not want such strikes.",
    )
    assert [(w, o) for w, o, _ in _owner_of(quotes)] == [("They", "Russia")]


def test_a_refusal_that_negates_stays_a_refusal() -> None:
    quotes = _dalton(
        "China accuses the United States of spying on its students.  Any comment?",
        "I haven't seen those comments about the students, so I won't comment on them.",
    )
    (answer,) = answers(quotes)[1:]
    assert answer.responds_to is not None
    assert answer.type == "decline_comment"


def test_a_premise_after_the_words_of_the_briefers_own_side_is_the_reporters() -> None:
    # "the Treasury Secretary said ...": reported words, but the charge is the question's own
    question = (
        "The Treasury Secretary said we will deepen our talks with China.  Doesn't that send "
        "the message to China that it can keep getting away with this?"
    )
    quotes = _dalton(question, "No, the message it sends is that we keep talking to them.")
    assert [(w, o) for w, o, _ in _owner_of(quotes)] == [("No,", "question")]
    (premise,) = [q for q in quotes if q.form == "question"]
    assert premise.text.startswith("Doesn't that send the message")


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # a threat against others: condemning its owner is no reply to a charge against us
        (
            "The Houthis have threatened more attacks on ships they claim are bound for Israel.  "
            "Will the U.S. keep striking them?",
            "We condemn these reckless Houthi attacks, which have taken the lives of seafarers.",
        ),
        # a negation that shares one word with the charge, not what it says
        (
            "Russia is calling the bridge attack a terrorist attack by Kyiv.  Have you "
            "determined who is responsible?",
            "We are not in a position to attribute the attack to anyone at this point.",
        ),
    ],
)
def test_no_link_for_a_condemnation_of_others_or_a_loose_negation(
    question: str, answer: str
) -> None:
    assert _owner_of(_dalton(question, answer)) == []


def test_what_a_leader_told_the_president_and_the_presidents_response_make_a_link() -> None:
    # "told ... that" reports words; "What was President Moran's response?" asks for one
    quotes = _dalton(
        "Xi reportedly told President Moran during their summit that Beijing plans to reunify "
        "Taiwan with the mainland.  What was President Moran’s response?",
        "President Moran was very clear that nothing has changed about our policy.",
    )
    assert [(w, o) for w, o, _ in _owner_of(quotes)] == [("President", "China")]


def test_the_president_is_not_a_relative_with_his_surname() -> None:
    # "President Moran" names the role's holder by surname; "Hunter Moran" is someone else
    text = (
        "THE PRESIDENT: Good afternoon. We met the cabinet today.\n\n"
        "Q  Will Hunter Moran testify next week?\n\n"
        "THE PRESIDENT: I would refer you to his lawyers. President Moran has said enough.\n\n"
        "Q  Thanks."
    )
    turns = find_turns(text)
    speakers = resolve_labels(text, turns, DocumentMeta(title="Remarks by President Moran"))
    assert "Hunter" not in speakers[turns[0].key].speaker.name


def test_an_official_named_in_a_question_keeps_the_role_the_transcript_gives() -> None:
    # 2023-02-10 briefing: "So, John, the U.S. Special Presidential Coordinator for Global and
    # Infrastructure Energy is in Angola" read as an apposition gave John Kirby that role, and
    # the reporter's "Admiral Kirby, ... you said it did not appear to have ..." carried it
    # into the store as Kirby's latest role.
    from quotes.nlp.transcript import transcript_quotes
    from quotes.nlp.types import ExtractedSpeaker, Span

    doc = read_document(SAMPLES / "kirby_briefing.md")
    text = doc.text + (
        "\n\nQ    Admiral Kirby, on the talks, you said they had failed.  Is that still so?\n\n"
        "MR. KIRBY:  It is.\n"
    )
    said = text.index("you said they had failed")
    mention = text.index("Admiral Kirby")
    found = ExtractedQuote(
        said,
        said + len("you said they had failed"),
        "you said they had failed",
        form="reported",
        speaker=ExtractedSpeaker(
            "John Kirby",
            role="U.S. Special Presidential Coordinator",
            affiliation="United States",
            kind="person",
            mention=Span(mention, mention + 13, "Admiral Kirby"),
        ),
        type="statement",
    )
    quotes = transcript_quotes(text, doc.meta, find_turns(text), [found])
    kept = [q for q in quotes if q.text == "you said they had failed"]
    assert kept and kept[0].speaker is not None
    assert kept[0].speaker.role == "National Security Communications Advisor"
