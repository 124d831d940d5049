"""Article archives, one article per record: JSON Lines and Parquet read alike."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from quotes.errors import InputError
from quotes.nlp.types import Document
from quotes.readers import Skipped, iter_documents, read_document

ARTICLES = Path(__file__).with_name("articles.jsonl")


def records() -> list[dict[str, str]]:
    return [json.loads(line) for line in ARTICLES.read_text().splitlines()]


def test_parquet_reads_what_the_same_jsonl_reads(tmp_path: Path) -> None:
    path = tmp_path / "archive.parquet"
    pq.write_table(pa.Table.from_pylist(records()), path, row_group_size=7)
    from_jsonl = [d for d in iter_documents([ARTICLES]) if isinstance(d, Document)]
    from_parquet = list(iter_documents([path]))
    assert len(from_parquet) == len(from_jsonl) == 20
    assert all(isinstance(d, Document) for d in from_parquet)
    assert [(d.text, d.meta.title, d.meta.date, d.meta.outlet, d.meta.url) for d in from_jsonl] == [
        (d.text, d.meta.title, d.meta.date, d.meta.outlet, d.meta.url)
        for d in from_parquet
        if isinstance(d, Document)
    ]
    assert from_parquet[2].meta.path == f"{path}:3"


def test_bad_parquet_rows_are_skipped_alone(tmp_path: Path) -> None:
    path = tmp_path / "rows.parquet"
    rows = [
        {"text": '"We deny it," she said.', "date": dt.date(2024, 5, 1), "title": None},
        {"text": "   ", "date": None, "title": "empty"},
        {"text": None, "date": None, "title": "missing"},
    ]
    pq.write_table(pa.Table.from_pylist(rows), path)
    found = list(iter_documents([tmp_path]))
    assert isinstance(found[0], Document) and found[0].meta.date == "2024-05-01"
    assert found[1:] == [
        Skipped(f"{path}:2", "no 'text' (or it is empty)"),
        Skipped(f"{path}:3", "no 'text' (or it is empty)"),
    ]


def test_parquet_without_text_or_not_parquet_is_one_skipped_file(tmp_path: Path) -> None:
    no_text = tmp_path / "a.parquet"
    pq.write_table(pa.Table.from_pylist([{"body": "x"}]), no_text)
    broken = tmp_path / "b.parquet"
    broken.write_bytes(b"PAR1 not really")
    first, second = iter_documents([no_text, broken])
    assert first == Skipped(str(no_text), "no 'text' column (Parquet: one article per row)")
    assert isinstance(second, Skipped) and second.path == str(broken)
    assert second.reason.startswith("not a readable Parquet file (")


def test_read_document_takes_a_one_row_parquet(tmp_path: Path) -> None:
    one = tmp_path / "one.parquet"
    pq.write_table(pa.Table.from_pylist(records()[:1]), one)
    assert read_document(one).text == records()[0]["text"]
    two = tmp_path / "two.parquet"
    pq.write_table(pa.Table.from_pylist(records()[:2]), two)
    with pytest.raises(InputError, match="holds 2 articles"):
        read_document(two)
