"""Pure functions from quote rows to Markdown citations, CSL-JSON and CSV. No database here."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from quotes.store.rows import ExchangeRow, QuoteRow

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~#!])")
_LINE_START = re.compile(r"^(\s*)([-+>=]|\d+[.)])", re.MULTILINE)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# what may stay as-is inside a Markdown (<link>): no spaces, brackets or line breaks
_URL_SAFE = "/:?#@!$&'*+,;=%~._-"
CSV_FIELDS = (
    "id",
    "speaker",
    "role",
    "country",
    "type",
    "form",
    "text",
    "target",
    "confidence",
    "title",
    "outlet",
    "date",
    "url",
    "responds_to",
)


def escape_markdown(text: str) -> str:
    """Backslash-escape Markdown syntax so the text renders verbatim."""
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(_escape_line_start, escaped)


def _escape_line_start(match: re.Match[str]) -> str:
    indent, mark = match.group(1), match.group(2)
    if mark[0].isdigit():
        return f"{indent}{mark[:-1]}\\{mark[-1]}"
    return f"{indent}\\{mark}"


def date_of(row: QuoteRow) -> str | None:
    """The article date as given ("2023-02"), else the stored date."""
    if row.date_text:
        return row.date_text
    return row.published.isoformat() if row.published else None


def _speaker_label(row: QuoteRow) -> str:
    name = escape_markdown(row.speaker) if row.speaker else "Unattributed"
    extra = [escape_markdown(part) for part in (row.role, row.country) if part]
    return f"**{name}**" + (f" ({', '.join(extra)})" if extra else "")


def safe_link(url: str | None) -> str | None:
    """An http(s) URL made safe inside ``(<...>)``; None for any other scheme (javascript:...)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(url.strip(), safe=_URL_SAFE)


def _source_label(row: QuoteRow) -> str:
    parts = []
    link = safe_link(row.url)
    shown_url = escape_markdown(" ".join(row.url.split())) if row.url and not link else None
    if row.title:
        title = escape_markdown(row.title)
        parts.append(f"[{title}](<{link}>)" if link else f"*{title}*")
    elif link:
        parts.append(f"<{link}>")
    if shown_url:  # not a web link: shown as inert text, never as a link
        parts.append(f"`{shown_url.replace('`', '')}`")
    parts.extend(escape_markdown(part) for part in (row.outlet, date_of(row)) if part)
    return ", ".join(parts) if parts else "unknown source"


def _blockquote(text: str) -> str:
    lines = escape_markdown(text.strip()).splitlines() or [""]
    lines[0] = "“" + lines[0]
    lines[-1] = lines[-1] + "”"
    return "\n".join("> " + line if line.strip() else ">" for line in lines)


def citation_markdown(row: QuoteRow) -> str:
    """One quote as a Markdown citation: the verbatim quote, who (role then), where, when."""
    return f"{_blockquote(row.text)}\n\n— {_speaker_label(row)}, in {_source_label(row)}"


def _group_by_speaker(rows: Sequence[QuoteRow]) -> list[str]:
    groups: dict[str, list[QuoteRow]] = {}
    for row in rows:
        groups.setdefault(row.speaker or "Unattributed", []).append(row)
    out = []
    for name, members in groups.items():
        out.append(f"## {escape_markdown(name)}\n")
        out.extend(citation_markdown(row) + "\n" for row in members)
    return out


def _exchange_heading(pair: ExchangeRow) -> str:
    a = pair.statement.country or pair.statement.speaker or "?"
    b = pair.response.country or pair.response.speaker or "?"
    where = "across articles" if pair.cross_article else "same article"
    return (
        f"## {escape_markdown(a)} — {escape_markdown(b)}: "
        f"{pair.statement.type} / {pair.response.type} ({where})\n"
    )


def _group_by_exchange(rows: Sequence[QuoteRow], pairs: Sequence[ExchangeRow]) -> list[str]:
    wanted = {row.id for row in rows}
    out: list[str] = []
    shown: set[int] = set()
    for pair in pairs:
        if wanted and not ({pair.statement.id, pair.response.id} & wanted):
            continue
        out.append(_exchange_heading(pair))
        out.append(citation_markdown(pair.statement) + "\n")
        out.append(citation_markdown(pair.response) + "\n")
        shown |= {pair.statement.id, pair.response.id}
    rest = [row for row in rows if row.id not in shown]
    if rest:
        out.append("## Not part of an exchange\n")
        out.extend(citation_markdown(row) + "\n" for row in rest)
    return out


def to_markdown(
    rows: Iterable[QuoteRow], *, group: str = "speaker", exchanges: Iterable[ExchangeRow] = ()
) -> str:
    """Quotes as Markdown citations, grouped by speaker or by exchange."""
    items = list(rows)
    pairs = list(exchanges)
    if group not in ("speaker", "exchange"):
        raise ValueError(f"group must be 'speaker' or 'exchange', not {group!r}")
    body = _group_by_exchange(items, pairs) if group == "exchange" else _group_by_speaker(items)
    if not body:
        return "# Quotes\n\nNo quotes.\n"
    return "# Quotes\n\n" + "\n".join(body)


def _date_parts(row: QuoteRow) -> list[int] | None:
    text = date_of(row)
    if not text:
        return None
    parts = [int(p) for p in re.findall(r"\d+", text)[:3]]
    return parts or None


def csl_item(row: QuoteRow) -> dict[str, Any]:
    """One CSL-JSON item: the article, with the quote and speaker in ``note``."""
    item: dict[str, Any] = {
        "id": f"quote-{row.id}",
        "type": "article-newspaper",
        "title": row.title or "",
        "container-title": row.outlet or "",
        "URL": row.url or "",
        "note": f"{row.speaker or 'Unattributed'}"
        + (f" ({row.role})" if row.role else "")
        + f": “{row.text}”",
        "abstract": row.text,
        "custom": {
            "speaker": row.speaker,
            "role": row.role,
            "country": row.country,
            "statement_type": row.type,
            "quote_id": row.id,
        },
    }
    parts = _date_parts(row)
    if parts:
        item["issued"] = {"date-parts": [parts]}
    return {key: value for key, value in item.items() if value != ""}


def to_csl_json(rows: Iterable[QuoteRow]) -> str:
    """Quotes as a CSL-JSON array (for Zotero, pandoc-citeproc)."""
    return json.dumps([csl_item(row) for row in rows], ensure_ascii=False, indent=2) + "\n"


def csv_cell(value: str) -> str:
    """A text cell a spreadsheet will not run as a formula (``'`` before ``= + - @``)."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def to_csv(rows: Iterable[QuoteRow]) -> str:
    """Quotes as CSV with a header row; text cells are never formulas."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        cells: dict[str, object] = {
            "id": row.id,
            "speaker": row.speaker or "",
            "role": row.role or "",
            "country": row.country or "",
            "type": row.type,
            "form": row.form,
            "text": row.text,
            "target": row.target or "",
            "confidence": f"{row.confidence:.2f}",
            "title": row.title or "",
            "outlet": row.outlet or "",
            "date": date_of(row) or "",
            "url": row.url or "",
            "responds_to": row.responds_to if row.responds_to is not None else "",
        }
        writer.writerow({k: csv_cell(v) if isinstance(v, str) else v for k, v in cells.items()})
    return buffer.getvalue()


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename it over ``path``.

    A failure (a full disk) leaves the old file as it was and no temporary file behind.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        data = memoryview(text.encode("utf-8"))
        while data:
            data = data[os.write(fd, data) :]
        os.fsync(fd)
        os.close(fd)
        fd = -1
        os.replace(tmp, path)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def row_json(row: QuoteRow) -> dict[str, Any]:
    """A quote row as JSON-ready data (for ``--format json``)."""
    return {
        "id": row.id,
        "text": row.text,
        "form": row.form,
        "type": row.type,
        "target": row.target,
        "confidence": row.confidence,
        "speaker_id": row.speaker_id,
        "speaker": row.speaker,
        "role": row.role,
        "country": row.country,
        "article_id": row.article_id,
        "title": row.title,
        "outlet": row.outlet,
        "url": row.url,
        "date": date_of(row),
        "responds_to": row.responds_to,
        "rank": row.rank,
    }
