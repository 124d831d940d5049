#!/usr/bin/env python3
"""Annotation helpers for the statement-type labels (see docs/annotation/statement-types.md).

items.py polnear STEM            print PolNeAR's gold direct quotes of a train article, with context
items.py show DOC START END      print a span and its paragraph (DOC relative to ../shared)
items.py find DOC "exact words"  offsets of every occurrence of the words in DOC
items.py check FILE...           verify label files: spans match texts, types known, ids unique
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
SHARED = REPO.parent / "shared"
TYPES = {
    "accuse",
    "condemn",
    "protest",
    "warn",
    "threaten",
    "demand",
    "deny",
    "reject",
    "decline_comment",
    "support",
    "agree",
    "concede",
    "acknowledge",
    "appeal",
    "statement",
}


def read_doc(doc: str) -> str:
    path = REPO / doc[5:] if doc.startswith("repo:") else SHARED / doc
    return path.read_text(encoding="utf-8")


def paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    a = text.rfind("\n\n", 0, start)
    b = text.find("\n\n", end)
    return (0 if a < 0 else a + 2), (len(text) if b < 0 else b)


def polnear_items(stem: str) -> None:
    sys.path.insert(0, str(SHARED / "eval"))
    import polnear  # type: ignore[import-not-found]

    docs = {d.stem: d for d in polnear.load_split(SHARED / "polnear", "train")}
    d = docs[stem]
    doc = f"polnear/train/text/{stem}.txt"
    print(f"document: {doc}\nsha1: {hashlib.sha1(d.text.encode()).hexdigest()[:12]}")
    for i, q in enumerate(sorted(d.quotes, key=lambda q: q.start), 1):
        s, e = q.start + 1, q.end - 1  # marks excluded
        a, b = paragraph(d.text, q.start, q.end)
        src = [d.text[x:y] for x, y in q.sources]
        print(f"\n== q{i} span [{s}, {e}] source(PolNeAR)={src}")
        print(f"   quote: {d.text[s:e]!r}")
        print(f"   paragraph: {d.text[a:b]}")


def check(files: list[str]) -> int:
    bad = 0
    for f in files:
        data = json.loads(Path(f).read_text(encoding="utf-8"))
        text = read_doc(data["document"])
        if hashlib.sha1(text.encode()).hexdigest()[:12] != data["sha1"]:
            print(f"{f}: sha1 mismatch")
            bad += 1
        ids = set()
        for it in data["items"]:
            s, e = it["span"]
            problems = []
            if text[s:e] != it["text"]:
                problems.append(f"text {text[s:e][:40]!r} != {it['text'][:40]!r}")
            if it["type"].lower() not in TYPES or any(
                a.lower() not in TYPES for a in it.get("also", [])
            ):
                problems.append(f"unknown type {it['type']} / {it.get('also')}")
            if it["id"] in ids:
                problems.append("duplicate id")
            ids.add(it["id"])
            if it.get("form") not in ("direct", "reported", "transcript"):
                problems.append(f"form {it.get('form')}")
            for p in problems:
                print(f"{f} {it['id']}: {p}")
                bad += 1
        for it in data["items"]:
            r = it.get("responds_to")
            if r and r not in ids:
                print(f"{f} {it['id']}: responds_to {r} unknown")
                bad += 1
    print("ok" if not bad else f"{bad} problems")
    return 1 if bad else 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["polnear"]:
        polnear_items(argv[1])
        return 0
    if argv[:1] == ["show"]:
        text = read_doc(argv[1])
        s, e = int(argv[2]), int(argv[3])
        a, b = paragraph(text, s, e)
        print(repr(text[s:e]))
        print(text[a:b])
        return 0
    if argv[:1] == ["find"]:
        text = read_doc(argv[1])
        i = text.find(argv[2])
        while i >= 0:
            print(i, i + len(argv[2]))
            i = text.find(argv[2], i + 1)
        return 0
    if argv[:1] == ["check"]:
        return check(argv[1:])
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
