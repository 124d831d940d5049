"""A database session for one command: open the store at ``--db``, commit, dispose."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlmodel import Session


@contextmanager
def open_session(db: str | None, *, create: bool = True) -> Iterator[Session]:
    """A session on the store at ``db`` (None: the default store), committed on success.

    ``create=False`` (read-only commands): a missing store is an error, never created."""
    from quotes.store.db import open_store, session_scope

    engine = open_store(db, create=create)
    try:
        with session_scope(engine) as session:
            yield session
    finally:
        engine.dispose()
