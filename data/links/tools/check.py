#!/usr/bin/env python3
"""Verify (and optionally complete) the exchange-link labels in ``data/links``.

    check.py            check documents.json, links.jsonl and answers.jsonl
    check.py --fill     first give every statement whose ``span`` is null the offsets of its
                        ``text`` in the body (the text must occur once, or carry ``nth``)

Offsets index the document *body* as the pipeline reads it (``quotes.readers.read_document``:
the text after the YAML front matter), so stored quote offsets and labels share one frame.
The labels themselves come from reading the articles; this script only checks form:
texts equal their spans, documents exist and sit in the split named, ids are unique, a
link's ``cross_article`` agrees with its two documents, and no answer predates its charge.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[3]
LINKS = REPO / "data" / "links"
sys.path.insert(0, str(REPO))

from quotes.readers import read_document  # noqa: E402

STATEMENT_KEYS = {"document", "span", "text", "speaker", "party"}


def load_documents() -> dict[str, dict[str, Any]]:
    """documents.json as ``{path: {"split", "thread", "date"}}``."""
    data = json.loads((LINKS / "documents.json").read_text(encoding="utf-8"))
    out: dict[str, dict[str, Any]] = {}
    for split in ("dev", "test"):
        for thread, paths in data[split].items():
            for p in paths:
                out[p] = {"split": split, "thread": thread}
    return out


def body(path: str, cache: dict[str, str]) -> str:
    """The body text of a repo-relative document path (front matter removed)."""
    if path not in cache:
        cache[path] = read_document(REPO / path).text
    return cache[path]


def doc_date(path: str) -> dt.date | None:
    """The front-matter date, or None."""
    meta = read_document(REPO / path).meta
    try:
        return dt.date.fromisoformat(str(meta.date)[:10]) if meta.date else None
    except ValueError:
        return None


def fill(stmt: dict[str, Any], texts: dict[str, str]) -> str | None:
    """Set ``span`` from ``text`` when it is null; return a problem or None."""
    if stmt.get("span") is not None:
        return None
    text = body(stmt["document"], texts)
    hits = []
    i = text.find(stmt["text"])
    while i >= 0:
        hits.append(i)
        i = text.find(stmt["text"], i + 1)
    nth = stmt.pop("nth", None)
    if not hits:
        return f"text not found: {stmt['text'][:60]!r}"
    if len(hits) > 1 and nth is None:
        return f"text occurs {len(hits)} times, give nth: {stmt['text'][:60]!r}"
    start = hits[nth or 0]
    stmt["span"] = [start, start + len(stmt["text"])]
    return None


def check_statement(stmt: dict[str, Any], docs: dict[str, Any], texts: dict[str, str]) -> list[str]:
    """Problems with one labelled statement (answer or charge)."""
    problems = []
    missing = STATEMENT_KEYS - stmt.keys()
    if missing:
        return [f"missing {sorted(missing)}"]
    if stmt["document"] not in docs:
        return [f"document not in documents.json: {stmt['document']}"]
    s, e = stmt["span"]
    if body(stmt["document"], texts)[s:e] != stmt["text"]:
        problems.append(f"span {s}-{e} does not hold {stmt['text'][:50]!r}")
    return problems


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fill", action="store_true", help="fill null spans from the texts")
    args = ap.parse_args()
    docs = load_documents()
    texts: dict[str, str] = {}
    bad = 0
    for path in docs:
        if not (REPO / path).is_file():
            print(f"documents.json: no file {path}")
            bad += 1
    links = read_jsonl(LINKS / "links.jsonl")
    answers = read_jsonl(LINKS / "answers.jsonl")
    if args.fill:
        for link in links:
            for stmt in [link["answer"], link["charge"], *link.get("also_charges", [])]:
                if problem := fill(stmt, texts):
                    print(f"{link['id']}: {problem}")
                    bad += 1
        for row in answers:
            if problem := fill(row["answer"], texts):
                print(f"{row['id']}: {problem}")
                bad += 1
        if bad:
            return 1
        write_jsonl(LINKS / "links.jsonl", links)
        write_jsonl(LINKS / "answers.jsonl", answers)
    ids: set[str] = set()
    for link in links:
        where = link["id"]
        if where in ids:
            print(f"{where}: duplicate id")
            bad += 1
        ids.add(where)
        stmts = [link["answer"], link["charge"], *link.get("also_charges", [])]
        for stmt in stmts:
            for p in check_statement(stmt, docs, texts):
                print(f"{where}: {p}")
                bad += 1
        a, c = link["answer"]["document"], link["charge"]["document"]
        if a in docs and link["split"] != docs[a]["split"]:
            print(f"{where}: split {link['split']} but {a} is in {docs[a]['split']}")
            bad += 1
        if link["cross_article"] != (a != c):
            print(f"{where}: cross_article is {link['cross_article']} for {a} / {c}")
            bad += 1
        for stmt in stmts:
            d = stmt["document"]
            if d in docs and a in docs and docs[d]["thread"] != docs[a]["thread"]:
                print(f"{where}: charge in another thread ({d})")
                bad += 1
            da, dc = doc_date(a), doc_date(d)
            if da and dc and dc > da:
                print(f"{where}: charge dated after the answer ({dc} > {da})")
                bad += 1
    for row in answers:
        if row["id"] in ids:
            print(f"{row['id']}: duplicate id")
            bad += 1
        ids.add(row["id"])
        for p in check_statement(row["answer"], docs, texts):
            print(f"{row['id']}: {p}")
            bad += 1
        d = row["answer"]["document"]
        if d in docs and row["split"] != docs[d]["split"]:
            print(f"{row['id']}: split {row['split']} but {d} is in {docs[d]['split']}")
            bad += 1
    for split in ("dev", "test"):
        sel = [x for x in links if x["split"] == split]
        cross = sum(x["cross_article"] for x in sel)
        n_ans = sum(1 for r in answers if r["split"] == split)
        n_docs = sum(1 for d in docs.values() if d["split"] == split)
        print(
            f"{split}: {n_docs} documents, {len(sel)} links ({cross} cross-article,"
            f" {len(sel) - cross} within), {n_ans} answers without a charge"
        )
    print("OK" if not bad else f"{bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
