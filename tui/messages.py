"""Messages that cross screens (those a single widget posts are nested in that widget)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class QuoteCorrected(Message):
    """The user stored a correction for a quote; every mode reloads what it shows."""

    quote_id: int
