"""Hand-built CoNLL-U for tests: rows written with spaces, joined with tabs."""

from __future__ import annotations


def rows(*lines: str) -> str:
    """CoNLL-U text from rows whose columns are separated by spaces ("1 The the DET ...")."""
    return "\n".join("\t".join(line.split()) for line in lines)
