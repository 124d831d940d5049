"""The one date parser (``quotes.dates``): what CLI, TUI and store accept as a date."""

from __future__ import annotations

from datetime import date

import pytest

from quotes.dates import DateError, leading_date, parse_date
from quotes.errors import QueryError


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2023", date(2023, 1, 1), date(2023, 12, 31)),
        ("2023-02", date(2023, 2, 1), date(2023, 2, 28)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-12", date(2023, 12, 1), date(2023, 12, 31)),
        ("2023-02-21", date(2023, 2, 21), date(2023, 2, 21)),
        (" 2023-2-5 ", date(2023, 2, 5), date(2023, 2, 5)),
    ],
)
def test_periods(text: str, start: date, end: date) -> None:
    assert parse_date(text) == start
    assert parse_date(text, end=True) == end


@pytest.mark.parametrize("text", [None, "", "   "])
def test_nothing_is_no_date(text: str | None) -> None:
    assert parse_date(text) is None
    assert parse_date(text, end=True) is None


@pytest.mark.parametrize(
    "text", ["2023-99", "2023-00", "2023-02-30", "2023-13-01", "March", "23", "2023-1x", "2023/02"]
)
def test_impossible_dates_are_refused_both_ways(text: str) -> None:
    """Regression: ``--until 2023-99`` was read as 2031-03-31 while ``--since`` refused it."""
    for end in (False, True):
        with pytest.raises(DateError, match=f"cannot read date {text!r}: use YYYY, YYYY-MM"):
            parse_date(text, end=end)


def test_date_error_is_a_query_error_and_a_value_error() -> None:
    with pytest.raises(QueryError) as caught:
        parse_date("2023-99")
    assert isinstance(caught.value, ValueError)
    assert len(caught.value.message.splitlines()) == 1


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2023-02-21T10:00:00Z", date(2023, 2, 21)),
        ("2023-02", date(2023, 2, 1)),
        ("2023", date(2023, 1, 1)),
        ("2023-99", None),
        ("2023-02-30", None),
        ("yesterday", None),
        (None, None),
    ],
)
def test_leading_date_of_article_metadata(text: str | None, day: date | None) -> None:
    assert leading_date(text) == day
