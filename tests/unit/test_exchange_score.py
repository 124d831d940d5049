"""Cross-article scoring (``quotes.nlp.exchanges``): pure, beside the in-article linker."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from quotes.config import link_window, link_window_days
from quotes.nlp.exchanges import WINDOW_DAYS, Side, exchange_score, link_exchanges, proper_names
from quotes.nlp.types import ExtractedQuote, ExtractedSpeaker

DAY = date(2031, 3, 2)


def charge(**changes: object) -> Side:
    values: dict[str, object] = {
        "id": 1,
        "article_id": 1,
        "published": DAY,
        "type": "accuse",
        "target": "Valdoria",
        "country": "Norland",
        "speaker": "Ilse Marken",
        "text": "Valdoria is sending drones across the border",
    }
    values.update(changes)
    return Side.of(**values)  # type: ignore[arg-type]


def answer(**changes: object) -> Side:
    values: dict[str, object] = {
        "id": 2,
        "article_id": 2,
        "published": DAY + timedelta(days=2),
        "type": "deny",
        "target": "Norland",
        "country": "Valdoria",
        "speaker": "Tomas Brel",
        "text": "No drones have crossed the border",
    }
    values.update(changes)
    return Side.of(**values)  # type: ignore[arg-type]


def test_a_later_answer_between_the_parties_on_the_topic_scores() -> None:
    assert exchange_score(charge(), answer()) > 0


def test_no_link_within_one_article_before_the_charge_or_past_the_window() -> None:
    assert exchange_score(charge(), answer(article_id=1)) == 0
    assert exchange_score(charge(), answer(published=DAY - timedelta(days=1))) == 0
    late = DAY + timedelta(days=WINDOW_DAYS + 1)
    assert exchange_score(charge(), answer(published=late)) == 0


def test_no_link_without_parties_or_shared_words() -> None:
    assert exchange_score(charge(), answer(country=None, target=None)) == 0
    assert exchange_score(charge(), answer(text="We will reply in due course")) == 0


def test_proper_names_skip_calendar_and_common_words() -> None:
    assert proper_names("On Monday Valdoria said Kessel would stay") == {"valdoria", "kessel"}


def test_the_window_is_the_users_to_set(monkeypatch: pytest.MonkeyPatch) -> None:
    later = answer(published=DAY + timedelta(days=40))
    assert exchange_score(charge(), later, window_days=30) == 0
    assert exchange_score(charge(), later, window_days=60) > 0
    monkeypatch.setenv("QUOTES_LINK_WINDOW_DAYS", "30")
    assert link_window_days() == 30
    for bad in ("soon", "0", "99999"):
        monkeypatch.setenv("QUOTES_LINK_WINDOW_DAYS", bad)
        assert link_window_days() == WINDOW_DAYS
    monkeypatch.delenv("QUOTES_LINK_WINDOW_DAYS")
    assert link_window_days() == WINDOW_DAYS


def said(text: str, who: str, country: str, type_: str, target: str | None) -> ExtractedQuote:
    return ExtractedQuote(
        0, len(text), text, type=type_, target=target, speaker=ExtractedSpeaker(who, None, country)
    )


def test_a_counter_charge_answers_the_charge_between_the_same_two_parties() -> None:
    quotes = [
        said(
            "Merenia is holding our fishermen hostage",
            "Petra Valcu",
            "Kaldora",
            "accuse",
            "Merenia",
        ),
        said("Esteria is stealing our water", "Karl Haber", "Esteria", "accuse", "Sardovia"),
        said("Kaldora is inventing a crisis", "Oren Taskel", "Merenia", "accuse", "Kaldora"),
    ]
    link_exchanges(quotes)
    assert quotes[2].responds_to == 0
    assert quotes[1].responds_to is None  # Esteria's charge answers no charge aimed at Esteria


def test_a_counter_charge_across_articles_needs_both_parties() -> None:
    counter = answer(type="accuse", target="Norland", text="Norland sends drones across the border")
    assert exchange_score(charge(), counter) > 0
    assert exchange_score(charge(), answer(type="accuse", target=None)) == 0
    assert exchange_score(charge(), answer(type="accuse", country="Kessel")) == 0


def test_a_link_window_setting_lasts_only_for_its_block(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUOTES_LINK_WINDOW_DAYS", raising=False)
    with link_window(30):
        assert link_window_days() == 30
    assert link_window_days() == WINDOW_DAYS  # the command's option does not outlive it
    monkeypatch.setenv("QUOTES_LINK_WINDOW_DAYS", "45")
    with link_window(None):
        assert link_window_days() == 45
    with link_window(10):
        assert link_window_days() == 10
    assert link_window_days() == 45
