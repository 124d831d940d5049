"""Alias merging across articles, with the guard against merging namesakes."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from quotes.store import write
from quotes.store.names import clean_role, given_names_compatible, name_key, same_person
from quotes.store.speakers import (
    AmbiguousSpeaker,
    UnknownSpeaker,
    resolve_speaker,
    resolve_speaker_filter,
)
from tests.store.conftest import extraction, q


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Secretary of State Antony Blinken", "antony blinken"),
        ("U.S. Secretary Blinken's", "u s blinken"),
        ("Foreign Minister Sergei Lavrov", "sergei lavrov"),
        ("Volodymyr Zelenskyy", "volodymyr zelenskyy"),
        ("Mr. José Ramos-Horta", "jose ramos-horta"),
        ("President", "president"),
    ],
)
def test_name_key(name: str, key: str) -> None:
    assert name_key(name) == key


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Antony Blinken", "Antony J. Blinken", True),
        ("Antony Blinken", "A. Blinken", True),
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy", True),
        ("George W. Bush", "George H. W. Bush", False),
        ("George W. Bush", "George Bush", True),
        ("Wang Yi", "Wang Wenbin", False),
        ("Kim Jong-un", "Kim Jong-nam", False),
        ("Hillary Clinton", "Bill Clinton", False),
    ],
)
def test_same_person(a: str, b: str, same: bool) -> None:
    assert same_person(a, b) is same


def test_given_names() -> None:
    assert given_names_compatible([], ["george"])
    assert not given_names_compatible(["george", "w"], ["george", "h", "w"])


def test_resolution_across_articles(session: Session) -> None:
    full = resolve_speaker(session, "Antony Blinken", kind="person", country="United States")
    assert full.created
    for alias in (
        "Blinken",
        "Secretary Blinken",
        "Antony J. Blinken",
        "Secretary of State Antony Blinken",
    ):
        again = resolve_speaker(session, alias, kind="person")
        assert not again.created and again.speaker.id == full.speaker.id, alias


def test_surname_first_then_full_name_upgrades(session: Session) -> None:
    lone = resolve_speaker(session, "Lavrov", kind="person", country="Russia")
    full = resolve_speaker(session, "Sergei Lavrov", kind="person", country="Russia")
    assert full.speaker.id == lone.speaker.id
    assert full.speaker.name == "Sergei Lavrov"


def test_namesakes_stay_apart(session: Session) -> None:
    yi = resolve_speaker(session, "Wang Yi", kind="person", country="China")
    wenbin = resolve_speaker(session, "Wang Wenbin", kind="person", country="China")
    assert yi.speaker.id != wenbin.speaker.id
    lone = resolve_speaker(session, "Wang", kind="person", country="China")
    assert lone.created  # ambiguous: not merged into either
    w = resolve_speaker(session, "George W. Bush", kind="person")
    hw = resolve_speaker(session, "George H. W. Bush", kind="person")
    assert w.speaker.id != hw.speaker.id


def test_same_name_different_countries_stay_apart(session: Session) -> None:
    a = resolve_speaker(session, "John Smith", kind="person", country="United Kingdom")
    b = resolve_speaker(session, "John Smith", kind="person", country="Australia")
    assert a.speaker.id != b.speaker.id


def test_unnamed_institutional_speakers_keyed_by_country(session: Session) -> None:
    cn = resolve_speaker(session, "Foreign Ministry spokesperson", country="China", named=False)
    ru = resolve_speaker(session, "Foreign Ministry spokesperson", country="Russia", named=False)
    cn2 = resolve_speaker(session, "foreign ministry spokesperson", country="China", named=False)
    assert cn.speaker.id != ru.speaker.id
    assert cn2.speaker.id == cn.speaker.id
    assert cn.speaker.kind == "institution"


def test_institution_country_word_dropped(session: Session) -> None:
    a = resolve_speaker(session, "Chinese Foreign Ministry", kind="institution", country="China")
    b = resolve_speaker(session, "Foreign Ministry", kind="institution", country="China")
    assert a.speaker.id == b.speaker.id
    assert name_key("Russian Foreign Ministry", institution=True, country="Russia") == (
        "foreign ministry (russia)"
    )


@pytest.mark.parametrize(
    ("role", "kept"),
    [("by", None), ("of the", None), ("  Foreign   Minister ", "Foreign Minister"), (None, None)],
)
def test_clean_role(role: str | None, kept: str | None) -> None:
    assert clean_role(role) == kept


def test_a_name_without_country_does_not_spawn_a_speaker_per_quote(session: Session) -> None:
    """Regression: once two same-named speakers had different countries, every country-less
    mention of the name was ambiguous and created yet another speaker (16 "Hugo Chavez")."""
    first = resolve_speaker(session, "Hugo Chavez", kind="person", country="Venezuela")
    other = resolve_speaker(session, "Hugo Chávez", kind="person", country="Bolivia")
    assert other.speaker.id != first.speaker.id
    for name in ("Hugo Chávez", "Hugo Chavez", "Hugo Chavez"):
        again = resolve_speaker(session, name, kind="person")
        assert not again.created and again.speaker.id == first.speaker.id, name
    assert resolve_speaker(session, "Hugo Chavez", country="Bolivia").speaker.id == (
        other.speaker.id
    )


def _said(session: Session, *names: str) -> None:
    """Store one article in which each of ``names`` is quoted once."""
    body = "".join(f"“Statement {i} here,” {name} said.\n\n" for i, name in enumerate(names))
    quotes = [q(f"Statement {i} here,", body, name) for i, name in enumerate(names)]
    write.save_extraction(session, extraction(body, quotes))


def test_speaker_filter_exact_name_wins_over_parts(session: Session) -> None:
    _said(session, "Wang Yi", "Wang Wenbin", "Antony Blinken")
    assert resolve_speaker_filter(session, "Wang Yi").name == "Wang Yi"
    assert resolve_speaker_filter(session, "wenbin").name == "Wang Wenbin"
    assert resolve_speaker_filter(session, "Blin").name == "Antony Blinken"
    assert resolve_speaker_filter(session, "Secretary Blinken").name == "Antony Blinken"
    blinken = resolve_speaker_filter(session, "Antony Blinken")
    assert resolve_speaker_filter(session, str(blinken.id)) == blinken


def test_speaker_filter_ambiguous_or_unknown_is_a_clear_error(session: Session) -> None:
    _said(session, "Wang Yi", "Wang Wenbin")
    with pytest.raises(AmbiguousSpeaker, match="'Wang' is ambiguous: ") as caught:
        resolve_speaker_filter(session, "Wang")
    assert {row.name for row in caught.value.candidates} == {"Wang Yi", "Wang Wenbin"}
    assert "give the full name or the id" in caught.value.message
    with pytest.raises(UnknownSpeaker, match="no speaker matching 'Nobody'"):
        resolve_speaker_filter(session, "Nobody")
    with pytest.raises(UnknownSpeaker):
        resolve_speaker_filter(session, "999")
