"""Agreement of the blind second annotation (data/types/agreement/, annotator B) with the first
labels of the same articles (data/types/{train,dev,test}/): the ceiling for the type model.

Items are paired by span: two items are the same statement when their spans overlap by at least
half of the shorter one. Printed: how many items paired, raw agreement and Cohen's kappa on
`type`, agreement where either annotator's `also` may stand in for the other's type, and raw
agreement and kappa on stance (quotes.nlp.types.STANCE).

    python data/types/tools/agreement.py
"""

from __future__ import annotations

import json
import pathlib
import sys
from collections import Counter
from typing import Any

TYPES_DIR = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TYPES_DIR.parents[1]))

from quotes.nlp.types import STANCE  # noqa: E402

SPLITS = ("train", "dev", "test")


def load(path: pathlib.Path) -> dict[str, Any]:
    """One label file."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def first_labels(name: str) -> dict[str, Any] | None:
    """The first annotation of the article the agreement file ``name`` labels again."""
    for split in SPLITS:
        path = TYPES_DIR / split / name
        if path.exists():
            return load(path)
    return None


def overlap(a: list[int], b: list[int]) -> bool:
    """Whether two spans overlap by at least half of the shorter one."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared * 2 >= min(a[1] - a[0], b[1] - b[0])


def pairs(first: dict[str, Any], second: dict[str, Any]) -> list[tuple[dict[str, Any], ...]]:
    """(first item, second item) for every second-pass item whose span meets a first-pass one."""
    out = []
    for item in second["items"]:
        match = next((f for f in first["items"] if overlap(f["span"], item["span"])), None)
        if match is not None:
            out.append((match, item))
    return out


def kappa(a: list[str], b: list[str]) -> float:
    """Cohen's kappa of two label sequences."""
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def main() -> None:
    matched: list[tuple[dict[str, Any], ...]] = []
    unmatched = 0
    for path in sorted((TYPES_DIR / "agreement").glob("*.json")):
        first = first_labels(path.name)
        if first is None:
            print(f"{path.name}: no first annotation", file=sys.stderr)
            continue
        second = load(path)
        found = pairs(first, second)
        matched.extend(found)
        unmatched += len(second["items"]) - len(found)
    a = [f["type"] for f, _ in matched]
    b = [s["type"] for _, s in matched]
    n = len(matched)
    loose = sum(
        f["type"] == s["type"] or f["type"] in s.get("also", []) or s["type"] in f.get("also", [])
        for f, s in matched
    )
    sa = [STANCE.get(t, "neutral") for t in a]
    sb = [STANCE.get(t, "neutral") for t in b]
    print(f"items paired      {n} ({unmatched} second-pass items met no first-pass span)")
    print(f"type agreement    {sum(x == y for x, y in zip(a, b, strict=True)) / n:.3f}")
    print(f"type kappa        {kappa(a, b):.3f}")
    print(f"type, with also   {loose / n:.3f}")
    print(f"stance agreement  {sum(x == y for x, y in zip(sa, sb, strict=True)) / n:.3f}")
    print(f"stance kappa      {kappa(sa, sb):.3f}")
    confusions = Counter((x, y) for x, y in zip(a, b, strict=True) if x != y)
    print("most frequent disagreements (first -> second):")
    for (x, y), count in confusions.most_common(8):
        print(f"  {x:>15} -> {y:<15} {count}")


if __name__ == "__main__":
    main()
