"""Read articles from files into ``Document`` objects: plain text, Markdown, HTML, JSON Lines and
Parquet (the last two: one article per record, the way news archives are shipped).

Offsets produced by the extractor index ``Document.text`` exactly, so readers never rewrite the
text they return: plain text is the file as decoded (a UTF-8 byte-order mark aside), Markdown is
the body after the YAML front matter, untouched. Bad input never raises a traceback:
``read_document`` raises ``InputError`` with a reason, ``iter_documents`` yields ``Skipped``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import yaml

from quotes.errors import InputError
from quotes.nlp.transcript import looks_like_transcript, publisher
from quotes.nlp.types import Document, DocumentMeta

MAX_BYTES = 50 * 1024 * 1024
MAX_YAML_ALIASES = 16  # a few anchors are normal; thousands are an alias bomb
MAX_FIELD_CHARS = 1000  # title, outlet, url, date: metadata, never an article
TEXT_SUFFIXES = frozenset({".txt", ".text"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
PARQUET_SUFFIXES = frozenset({".parquet", ".pq"})
KNOWN_SUFFIXES = (
    TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | PARQUET_SUFFIXES
)
RECORD_FIELDS = ("text", "title", "date", "outlet", "url")
PARQUET_ROWS = 1024  # records read from a Parquet file at a time
SIDECAR_SUFFIX = ".meta.yaml"
STDIN = "-"
DOCUMENT_KINDS = ("transcript", "article")  # what ``as_kind`` may force (else it is guessed)


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that was not read, and why (shown to the user as ``path: reason``)."""

    path: str
    reason: str


# -- bytes -> text ---------------------------------------------------------------------------


def _stat(path: Path) -> os.stat_result:
    return path.stat()


def _read_limit(path: Path) -> None:
    """Refuse a missing, non-regular or oversized file (``InputError``)."""
    try:
        info = _stat(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path}: not a regular file (a device, pipe or socket)")
    if info.st_size > MAX_BYTES:
        raise InputError(f"{path}: file is larger than 50 MB ({info.st_size / 1e6:.0f} MB)")


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing missing, non-regular, oversized and unreadable files.

    The size on disk is checked first, and the read itself stops after the cap, so a file
    that grows (or lies about its size) is never read without limit.
    """
    _read_limit(path)
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    if len(data) > MAX_BYTES:
        raise InputError(f"{path}: file is larger than 50 MB")
    return data


def _utf16_codec(data: bytes) -> str | None:
    """``utf-16``/``utf-32`` for text with a byte-order mark or NUL-interleaved ASCII."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = data[:4096]
    if len(head) < 4 or len(head) % 2:
        return None
    low, high = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    if high >= 0.9 * half and low <= 0.1 * half:
        return "utf-16-le"
    if low >= 0.9 * half and high <= 0.1 * half:
        return "utf-16-be"
    return None


def decode(data: bytes, name: str) -> str:
    """Decode UTF-8 text, refusing binary data, bad bytes and empty input."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: input is larger than 50 MB")
    codec = _utf16_codec(data)
    if codec is not None:
        return _decode_wide(data, codec, name)
    if b"\x00" in data:
        raise InputError(f"{name}: binary data (NUL bytes), not a text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        bad = data[err.start : err.start + 1].hex()
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{bad} at offset {err.start}); "
            "convert the file to UTF-8 first"
        ) from None
    if not text.strip():
        raise InputError(f"{name}: empty (no text)")
    return text


def _decode_wide(data: bytes, codec: str, name: str) -> str:
    """UTF-16/32 text (Windows editors save it): decoded, or refused with its encoding named."""
    label = codec.upper().split("-LE")[0].split("-BE")[0]
    try:
        text = data.decode(codec).removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise InputError(f"{name}: broken {label} text; convert the file to UTF-8 first") from None
    if "\x00" in text:
        raise InputError(f"{name}: binary data (NUL characters) in {label} text")
    if not text.strip():
        raise InputError(f"{name}: empty (no text)")
    return text


# -- metadata helpers ------------------------------------------------------------------------


def _as_date(value: Any) -> str | None:
    """An ISO date string (``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` when only that is known)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    return _as_str(value)


def _as_str(value: Any) -> str | None:
    """A scalar metadata value as text, at most ``MAX_FIELD_CHARS``; lists and maps are None."""
    if value is None or isinstance(value, list | dict | set | tuple):
        return None
    text = str(value).strip()[:MAX_FIELD_CHARS].strip()
    return text or None


def _meta_from_mapping(data: dict[str, Any], path: str | None) -> DocumentMeta:
    return DocumentMeta(
        path=path,
        title=_as_str(data.get("title")),
        date=_as_date(data.get("date")),
        outlet=_as_str(data.get("outlet")),
        url=_as_str(data.get("url") or data.get("source_url")),  # source_url: transcripts
    )


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:300]
    return None


class _BoundedLoader(yaml.SafeLoader):
    """``SafeLoader`` that refuses alias bombs and reports impossible dates as YAML errors."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.aliases = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > MAX_YAML_ALIASES:
                event = self.peek_event()
                raise yaml.composer.ComposerError(
                    None, None, f"more than {MAX_YAML_ALIASES} aliases", event.start_mark
                )
        return super().compose_node(parent, index)

    def construct_yaml_timestamp(self, node: Any) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            raise yaml.constructor.ConstructorError(
                None, None, f"impossible date {node.value[:40]!r}", node.start_mark
            ) from None


_BoundedLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", _BoundedLoader.construct_yaml_timestamp
)


def _load_yaml_mapping(source: str, name: str, what: str) -> dict[str, Any]:
    try:
        data = yaml.load(source, Loader=_BoundedLoader)  # a SafeLoader subclass
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        problem = getattr(err, "problem", None)
        known = isinstance(err, yaml.constructor.ConstructorError | yaml.composer.ComposerError)
        detail = f": {problem}" if known and problem else ": not valid YAML"
        raise InputError(f"{name}: broken {what}{where}{detail}") from None
    except RecursionError:
        raise InputError(f"{name}: broken {what}: nested too deeply") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(f"{name}: broken {what}: expected 'key: value' lines")
    return data


# -- per format ------------------------------------------------------------------------------


def sidecar_path(path: Path) -> Path:
    """``seeds/x.txt`` -> ``seeds/x.meta.yaml``: metadata for a plain-text file."""
    return path.with_suffix(SIDECAR_SUFFIX)


def parse_plain(text: str, path: str | None, sidecar: Path | None = None) -> Document:
    """A plain-text document; title from the sidecar or the first line."""
    meta = DocumentMeta(path=path)
    if sidecar is not None and sidecar.is_file():
        source = decode(_read_bytes(sidecar), str(sidecar))
        meta = _meta_from_mapping(_load_yaml_mapping(source, str(sidecar), "metadata"), path)
    if meta.title is None:
        meta.title = _first_line(text)
    return Document(text=text, meta=meta)


def split_front_matter(text: str, name: str) -> tuple[dict[str, Any], str]:
    """Split ``---`` YAML front matter from the body; no front matter gives ``({}, text)``."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n") != "---":
        return {}, text
    offset = len(lines[0])
    for line in lines[1:]:
        if line.rstrip("\r\n").rstrip() in ("---", "..."):
            header = text[len(lines[0]) : offset]
            body = text[offset + len(line) :]
            return _load_yaml_mapping(header, name, "front matter"), body
        offset += len(line)
    raise InputError(f"{name}: broken front matter: no closing '---' line")


def parse_markdown(text: str, path: str | None) -> Document:
    """A Markdown document: metadata from the front matter, text = the body."""
    name = path or "<stdin>"
    data, body = split_front_matter(text, name)
    if not body.strip():
        raise InputError(f"{name}: empty (front matter but no body)")
    meta = _meta_from_mapping(data, path)
    if meta.title is None:
        meta.title = _first_line(body.lstrip("# "))
    return Document(text=body, meta=meta)


def parse_html(html: str, path: str | None) -> Document:
    """The main text of a web page (trafilatura) and its metadata."""
    name = path or "<stdin>"
    try:
        import trafilatura
    except ImportError as err:
        raise InputError(f"{name}: cannot read HTML, trafilatura is not usable ({err})") from None
    text = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not text or not text.strip():
        raise InputError(f"{name}: no article text found in the HTML page")
    meta = DocumentMeta(path=path)
    try:
        found = trafilatura.extract_metadata(html)
    except Exception:  # metadata is a bonus; a malformed page still gives its text
        found = None
    if found is not None:
        meta.title = _as_str(found.title)
        meta.date = _as_date(found.date)
        meta.outlet = _as_str(found.sitename)
        meta.url = _as_str(found.url)
    if meta.title is None:
        meta.title = _first_line(text)
    return Document(text=text, meta=meta)


def parse_jsonl_line(line: str, name: str) -> Document:
    """One article from a JSON Lines record with keys text/title/date/outlet/url."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(f"{name}: not valid JSON ({err.msg})") from None
    if not isinstance(data, dict):
        raise InputError(f"{name}: expected a JSON object with a 'text' key")
    return parse_record(data, name)


def parse_record(data: dict[str, Any], name: str) -> Document:
    """One article from a record (a JSON Lines object, a Parquet row): text, title, date,
    outlet, url."""
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{name}: no 'text' (or it is empty)")
    if "\x00" in text:
        raise InputError(f"{name}: binary data (NUL characters) in 'text'")
    meta = _meta_from_mapping(data, name)
    if meta.title is None:
        meta.title = _first_line(text)
    return Document(text=text, meta=meta)


def _kind(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in TEXT_SUFFIXES:
        return "text"
    return sniff(text)


def sniff(text: str) -> str:
    """Guess the format of unnamed input (stdin, files without a known suffix)."""
    head = text.lstrip()[:200].lower()
    if text.startswith("---\n") or text.startswith("---\r\n"):
        return "markdown"
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    return "text"


def parse_text(text: str, kind: str, path: str | None, sidecar: Path | None = None) -> Document:
    """Turn decoded text of a given kind into a Document."""
    if kind == "markdown":
        return parse_markdown(text, path)
    if kind == "html":
        return parse_html(text, path)
    if kind == "jsonl":
        lines = [line for line in text.splitlines() if line.strip()]
        if len(lines) != 1:
            raise InputError(
                f"{path}: holds {len(lines)} articles (JSON Lines); read it with iter_documents"
            )
        return parse_jsonl_line(lines[0], f"{path}:1")
    return parse_plain(text, path, sidecar)


def read_document(path: Path, as_kind: str | None = None) -> Document:
    """Read one article file (.txt, .md, .html, one-record .jsonl or .parquet); ``InputError``
    if unusable. ``as_kind`` ("transcript" or "article") overrides the guess of ``mark_kind``."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not a file")
    if path.suffix.lower() in PARQUET_SUFFIXES:
        rows = list(_iter_parquet(path))
        if len(rows) != 1:
            raise InputError(
                f"{path}: holds {len(rows)} articles (Parquet); read it with iter_documents"
            )
        if isinstance(rows[0], Skipped):
            raise InputError(f"{rows[0].path}: {rows[0].reason}")
        return mark_kind(rows[0], as_kind)
    text = decode(_read_bytes(path), str(path))
    doc = parse_text(text, _kind(path, text), str(path), sidecar_path(path))
    return mark_kind(_canonical(doc, path), as_kind)


def mark_kind(doc: Document, as_kind: str | None = None) -> Document:
    """Say whether ``doc`` is a briefing transcript (labelled turns: ``MR. KIRBY:``, ``Q``):
    ``as_kind`` when given, else "transcript" when the text looks like one (else left unset)."""
    if as_kind is not None and as_kind not in DOCUMENT_KINDS:
        raise InputError(f"unknown input format {as_kind!r}: use transcript or article")
    if as_kind is not None:
        doc.meta.kind = as_kind
    elif looks_like_transcript(doc.text):
        doc.meta.kind = "transcript"
    if doc.meta.kind == "transcript" and doc.meta.outlet is None:
        doc.meta.outlet = publisher(doc.meta.url)  # "The White House": for citations
    return doc


def _canonical(doc: Document, path: Path) -> Document:
    """The document with its path resolved: one article, however its path was spelled."""
    with contextlib.suppress(OSError):  # a path that cannot be resolved keeps its spelling
        doc.meta.path = str(path.resolve())
    return doc


# -- many inputs -----------------------------------------------------------------------------


def _folder_files(folder: Path) -> Iterator[Path]:
    """Article files under ``folder``, recursively, in name order; hidden files left out."""
    for child in sorted(folder.rglob("*")):
        rel = child.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if not child.is_file() or child.name.endswith(SIDECAR_SUFFIX):
            continue
        if child.suffix.lower() in KNOWN_SUFFIXES:
            yield child


def _iter_jsonl(text: str, name: str, as_kind: str | None = None) -> Iterator[Document | Skipped]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            yield mark_kind(parse_jsonl_line(line, where), as_kind)
        except InputError as err:
            yield Skipped(where, _reason(err, where))


def _iter_parquet(path: Path) -> Iterator[Document | Skipped]:
    """One document per row of a Parquet file (columns text, title, date, outlet, url), read
    ``PARQUET_ROWS`` rows at a time; a bad row is ``Skipped`` as ``file.parquet:N``."""
    name = str(path)
    _read_limit(path)
    try:
        import pyarrow.parquet as pq

        table = pq.ParquetFile(path)
        columns = [field for field in RECORD_FIELDS if field in table.schema_arrow.names]
        if "text" not in columns:
            raise InputError(f"{name}: no 'text' column (Parquet: one article per row)")
        row = 0
        for batch in table.iter_batches(batch_size=PARQUET_ROWS, columns=columns):
            for record in batch.to_pylist():
                row += 1
                where = f"{name}:{row}"
                try:
                    yield parse_record(record, where)
                except InputError as err:
                    yield Skipped(where, _reason(err, where))
    except (OSError, ValueError) as err:  # pyarrow's ArrowInvalid is a ValueError
        raise InputError(f"{name}: not a readable Parquet file ({_first(err)})") from None


def _first(err: BaseException) -> str:
    lines = str(err).strip().splitlines()
    return lines[0][:200] if lines else type(err).__name__


def _reason(err: InputError, name: str) -> str:
    """The message without its leading ``name: `` (Skipped carries the path already)."""
    prefix = f"{name}: "
    return err.message[len(prefix) :] if err.message.startswith(prefix) else err.message


def _iter_file(path: Path, as_kind: str | None = None) -> Iterator[Document | Skipped]:
    name = str(path)
    try:
        if path.suffix.lower() in PARQUET_SUFFIXES:
            for row in _iter_parquet(path):
                yield row if isinstance(row, Skipped) else mark_kind(row, as_kind)
            return
        text = decode(_read_bytes(path), name)
        kind = _kind(path, text)
        if kind == "jsonl":
            yield from _iter_jsonl(text, name, as_kind)
            return
        doc = _canonical(parse_text(text, kind, name, sidecar_path(path)), path)
        yield mark_kind(doc, as_kind)
    except InputError as err:
        yield Skipped(name, _reason(err, name))
    except Exception as err:  # any other failure skips this one file, not the batch
        yield Skipped(name, _unexpected(err))


def _unexpected(err: BaseException) -> str:
    """A one-line reason for an exception no reader expected."""
    lines = str(err).strip().splitlines()
    detail = f": {lines[0][:200]}" if lines else ""
    return f"cannot read ({type(err).__name__}{detail})"


def _iter_stdin(stream: BinaryIO, as_kind: str | None = None) -> Iterator[Document | Skipped]:
    name = "<stdin>"
    try:
        text = decode(stream.read(MAX_BYTES + 1), name)
        kind = sniff(text)
        if kind == "text" and text.lstrip().startswith("{"):
            yield from _iter_jsonl(text, name, as_kind)
            return
        yield mark_kind(parse_text(text, kind, None), as_kind)
    except InputError as err:
        yield Skipped(name, _reason(err, name))
    except Exception as err:  # never a traceback for one bad input
        yield Skipped(name, _unexpected(err))


def iter_documents(
    paths: Sequence[Path | str], *, stdin: BinaryIO | None = None, as_kind: str | None = None
) -> Iterator[Document | Skipped]:
    """Documents from files, folders (recursively) and ``-`` (stdin), bad ones as ``Skipped``;
    ``as_kind`` ("transcript" or "article") overrides the transcript guess for every one."""
    if as_kind is not None and as_kind not in DOCUMENT_KINDS:
        raise InputError(f"unknown input format {as_kind!r}: use transcript or article")
    for item in paths:
        if str(item) == STDIN:
            yield from _iter_stdin(stdin if stdin is not None else sys.stdin.buffer, as_kind)
            continue
        path = Path(item)
        if path.is_dir():
            files = list(_folder_files(path))
            if not files:
                yield Skipped(
                    str(path), "folder holds no .txt, .md, .html, .jsonl or .parquet files"
                )
            for file in files:
                yield from _iter_file(file, as_kind)
        elif path.exists():
            yield from _iter_file(path, as_kind)
        else:
            yield Skipped(str(path), "no such file or folder")
