"""Versions of one statement: copies, re-punctuation, ellipses, brackets, partial quotes,
translations; wording drift; the word diff; speaker and date compatibility (issue 18)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from quotes.nlp.variants import (
    GAP,
    EmbeddingSimilarity,
    Version,
    best_relation,
    compatible_speakers,
    drift,
    fits_inside,
    relation,
    same_statement,
    shingles,
    tokens,
    word_diff,
)

U1 = (
    "The accusations from Aldmark are groundless speculation and smears. Serevia has not "
    "diverted a single drop of the Lerna. The Dravec dam is a storage reservoir, nothing more."
)


def _fake_similarity(table: dict[frozenset[str], float]):  # type: ignore[no-untyped-def]
    def similarity(a: str, b: str) -> float:
        return table.get(frozenset((a, b)), 0.0)

    return similarity


def test_tokens_fold_marks_case_and_mark_gaps() -> None:
    assert tokens("„Wir … schließen [das] nicht aus“") == (
        "wir",
        GAP,
        "schliessen",  # casefold: ß -> ss
        GAP,
        "nicht",
        "aus",
    )
    assert tokens("It’s “ours”...") == ("it's", "ours")


def test_exact_copy() -> None:
    assert relation(U1, U1).kind == "exact"


def test_punctuation_and_quote_marks_only() -> None:
    other = (
        "“The accusations from Aldmark are groundless speculation and smears; Serevia has not "
        "diverted a single drop of the Lerna – the Dravec dam is a storage reservoir. "
        "Nothing more.”"
    )
    assert relation(U1, other).kind == "punctuation"
    assert not drift(U1, other)


@pytest.mark.parametrize("mark", ["...", "…", " . . . ", "(...)"])
def test_ellipsis_cut_is_partial_without_drift(mark: str) -> None:
    cut = (
        f"The accusations from Aldmark are groundless speculation and smears.{mark}"
        "The Dravec dam is a storage reservoir, nothing more."
    )
    assert relation(cut, U1).kind == "partial"
    assert not drift(U1, cut)


def test_bracketed_insertion_matches_the_original() -> None:
    original = (
        "We will not rule out inviting international inspectors "
        "to the dam if Aldmark stops its threats."
    )
    bracketed = (
        "We will not rule out inviting international inspectors to the "
        "[Dravec] dam if Aldmark stops its threats."
    )
    assert relation(original, bracketed).same
    assert not drift(original, bracketed)


def test_partial_quote_inside_a_longer_one() -> None:
    assert relation("groundless speculation and smears", U1).kind == "partial"
    assert relation(U1, "not diverted a single drop of the Lerna").kind == "partial"
    assert not drift("groundless speculation and smears", U1)


def test_too_short_a_fragment_is_not_matched_on_words() -> None:
    assert not relation("smears", U1).same


def test_near_copy_with_a_changed_number_drifts() -> None:
    a = (
        "The reservoir holds 40 million cubic metres, less than "
        "two percent of the river's yearly flow."
    )
    b = (
        "The reservoir holds 400 million cubic metres, less than "
        "two percent of the river's yearly flow."
    )
    assert relation(a, b).kind == "near"
    assert drift(a, b)


def test_lost_negation_drifts() -> None:
    a = (
        "We will not rule out inviting international inspectors "
        "to the dam if Aldmark stops its threats."
    )
    b = (
        "We will rule out inviting international inspectors to "
        "the dam if Aldmark stops its threats."
    )
    assert relation(a, b).same
    assert drift(a, b)


def test_swapped_function_word_is_no_drift() -> None:
    a = "We will judge Serevia by the water in the river, not by the words in Tarvik."
    b = "We will judge Serevia by the water in a river, not by the words in Tarvik."
    assert relation(a, b).kind == "near"
    assert not drift(a, b)


def test_translation_by_meaning_needs_the_similarity() -> None:
    a = "These accusations are groundless speculation and smears."
    b = "These allegations are baseless speculation and slander."
    assert not relation(a, b).same
    found = relation(a, b, _fake_similarity({frozenset((a, b)): 0.93}))
    assert found.kind == "translation"
    assert not drift(a, b, "translation")


def test_translation_refused_when_negation_differs() -> None:
    a = "Serevia has not diverted a single drop of the Lerna."
    b = "Serevia has diverted every drop of the Lerna river."
    assert not relation(a, b, _fake_similarity({frozenset((a, b)): 0.95})).same


def test_hard_negative_same_topic_other_words() -> None:
    a = (
        "As we said in May, these accusations are groundless. Serevia "
        "has not diverted the Lerna and will not do so."
    )
    assert not relation(a, U1).same


def test_word_diff_marks_the_changed_words() -> None:
    parts = word_diff("We will not rule out talks.", "We will rule out talks!")
    changed = [p for p in parts if p.tag != "equal"]
    assert len(changed) == 1
    assert changed[0].tag == "delete" and changed[0].a == ("not",)


def test_speakers_compatible_by_name_surname_or_country() -> None:
    assert compatible_speakers("Irena Valko", "Foreign Ministry spokeswoman Irena Valko")
    assert compatible_speakers("Irena Valko", "Valko")
    assert compatible_speakers(None, "Irena Valko")
    assert not compatible_speakers("Irena Valko", "Jonas Berglund")
    assert compatible_speakers("Irena Valko", "Serevian Foreign Ministry", "Serevia", "Serevia")


def test_same_statement_needs_dates_within_the_window() -> None:
    a = Version(U1, "Irena Valko", date(2032, 5, 10))
    b = Version(U1, "Irena Valko", date(2032, 5, 12))
    late = Version(
        "These accusations are groundless speculation and smears indeed, said long after.",
        "Irena Valko",
        date(2032, 9, 1),
    )
    assert same_statement(a, b).kind == "exact"
    assert not same_statement(a, late).same


def test_translation_needs_the_same_person_not_only_the_same_country() -> None:
    a, b = (
        "These accusations are groundless speculation and smears.",
        "These allegations are baseless speculation and slander.",
    )
    sim = _fake_similarity({frozenset((a, b)): 0.93})
    day = date(2032, 5, 10)
    same = same_statement(Version(a, "Irena Valko", day), Version(b, "Valko", day), sim)
    other = same_statement(
        Version(a, "Irena Valko", day, "Serevia"),
        Version(b, "Foreign Ministry", day, "Serevia"),
        sim,
    )
    assert same.kind == "translation"
    assert not other.same


def test_best_relation_prefers_words_over_meaning() -> None:
    new = Version("groundless speculation and smears", "Irena Valko", date(2032, 5, 11))
    versions = [Version(U1, "Irena Valko", date(2032, 5, 10))]
    calls: list[tuple[str, str]] = []

    def similarity(a: str, b: str) -> float:
        calls.append((a, b))
        return 0.0

    assert best_relation(new, versions, similarity).kind == "partial"
    assert calls == []


def test_shingles_shared_by_a_partial_and_the_whole() -> None:
    assert shingles("groundless speculation and smears") & shingles(U1)
    assert not shingles("too short")


@pytest.mark.slow
def test_embedding_similarity_ranks_translations_above_other_statements() -> None:
    sim = EmbeddingSimilarity()
    a = "These accusations are groundless speculation and smears."
    b = "These allegations are baseless speculation and slander."
    c = "Our door is open to any neighbour who wants to talk."
    assert sim(a, b) > sim(a, c) + 0.2


def test_a_long_copy_credited_to_another_speaker_is_the_same_statement() -> None:
    day = date(2032, 5, 10)
    text = "We will not rule out inviting international inspectors to the dam."
    misattributed = same_statement(Version(text, "Irena Valko", day), Version(text, "Serevia", day))
    short = "groundless speculation and smears"
    assert misattributed.kind == "exact"
    assert not same_statement(
        Version(short, "Irena Valko", day), Version(short, "Berglund", day)
    ).same


# -- translations across languages, of a part, and partial quotes with a repetition -----------

EN = (
    "Kestria has closed its airspace to our civilian flights without warning. This is an "
    "unfriendly act. We call on Kestria to reopen the corridor today."
)
DE = "Das ist ein unfreundlicher Akt. Wir fordern Kestria auf, den Korridor noch heute zu öffnen."
DAY = date(2034, 3, 2)


def test_a_translation_into_another_language_needs_a_lower_cosine_than_two_english() -> None:
    """Cosines across languages run lower than between two English renderings: 0.70 is a
    translation between German and English, not between two English texts."""
    de = "Wir werden unseren Botschafter vorerst nicht zurückrufen."
    en = "We will not recall our ambassador for now."
    en2 = "For now we shall not be recalling our envoy."
    sim = _fake_similarity({frozenset((de, en)): 0.70, frozenset((en, en2)): 0.70})
    assert relation(de, en, sim).kind == "translation"
    assert not relation(en, en2, sim).same


def test_another_language_below_the_cross_lingual_threshold_stays_apart() -> None:
    fr = "Nous ne rappellerons pas notre ambassadeur pour l'instant."
    en = "We will recall our ambassador if the crew is not home by Friday."
    assert not relation(fr, en, _fake_similarity({frozenset((fr, en)): 0.57})).same


def test_a_translation_of_part_of_a_statement_is_matched_on_its_sentences() -> None:
    """The German outlet translates the last two of three sentences: the whole texts are far
    apart, the German and those two sentences are close."""
    last_two = "This is an unfriendly act. We call on Kestria to reopen the corridor today."
    sim = _fake_similarity({frozenset((DE, EN)): 0.55, frozenset((DE, last_two)): 0.80})
    found = same_statement(Version(EN, "Mira Tolan", DAY), Version(DE, "Mira Tolan", DAY), sim)
    assert found.kind == "translation"


def test_an_english_fragment_of_a_foreign_statement_is_matched_on_its_sentence() -> None:
    fragment = "an unfriendly act, plain and simple"
    sentence = "Das ist ein unfreundlicher Akt."
    sim = _fake_similarity({frozenset((fragment, sentence)): 0.72})
    found = same_statement(
        Version(fragment, "Mira Tolan", DAY), Version(DE, "Mira Tolan", DAY), sim
    )
    assert found.kind == "translation"


def test_nothing_but_is_no_negation_between_two_english_renderings() -> None:
    a = "The border guards seized our trawler. This is piracy, plain and simple."
    b = "Border guards took our trawler. This is nothing but piracy."
    sim = _fake_similarity({frozenset((a, b)): 0.85})
    assert relation(a, b, sim).kind == "translation"
    assert not drift(a, b, "translation")
    c = "Border guards took our trawler. This is not piracy."
    assert not relation(a, c, _fake_similarity({frozenset((a, c)): 0.85})).same


def test_a_partial_quote_matches_a_version_that_repeats_words() -> None:
    """A transcript keeps the speaker's repetition ("if they get to pick, if they get to
    pick"); the shorter quote leaves it out."""
    whole = (
        "They want to scrap the treaty. By the way, if they get to pick, if they get to pick "
        "the negotiators, nothing you can do, folks."
    )
    part = "By the way, if they get to pick the negotiators, nothing you can do,"
    assert relation(part, whole).kind == "partial"
    assert not relation("By the way, if they get to pick the judges, nothing to do", whole).same


@pytest.mark.slow
def test_embedding_groups_a_german_original_with_its_english_translation() -> None:
    sim = EmbeddingSimilarity()
    other = (
        "Kestria has every right to protect its airspace. Our civilian flights will resume "
        "once the inspections are complete."
    )
    versions = [Version(EN, "Mira Tolan", DAY)]
    assert best_relation(Version(DE, "Mira Tolan", DAY), versions, sim).kind == "translation"
    assert not best_relation(Version(other, "Mira Tolan", DAY), versions, sim).same


def test_a_part_that_starts_inside_a_repetition_still_fits_word_for_word() -> None:
    whole = "We will, we will not accept these terms from Kestria."
    assert fits_inside("will, we will not accept these terms", whole)


class _CountingEncoder:
    """A stand-in for the sentence encoder: a distinct vector per text, counting the calls."""

    def __init__(self) -> None:
        self.encoded: list[str] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.encoded.extend(texts)
        return np.asarray([[len(t), sum(map(ord, t)) % 97 + 1.0] for t in texts], dtype=float)


@pytest.fixture
def encoder(monkeypatch: pytest.MonkeyPatch) -> _CountingEncoder:
    """The stand-in, in place of the real encoder for ``EmbeddingSimilarity``."""
    counting = _CountingEncoder()
    monkeypatch.setattr("quotes.nlp.statement_model.sentence_encoder", lambda: counting)
    return counting


def test_a_full_embedding_cache_never_drops_a_text_the_same_batch_asks_for(
    encoder: _CountingEncoder,
) -> None:
    # the bug: a text cached earlier, asked for again with new ones while the cache was full,
    # was evicted to make room for them, then looked up: KeyError in the middle of an ingest
    sim = EmbeddingSimilarity(size=3)
    sim.prepare(["a", "bb", "ccc"])
    vectors = sim.vectors(["a", "dddd", "eeeee", "ffffff"])  # "a" cached, three new
    assert len(vectors) == 4
    assert sim.vectors(["a"])[0] == pytest.approx(vectors[0])
    more = [f"text {i}" for i in range(10)]
    assert len(sim.vectors(more)) == 10  # more new texts than the cache holds


def test_the_embedding_cache_keeps_the_texts_used_most_recently(
    encoder: _CountingEncoder,
) -> None:
    sim = EmbeddingSimilarity(size=2)
    sim.vectors(["a", "bb"])
    sim.vectors(["a"])  # used again: "bb" is now the oldest
    sim.vectors(["ccc"])
    encoder.encoded.clear()
    sim.vectors(["a"])
    assert encoder.encoded == []  # still cached
