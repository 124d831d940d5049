"""Briefing transcripts through the real stanza pipeline (``extract``): the same behaviour as
the surface-parse tests in ``test_transcript.py``, on the fictional samples."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes.nlp.pipeline import extract
from quotes.nlp.types import Document, DocumentMeta, ExtractedQuote
from quotes.readers import read_document

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "transcripts"

pytestmark = pytest.mark.slow


def quotes_of(name: str) -> list[ExtractedQuote]:
    return extract(read_document(SAMPLES / name)).quotes


def test_briefing_speakers_quotation_and_exchange() -> None:
    quotes = quotes_of("kirby_briefing.md")
    statements = [q for q in quotes if q.form == "transcript"]
    assert {q.speaker.name for q in statements if q.speaker} == {"Dana Whitfield", "John Kirby"}
    quoted = [q for q in quotes if q.text == "We will not abandon our partners in the region."]
    assert [q.speaker.name for q in quoted if q.speaker] == ["President"]
    assert not any("abandon" in q.text for q in statements)
    denial = next(q for q in statements if q.text.startswith("That is simply not true"))
    assert denial.type == "deny"
    assert denial.responds_to is not None
    charge = quotes[denial.responds_to]
    assert charge.speaker is not None and charge.speaker.affiliation == "Russia"
    assert all(q.speaker is None or q.speaker.name not in ("Q", "MR. KIRBY") for q in quotes)


def test_spokesperson_answers_and_reporters_from_outlets() -> None:
    quotes = quotes_of("mfa_caps.txt")
    speakers = {q.speaker.name for q in quotes if q.speaker and q.form == "transcript"}
    assert speakers == {"Mao Ning"}
    assert not any(q.speaker and q.speaker.name in ("AFP", "Bloomberg") for q in quotes)
    linked = [q for q in quotes if q.form == "transcript" and q.responds_to is not None]
    assert linked and quotes[linked[0].responds_to].speaker.affiliation == "Philippines"  # type: ignore[union-attr]


def test_interpreted_minister_and_moderated_background_call() -> None:
    lavrov = quotes_of("lavrov_press_conference.txt")
    names = {q.speaker.name for q in lavrov if q.speaker and q.form == "transcript"}
    assert names == {"Sergey Lavrov", "Sameh Shoukry"}
    call = quotes_of("background_call.md")
    assert {q.speaker.name for q in call if q.speaker} == {"Senior Administration Official"}


def white_house_briefing(text: str) -> list[ExtractedQuote]:
    """The statements of a fictional White House briefing by Press Secretary Ann Roe."""
    meta = DocumentMeta(
        title="Press Briefing by Press Secretary Ann Roe",
        url="https://www.whitehouse.gov/briefing-room/press-briefings/x",
    )
    return extract(Document(text, meta)).quotes


def test_the_president_in_a_question_is_the_briefing_sides_president() -> None:
    """A reporter's "The President said ..." in a White House briefing reports the host's
    president, not the last president named (President Putin) nor a vice president; the
    statement's span starts after the "Q" label, not on it."""
    text = (
        "MS. ROE: Good afternoon. Vice President Lee Hale met the cabinet this morning, and "
        "President Tom Moran will speak at four.\n\n"
        "Q  Will the sanctions hit President Putin himself?\n\n"
        "MS. ROE: President Putin knows what is at stake.\n\n"
        "Q  The President said on Monday that the talks with Beijing would resume next week. "
        "When?\n\n"
        "MS. ROE: I am not going to read out private calls.\n\nQ  Thanks."
    )
    quotes = white_house_briefing(text)
    (said,) = [q for q in quotes if "talks with Beijing" in q.text]
    assert said.speaker is not None
    assert (said.speaker.name, said.speaker.affiliation) == ("Tom Moran", "United States")
    assert not said.text.startswith("Q")
    assert text[said.start : said.end] == said.text


def test_a_question_reporting_the_briefing_sides_own_words_can_still_carry_a_premise() -> None:
    """The briefing side's own words in a question ("The President said ...") are no charge to
    answer: the question's premise, which the answer rejects, is what the answer replies to."""
    text = (
        "MS. ROE:\u00a0 Good afternoon.\u00a0 I have a couple of items at the top.\n\n"
        "Q\u00a0\u00a0\u00a0 So then, my last one would be: The President said for months that\n"
        "he had not spoken directly to Xi about the COVID origins investigation.\u00a0\n"
        "Now he says that he did talk to Xi about it, but nobody else was there.\u00a0\n"
        "If the President had that conversation, did it work and is Xi now\nplaying ball?\n\n"
        "MS. ROE:\u00a0 What are you getting at there?\u00a0 Are you suggesting the\n"
        "President wasn’t being honest about his own conversation with Xi?\n\nQ  Thanks."
    )
    quotes = white_house_briefing(text)
    (answer,) = [q for q in quotes if q.form == "transcript" and "getting at" in q.text]
    assert answer.responds_to is not None
    assert quotes[answer.responds_to].form == "question"
