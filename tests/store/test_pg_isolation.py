"""Each PostgreSQL test run gets its own database (issue 14): names never collide."""

from __future__ import annotations

import re

from tests.store.conftest import unique_database_name


def test_each_run_gets_its_own_database_name() -> None:
    a, b = unique_database_name("quotes_test"), unique_database_name("quotes_test")
    assert a != b
    assert re.fullmatch(r"quotes_test_\d+_[0-9a-f]{12}", a) and len(a) < 63
