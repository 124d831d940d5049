"""Pure functions from quote rows to Markdown citations, CSL-JSON and CSV. No database here.

Citation style (every format): only direct quotes go between quotation marks, and what goes
there occurs verbatim between marks in the article; a trailing comma, semicolon or colon inside
the marks is dropped (``.``, ``!``, ``?`` stay); a quote split by its cue (“A,” she said, “B.”)
is one citation, “A … B.”; reported statements are marked as paraphrase, never put in marks.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
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
    "also_reported_by",
)


OPEN, CLOSE = "“", "”"
ELLIPSIS = " … "
PARAPHRASE = "Paraphrase (reported speech, not a verbatim quote)"
TRANSCRIPT = "From the transcript (the official's words as the record gives them)"
_TRAILING = ",;:"  # dropped at the end of a quoted piece
_SPLIT_CUE = re.compile(r"\s*[^.!?\"“”\n]{1,40},\s*")  # “A,” she said, “B.”: the gap


def quote_piece(text: str) -> str:
    """The part of a direct quote that goes between the marks: trailing ``,;:`` dropped."""
    return text.strip().rstrip(_TRAILING + " \t\n")


@dataclass(frozen=True, slots=True)
class Citation:
    """One citation: a quote, or a quote split by its cue (several rows, one citation)."""

    rows: tuple[QuoteRow, ...]

    @property
    def row(self) -> QuoteRow:
        return self.rows[0]

    @property
    def quoted(self) -> bool:
        return self.row.form == "direct"

    @property
    def pieces(self) -> list[str]:
        if not self.quoted:
            return [row.text.strip() for row in self.rows]
        return [quote_piece(row.text) for row in self.rows]

    def plain(self) -> str:
        """The citation's words, without marks (pieces of a split quote joined by “ … ”)."""
        return ELLIPSIS.join(self.pieces)

    @property
    def label(self) -> str:
        """What the words are when they are not a quote in marks."""
        return TRANSCRIPT if self.row.form == "transcript" else PARAPHRASE

    def text(self) -> str:
        """A direct quote in marks; a reported statement labelled as paraphrase, a transcript
        paragraph as the transcript's words (the source has no marks: none are added)."""
        if self.quoted:
            return OPEN + self.plain() + CLOSE
        return f"{self.label}: {self.plain()}"


def continues(a: QuoteRow, b: QuoteRow) -> bool:
    """Whether ``b`` is the rest of ``a``, split by its cue: “A,” she said, “b.”"""
    if a.form != "direct" or b.form != "direct" or a.text.rstrip()[-1:] != ",":
        return False
    same = (a.article_id, a.paragraph, a.speaker_id, a.speaker)
    if same != (b.article_id, b.paragraph, b.speaker_id, b.speaker):
        return False
    if a.end is None or b.start is None or a.after is None or b.start <= a.end:
        return False
    gap = a.after[: b.start - a.end]
    return len(gap) == b.start - a.end and _SPLIT_CUE.fullmatch(gap) is not None


def citations(rows: Iterable[QuoteRow]) -> list[Citation]:
    """Rows as citations, joining a quote split by its cue into one."""
    items = list(rows)
    following = _following(items)
    merged: set[int] = set()
    out: list[Citation] = []
    for row in items:
        if row.id in merged:
            continue
        chain = [row]
        while (nxt := following.get(chain[-1].id)) is not None and continues(chain[-1], nxt):
            chain.append(nxt)
            merged.add(nxt.id)
        out.append(Citation(tuple(chain)))
    return out


def _following(items: list[QuoteRow]) -> dict[int, QuoteRow]:
    """Each row's next row in its article (by offset), among ``items``."""
    placed = sorted(
        (row for row in items if row.start is not None),
        key=lambda row: (row.article_id, row.start or 0),
    )
    return {a.id: b for a, b in pairwise(placed) if a.article_id == b.article_id}


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
    lines = escape_markdown(text).splitlines() or [""]
    lines[0] = OPEN + lines[0]
    lines[-1] = lines[-1] + CLOSE
    return "\n".join("> " + line if line.strip() else ">" for line in lines)


def _labelled(label: str, text: str) -> str:
    return f"*{label}:* " + escape_markdown(text).replace("\n", " ")


def _citation_md(cite: Citation, others: Sequence[QuoteRow] = ()) -> str:
    body = _blockquote(cite.plain()) if cite.quoted else _labelled(cite.label, cite.plain())
    text = f"{body}\n\n— {_speaker_label(cite.row)}, in {_source_label(cite.row)}"
    if others:
        text += "\n\n" + also_reported(others)
    return text


def also_reported(others: Sequence[QuoteRow]) -> str:
    """``Also reported by: …``: the other versions' sources, one per outlet, earliest first;
    a version whose words differ is marked."""
    return "Also reported by: " + "; ".join(_source_label(row) for row in _one_per_outlet(others))


def _one_per_outlet(rows: Iterable[QuoteRow]) -> list[QuoteRow]:
    """The first row of each outlet (by name, else title, else article), in the order given."""
    seen: dict[str, QuoteRow] = {}
    for row in rows:
        seen.setdefault((row.outlet or row.title or str(row.article_id)).casefold(), row)
    return list(seen.values())


def citation_markdown(row: QuoteRow) -> str:
    """One quote as a Markdown citation: the verbatim quote (or a marked paraphrase), who
    (role then), where, when."""
    return _citation_md(Citation((row,)))


def _group_by_speaker(
    rows: Sequence[QuoteRow], others: dict[int, list[QuoteRow]] | None = None
) -> list[str]:
    groups: dict[str, list[Citation]] = {}
    for cite in citations(rows):
        groups.setdefault(cite.row.speaker or "Unattributed", []).append(cite)
    out = []
    for name, members in groups.items():
        out.append(f"## {escape_markdown(name)}\n")
        out.extend(
            _citation_md(cite, (others or {}).get(cite.row.id, ())) + "\n" for cite in members
        )
    return out


def _side(row: QuoteRow) -> str:
    return escape_markdown(row.country or row.speaker or "?")


def _exchange_heading(statement: QuoteRow, answers: Sequence[ExchangeRow]) -> str:
    replies = ", ".join(f"{_side(pair.response)} ({pair.response.type})" for pair in answers)
    where = {"across articles" if pair.cross_article else "same article" for pair in answers}
    return (
        f"## {_side(statement)} ({statement.type}) — answered by {replies} "
        f"({', '.join(sorted(where))})\n"
    )


def _by_statement(pairs: Sequence[ExchangeRow], wanted: set[int]) -> dict[int, list[ExchangeRow]]:
    grouped: dict[int, list[ExchangeRow]] = {}
    for pair in pairs:
        if wanted and not ({pair.statement.id, pair.response.id} & wanted):
            continue
        grouped.setdefault(pair.statement.id, []).append(pair)
    return grouped


def _once(row: QuoteRow, shown: set[int]) -> str:
    if row.id in shown:
        return f"*(quote {row.id}, cited above)*\n"
    shown.add(row.id)
    return citation_markdown(row) + "\n"


def _group_by_exchange(rows: Sequence[QuoteRow], pairs: Sequence[ExchangeRow]) -> list[str]:
    """One section per statement: the statement once, then each answer once."""
    out: list[str] = []
    shown: set[int] = set()
    for answers in _by_statement(pairs, {row.id for row in rows}).values():
        out.append(_exchange_heading(answers[0].statement, answers))
        out.append(_once(answers[0].statement, shown))
        out.extend(_once(pair.response, shown) for pair in answers)
    rest = [row for row in rows if row.id not in shown]
    if rest:
        out.append("## Not part of an exchange\n")
        out.extend(_citation_md(cite) + "\n" for cite in citations(rest))
    return out


def view_label(query: str | None = None, **filters: str | None) -> str | None:
    """What an export holds, for its title: ``search: drones; speaker: Kostova``."""
    parts = [f"search: {query.strip()}"] if query and query.strip() else []
    parts.extend(f"{name}: {value}" for name, value in filters.items() if value)
    return "; ".join(parts) or None


def markdown_title(view: str | None = None, made: date | None = None) -> str:
    """The export's title: what it holds (the query or view) and the day it was made."""
    made = made or date.today()
    what = f"Quotes — {view}" if view else "Quotes"
    return f"# {escape_markdown(what)} (exported {made.isoformat()})"


def to_markdown(
    rows: Iterable[QuoteRow],
    *,
    group: str = "speaker",
    exchanges: Iterable[ExchangeRow] = (),
    title: str | None = None,
    made: date | None = None,
    others: dict[int, list[QuoteRow]] | None = None,
) -> str:
    """Quotes as Markdown citations, grouped by speaker or by exchange, under a title naming the
    view (``title``: the query or view) and the date the export was made. ``others``: by a
    cited row's id, the other versions of its statement ("Also reported by")."""
    items = list(rows)
    pairs = list(exchanges)
    if group not in ("speaker", "exchange"):
        raise ValueError(f"group must be 'speaker' or 'exchange', not {group!r}")
    if group == "exchange":
        body = _group_by_exchange(items, pairs)
    else:
        body = _group_by_speaker(items, others)
    heading = markdown_title(title, made)
    if not body:
        return f"{heading}\n\nNo quotes.\n"
    return f"{heading}\n\n" + "\n".join(body)


def _date_parts(row: QuoteRow) -> list[int] | None:
    text = date_of(row)
    if not text:
        return None
    parts = [int(p) for p in re.findall(r"\d+", text)[:3]]
    return parts or None


def csl_item(cite: Citation | QuoteRow, others: Sequence[QuoteRow] = ()) -> dict[str, Any]:
    """One CSL-JSON item: the article, the speaker as ``author`` and the citation (a quote in
    marks, or a marked paraphrase) as ``abstract``, which Zotero shows. ``others``: the other
    versions of its statement, named in ``note`` ("Also reported by") and listed (outlet,
    date, URL) in ``custom.also_reported_by``; the item itself is the earliest version."""
    if isinstance(cite, QuoteRow):
        cite = Citation((cite,))
    row = cite.row
    item: dict[str, Any] = {
        "id": f"quote-{row.id}",
        "type": "article-newspaper",
        "title": row.title or "",
        "container-title": row.outlet or "",
        "URL": row.url or "",
        "note": f"{row.speaker or 'Unattributed'}"
        + (f" ({row.role})" if row.role else "")
        + f": {cite.text()}",
        "abstract": cite.text(),
        "custom": {
            "speaker": row.speaker,
            "role": row.role,
            "country": row.country,
            "statement_type": row.type,
            "form": row.form,
            "quote_id": row.id,
            "quote_ids": [part.id for part in cite.rows],
        },
    }
    if others:
        item["note"] += "\n" + also_reported_plain(others)
        item["custom"]["also_reported_by"] = [csl_other(other) for other in others]
    if row.speaker:
        item["author"] = [{"literal": row.speaker}]
    parts = _date_parts(row)
    if parts:
        item["issued"] = {"date-parts": [parts]}
    return {key: value for key, value in item.items() if value != ""}


def csl_other(row: QuoteRow) -> dict[str, Any]:
    """Another version of a cited statement, as CSL-JSON's ``custom`` data holds it."""
    return {"quote_id": row.id, "outlet": row.outlet, "date": date_of(row), "URL": row.url}


def also_reported_plain(others: Sequence[QuoteRow]) -> str:
    """``Also reported by: Courier, 2032-05-11, <url>; …`` as plain text (a CSL ``note``),
    one entry per outlet, earliest first."""
    entries = []
    for row in _one_per_outlet(others):
        parts = (row.outlet or row.title, date_of(row), row.url)
        entries.append(", ".join(p for p in parts if p) or f"article {row.article_id}")
    return "Also reported by: " + "; ".join(entries)


def to_csl_json(rows: Iterable[QuoteRow], others: dict[int, list[QuoteRow]] | None = None) -> str:
    """Quotes as a CSL-JSON array (for Zotero, pandoc-citeproc), one item per citation;
    ``others``: by a cited row's id, the other versions of its statement."""
    items = [csl_item(cite, (others or {}).get(cite.row.id, ())) for cite in citations(rows)]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def csv_cell(value: str) -> str:
    """A text cell a spreadsheet will not run as a formula (``'`` before ``= + - @``)."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def to_csv(rows: Iterable[QuoteRow], others: dict[int, list[QuoteRow]] | None = None) -> str:
    """Quotes as CSV with a header row; text cells are never formulas. ``others``: the other
    versions of a cited row's statement, listed in ``also_reported_by`` (outlet, date, url)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for cite in citations(rows):
        row = cite.row
        cells: dict[str, object] = {
            "id": row.id,
            "speaker": row.speaker or "",
            "role": row.role or "",
            "country": row.country or "",
            "type": row.type,
            "form": row.form,
            "text": cite.plain(),
            "target": row.target or "",
            "confidence": f"{row.confidence:.2f}",
            "title": row.title or "",
            "outlet": row.outlet or "",
            "date": date_of(row) or "",
            "url": row.url or "",
            "responds_to": row.responds_to if row.responds_to is not None else "",
            "also_reported_by": "; ".join(
                ", ".join(p for p in (o.outlet, date_of(o), o.url) if p)
                for o in (others or {}).get(row.id, ())
            ),
        }
        writer.writerow({k: csv_cell(v) if isinstance(v, str) else v for k, v in cells.items()})
    return buffer.getvalue()


FORMATS = {"markdown": ".md", "csl-json": ".json", "csv": ".csv"}
"""Export formats and the file suffix each is written with."""
FORMAT_NAMES = {"markdown": "Markdown", "csl-json": "CSL-JSON", "csv": "CSV"}


def render(
    rows: Iterable[QuoteRow],
    fmt: str,
    *,
    group: str = "speaker",
    exchanges: Iterable[ExchangeRow] = (),
    title: str | None = None,
    others: dict[int, list[QuoteRow]] | None = None,
) -> str:
    """``rows`` in one of ``FORMATS`` (Markdown grouped as ``group`` under ``title``);
    ``others`` lists, by a cited row's id, the other versions of its statement."""
    if fmt == "markdown":
        return to_markdown(rows, group=group, exchanges=exchanges, title=title, others=others)
    if fmt == "csl-json":
        return to_csl_json(rows, others)
    if fmt == "csv":
        return to_csv(rows, others)
    raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")


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
        "statement": statement_json(row),
    }


def statement_json(row: QuoteRow) -> dict[str, Any] | None:
    """The statement a row is a version of: its id, versions, outlets and drift (or None)."""
    if row.statement_id is None:
        return None
    return {
        "id": row.statement_id,
        "versions": row.versions,
        "outlets": row.outlets,
        "other_outlets": row.other_outlets,
        "drift": row.drift,
    }


def earliest_sources(
    rows: Iterable[QuoteRow], sources: dict[int, list[QuoteRow]]
) -> tuple[list[QuoteRow], dict[int, list[QuoteRow]]]:
    """Each row of a statement with several versions replaced by its earliest version (the
    source to cite); returns the rows and, by the cited row's id, the other versions."""
    cited: list[QuoteRow] = []
    others: dict[int, list[QuoteRow]] = {}
    for row in rows:
        versions = sources.get(row.statement_id) if row.statement_id is not None else None
        if not versions:
            cited.append(row)
            continue
        first = versions[0]
        cited.append(first)
        others[first.id] = versions[1:]
    return cited, others
