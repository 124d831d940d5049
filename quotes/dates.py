"""Reading the dates users type: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` -> ``datetime.date``.

``parse_date`` is pure and small; a partial date names a period (a year, a month), and
``end=True`` asks for its last day instead of its first (for an inclusive "until" bound).
Anything else raises ``DateError``, a ``ValueError`` whose message is one line for the user.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

__all__ = ["DateError", "parse_date"]

_FORMS = "use YYYY, YYYY-MM or YYYY-MM-DD"
_PATTERN = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


class DateError(ValueError):
    """A date that cannot be read; ``str(err)`` is a one-line message naming the input."""


def parse_date(text: str | None, *, end: bool = False) -> date | None:
    """The date ``text`` names: its first day, or its last with ``end``; None for no text.

    ``2023`` -> 2023-01-01 (``end``: 2023-12-31); ``2023-02`` -> 2023-02-01 (``end``:
    2023-02-28); ``2023-02-21`` -> that day either way. Raises ``DateError`` for anything else,
    including months and days that do not exist (``2023-13``, ``2023-02-30``).
    """
    if text is None or not text.strip():
        return None
    match = _PATTERN.fullmatch(text.strip())
    if match is None:
        raise DateError(f"cannot read date {text!r}: {_FORMS}")
    year = int(match.group(1))
    month = _month(text, match.group(2))
    if month is None:
        return date(year, 12, 31) if end else date(year, 1, 1)
    if match.group(3) is None:
        return date(year, month, calendar.monthrange(year, month)[1] if end else 1)
    return _day(text, year, month, int(match.group(3)))


def _month(text: str, digits: str | None) -> int | None:
    if digits is None:
        return None
    month = int(digits)
    if not 1 <= month <= 12:
        raise DateError(f"cannot read date {text!r}: month {month} is not 1-12")
    return month


def _day(text: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DateError(f"cannot read date {text!r}: {year}-{month:02d} has no day {day}") from None
