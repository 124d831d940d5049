"""Engines, schema, sessions and the one database-error shortener. No engine exists at import
time: call ``make_engine``.

SQLite (the embedded default) gets an FTS5 external-content table over ``quote.text`` kept in
sync by triggers; PostgreSQL gets a generated ``tsvector`` column with a GIN index. The same
models and queries serve both; only the search SQL differs (``quotes.store.search``).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Select, event, inspect
from sqlalchemy import select as sa_select
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, SQLModel, create_engine

from quotes import config
from quotes.errors import StoreError
from quotes.store import tables  # noqa: F401  (importing it registers the tables)

SQLITE_FTS = (
    """CREATE VIRTUAL TABLE IF NOT EXISTS quote_fts USING fts5(
        text, content='quote', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3')""",
    """CREATE TRIGGER IF NOT EXISTS quote_fts_ai AFTER INSERT ON quote BEGIN
        INSERT INTO quote_fts(rowid, text) VALUES (new.id, new.text); END""",
    """CREATE TRIGGER IF NOT EXISTS quote_fts_ad AFTER DELETE ON quote BEGIN
        INSERT INTO quote_fts(quote_fts, rowid, text) VALUES ('delete', old.id, old.text); END""",
    """CREATE TRIGGER IF NOT EXISTS quote_fts_au AFTER UPDATE OF text ON quote BEGIN
        INSERT INTO quote_fts(quote_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO quote_fts(rowid, text) VALUES (new.id, new.text); END""",
)

POSTGRES_FTS = (
    """ALTER TABLE quote ADD COLUMN IF NOT EXISTS tsv tsvector
        GENERATED ALWAYS AS (to_tsvector('english', coalesce(text, ''))) STORED""",
    "CREATE INDEX IF NOT EXISTS ix_quote_tsv ON quote USING GIN (tsv)",
)


def columns(*items: Any) -> Select[Any]:
    """SQLAlchemy ``select`` over plain columns (loosely typed: rows come back as tuples)."""
    return sa_select(*items)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _sqlite_file_pragmas(dbapi_conn: Any, _record: Any) -> None:
    """Write-ahead log: readers (the TUI) never block the writer (ingest); cheap commits."""
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_engine(url: str) -> Engine:
    parsed = make_url(url)
    database = parsed.database
    if not database or database == ":memory:":
        engine = create_engine(url, connect_args={"check_same_thread": False}, poolclass=StaticPool)
    else:
        path = Path(database).expanduser()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(f"cannot create {path.parent}: {err.strerror}") from None
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_file_pragmas)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def safe_url(url: str) -> str:
    """``url`` with its password masked (``***``); a URL that does not parse is never echoed."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return "<unparsable URL>"


def make_engine(url: str | None = None) -> Engine:
    """An engine for ``url`` (else ``$QUOTES_DB``, else the SQLite file in the data dir).

    Error messages never hold the password: the URL is shown masked, or not at all.
    """
    resolved = config.db_url(url)
    try:
        backend = make_url(resolved).get_backend_name()
        if backend == "sqlite":
            return _sqlite_engine(resolved)
        return create_engine(resolved, pool_pre_ping=True)
    except (ArgumentError, ValueError):
        raise StoreError(
            "cannot parse the database URL "
            "(expected e.g. sqlite:///path/to/file.sqlite or postgresql+psycopg://user@host/db)"
        ) from None
    except (NoSuchModuleError, ImportError) as err:
        detail = str(err).replace(resolved, safe_url(resolved)).splitlines()
        reason = f": {detail[0]}" if detail else ""
        raise StoreError(f"no database driver for {safe_url(resolved)!r}{reason}") from None


def dialect(session: Session) -> str:
    """``sqlite`` or ``postgresql`` (or whatever SQLAlchemy calls the session's backend)."""
    return str(session.get_bind().dialect.name)


SCHEMA_TRIES = 8


def _create_tables(engine: Engine) -> None:
    """``create_all``, retried when another process creates the same new store at once.

    ``create_all`` checks, then creates: a second process between the two gets "table ...
    already exists"; on the next try it finds the tables and creates nothing.
    """
    for attempt in range(SCHEMA_TRIES):
        try:
            SQLModel.metadata.create_all(engine)
            return
        except OperationalError as err:
            text = str(err.orig if err.orig is not None else err).lower()
            racing = "already exists" in text or "locked" in text
            if not racing or attempt == SCHEMA_TRIES - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def init_db(engine: Engine) -> None:
    """Create the tables and the full-text index for this dialect (idempotent, and safe when
    several processes open the same new store at once)."""
    try:
        _create_tables(engine)
        statements: tuple[str, ...] = ()
        if engine.dialect.name == "postgresql":
            statements = POSTGRES_FTS
        elif engine.dialect.name == "sqlite":
            statements = SQLITE_FTS
        with engine.begin() as conn:
            _add_missing_columns(conn)
            for statement in statements:
                conn.exec_driver_sql(statement)
    except SQLAlchemyError as err:
        raise StoreError(f"cannot open or create the database: {short_error(err)}") from None


# Columns added after a table was first released: (table, column, SQL type).
ADDED_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("correction", "fingerprint", "VARCHAR(64)"),
    ("quote", "statement_id", "INTEGER"),
)


def _add_missing_columns(conn: Connection) -> None:
    """Bring a store made by an older version up to date (columns only ever get added)."""
    found = inspect(conn)
    for table, column, sql_type in ADDED_COLUMNS:
        if column not in {c["name"] for c in found.get_columns(table)}:
            conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN {column} {sql_type}")
            conn.exec_driver_sql(f"CREATE INDEX ix_{table}_{column} ON {table} ({column})")


def short_error(err: SQLAlchemyError) -> str:
    """The first line of the driver's message (SQLAlchemy's own text holds the whole SQL)."""
    orig = getattr(err, "orig", None)
    text = str(orig if orig is not None else err)
    return text.strip().splitlines()[0] if text.strip() else type(err).__name__


def store_error(err: SQLAlchemyError) -> StoreError:
    """A database failure as the one-line ``StoreError`` the CLI and TUI show."""
    return StoreError(f"database error: {short_error(err)}")


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error."""
    session = Session(engine, expire_on_commit=False)
    try:
        yield session
        session.commit()
    except SQLAlchemyError as err:
        session.rollback()
        raise store_error(err) from None
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def missing_store(url: str | None = None) -> Path | None:
    """The SQLite file ``url`` names where it does not exist (None: it exists, or not SQLite)."""
    try:
        parsed = make_url(config.db_url(url))
    except (ArgumentError, ValueError):
        return None  # make_engine says what is wrong with it
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    path = Path(database).expanduser()
    return None if path.is_file() else path


def open_store(url: str | None = None, *, create: bool = True) -> Engine:
    """``make_engine`` + ``init_db``: what the CLI and TUI call to get a ready store.

    With ``create=False`` (read-only commands) a missing SQLite file is a ``StoreError``,
    and nothing is created on disk."""
    if not create and (path := missing_store(url)) is not None:
        raise StoreError(f"no store at {path} (ingest articles first, or pass --db)")
    engine = make_engine(url)
    init_db(engine)
    return engine
