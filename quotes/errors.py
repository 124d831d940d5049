"""User-facing errors. The CLI turns every ``QuotesError`` into one line on stderr and exit 1."""

from __future__ import annotations


class QuotesError(Exception):
    """An error the user can act on; ``message`` is shown as-is, without a traceback."""

    title = "error"

    def __init__(self, message: str, title: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if title is not None:
            self.title = title


class InputError(QuotesError):
    """Bad input: unreadable file, empty text, binary data, broken front matter."""

    title = "input error"


class ModelError(QuotesError):
    """A packaged model is missing or corrupt."""

    title = "model error"


class StoreError(QuotesError):
    """The database cannot be opened or written."""

    title = "database error"


class QueryError(QuotesError):
    """A search query or filter that cannot be run."""

    title = "query error"
