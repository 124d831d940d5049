"""Speaker rules through the real models (stanza tags, parse and NER): slow."""

from __future__ import annotations

import pytest
from test_rules_surface import LABELS

from quotes.nlp.types import Extraction


def extract(*texts: str) -> list[Extraction]:
    from quotes.nlp.parse import StanzaParser
    from quotes.nlp.pipeline import extract_many
    from quotes.nlp.types import Document

    return extract_many([Document(text) for text in texts], StanzaParser())


def direct_speakers(extraction: Extraction) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in extraction.quotes if q.form == "direct"]


@pytest.mark.slow
def test_name_and_title_labels_with_the_real_models() -> None:
    found = extract(*(text for text, _, _ in LABELS))
    got = [
        [(q.speaker.name, q.speaker.role) if q.speaker else None for q in ex.quotes] for ex in found
    ]
    assert got == [[(name, role)] for _, name, role in LABELS]


@pytest.mark.slow
def test_a_day_after_a_nominal_speaker_is_dropped_with_the_real_models() -> None:
    (found,) = extract(
        'Reports yesterday said Moscow sees the troops as "a threat to our security".'
    )
    assert direct_speakers(found) == ["Reports"]


@pytest.mark.slow
def test_his_remarks_are_spoken_by_whom_his_refers_to() -> None:
    (found,) = extract(
        "Minister Tom Lewis denied it. His responses in the interview described the reports as "
        '"very serious allegations against some of the services".'
    )
    assert direct_speakers(found) == ["Tom Lewis"]


@pytest.mark.slow
def test_he_after_a_quote_is_not_a_person_the_quote_names_with_the_real_models() -> None:
    # PolNeAR train: "he points out" went to George W. Bush, the subject of a sentence inside
    # the quote, because the article's own subject had not spoken yet.
    (found,) = extract(
        "Richard Viguerie is upbeat about Cruz.\n\n"
        "“Voters consistently reject establishment Republicans. George W. Bush got half a "
        "million fewer votes than Al Gore in 2000,” he points out."
    )
    assert direct_speakers(found) == ["Richard Viguerie"]


@pytest.mark.slow
def test_she_skips_a_man_named_by_title_with_the_real_models() -> None:
    (found,) = extract(
        "The talks ended late on Monday.\n\nMr. Vale answered Mrs. Keller at the embassy.\n\n"
        "“We are ready,” she said."
    )
    (speaker,) = direct_speakers(found)
    assert speaker is not None and speaker.endswith("Keller")
