"""Issue 14: corrections are keyed on the quote (normalised text + place in its paragraph), so
they survive edits elsewhere in the article; an unchanged quote keeps its id on re-ingest."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect
from sqlmodel import Session

from quotes.store import read, write
from quotes.store.db import init_db, make_engine
from quotes.text import quote_fingerprint
from tests.store.conftest import extraction, q

BODY = (
    "“We never sent drones,” Ivo Brenn said.\n\n"
    "“Valdoria is shipping drones to the rebels,” Mira Kostova said.\n"
)
EXTRA = "\nThe talks resume on Monday.\n"


def ingest(session: Session, body: str) -> None:
    quotes = [
        q("We never sent drones,", body, "Ivo Brenn", type="statement"),
        q("Valdoria is shipping drones to the rebels,", body, "Ivan Petrov", type="statement"),
    ]
    write.save_extraction(session, extraction(body, quotes, path="corpus/a.md"))


def test_correction_survives_an_edit_elsewhere_and_ids_stay(session: Session) -> None:
    ingest(session, BODY)
    rows = {row.text: row for row in read.list_quotes(session)}
    charge = rows["Valdoria is shipping drones to the rebels,"]
    write.correct_quote(session, charge.id, speaker="Mira Kostova", type="accuse")
    ingest(session, BODY + EXTRA)  # one sentence appended, re-ingested
    after = {row.text: row for row in read.list_quotes(session)}
    again = after["Valdoria is shipping drones to the rebels,"]
    assert again.id == charge.id
    assert again.speaker == "Mira Kostova" and again.type == "accuse"
    assert after["We never sent drones,"].id == rows["We never sent drones,"].id


def test_wrong_quote_stays_dropped_after_an_edit(session: Session) -> None:
    ingest(session, BODY)
    (denial,) = [row for row in read.list_quotes(session) if row.text.startswith("We never")]
    write.correct_quote(session, denial.id)
    ingest(session, EXTRA + BODY)  # a paragraph added before: offsets move, paragraphs too
    assert [row.text for row in read.list_quotes(session)] == [
        "Valdoria is shipping drones to the rebels,"
    ]


def test_fingerprint_ignores_case_spacing_and_moves_elsewhere() -> None:
    text = "Intro.\n\n“We  never sent drones,” he said."
    other = "A new first paragraph.\n\n" + text.replace("We  never", "we never")
    a = quote_fingerprint(text, text.index("“"), text.index("”") + 1, "We  never sent drones,")
    b = quote_fingerprint(other, other.index("“"), other.index("”") + 1, "we never sent drones,")
    assert a == b
    assert a != quote_fingerprint(text, text.index("“"), text.index("”") + 1, "We never sent")


def test_a_store_from_before_fingerprints_gets_the_column(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    old = make_engine(url)
    with old.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TABLE correction (id INTEGER PRIMARY KEY, content_hash VARCHAR(64) NOT NULL,"
            ' start INTEGER NOT NULL, "end" INTEGER NOT NULL, wrong BOOLEAN NOT NULL,'
            " speaker VARCHAR, type VARCHAR, note VARCHAR, created_at DATETIME NOT NULL)"
        )
    old.dispose()
    engine = make_engine(url)
    init_db(engine)
    assert "fingerprint" in {c["name"] for c in inspect(engine).get_columns("correction")}
    init_db(engine)  # idempotent
    engine.dispose()
