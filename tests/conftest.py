"""Shared fixtures: where ``../shared`` is, and skips when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("QUOTES_SHARED", REPO.parent / "shared"))
# The tester's own parties file (quotes.config.parties_path) must not change what the tests
# extract: point at one that does not exist (tests of the file set their own).
os.environ["QUOTES_PARTIES"] = str(REPO / "tests" / "data" / "no-such-parties.tsv")


@pytest.fixture(scope="session")
def shared() -> Path:
    """The read-only ``../shared`` folder; tests that need it skip cleanly without it."""
    if not (SHARED / "README.md").is_file():
        pytest.skip(f"../shared not found at {SHARED} (set QUOTES_SHARED to point at it)")
    return SHARED
