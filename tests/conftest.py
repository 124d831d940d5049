"""Shared fixtures: where ``../shared`` is, and skips when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("QUOTES_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """The read-only ``../shared`` folder; tests that need it skip cleanly without it."""
    if not (SHARED / "README.md").is_file():
        pytest.skip(f"../shared not found at {SHARED} (set QUOTES_SHARED to point at it)")
    return SHARED
