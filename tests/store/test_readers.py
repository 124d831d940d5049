"""Readers: each format, the seed's sidecar metadata, and every kind of bad input."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from quotes.errors import InputError
from quotes.nlp.types import Document
from quotes.readers import Skipped, iter_documents, read_document

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "000_29a5e61329436f73.txt"


def test_seed_reads_byte_identical_with_sidecar_metadata() -> None:
    doc = read_document(SEED)
    assert doc.text == SEED.read_bytes().decode("utf-8")
    assert doc.meta.outlet == "DER SPIEGEL"
    assert doc.meta.date == "2023-02"
    assert doc.meta.title == "China Reportedly Negotiating with Russia To Supply Kamikaze Drones"
    assert doc.meta.url is None


def test_plain_text_title_from_first_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("\n  Headline here \r\nBody “quoted”.\r\n", encoding="utf-8")
    doc = read_document(path)
    assert doc.meta.title == "Headline here"
    assert doc.text == "\n  Headline here \r\nBody “quoted”.\r\n"


def test_markdown_front_matter_and_body_offsets(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        '---\ntitle: "T: x"\ndate: 2024-02-16\noutlet: Wire\nurl: https://e.x/a\n---\nBody “q”.\n',
        encoding="utf-8",
    )
    doc = read_document(path)
    assert (doc.meta.title, doc.meta.date, doc.meta.outlet, doc.meta.url) == (
        "T: x",
        "2024-02-16",
        "Wire",
        "https://e.x/a",
    )
    assert doc.text == "Body “q”.\n"


def test_html_main_text(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    para = "<p>The minister said the claims were “groundless” and without any merit at all.</p>"
    path.write_text(
        "<html><head><title>Row over drones</title></head><body><article>"
        + para * 5
        + "</article></body></html>",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert "groundless" in doc.text
    assert doc.meta.title == "Row over drones"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n", "empty"),
        ("latin1.txt", "café".encode("latin-1"), "not valid UTF-8"),
        ("bin.txt", b"abc\x00def", "binary"),
        ("open.md", b"---\ntitle: x\nbody\n", "broken front matter"),
        ("yaml.md", b"---\ntitle: [x\n---\nbody\n", "broken front matter"),
        ("list.md", b"---\n- a\n---\nbody\n", "broken front matter"),
        ("nobody.md", b"---\ntitle: x\n---\n\n", "empty"),
    ],
)
def test_bad_input(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match=reason):
        read_document(path)
    (skipped,) = list(iter_documents([path]))
    assert isinstance(skipped, Skipped)
    assert reason in skipped.reason
    assert skipped.path == str(path)


def test_oversized_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("quotes.readers.MAX_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_text("x" * 11)
    with pytest.raises(InputError, match="larger than 50 MB"):
        read_document(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="folder"):
        read_document(tmp_path)
    assert list(iter_documents([tmp_path / "nope"])) == [
        Skipped(str(tmp_path / "nope"), "no such file or folder")
    ]


def test_folders_recursively_and_jsonl(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("---\ntitle: B\n---\nbee\n")
    (tmp_path / "a.txt").write_text("A\nay\n")
    (tmp_path / "a.meta.yaml").write_text("title: Sidecar A\n")
    (tmp_path / "notes.json").write_text("{}")
    (tmp_path / "c.jsonl").write_text(
        '{"text": "one", "title": "C1", "date": "2020-01-02"}\n\nnot json\n{"title": "no text"}\n'
    )
    items = list(iter_documents([tmp_path]))
    docs = [i for i in items if isinstance(i, Document)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [d.meta.title for d in docs] == ["Sidecar A", "C1", "B"]
    assert docs[1].meta.date == "2020-01-02"
    assert [s.path for s in skipped] == [f"{tmp_path / 'c.jsonl'}:3", f"{tmp_path / 'c.jsonl'}:4"]


def test_stdin() -> None:
    (doc,) = list(iter_documents(["-"], stdin=io.BytesIO(b"---\ntitle: S\n---\nhello\n")))
    assert isinstance(doc, Document)
    assert doc.meta.title == "S"
    assert doc.text == "hello\n"
    (bad,) = list(iter_documents(["-"], stdin=io.BytesIO(b"")))
    assert bad == Skipped("<stdin>", "empty (no text)")


def test_shared_corpus_reads(shared: Path) -> None:
    items = list(iter_documents([shared / "corpus"]))
    assert len(items) >= 31
    assert all(isinstance(i, Document) and i.meta.date and i.meta.outlet for i in items)
