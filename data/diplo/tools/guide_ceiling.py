"""How far a careful reader following our guide agrees with ``../shared/diplo-dev``'s types.

``data/diplo/types-blind/`` holds a blind labelling of the 123 diplo-dev quotes (same spans)
by an annotator who read only ``docs/annotation/statement-types.md`` and the articles, never
the diplo-dev gold, a model or the extractor's output. Each label is scored as the shared
scorer scores a prediction: right when it is the gold type or one of the gold's accepted
alternatives (``also``); stance right when its stance is the stance of one of those. The
figure is what our own guide allows on diplo-dev, the reference for the extractor's type
accuracy there (``quotes bench diplo ../shared/diplo-dev``). These labels score; they never
train (``quotes types train`` reads ``data/types`` only).

    python data/diplo/tools/guide_ceiling.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
from collections import Counter
from typing import Any

DIPLO_DIR = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(DIPLO_DIR.parents[1]))

from quotes.nlp.types import STANCE  # noqa: E402


def accepted(label: str, gold: dict[str, Any]) -> bool:
    """Whether ``label`` is the gold type or one of its accepted alternatives."""
    return label.lower() in {gold["type"].lower(), *(a.lower() for a in gold.get("also", []))}


def stance_accepted(label: str, gold: dict[str, Any]) -> bool:
    """Whether ``label``'s stance is the stance of the gold type or of an alternative."""
    wanted = {STANCE.get(gold["type"].lower())}
    wanted |= {STANCE.get(a.lower()) for a in gold.get("also", [])}
    return STANCE.get(label.lower()) in wanted


def paired(blind: dict[str, Any], gold: dict[str, Any]) -> list[tuple[dict[str, Any], ...]]:
    """(blind item, gold quote) pairs; the blind file copies the gold spans in order."""
    quotes = gold["quotes"]
    if [it["span"] for it in blind["items"]] != [q["span"] for q in quotes]:
        raise ValueError(f"{blind['document']}: the spans differ from the gold's")
    return list(zip(blind["items"], quotes, strict=True))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=pathlib.Path, default=DIPLO_DIR.parents[2] / "shared")
    args = parser.parse_args()
    gold_dir = args.shared / "diplo-dev"
    if not gold_dir.is_dir():
        print(f"{gold_dir} not found: nothing to compare", file=sys.stderr)
        return 2
    pairs: list[tuple[dict[str, Any], ...]] = []
    for path in sorted((DIPLO_DIR / "types-blind").glob("*.json")):
        blind = json.loads(path.read_text(encoding="utf-8"))
        gold = json.loads((gold_dir / f"{path.stem}.gold.json").read_text(encoding="utf-8"))
        pairs.extend(paired(blind, gold))
    n = len(pairs)
    right = sum(accepted(b["type"], g) for b, g in pairs)
    loose = sum(
        accepted(b["type"], g) or any(accepted(a, g) for a in b.get("also", [])) for b, g in pairs
    )
    stance = sum(stance_accepted(b["type"], g) for b, g in pairs)
    unsure = [b for b, _ in pairs if not b.get("sure", True)]
    unsure_right = sum(accepted(b["type"], g) for b, g in pairs if not b.get("sure", True))
    print(f"items                 {n}")
    print(f"type (as the scorer)  {right / n:.3f}")
    print(f"type, with our also   {loose / n:.3f}")
    print(f"stance                {stance / n:.3f}")
    print(f"marked not sure       {len(unsure)} (type right on {unsure_right})")
    misses = Counter((g["type"].lower(), b["type"]) for b, g in pairs if not accepted(b["type"], g))
    print("most frequent differences (gold -> guide):")
    for (gold_type, label), count in misses.most_common(8):
        print(f"  {gold_type:>15} -> {label:<15} {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
