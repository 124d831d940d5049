"""Format the hand-written pair labels into data/statements/pairs/{dev,test}.jsonl and check them.

Input (hand-written, see GUIDE.md): quotes.tsv (QID, source, speaker, text) and labels.tsv
(story, QID a, QID b, same 1/0, kind, drift 1/0/-, note) plus '@split STORY dev|test' lines.
This script decides no label: it fills outlet and date from the source file's name or front
matter, checks that each text occurs verbatim on the cited line, that kinds/drift are
consistent, and writes JSONL. Usage: .venv/bin/python data/statements/tools/build_pairs.py
"""

import collections
import json
import pathlib
import re
import sys
from typing import Any

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[2]
SHARED = pathlib.Path("/work/shared")
OUTLETS = {
    "breitbart": "Breitbart",
    "huff-post": "HuffPost",
    "nyt": "New York Times",
    "politico": "Politico",
    "usa-today": "USA Today",
    "wash-post": "Washington Post",
    "west-journal": "Western Journal",
}
KINDS = {
    "copy",
    "punctuation",
    "ellipsis",
    "brackets",
    "partial",
    "translation",
    "hard_negative",
    "negative",
}
NEGATIVE_KINDS = ("hard_negative", "negative")
FICTIONAL_PREFIXES = ("fictional", "tests/")
EXTRA_PREFIX = "extra:"

Quote = dict[str, str]
# (story, QID a, QID b, same, kind, drift or None when not same, note)
Pair = tuple[str, str, str, bool, str, bool | None, str]


def front(path: pathlib.Path) -> dict[str, str]:
    """The key: value lines of a file's '---' front matter."""
    meta = {}
    text = path.read_text()
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    for line in (match.group(1) if match else "").splitlines():
        key, _, value = line.partition(":")
        meta[key.strip()] = value.strip().strip('"')
    return meta


def source_file(path: str) -> pathlib.Path:
    """Corpus and briefing paths missing from the repo are looked up in the shared folder."""
    if path.startswith(("corpus/", "briefings/")) and not (REPO / path).exists():
        return SHARED / path
    return REPO / path


def resolve(src: str) -> tuple[str, str, str | None, str]:
    """-> (outlet, date, line text or None, source string for the JSON)"""
    if src.startswith("fictional|"):
        _, outlet, date = src.split("|")
        return outlet, date, None, "fictional (quote variant written for this set)"
    path, _, line = src.rpartition(":")
    if path.startswith("polnear/"):
        full = SHARED / path
        pub, date = full.stem.split("_")[:2]
        outlet = OUTLETS[pub]
        shown = "../shared/" + path + ":" + line
    else:
        full = source_file(path)
        meta = front(full)
        outlet, date = meta.get("outlet", "?"), meta.get("date", "?")
        shown = path + ":" + line
        if path.startswith("tests/data/statements/"):
            shown += " (fictional)"
    lines = full.read_text(errors="replace").splitlines()
    return outlet, date, lines[int(line) - 1], shown


def content_rows(name: str) -> list[tuple[int, str]]:
    """(line number, row) of a hand-written file in HERE, skipping blank and '#' lines."""
    rows = enumerate((HERE / name).read_text().splitlines(), 1)
    return [(n, row) for n, row in rows if row.strip() and not row.startswith("#")]


def read_quotes(errors: list[str]) -> dict[str, Quote]:
    """Parse quotes.tsv into QID -> quote record, checking each text against its source line."""
    quotes: dict[str, Quote] = {}
    for n, row in content_rows("quotes.tsv"):
        parts = row.split("\t")
        if len(parts) != 4:
            errors.append(f"quotes.tsv:{n}: {len(parts)} fields")
            continue
        qid, src, speaker, text = parts
        if qid in quotes:
            errors.append(f"quotes.tsv:{n}: duplicate {qid}")
        outlet, date, line, shown = resolve(src)
        if line is not None and text not in line:
            errors.append(f"quotes.tsv:{n}: {qid} text not on {src}")
        quotes[qid] = {
            "text": text,
            "speaker": speaker,
            "outlet": outlet,
            "date": date,
            "source": shown,
        }
    return quotes


def check_pair(
    n: int, parts: list[str], quotes: dict[str, Quote], seen: set[frozenset[str]]
) -> list[str]:
    """Errors in one labels.tsv row; records the pair in seen."""
    errors = []
    _, qa, qb, same, kind, drift, _ = parts
    for qid in (qa, qb):
        if qid not in quotes:
            errors.append(f"labels.tsv:{n}: unknown {qid}")
    key = frozenset((qa, qb))
    if key in seen or qa == qb:
        errors.append(f"labels.tsv:{n}: duplicate pair {qa} {qb}")
    seen.add(key)
    if kind not in KINDS:
        errors.append(f"labels.tsv:{n}: kind {kind}")
    is_same = same == "1"
    if is_same != (kind not in NEGATIVE_KINDS):
        errors.append(f"labels.tsv:{n}: same/kind mismatch")
    if (drift == "-") == is_same:
        errors.append(f"labels.tsv:{n}: drift must be - iff not same")
    speaker_a = quotes.get(qa, {}).get("speaker")
    speaker_b = quotes.get(qb, {}).get("speaker")
    if kind == "hard_negative" and speaker_a != speaker_b:
        errors.append(f"labels.tsv:{n}: hard negative with different speakers")
    return errors


def read_labels(quotes: dict[str, Quote], errors: list[str]) -> tuple[dict[str, str], list[Pair]]:
    """Parse labels.tsv into story -> split and the list of labelled pairs."""
    split: dict[str, str] = {}
    pairs: list[Pair] = []
    seen: set[frozenset[str]] = set()
    for n, row in content_rows("labels.tsv"):
        if row.startswith("@split"):
            _, story, part = row.split()
            split[story] = part
            continue
        parts = row.split("\t")
        if len(parts) != 7:
            errors.append(f"labels.tsv:{n}: {len(parts)} fields")
            continue
        errors.extend(check_pair(n, parts, quotes, seen))
        story, qa, qb, same, kind, drift, note = parts
        pairs.append(
            (story, qa, qb, same == "1", kind, None if drift == "-" else drift == "1", note)
        )
    # 'extra:STORY' rows are labelled like the rest but kept out of dev/test (pairs/extra.jsonl)
    # to keep the main sets at least half hard negatives; their split is that of STORY.
    for story in {p[0].removeprefix(EXTRA_PREFIX) for p in pairs} - set(split):
        errors.append(f"story {story} has no @split")
    return split, pairs


def build_rows(
    pairs: list[Pair], split: dict[str, str], quotes: dict[str, Quote]
) -> dict[str, list[dict[str, Any]]]:
    """The JSON records of each output file (dev, test, extra), with ids numbered across all."""
    out: dict[str, list[dict[str, Any]]] = {"dev": [], "test": [], "extra": []}
    for i, (story, qa, qb, same, kind, drift, note) in enumerate(pairs, 1):
        part = "extra" if story.startswith(EXTRA_PREFIX) else split[story]
        out[part].append(
            {
                "id": f"p{i:04d}",
                "story": story.removeprefix(EXTRA_PREFIX),
                "a": quotes[qa],
                "b": quotes[qb],
                "same": same,
                "kind": kind,
                "drift": drift,
                "note": note,
            }
        )
    return out


def write_jsonl(out: dict[str, list[dict[str, Any]]], dest: pathlib.Path) -> None:
    for part, rows in out.items():
        with open(dest / f"{part}.jsonl", "w") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def leaked_quotes(pairs: list[Pair], split: dict[str, str]) -> list[str]:
    """QIDs that occur in both dev and test (extra pairs not counted)."""
    where: dict[str, set[str]] = collections.defaultdict(set)
    for story, qa, qb, *_ in pairs:
        if not story.startswith(EXTRA_PREFIX):
            where[qa].add(split[story])
            where[qb].add(split[story])
    return sorted(qid for qid, parts in where.items() if len(parts) > 1)


def is_fictional(quote: Quote) -> bool:
    return quote["source"].startswith(FICTIONAL_PREFIXES)


def print_summary(
    pairs: list[Pair],
    split: dict[str, str],
    quotes: dict[str, Quote],
    out: dict[str, list[dict[str, Any]]],
) -> None:
    """Counts per split and kind, then totals over dev and test."""
    pairs = [p for p in pairs if not p[0].startswith(EXTRA_PREFIX)]
    counts = collections.Counter((split[p[0]], p[4]) for p in pairs)
    real = sum(1 for p in pairs if not (is_fictional(quotes[p[1]]) and is_fictional(quotes[p[2]])))
    for part in ("dev", "test"):
        kinds = dict(sorted((kind, v) for (s, kind), v in counts.items() if s == part))
        print(part, len(out[part]), kinds)
    print(
        "total",
        len(pairs),
        "same",
        sum(p[3] for p in pairs),
        "hard_negative",
        sum(p[4] == "hard_negative" for p in pairs),
        "negative",
        sum(p[4] == "negative" for p in pairs),
        "drift",
        sum(bool(p[5]) for p in pairs),
        "real (>=1 real side)",
        real,
    )


def main() -> None:
    errors: list[str] = []
    quotes = read_quotes(errors)
    split, pairs = read_labels(quotes, errors)
    if errors:
        print("\n".join(errors))
        sys.exit(1)
    out = build_rows(pairs, split, quotes)
    write_jsonl(out, HERE.parent / "pairs")
    # no quote may appear in both dev and test
    leak = leaked_quotes(pairs, split)
    if leak:
        print("quotes in both splits:", leak)
        sys.exit(1)
    print_summary(pairs, split, quotes, out)


if __name__ == "__main__":
    main()
