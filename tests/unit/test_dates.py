"""``quotes.dates.parse_date``: the three forms, period ends, and dates that do not exist."""

from __future__ import annotations

from datetime import date

import pytest

from quotes.dates import DateError, leading_date, parse_date
from quotes.errors import QueryError


@pytest.mark.parametrize(
    ("text", "since", "until"),
    [
        ("2023", date(2023, 1, 1), date(2023, 12, 31)),
        ("2023-02", date(2023, 2, 1), date(2023, 2, 28)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-12", date(2023, 12, 1), date(2023, 12, 31)),
        ("2023-2", date(2023, 2, 1), date(2023, 2, 28)),
        ("2023-02-21", date(2023, 2, 21), date(2023, 2, 21)),
        (" 2023-02-21 ", date(2023, 2, 21), date(2023, 2, 21)),
    ],
)
def test_valid_forms(text: str, since: date, until: date) -> None:
    assert parse_date(text) == since
    assert parse_date(text, end=True) == until


@pytest.mark.parametrize("text", [None, "", "   "])
def test_no_text_is_no_date(text: str | None) -> None:
    assert parse_date(text) is None
    assert parse_date(text, end=True) is None


@pytest.mark.parametrize(
    "text", ["2023-99", "2023-00", "2023-13", "2023-02-30", "2023-04-31", "2023-02-00"]
)
@pytest.mark.parametrize("end", [False, True])
def test_impossible_dates_are_refused_for_since_and_until(text: str, end: bool) -> None:
    with pytest.raises(DateError, match=f"cannot read date '{text}'"):
        parse_date(text, end=end)


@pytest.mark.parametrize("text", ["March", "23", "2023/02", "2023-02-21T10:00", "2023-", "-2023"])
def test_other_forms_are_refused_with_one_line(text: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text)
    message = str(caught.value)
    assert message.startswith(f"cannot read date {text!r}") and "\n" not in message
    assert "YYYY, YYYY-MM or YYYY-MM-DD" in message


def test_date_error_is_a_value_error() -> None:
    assert issubclass(DateError, ValueError)


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


def test_is_date_takes_what_parse_date_takes_and_nothing() -> None:
    from quotes.dates import is_date

    assert is_date("2023-03") and is_date("2023") and is_date("")
    assert not is_date("2023-13-45") and not is_date("yesterday-ish")
