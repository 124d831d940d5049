"""Dates as users and articles give them: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

The one date parser of the project: the CLI's ``--since``/``--until``, the TUI's since/until
boxes and the store's article dates all read dates here. Pure: no I/O, no database.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from quotes.errors import QueryError

_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
FORMATS = "YYYY, YYYY-MM or YYYY-MM-DD"


class DateError(QueryError, ValueError):
    """A date that cannot be read; ``message`` is one line naming the accepted forms."""


def parse_date(text: str | None, *, end: bool = False) -> date | None:
    """``2023`` / ``2023-02`` / ``2023-02-21`` -> a date; empty or None -> None.

    A year or month stands for its first day, or with ``end`` for its last day (``--until``).
    Anything else, an impossible month or day included (``2023-99``, ``2023-02-30``), is a
    ``DateError``.
    """
    if text is None or not text.strip():
        return None
    match = _DATE.fullmatch(text.strip())
    found = _period(match, end) if match is not None else None
    if found is None:
        raise DateError(f"cannot read date {text!r}: use {FORMATS}")
    return found


def leading_date(text: str | None) -> date | None:
    """The date a text starts with (an article's ``2023-02-21T10:00Z``, ``2023-02``), the
    first day of a year or month; None when there is none or it is impossible."""
    match = _DATE.match(text.strip()) if text else None
    return _period(match, end=False) if match is not None else None


def _period(match: re.Match[str], end: bool) -> date | None:
    """The first (or with ``end`` the last) day of the matched year, month or day."""
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    if month is None:
        month = 12 if end else 1
    if not 1 <= month <= 12:
        return None
    if day is None:
        day = calendar.monthrange(year, month)[1] if end else 1
    try:
        return date(year, month, day)
    except ValueError:
        return None


def is_date(text: str) -> bool:
    """Whether ``text`` is a date ``parse_date`` takes, or nothing (a form's since/until box)."""
    try:
        parse_date(text)
    except DateError:
        return False
    return True
