"""The lexicons: which words point to a country or organisation, which words type a statement."""

from __future__ import annotations

import pytest

from quotes.nlp import lexicon
from quotes.nlp.classify import classify


def countries_in(text: str) -> list[str]:
    return [country for _, _, country in lexicon.countries().find(text)]


def test_a_named_body_inside_a_longer_name_is_not_that_body() -> None:
    assert countries_in("the National Security Council said") == []
    assert countries_in("the Pennsylvania General Assembly voted") == []


def test_the_body_itself_still_counts() -> None:
    assert countries_in("The Security Council met") == ["United Nations"]
    assert countries_in("a Security Council resolution") == ["United Nations"]
    assert countries_in("the UN Security Council") == ["United Nations"]


def test_single_word_aliases_after_a_capitalised_word_still_count() -> None:
    assert countries_in("Senior Chinese officials said") == ["China"]


def test_a_president_before_a_seat_of_government_keeps_it() -> None:
    assert countries_in("the Obama White House said") == ["United States"]


def test_content_words_fold_cut_plurals_and_drop_common_words() -> None:
    assert lexicon.content_words("Drones were never supplied to Moscow, Pécresse claims") == {
        "drone",
        "never",
        "supplied",
        "moscow",
        "pecresse",
    }


@pytest.mark.parametrize(
    "content",
    [
        # words whose cue was wrong more often than right on the labelled train and dev splits
        "Iranian perceptions of threat were not the only factor",  # a threat named, not made
        "These actions threaten our interests and our security",
        "Thanks for the question",
        "We must win this election",  # first person 'must': a resolve, not a demand
        "The agreement was signed in May",
        "It was a grave warning to everyone",
    ],
)
def test_weak_content_words_leave_the_type_to_the_model(content: str) -> None:
    assert classify(content, None).type == "statement"


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        ("North Korea threatened to strike the loudspeakers", "threaten"),
        ("Moscow must pull its troops back", "demand"),
        ("This would be a historic mistake", "warn"),
        ("We warned them twice", "warn"),
    ],
)
def test_the_precise_forms_of_those_words_still_type(content: str, kind: str) -> None:
    assert classify(content, None).type == kind


def test_giving_back_is_not_backing() -> None:
    assert classify("They should give back the money they took", None).type != "support"


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Vladimir Putin", "Russia"),
        ("Putin", "Russia"),
        ("Erdogan", "Turkey"),  # accents folded
        ("Xi", "China"),
        ("Kim", None),  # a common surname names no one alone
        ("Werner Herzog", None),
        ("Ruairi Tamsen", None),
    ],
)
def test_figure_country_by_full_or_short_name(name: str, country: str | None) -> None:
    assert lexicon.figure_country(name) == country


@pytest.mark.parametrize(
    "content",
    [
        "We don’t support attacks inside of Russia.",
        "We do not support independence for Taiwan.",
        "The government never supported the plan.",
        "Washington doesn't support the resolution in its current form.",
    ],
)
def test_support_said_with_a_negation_is_not_support(content: str) -> None:
    assert classify(content, None).type != "support"


def test_support_without_a_negation_still_types() -> None:
    assert classify("We support Ukraine for as long as it takes.", None).type == "support"
