"""Store fixtures: a fresh in-memory SQLite store per test, and hand-built extractions."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, SQLModel

from quotes.nlp.types import (
    Document,
    DocumentMeta,
    ExtractedQuote,
    ExtractedSpeaker,
    Extraction,
    Span,
)
from quotes.store.db import init_db, make_engine

PG_URL_FILE = Path(os.environ.get("QUOTES_PG_DIR", "/tmp/quotes-pg")) / "url"


def pg_url() -> str | None:
    """``$QUOTES_TEST_PG_URL``, else the URL scripts/ci-postgres.sh wrote; None if neither."""
    url = os.environ.get("QUOTES_TEST_PG_URL")
    if url:
        return url
    if PG_URL_FILE.is_file():
        return PG_URL_FILE.read_text().strip() or None
    return None


def unique_database_name(base: str) -> str:
    """A database name of this test run alone: ``<base>_<pid>_<random>`` (lower case, < 63)."""
    return f"{base[:30]}_{os.getpid()}_{uuid.uuid4().hex[:12]}".lower()


@pytest.fixture(scope="session")
def pg_run_url() -> Iterator[str | None]:
    """A PostgreSQL database created for this test run (each xdist worker its own), dropped at
    the end: runs from other checkouts, sharing the server, never see or drop its tables.
    None where there is no server (the postgres tests skip)."""
    url = pg_url()
    if url is None:
        yield None
        return
    admin = make_engine(url).execution_options(isolation_level="AUTOCOMMIT")
    name = unique_database_name(admin.url.database or "quotes_test")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except SQLAlchemyError:
        admin.dispose()
        yield None
        return
    try:
        yield admin.url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _pg_engine(url: str | None) -> Engine:
    if url is None:
        pytest.skip(
            "no PostgreSQL (or no right to create a database): set QUOTES_TEST_PG_URL or run "
            "scripts/ci-postgres.sh"
        )
    eng = make_engine(url)
    try:
        with eng.begin() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError as err:
        pytest.skip(f"PostgreSQL at {url} does not answer: {type(err).__name__}")
    SQLModel.metadata.drop_all(eng)  # this run's own database: nobody else's tables
    return eng


BACKENDS = [
    "sqlite",
    pytest.param("postgres", marks=[pytest.mark.postgres, pytest.mark.xdist_group("postgres")]),
]


@pytest.fixture(params=BACKENDS)
def engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """A fresh, empty store: in-memory SQLite, and PostgreSQL where one is available."""
    if request.param == "sqlite":
        eng = make_engine("sqlite://")
    else:
        eng = _pg_engine(request.getfixturevalue("pg_run_url"))
    init_db(eng)
    yield eng
    eng.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as s:
        yield s


def q(
    text: str,
    body: str,
    speaker: str | None,
    *,
    role: str | None = None,
    country: str | None = None,
    type: str = "statement",
    target: str | None = None,
    kind: str = "person",
    named: bool = True,
    responds_to: int | None = None,
    mention: str | None = None,
) -> ExtractedQuote:
    """A direct quote of ``text`` inside ``body`` (offsets include the marks)."""
    inner = body.index(text)
    start, end = inner - 1, inner + len(text) + 1
    span = None
    if mention is not None:
        m = body.index(mention)
        span = Span(m, m + len(mention), mention)
    who = (
        ExtractedSpeaker(
            name=speaker,
            role=role,
            affiliation=country,
            kind=kind,  # type: ignore[arg-type]
            named=named,
            mention=span,
        )
        if speaker
        else None
    )
    return ExtractedQuote(
        start=start,
        end=end,
        text=text,
        speaker=who,
        cue="said",
        type=type,
        target=target,
        responds_to=responds_to,
        confidence=0.9,
        evidence=["quote marks", "cue said"],
    )


def extraction(
    body: str,
    quotes: list[ExtractedQuote],
    *,
    title: str = "T",
    date: str | None = "2024-01-10",
    outlet: str | None = "Wire",
    url: str | None = None,
    path: str | None = None,
) -> Extraction:
    meta = DocumentMeta(path=path, title=title, date=date, outlet=outlet, url=url)
    return Extraction(Document(text=body, meta=meta), quotes)
