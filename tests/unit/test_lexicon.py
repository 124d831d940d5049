"""The country lexicon: which words point to a country or organisation."""

from __future__ import annotations

from quotes.nlp import lexicon


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
