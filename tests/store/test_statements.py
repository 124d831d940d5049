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
