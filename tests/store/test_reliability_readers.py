"""Issue 17: bad input never stops a batch, never reads without limit, never expands a bomb."""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import tomllib
from pathlib import Path

import pytest

from quotes import readers
from quotes.errors import InputError
from quotes.nlp.types import Document
from quotes.readers import Skipped, iter_documents, read_document

GOOD = "---\ntitle: Good {n}\n---\nThe minister said the talks went well.\n"


def _batch(folder: Path, bad: str) -> list[Document | Skipped]:
    for n in range(8):
        (folder / f"good{n}.md").write_text(GOOD.format(n=n), encoding="utf-8")
    (folder / "bad.md").write_text(bad, encoding="utf-8")
    return list(iter_documents([folder]))


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        ("date: 2023-13-45", "date"),
        ("date: 2023-02-30", "date"),
        ("date: 2023-01-01 25:00:00", "date"),
        ("title: " + "[" * 5000 + "]" * 5000, "nested"),
    ],
    ids=["month-13", "feb-30", "hour-25", "deep-nesting"],
)
def test_one_bad_front_matter_value_skips_only_that_file(
    tmp_path: Path, header: str, reason: str
) -> None:
    items = _batch(tmp_path, f"---\n{header}\n---\nBody text here.\n")
    docs = [i for i in items if isinstance(i, Document)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert len(docs) == 8
    assert len(skipped) == 1
    assert skipped[0].path.endswith("bad.md")
    assert reason in skipped[0].reason
    assert "\n" not in skipped[0].reason


ALIAS_BOMB = (
    '---\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
    "title: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n---\nBody.\n"
)


def test_yaml_alias_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.md"
    path.write_text(ALIAS_BOMB, encoding="utf-8")
    with pytest.raises(InputError, match="alias"):
        read_document(path)


def test_a_few_yaml_aliases_still_work(tmp_path: Path) -> None:
    path = tmp_path / "ok.md"
    path.write_text("---\nx: &o Wire\noutlet: *o\n---\nBody.\n", encoding="utf-8")
    assert read_document(path).meta.outlet == "Wire"


def test_title_is_a_bounded_string(tmp_path: Path) -> None:
    path = tmp_path / "long.md"
    path.write_text(f"---\ntitle: {'x' * 100_000}\n---\nBody.\n", encoding="utf-8")
    title = read_document(path).meta.title
    assert title is not None and len(title) <= 1000


def test_dev_zero_is_refused_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_BYTES", 1024)
    with pytest.raises(InputError, match="not a regular file"):
        read_document(Path("/dev/zero"))


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    items = list(iter_documents([fifo]))
    assert len(items) == 1 and isinstance(items[0], Skipped)
    assert "not a regular file" in items[0].reason


def test_file_growing_past_the_cap_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.txt"
    path.write_text("a" * 5000, encoding="utf-8")
    real_stat = Path.stat

    class Small:
        st_size = 10
        st_mode = real_stat(path).st_mode

    monkeypatch.setattr(readers, "MAX_BYTES", 1024)
    monkeypatch.setattr(readers, "_stat", lambda p: Small())
    with pytest.raises(InputError, match="larger than"):
        read_document(path)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_is_read_not_called_binary(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes("The minister said “hello”.".encode(codec))
    assert read_document(path).text == "The minister said “hello”."


def _names(requirements: list[str]) -> set[str]:
    return {
        re.split(r"[ <>=!\[;~]", r, maxsplit=1)[0].lower().replace("-", "_") for r in requirements
    }


def _installed_from(dist: importlib.metadata.Distribution) -> Path | None:
    text = dist.read_text("direct_url.json")
    if not text:
        return None
    url = json.loads(text).get("url", "")
    return Path(url.removeprefix("file://")).resolve() if url.startswith("file://") else None


def test_html_dependency_is_declared_and_html_reads(tmp_path: Path) -> None:
    repo = Path(__file__).resolve().parents[2]
    declared = tomllib.loads((repo / "pyproject.toml").read_text())["project"]["dependencies"]
    assert "lxml_html_clean" in _names(declared)
    installed = importlib.metadata.distribution("quotes")
    if _installed_from(installed) == repo:  # an install of another checkout has its own list
        assert "lxml_html_clean" in _names(installed.requires or [])
    path = tmp_path / "a.html"
    path.write_text(
        "<html><head><title>T</title></head><body><article><p>"
        + "The minister said the talks went well and would continue next week. " * 5
        + "</p></article></body></html>",
        encoding="utf-8",
    )
    assert "minister" in read_document(path).text


def test_html_reader_failure_skips_only_that_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(html: str, path: str | None) -> Document:
        raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean")

    monkeypatch.setattr(readers, "parse_html", broken)
    (tmp_path / "a.html").write_text("<html><body>x</body></html>", encoding="utf-8")
    items = _batch(tmp_path, GOOD.format(n=9))
    assert sum(isinstance(i, Document) for i in items) == 9
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert len(skipped) == 1 and skipped[0].path.endswith("a.html")
    assert "lxml_html_clean" in skipped[0].reason


def test_documents_carry_a_canonical_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sub").mkdir()
    path = tmp_path / "sub" / "a.md"
    path.write_text(GOOD.format(n=1), encoding="utf-8")
    monkeypatch.chdir(tmp_path / "sub")
    relative = read_document(Path("a.md")).meta.path
    dotted = read_document(Path("../sub/./a.md")).meta.path
    assert relative == dotted == str(path.resolve())
