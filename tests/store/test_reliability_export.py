"""Issue 17: exports never add a link the article did not have, formulas, or half files."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest

from quotes import export
from quotes.export import citation_markdown, to_csv, write_atomic
from tests.store.test_export import row


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<script>x</script>",
        "https://e.x/a>) [evil](javascript:alert(1)",
        "https://e.x/a\n[evil](javascript:x)",
    ],
)
def test_markdown_never_links_a_non_http_url_or_breaks_out(url: str) -> None:
    text = citation_markdown(row(1, "We reject this.", url=url))
    assert "](javascript" not in text.lower()
    assert "(<javascript" not in text.lower()
    assert "<data:" not in text
    assert "\n[" not in text
    assert text.count("](") <= 1


def test_markdown_keeps_a_plain_https_link() -> None:
    text = citation_markdown(row(1, "We reject this.", url="https://e.x/a_b?q=1"))
    assert "](<https://e.x/a_b?q=1>)" in text


@pytest.mark.parametrize("cell", ['=HYPERLINK("x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1"])
def test_csv_cells_are_never_formulas(cell: str) -> None:
    out = to_csv([row(1, cell, speaker=cell, title=cell)])
    record = next(csv.DictReader(io.StringIO(out)))
    for field in ("speaker", "title"):
        assert record[field] == "'" + cell
    assert record["text"] == "'" + cell.strip()  # citation text is trimmed, still neutralised


def test_export_over_an_existing_file_is_atomic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "quotes.md"
    target.write_text("old export\n", encoding="utf-8")
    real_write = os.write

    def full_disk(fd: int, data: bytes | memoryview) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export.os, "write", full_disk)
    with pytest.raises(OSError):
        write_atomic(target, "new export\n" * 1000)
    monkeypatch.setattr(export.os, "write", real_write)
    assert target.read_text(encoding="utf-8") == "old export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quotes.md"]
    write_atomic(target, "new export\n")
    assert target.read_text(encoding="utf-8") == "new export\n"
