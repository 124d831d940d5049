"""Settings: where the database lives (and where the packaged models are), where the TUI
writes its exports.

The database URL comes from, in order: an explicit ``--db URL``, the ``QUOTES_DB`` environment
variable, else a SQLite file in the user data directory (platformdirs). The export folder comes
from ``--export-dir``, ``QUOTES_EXPORT_DIR``, else the user's documents folder (platformdirs),
never the current directory. Nothing here touches the disk at import time.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import platformdirs

APP_NAME = "quotes"
DB_ENV = "QUOTES_DB"
EXPORT_ENV = "QUOTES_EXPORT_DIR"
PARTIES_ENV = "QUOTES_PARTIES"
LINK_WINDOW_ENV = "QUOTES_LINK_WINDOW_DAYS"
LINK_WINDOW_DAYS = 120  # default: an answer at most this many days after the charge it answers
LINK_WINDOW_MAX = 3650  # the longest window a user may set


def data_dir() -> Path:
    """The per-user data directory (not created here)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_url() -> str:
    """The embedded default: a SQLite file in the user data directory."""
    return f"sqlite:///{data_dir() / 'quotes.sqlite'}"


def demo_db_url() -> str:
    """Where ``quotes demo`` builds its store unless told otherwise."""
    return f"sqlite:///{data_dir() / 'demo.sqlite'}"


def parties_path() -> Path:
    """The user's parties file (states and organisations the packaged list lacks, their aliases
    and demonyms; the format of ``quotes/nlp/lexicons/countries.tsv``): ``$QUOTES_PARTIES``,
    else ``parties.tsv`` in the user data directory."""
    chosen = os.environ.get(PARTIES_ENV)
    return Path(chosen).expanduser() if chosen else data_dir() / "parties.tsv"


def link_window_days() -> int:
    """How many days after a charge an answer in another article may still answer it:
    ``$QUOTES_LINK_WINDOW_DAYS`` (``quotes ingest --link-window``), else ``LINK_WINDOW_DAYS``.
    A value that is not a whole number of days from 1 to ``LINK_WINDOW_MAX`` falls back to the
    default."""
    raw = os.environ.get(LINK_WINDOW_ENV, "")
    try:
        days = int(raw)
    except ValueError:
        return LINK_WINDOW_DAYS
    return days if 1 <= days <= LINK_WINDOW_MAX else LINK_WINDOW_DAYS


@contextmanager
def link_window(days: int | None) -> Iterator[None]:
    """While the block runs, cross-article links are written within ``days`` (None: as
    configured); the setting is the process's own before and after."""
    if days is None:
        yield
        return
    before = os.environ.get(LINK_WINDOW_ENV)
    os.environ[LINK_WINDOW_ENV] = str(days)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(LINK_WINDOW_ENV, None)
        else:
            os.environ[LINK_WINDOW_ENV] = before


def db_url(url: str | None = None) -> str:
    """The database URL to use: ``url``, else ``$QUOTES_DB``, else the default file. A plain
    file path ("store.sqlite", "~/quotes.db") names a SQLite file."""
    chosen = url or os.environ.get(DB_ENV)
    if not chosen:
        return default_db_url()
    if "://" in chosen:
        return chosen
    return f"sqlite:///{Path(chosen).expanduser().absolute()}"


def export_dir(folder: str | Path | None = None) -> Path:
    """Where the TUI writes exports (an absolute path, not created here): ``folder``, else
    ``$QUOTES_EXPORT_DIR``, else ``quotes`` in the user's documents folder when there is one,
    else ``exports`` in the user data directory. Never the current directory by default."""
    chosen = folder or os.environ.get(EXPORT_ENV)
    if chosen:
        return Path(chosen).expanduser().absolute()
    documents = Path(platformdirs.user_documents_dir())
    if documents.is_dir():
        return documents / APP_NAME
    return data_dir() / "exports"
