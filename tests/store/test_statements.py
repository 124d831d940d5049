"""Grouping stored quotes into statements at ingest: copies across outlets join one statement,
the earliest source and the outlet count are kept, drift is flagged, and re-ingest, new
versions and corrections keep the grouping right (issue 18)."""

from __future__ import annotations

from sqlmodel import Session, select

from quotes.store.statements import candidates, regroup_all
from quotes.store.tables import Quote, Statement, StatementShingle
from quotes.store.write import correct_quote, save_extraction
from tests.store.conftest import extraction, q

U1 = (
    "The accusations from Aldmark are groundless speculation and smears. "
    "Serevia has not diverted a single drop of the Lerna."
)
U1_CUT = "The accusations from Aldmark are groundless speculation and smears..."
U2 = (
    "We will not rule out inviting international inspectors "
    "to the dam if Aldmark stops its threats."
)
U2_DRIFT = (
    "We will rule out inviting international inspectors to the dam if Aldmark stops its threats."
)
U5 = (
    "As we said in May, these accusations are groundless. Serevia "
    "has not diverted the Lerna and will not do so."
)


def _article(text: str, speaker: str | None, *, outlet: str, date: str, url: str):  # type: ignore[no-untyped-def]
    body = f'{outlet} reports ({url}, {date}). "{text}" {speaker or "someone"} said.'
    return extraction(body, [q(text, body, speaker)], outlet=outlet, date=date, url=url)


def _statements(session: Session) -> list[Statement]:
    return list(session.exec(select(Statement).order_by(Statement.id)))


def test_copies_in_three_outlets_are_one_statement(session: Session) -> None:
    save_extraction(
        session, _article(U1, "Irena Valko", outlet="Wire", date="2032-05-10", url="u1")
    )
    save_extraction(session, _article(U1, "Valko", outlet="Courier", date="2032-05-11", url="u2"))
    save_extraction(
        session, _article(U1_CUT, "Irena Valko", outlet="Ledger", date="2032-05-12", url="u3")
    )
    (statement,) = _statements(session)
    assert (statement.versions, statement.outlets, statement.drift) == (3, 3, False)
    first = session.get(Quote, statement.first_quote_id)
    assert first is not None and first.text == U1
    assert {row.statement_id for row in session.exec(select(Quote))} == {statement.id}


def test_earliest_source_is_the_earliest_date_not_the_first_ingested(session: Session) -> None:
    save_extraction(session, _article(U1, "Irena Valko", outlet="Late", date="2032-05-12", url="a"))
    save_extraction(
        session, _article(U1, "Irena Valko", outlet="Early", date="2032-05-10", url="b")
    )
    (statement,) = _statements(session)
    first = session.get(Quote, statement.first_quote_id)
    assert first is not None and first.article_id == 2
    assert str(statement.first_date) == "2032-05-10"


def test_hard_negative_and_other_speaker_stay_apart(session: Session) -> None:
    save_extraction(session, _article(U1, "Irena Valko", outlet="Wire", date="2032-05-10", url="a"))
    save_extraction(session, _article(U5, "Irena Valko", outlet="Wire", date="2032-05-12", url="b"))
    save_extraction(session, _article(U2, "Irena Valko", outlet="Wire", date="2032-05-12", url="c"))
    assert len(_statements(session)) == 3


def test_out_of_window_copy_is_another_statement(session: Session) -> None:
    short = "groundless speculation and smears"
    save_extraction(session, _article(U1, "Irena Valko", outlet="Wire", date="2032-05-10", url="a"))
    save_extraction(
        session, _article(short, "Irena Valko", outlet="Wire", date="2032-06-20", url="b")
    )
    save_extraction(session, _article(U1, "Irena Valko", outlet="Wire", date="2032-12-20", url="c"))
    assert len(_statements(session)) == 3


def test_a_long_passage_quoted_months_later_is_the_same_statement(session: Session) -> None:
    save_extraction(session, _article(U1, "Irena Valko", outlet="Wire", date="2032-05-10", url="a"))
    save_extraction(session, _article(U1, "Irena Valko", outlet="Post", date="2032-08-10", url="b"))
    (statement,) = _statements(session)
    assert statement.versions == 2


def test_drift_is_flagged(session: Session) -> None:
    save_extraction(session, _article(U2, "Irena Valko", outlet="Wire", date="2032-05-10", url="a"))
    save_extraction(
        session, _article(U2_DRIFT, "Irena Valko", outlet="Coast", date="2032-05-14", url="b")
    )
    (statement,) = _statements(session)
    assert statement.drift and statement.outlets == 2


def test_misattributed_long_copy_is_found_by_the_shingle_index(session: Session) -> None:
    save_extraction(session, _article(U2, "Irena Valko", outlet="Wire", date="2032-05-10", url="a"))
    save_extraction(session, _article(U2, "Serevia", outlet="Courier", date="2032-05-10", url="b"))
    (statement,) = _statements(session)
    assert statement.versions == 2
    assert session.exec(select(StatementShingle)).first() is not None


def test_reingest_is_idempotent_and_new_version_regroups(session: Session) -> None:
    first = _article(U1, "Irena Valko", outlet="Wire", date="2032-05-10", url="a")
    save_extraction(session, first)
    save_extraction(
        session, _article(U1, "Irena Valko", outlet="Courier", date="2032-05-11", url="b")
    )
    save_extraction(session, first)
    (statement,) = _statements(session)
    assert statement.versions == 2
    # the Courier corrects its article: now it quotes another statement
    save_extraction(
        session, _article(U2, "Irena Valko", outlet="Courier", date="2032-05-11", url="b")
    )
    found = _statements(session)
    assert sorted(s.versions for s in found) == [1, 1]


def test_deleting_a_version_updates_the_statement(session: Session) -> None:
    save_extraction(session, _article(U1, "Irena Valko", outlet="Wire", date="2032-05-10", url="a"))
    save_extraction(
        session, _article(U1, "Irena Valko", outlet="Courier", date="2032-05-11", url="b")
    )
    rows = list(session.exec(select(Quote).order_by(Quote.id)))
    correct_quote(session, rows[0].id or 0)
    (statement,) = _statements(session)
    assert (statement.versions, statement.outlets, statement.first_quote_id) == (1, 1, rows[1].id)
    correct_quote(session, rows[1].id or 0)
    assert _statements(session) == []


def test_candidates_come_from_the_index_only(session: Session) -> None:
    save_extraction(session, _article(U1, "Irena Valko", outlet="Wire", date="2032-05-10", url="a"))
    save_extraction(
        session, _article(U2, "Jonas Berglund", outlet="Wire", date="2032-05-10", url="b")
    )
    save_extraction(session, _article(U2, "Irena Valko", outlet="Wire", date="2033-01-10", url="c"))
    from quotes.store.statements import _read

    (seen,) = _read(session, [1])
    assert candidates(session, seen) == []  # Berglund's U2 shares no run with U1, other speaker


def test_regroup_all_rebuilds_the_same_groups(session: Session) -> None:
    save_extraction(session, _article(U1, "Irena Valko", outlet="Wire", date="2032-05-10", url="a"))
    save_extraction(
        session, _article(U1_CUT, "Irena Valko", outlet="Ledger", date="2032-05-12", url="b")
    )
    save_extraction(session, _article(U2, "Irena Valko", outlet="Wire", date="2032-05-12", url="c"))
    before = sorted((s.versions, s.outlets) for s in _statements(session))
    assert regroup_all(session) == 2
    assert sorted((s.versions, s.outlets) for s in _statements(session)) == before


def _three_outlets(session: Session) -> None:
    save_extraction(
        session, _article(U1, "Irena Valko", outlet="Ledger", date="2032-05-12", url="c")
    )
    save_extraction(session, _article(U1, "Irena Valko", outlet="Wire", date="2032-05-10", url="a"))
    save_extraction(
        session, _article(U1_CUT, "Valko", outlet="Courier", date="2032-05-11", url="b")
    )
    save_extraction(session, _article(U2, "Irena Valko", outlet="Wire", date="2032-05-10", url="d"))


def test_timeline_and_search_show_one_row_per_statement(session: Session) -> None:
    from quotes.store.read import count_timeline, speaker_timeline, statement_versions
    from quotes.store.search import search_quotes

    _three_outlets(session)
    speaker_id = session.exec(select(Quote.speaker_id)).first()
    assert speaker_id is not None
    rows = speaker_timeline(session, speaker_id)
    assert [(r.outlet, r.other_outlets) for r in rows] == [("Wire", 2), ("Wire", 0)]
    assert count_timeline(session, speaker_id) == 2
    assert len(speaker_timeline(session, speaker_id, grouped=False)) == 4
    found = search_quotes(session, "groundless speculation")
    assert len(found) == 1 and found[0].outlets == 3
    assert len(search_quotes(session, "groundless speculation", grouped=False)) == 3
    versions = statement_versions(session, rows[0].statement_id or 0)
    assert [v.outlet for v in versions] == ["Wire", "Courier", "Ledger"]


def test_export_cites_the_earliest_source_and_lists_the_others(session: Session) -> None:
    from quotes.export import earliest_sources, render, row_json
    from quotes.store.read import statement_sources
    from quotes.store.search import search_quotes

    _three_outlets(session)
    rows = search_quotes(session, "smears")
    cited, others = earliest_sources(rows, statement_sources(session, rows))
    assert cited[0].outlet == "Wire"
    text = render(cited, "markdown", others=others)
    assert "Also reported by:" in text and "Courier" in text and "Ledger" in text
    assert "Courier, 2032-05-11" in render(cited, "csv", others=others)
    block = row_json(cited[0])["statement"]
    assert block is not None and block["outlets"] == 3 and block["other_outlets"] == 2


def test_exchanges_link_statements_not_copies(session: Session) -> None:
    from quotes.store.exchanges import exchanges

    charge = "Serevia is stealing our water, and the whole region can see it."
    denial = "The accusations from Aldmark are groundless speculation and smears, we reject them."
    for outlet, url in (("Wire", "a"), ("Courier", "b")):
        body = f'{outlet} ({url}). "{charge}" Berglund said. "{denial}" Valko said.'
        quotes = [
            q(charge, body, "Jonas Berglund", type="accuse", country="Aldmark", target="Serevia"),
            q(denial, body, "Irena Valko", type="deny", country="Serevia", responds_to=0),
        ]
        save_extraction(
            session, extraction(body, quotes, outlet=outlet, date="2032-05-10", url=url)
        )
    assert len(_statements(session)) == 2
    pairs = exchanges(session)
    assert len(pairs) == 1
    assert pairs[0].statement.outlet == "Wire"


def test_a_store_made_before_statements_is_upgraded_on_opening(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import inspect, text

    from quotes.store.db import init_db, make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite'}")
    init_db(engine)
    with engine.begin() as conn:  # what an older version made: no statements at all
        conn.execute(text("DROP INDEX ix_quote_statement_id"))
        conn.execute(text("ALTER TABLE quote DROP COLUMN statement_id"))
        conn.execute(text("DROP TABLE statement"))
        conn.execute(text("DROP TABLE statementshingle"))
    init_db(engine)
    found = inspect(engine)
    assert "statement_id" in {c["name"] for c in found.get_columns("quote")}
    assert {"statement", "statementshingle"} <= set(found.get_table_names())
    with Session(engine) as session:
        save_extraction(
            session, _article(U1, "Irena Valko", outlet="Wire", date="2032-05-10", url="a")
        )
        assert len(_statements(session)) == 1
    engine.dispose()


def test_timeline_keeps_a_statement_first_credited_to_someone_else(session: Session) -> None:
    from quotes.store.read import count_timeline, speaker_timeline

    save_extraction(session, _article(U2, "Serevia", outlet="Courier", date="2032-05-10", url="a"))
    save_extraction(session, _article(U2, "Irena Valko", outlet="Wire", date="2032-05-11", url="b"))
    (statement,) = _statements(session)
    valko = session.exec(select(Quote.speaker_id).where(Quote.id == 2)).one()
    assert valko is not None
    rows = speaker_timeline(session, valko)
    assert [(r.id, r.outlets) for r in rows] == [(2, 2)]
    assert count_timeline(session, valko) == 1
    assert statement.first_quote_id == 1


def test_csl_json_cites_the_earliest_source_and_lists_the_others(session: Session) -> None:
    import json

    from quotes.export import earliest_sources, render
    from quotes.store.read import statement_sources
    from quotes.store.search import search_quotes

    _three_outlets(session)
    rows = search_quotes(session, "smears")
    cited, others = earliest_sources(rows, statement_sources(session, rows))
    (item,) = json.loads(render(cited, "csl-json", others=others))
    assert item["container-title"] == "Wire" and item["URL"] == "a"
    assert item["note"].endswith("Also reported by: Courier, 2032-05-11, b; Ledger, 2032-05-12, c")
    listed = item["custom"]["also_reported_by"]
    assert [(o["outlet"], o["date"], o["URL"]) for o in listed] == [
        ("Courier", "2032-05-11", "b"),
        ("Ledger", "2032-05-12", "c"),
    ]
    (alone,) = json.loads(render(cited, "csl-json"))
    assert "also_reported_by" not in alone["custom"] and "Also reported" not in alone["note"]


def test_regroup_reports_progress_and_counts(session: Session) -> None:
    from quotes.store.statements import regroup

    _three_outlets(session)
    seen: list[tuple[int, int]] = []
    done = regroup(session, lambda _label, at, total: seen.append((at, total)), chunk=3)
    assert seen == [(3, 4), (4, 4)]
    assert (done.before, done.after, done.quotes) == (2, 2, 4)
    assert [s.versions for s in _statements(session)] == [3, 1]


def test_speakers_count_statements_not_copies(session: Session) -> None:
    from quotes.store.speakers import list_speakers

    _three_outlets(session)  # Valko: one remark in three outlets, another in one
    save_extraction(
        session, _article(U5, "Jonas Berglund", outlet="Wire", date="2032-05-10", url="e")
    )
    save_extraction(
        session, _article(U2, "Jonas Berglund", outlet="Wire", date="2032-06-30", url="f")
    )
    save_extraction(
        session, _article(U1, "Jonas Berglund", outlet="Wire", date="2032-07-30", url="g")
    )
    rows = list_speakers(session)
    counts = [(r.name, r.statement_count, r.quote_count) for r in rows]
    assert counts == [("Jonas Berglund", 3, 3), ("Irena Valko", 2, 4)]


def test_a_german_translation_of_part_of_a_statement_joins_it(session: Session) -> None:
    """A German outlet translates the last two of three sentences: one statement at ingest;
    another remark by the same person that week stays apart."""
    english = (
        "Kestria has closed its airspace to our civilian flights without warning. This is an "
        "unfriendly act. We call on Kestria to reopen the corridor today."
    )
    german = (
        "Das ist ein unfreundlicher Akt. Wir fordern Kestria auf, den Korridor noch heute zu "
        "öffnen."
    )
    other = (
        "Kestria has every right to protect its airspace. Our civilian flights will resume "
        "once the inspections are complete."
    )
    save_extraction(
        session, _article(english, "Mira Tolan", outlet="Wire", date="2034-03-02", url="a")
    )
    save_extraction(
        session, _article(german, "Mira Tolan", outlet="Zeitung", date="2034-03-03", url="b")
    )
    save_extraction(
        session, _article(other, "Mira Tolan", outlet="Wire", date="2034-03-04", url="c")
    )
    first, second = _statements(session)
    assert (first.versions, first.outlets, first.drift) == (2, 2, False)
    assert second.versions == 1
