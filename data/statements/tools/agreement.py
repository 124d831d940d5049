"""Agreement of the blind second pass (second_pass/relabel.tsv) with the labels in
pairs/test.jsonl."""

import json
import pathlib
from typing import Any

STATEMENTS_DIR = pathlib.Path(__file__).resolve().parents[1]


def read_jsonl(path: pathlib.Path) -> list[dict[str, Any]]:
    """Return the records of a JSON Lines file, one per line."""
    with open(path) as handle:
        return [json.loads(line) for line in handle]


def load_first_pass() -> dict[str, dict[str, Any]]:
    """Map pair id -> first-pass record from pairs/test.jsonl."""
    return {record["id"]: record for record in read_jsonl(STATEMENTS_DIR / "pairs/test.jsonl")}


def load_blind_keys() -> dict[str, str]:
    """Map blind key -> pair id from second_pass/blind.jsonl."""
    records = read_jsonl(STATEMENTS_DIR / "second_pass/blind.jsonl")
    return {record["k"]: record["id"] for record in records}


def read_relabels() -> list[tuple[str, str, str]]:
    """Return (blind key, same, drift) rows of second_pass/relabel.tsv, skipping comments/blanks."""
    rows = []
    with open(STATEMENTS_DIR / "second_pass/relabel.tsv") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            key, same, drift = line.split()
            rows.append((key, same, drift))
    return rows


def main() -> None:
    first = load_first_pass()
    blind = load_blind_keys()
    n = same_agree = both_same = drift_agree = 0
    for key, same, drift in read_relabels():
        record = first[blind[key]]
        n += 1
        second_same = same == "1"
        if second_same == record["same"]:
            same_agree += 1
        else:
            print(
                "same differs:",
                key,
                record["id"],
                record["kind"],
                "| first",
                record["same"],
                "| second",
                second_same,
                "|",
                record["note"],
            )
        if second_same and record["same"]:
            both_same += 1
            if (drift == "1") == bool(record["drift"]):
                drift_agree += 1
            else:
                print("drift differs:", key, record["id"], record["drift"], drift)
    print(
        f"pairs {n}; same/not-same agreement {same_agree}/{n} = {same_agree / n:.3f}; "
        f"drift agreement on pairs both passes call same "
        f"{drift_agree}/{both_same} = {drift_agree / both_same:.3f}"
    )
    first_same = sum(first[blind[key]]["same"] for key in blind)
    print("first pass same:", first_same, "of", n)


if __name__ == "__main__":
    main()
