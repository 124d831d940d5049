"""Settings: where the database lives (and where the packaged models are).

The database URL comes from, in order: an explicit ``--db URL``, the ``QUOTES_DB`` environment
variable, else a SQLite file in the user data directory (platformdirs). Nothing here touches
the disk at import time.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "quotes"
DB_ENV = "QUOTES_DB"


def data_dir() -> Path:
    """The per-user data directory (not created here)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_url() -> str:
    """The embedded default: a SQLite file in the user data directory."""
    return f"sqlite:///{data_dir() / 'quotes.sqlite'}"


def demo_db_url() -> str:
    """Where ``quotes demo`` builds its store unless told otherwise."""
    return f"sqlite:///{data_dir() / 'demo.sqlite'}"


def db_url(url: str | None = None) -> str:
    """The database URL to use: ``url``, else ``$QUOTES_DB``, else the default file."""
    if url:
        return url
    return os.environ.get(DB_ENV) or default_db_url()
