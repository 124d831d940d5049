"""Keyword search: ranking, phrases, prefixes, filters, and fuzzed user text."""

from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text as sql
from sqlmodel import Session

from quotes.errors import QueryError
from quotes.store import search, write
from quotes.store.filters import QuoteFilter, filter_from_options
from quotes.store.search import fts5_expression, parse_query, search_quotes, tsquery_expression
from tests.store.conftest import extraction, q

TEXTS = [
    ("China is considering providing lethal support to Russia,", "Antony Blinken", "accuse"),
    ("These are smears and lies about lethal weapons,", "Wang Wenbin", "deny"),
    ("We support Ukraine's right to defend itself,", "Antony Blinken", "support"),
    ("The smearing campaign must stop,", "Wang Wenbin", "demand"),
]


@pytest.fixture
def filled(session: Session) -> Session:
    for n, (text, speaker, kind) in enumerate(TEXTS):
        body = f"Paragraph {n}.\n\n“{text}” {speaker} said.\n"
        write.save_extraction(
            session,
            extraction(
                body,
                [q(text, body, speaker, type=kind)],
                title=f"A{n}",
                date=f"2023-0{n + 1}-01",
                outlet="Wire" if n % 2 else "Daily",
            ),
        )
    return session


def texts(rows: list) -> list[str]:  # type: ignore[type-arg]
    return [r.text for r in rows]


def test_words_phrase_prefix_or(filled: Session) -> None:
    assert len(search_quotes(filled, "lethal")) == 2
    assert texts(search_quotes(filled, '"lethal support"')) == [TEXTS[0][0]]
    assert texts(search_quotes(filled, "“lethal support”")) == [TEXTS[0][0]]
    assert set(texts(search_quotes(filled, "smear*"))) == {TEXTS[1][0], TEXTS[3][0]}
    assert TEXTS[1][0] in texts(search_quotes(filled, "smears"))  # PostgreSQL stems
    assert len(search_quotes(filled, "ukraine OR russia")) == 2
    assert search_quotes(filled, "lethal")[0].rank is not None


def test_ranking_prefers_more_matches(filled: Session) -> None:
    rows = search_quotes(filled, "lethal OR support")
    assert rows[0].text == TEXTS[0][0]  # both words
    ranks = [r.rank for r in rows]
    assert ranks == sorted(ranks, reverse=True)  # type: ignore[type-var]


def by(session: Session, **options: str) -> QuoteFilter:
    return filter_from_options(session, **options)


def test_filters(filled: Session) -> None:
    wenbin = by(filled, speaker="Wang Wenbin")
    assert texts(search_quotes(filled, "lethal", wenbin)) == [TEXTS[1][0]]
    assert texts(search_quotes(filled, "lethal", QuoteFilter(type="accuse"))) == [TEXTS[0][0]]
    assert texts(search_quotes(filled, "lethal", QuoteFilter(since=date(2023, 2, 1)))) == [
        TEXTS[1][0]
    ]
    assert texts(search_quotes(filled, "lethal", QuoteFilter(until=date(2023, 1, 31)))) == [
        TEXTS[0][0]
    ]
    assert texts(search_quotes(filled, "lethal", QuoteFilter(outlet="wire"))) == [TEXTS[1][0]]
    assert texts(search_quotes(filled, "lethal", by(filled, until="2023-01"))) == [TEXTS[0][0]]
    assert len(search_quotes(filled, "lethal OR support OR smear*", limit=2)) == 2
    assert len(search_quotes(filled, "lethal OR support OR smear*", limit=2, offset=2)) == 2
    with pytest.raises(QueryError, match="no speaker"):
        by(filled, speaker="Nobody Here")
    with pytest.raises(QueryError, match="unknown statement type"):
        QuoteFilter(type="bogus")


def test_speaker_filter_takes_part_of_a_name(filled: Session) -> None:
    """Regression: `--speaker "Foreign Ministry"` was an error unless it named one speaker
    exactly; a part of the one speaker's name will do."""
    assert texts(search_quotes(filled, "lethal", by(filled, speaker="Wenbin"))) == [TEXTS[1][0]]
    assert len(search_quotes(filled, "lethal", by(filled, speaker="wang"))) == 1


@pytest.mark.parametrize("query", ["", "   ", "***", '""', "OR", "- + ^ ( )", "«»"])
def test_meaningless_query_is_query_error(filled: Session, query: str) -> None:
    with pytest.raises(QueryError, match="nothing to search for"):
        search_quotes(filled, query)


def test_stopwords_and_short_prefixes(filled: Session) -> None:
    assert texts(search_quotes(filled, "the lethal support")) == [TEXTS[0][0]]
    with pytest.raises(QueryError, match="nothing to search for"):
        search_quotes(filled, "the of and")
    with pytest.raises(QueryError, match="too short"):
        search_quotes(filled, "sm*")


def test_expressions_are_quoted() -> None:
    parsed = parse_query('NOT "lethal support" NEAR( smear* OR x:y')
    assert (
        fts5_expression(parsed)
        == '("not" AND "lethal support" AND "near" AND "smear" *) OR ("x y")'
    )
    assert (
        tsquery_expression(parsed) == "(not & (lethal <-> support) & near & smear:*) | ((x <-> y))"
    )


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=60) | st.sampled_from(['"', "*", "OR", "NEAR(", "a:b", "^", "-x", "\x00"]))
def test_fuzzed_queries_raise_only_query_error(filled: Session, query: str) -> None:
    with contextlib.suppress(QueryError):
        search_quotes(filled, query)


def test_rank_window_ranks_newest_matches_only(filled: Session) -> None:
    exact = search_quotes(filled, "lethal", rank_window=None)
    windowed = search_quotes(filled, "lethal", rank_window=1, limit=1)
    assert len(exact) == 2
    if filled.get_bind().dialect.name == "sqlite":
        assert [r.id for r in windowed] == [max(r.id for r in exact)]
    assert search_quotes(filled, "lethal", rank_window=1, offset=1) == exact[1:]


def test_filters_without_a_keyword_list_every_matching_quote(filled: Session) -> None:
    """Issue 14: "all denials by this spokesperson" needs no keyword (newest first)."""
    wenbin = by(filled, speaker="Wang Wenbin")
    assert texts(search_quotes(filled, "", wenbin)) == [TEXTS[3][0], TEXTS[1][0]]
    assert texts(search_quotes(filled, "  ", QuoteFilter(type="deny"))) == [TEXTS[1][0]]
    since = QuoteFilter(since=date(2023, 2, 1), until=date(2023, 3, 31))
    assert texts(search_quotes(filled, "", since)) == [TEXTS[2][0], TEXTS[1][0]]
    assert len(search_quotes(filled, "", since, limit=1, offset=1)) == 1
    assert all(row.rank is None for row in search_quotes(filled, "", wenbin))
    with pytest.raises(QueryError, match="nothing to search for"):
        search_quotes(filled, "", QuoteFilter())  # no keyword and no filter: still an error


def test_search_sorts_by_relevance_or_date(filled: Session) -> None:
    query = "lethal OR support"
    best = search_quotes(filled, query)
    assert best[0].text == TEXTS[0][0]  # both words: best match first
    newest = search_quotes(filled, query, sort="date")
    assert texts(newest) == [TEXTS[2][0], TEXTS[1][0], TEXTS[0][0]]  # published, newest first
    blinken = by(filled, speaker="Blinken")
    assert texts(search_quotes(filled, query, blinken, sort="date")) == [TEXTS[2][0], TEXTS[0][0]]
    assert texts(search_quotes(filled, query, sort="date", limit=1, offset=1)) == [TEXTS[1][0]]
    with pytest.raises(QueryError, match="sort"):
        search_quotes(filled, query, sort="size")


def test_postgres_ranks_the_newest_window_of_a_common_word(
    filled: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL ranks only the newest ``rank_window`` matches of a word its statistics call
    common (the id range and the word ANDed as bitmaps); too few there: every match ranked.
    The planner settings it turns off for that one query are back on afterwards."""
    if filled.get_bind().dialect.name != "postgresql":
        pytest.skip("PostgreSQL's windowed ranking")
    exact = search_quotes(filled, "lethal", rank_window=None)
    newest = max(r.id for r in exact)
    monkeypatch.setattr(search, "_pg_floor", lambda _s, _e, _w: 0)
    windowed = search_quotes(filled, "lethal", rank_window=1, limit=1)
    assert [r.id for r in windowed] == [newest]
    assert windowed[0].rank is not None and windowed[0].rank > 0
    settings = filled.execute(
        sql(
            "SELECT current_setting('enable_indexscan'), "
            "current_setting('max_parallel_workers_per_gather')"
        )
    ).one()
    assert settings[0] == "on" and settings[1] != "0"
    monkeypatch.setattr(search, "_pg_floor", lambda _s, _e, _w: newest)  # none above: all ranked
    assert search_quotes(filled, "lethal", rank_window=1, limit=1) == exact[:1]
    monkeypatch.setattr(search, "_pg_floor", lambda _s, _e, _w: 0)
    assert search_quotes(filled, "lethal", rank_window=5, limit=5) == exact  # fewer than window


def test_postgres_floor_needs_a_common_word(filled: Session) -> None:
    """A word in a few quotes of a small store is ranked whole: no id floor."""
    if filled.get_bind().dialect.name != "postgresql":
        pytest.skip("PostgreSQL's windowed ranking")
    filled.execute(sql("ANALYZE quote"))
    assert search._pg_floor(filled, "lethal", 1000) is None
