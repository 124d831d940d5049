"""Parties the country list does not know: found in the document, from the user's file, and
the state a story is filed from (``quotes.nlp.parties``, ``quotes.nlp.lexicon``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes.nlp import lexicon, parties
from quotes.nlp.parse import surface_parse
from quotes.nlp.pipeline import extract_parsed
from quotes.nlp.types import Document, DocumentMeta, ExtractedQuote


def found(text: str) -> dict[str, tuple[str, ...]]:
    return {p.name: p.demonyms for p in parties.discover(text, lexicon.base_countries())}


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Valdoria's foreign ministry summoned the envoy.", "Valdoria"),
        ("Norland's ambassador was summoned on Monday.", "Norland"),
        ("A Norland foreign ministry spokesman declined to comment.", "Norland"),
        ("The government of Merenia said nothing.", "Merenia"),
        ("Valdoria rejected the accusations by Norland that it had armed militias.", "Norland"),
    ],
)
def test_a_state_shows_itself_by_what_it_has(text: str, party: str) -> None:
    assert party in found(text)


def test_a_demonym_points_to_the_state_the_text_names() -> None:
    text = "Sardovia closed the border. The Sardovian president said the decision was final."
    assert found(text) == {"Sardovia": ("Sardovian",)}


def test_a_demonym_whose_state_is_never_named_makes_no_party() -> None:
    assert found("The Sardovian president said the decision was final.") == {}


@pytest.mark.parametrize(
    "text",
    [
        # people: a title or a first name before the word
        "President Vey spoke. Vey's ambassador left the room.",
        "Karl Haber arrived. Haber's ambassador was there too.",
        # known states, cut short or whole
        "South Korea's foreign minister and the Republic of Korea's navy met.",
        "China's foreign ministry said so.",
        # organisations and people have presidents and governments, not states
        "Ashley Spillane, president of Rock the Vote, spoke.",
        "They fought the Castro government for years.",
        # common words opening a phrase
        "The government's foreign minister said so. Our ambassador agreed.",
    ],
)
def test_people_known_states_and_common_words_are_not_found(text: str) -> None:
    assert found(text) == {}


def test_a_headline_in_title_case_is_no_first_name() -> None:
    text = "Valdoria Rejects Norland Claims\n\nNorland's foreign minister spoke."
    assert "Norland" in found(text)


def test_document_parties_lasts_only_for_the_block() -> None:
    assert lexicon.countries().first("Valdoria said") is None
    with lexicon.document_parties([["Valdoria", "Valdoria|@Valdorian"]]):
        assert lexicon.countries().first("the Valdorian army") == "Valdoria"
    assert lexicon.countries().first("Valdoria said") is None


def test_the_users_parties_file_adds_states_and_demonyms(tmp_path: Path) -> None:
    path = tmp_path / "parties.tsv"
    path.write_text(
        "# my parties\nValdoria\tValdoria|@Valdorian|Mirava\nNorland\n\nbroken line without tab\n",
        encoding="utf-8",
    )
    rows = lexicon.user_party_rows(path)
    assert rows[0] == ["Valdoria", "Valdoria|@Valdorian|Mirava"]
    assert ["Norland", "Norland"] in rows
    assert lexicon.user_party_rows(tmp_path / "missing.tsv") == []


def test_the_parties_file_is_read_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "parties.tsv"
    path.write_text("Valdoria\tValdoria|@Valdorian|Mirava\n", encoding="utf-8")
    monkeypatch.setenv("QUOTES_PARTIES", str(path))
    lexicon.country_rows.cache_clear()
    lexicon.base_countries.cache_clear()
    try:
        assert lexicon.countries().first("officials in Mirava said") == "Valdoria"
    finally:
        monkeypatch.undo()
        lexicon.country_rows.cache_clear()
        lexicon.base_countries.cache_clear()
    assert lexicon.countries().first("officials in Mirava said") is None


@pytest.mark.parametrize(
    ("text", "outlet", "home"),
    [
        ("DRAVOGRAD, SARDOVIA — Protesters marched.", None, None),  # Sardovia unknown here
        ("BEIJING (Reuters) - China said.", None, "China"),
        ("WASHINGTON — The president spoke.", None, "United States"),
        ("MIRAVA – Valdoria denied it.", None, None),
        ("The talks failed.", "The White House", "United States"),
        ("The talks failed.", "Wikinews", None),
    ],
)
def test_home_party(text: str, outlet: str | None, home: str | None) -> None:
    assert parties.home_party(text, outlet) == home


def test_home_party_reads_a_demonym_in_the_outlet() -> None:
    with lexicon.document_parties([["Valdoria", "Valdoria"]]):
        assert parties.home_party("MIRAVA – It denied.", "Valdorian Press Agency") == "Valdoria"
        assert parties.home_party("DRAVOGRAD, VALDORIA — Crowds.", None) == "Valdoria"


@pytest.mark.parametrize(
    ("role", "home"),
    [
        ("Foreign Minister", True),
        ("Foreign Ministry spokeswoman", True),
        ("President", True),
        ("U.S. President", False),
        ("Esteria's foreign minister", False),
        ("Secretary of State", False),
        ("analyst", False),
    ],
)
def test_home_office(role: str, home: bool) -> None:
    assert parties.home_office(role) is home


def run(text: str, outlet: str | None = None) -> list[ExtractedQuote]:
    document = Document(text, DocumentMeta(outlet=outlet))
    return [q for q in extract_parsed(document, surface_parse(text)).quotes if q.form == "direct"]


@pytest.mark.slow
def test_a_fictional_states_minister_speaks_for_it_and_targets_the_other() -> None:
    """With the real models (the surface parse splits "Norland's foreign minister Ilse Marken"
    into a bare "minister", for known states too)."""
    from quotes.nlp.pipeline import extract

    text = (
        "Norland's foreign minister, Ilse Marken, told reporters on Monday that her government "
        "had summoned Valdoria's ambassador. "
        '"Valdoria is shipping attack drones to the militias," Marken said.'
    )
    (quote,) = [q for q in extract(Document(text)).quotes if q.form == "direct"]
    assert quote.speaker is not None and quote.speaker.affiliation == "Norland"
    assert quote.target == "Valdoria"


def test_a_stateless_office_belongs_to_the_outlets_state_and_never_targets_it() -> None:
    text = (
        "MIRAVA – Valdoria denied the accusations by Norland on Thursday and said its "
        "ambassador would stay.\n\nValdoria's ambassador in Norland was not summoned.\n\n"
        "Foreign Ministry spokeswoman Lena Sorvik told a news conference: "
        "“Valdoria has never supplied drones to anyone. Norland has shown no evidence.”"
    )
    (quote,) = run(text, outlet="Valdorian Press Agency")
    assert quote.speaker is not None and quote.speaker.name == "Lena Sorvik"
    assert quote.speaker.affiliation == "Valdoria"
    assert quote.target == "Norland"
