"""Briefing transcripts: who speaks each answer turn, how fast, and typed/linked statements.

    python bench/transcripts_bench.py [--dir ../shared/briefings] [--parser stanza|surface]
                                      [--gold data/transcripts] [--gold data/types/train ...]
                                      [--labels-only] [--gold-only]

1. Speakers (no parse): on every transcript of ``--dir``, the share of answer turns whose speaker
   is a full name ("John Kirby") or a named anonymous role ("Senior Administration Official"),
   and the labels left unresolved (a surname named nowhere, a bare role), listed with their file.
2. Speed: every transcript through the extractor (``extract_many``, the stanza parser by default):
   turns per second and statements per second, one process, the wall clock.
3. Gold (``--gold``, files in the statement-type format of ``docs/annotation/statement-types.md``,
   items of form ``transcript`` or ``reported`` in briefings): each gold item is matched to the
   extracted statement that overlaps it most; prints the share matched, speaker accuracy, type
   accuracy (strict, and counting the item's accepted ``also`` types) and the links: a gold link
   is an item with ``responds_to`` (an item) or ``responds_to_party``; an extracted link is right
   when the statement it answers overlaps the gold item answered, or is by that party (name or
   country). Precision counts the links of extracted statements matched to gold items.
   ``--gold-only`` skips parts 1 and 2 and extracts only the gold items' transcripts (a quick
   look at part 3; the same figures, since each transcript is extracted on its own).
   ``--show-links`` prints each gold link and each extracted link of a matched item.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotes.nlp import lexicon
from quotes.nlp.parse import Parser, StanzaParser, SurfaceParser
from quotes.nlp.pipeline import extract_many
from quotes.nlp.transcript import find_turns, resolve_labels
from quotes.nlp.types import Document, ExtractedQuote, Extraction
from quotes.readers import read_document

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DEFAULT_DIR = SHARED / "briefings"
SHOW_LINKS = False  # --show-links


def transcripts(folder: Path) -> list[Document]:
    """The folder's Markdown files as the reader reads them (transcript or not, it guesses)."""
    docs = [read_document(path) for path in sorted(folder.glob("*.md")) if path.stem != "README"]
    found = sum(1 for doc in docs if doc.meta.kind == "transcript")
    print(f"recognised as transcripts by the reader: {found}/{len(docs)}")
    return docs


def label_figures(docs: list[Document]) -> None:
    """Part 1: answer turns by how their label resolved; the unresolved labels."""
    how: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    unresolved: Counter[tuple[str, str, str]] = Counter()
    for doc in docs:
        turns = find_turns(doc.text)
        speakers = resolve_labels(doc.text, turns, doc.meta)
        for turn in turns:
            kinds[turn.kind] += 1
            if turn.kind != "answer":
                continue
            resolved = speakers[turn.key]
            how[resolved.how] += 1
            if resolved.how not in ("full", "anonymous"):
                name = Path(doc.meta.path or "?").name
                unresolved[(name, turn.label, resolved.speaker.name)] += 1
    answers = sum(how.values())
    good = how["full"] + how["anonymous"]
    print(f"transcripts: {len(docs)}; turns: {dict(kinds)}")
    print(
        f"answer turns with a full name or a named anonymous role: {good}/{answers} = "
        f"{good / max(answers, 1):.4f} (full {how['full']}, anonymous {how['anonymous']}, "
        f"partial {how['partial']}, unresolved {how['unresolved']})"
    )
    print(f"labels left unresolved ({len(unresolved)}):")
    for (name, label, speaker), count in sorted(unresolved.items()):
        print(f"  {label!r} -> {speaker!r} ({count} turns) in {name}")


def run_extraction(docs: list[Document], parser: Parser) -> dict[str, Extraction]:
    """Part 2: every transcript through the extractor, timed."""
    turns = sum(len(find_turns(doc.text)) for doc in docs)
    began = time.perf_counter()
    out = {
        doc.meta.path or str(i): ex
        for i, (doc, ex) in enumerate(zip(docs, _all(docs, parser), strict=True))
    }
    seconds = time.perf_counter() - began
    statements = sum(1 for ex in out.values() for q in ex.quotes if q.form == "transcript")
    others = sum(1 for ex in out.values() for q in ex.quotes if q.form != "transcript")
    print(
        f"extraction ({type(parser).__name__}): {seconds:.1f} s for {len(docs)} transcripts, "
        f"{turns} turns: {turns / seconds:.1f} turns/s; {statements} answer statements "
        f"({statements / seconds:.1f}/s) and {others} quotes and charges"
    )
    types = Counter(q.type for ex in out.values() for q in ex.quotes if q.form == "transcript")
    linked = sum(1 for ex in out.values() for q in ex.quotes if q.responds_to is not None)
    print(f"statement types: {dict(types.most_common())}; statements linked as answers: {linked}")
    return out


def _all(docs: list[Document], parser: Parser) -> list[Extraction]:
    return list(extract_many(docs, parser))


@dataclass(slots=True)
class GoldScore:
    items: int = 0
    matched: int = 0
    speaker_right: int = 0
    type_right: int = 0
    type_also: int = 0
    gold_links: int = 0
    found_links: int = 0  # gold links the extractor has
    predicted_links: int = 0
    predicted_right: int = 0
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)
    files: int = 0


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _best(span: tuple[int, int], quotes: list[ExtractedQuote]) -> int | None:
    best, size = None, 0
    for i, quote in enumerate(quotes):
        o = _overlap(span, (quote.start, quote.end))
        if o > size:
            best, size = i, o
    return best if best is not None and size >= 0.3 * (span[1] - span[0]) else None


def _party(quote: ExtractedQuote, party: str) -> bool:
    if quote.form == "question":  # the reporter's own premise (gold party "Reporter")
        return lexicon.fold(party) == "reporter"
    who = quote.speaker
    if who is None:
        return False
    folded = lexicon.fold(party)
    names = {lexicon.fold(x) for x in (who.name, who.affiliation, quote.target) if x}
    country = lexicon.countries().first(party)
    if folded in names or (country is not None and country == who.affiliation):
        return True
    surname = party.split()[-1] if party.split() else ""  # "Sergey Lavrov" and "Lavrov"
    return bool(surname[:1].isupper()) and who.name.split()[-1:] == [surname]


def score_gold(gold_files: list[Path], extractions: dict[str, Extraction], parser: Parser) -> None:
    """Part 3: type accuracy and link precision/recall on hand-labelled transcripts."""
    score = GoldScore()
    for path in gold_files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        items = [it for it in gold["items"] if it["form"] in ("transcript", "reported", "direct")]
        if not items:
            continue
        source = SHARED / gold["document"]
        doc_path = str(source.resolve())
        extraction = extractions.get(doc_path)
        if extraction is None:
            (extraction,) = list(extract_many([read_document(source)], parser))
        score.files += 1
        # gold offsets index the whole file; the extractor's, the body after the front matter
        shift = len(source.read_text(encoding="utf-8")) - len(extraction.document.text)
        for item in items:
            item["span"] = [item["span"][0] - shift, item["span"][1] - shift]
        _score_file(items, extraction.quotes, score)
    _print_gold(score)


def _score_file(items: list[dict], quotes: list[ExtractedQuote], score: GoldScore) -> None:
    by_id = {it["id"]: it for it in items}
    matched: dict[str, int] = {}
    for item in items:
        score.items += 1
        i = _best(tuple(item["span"]), quotes)
        if i is None:
            continue
        matched[item["id"]] = i
        quote = quotes[i]
        score.matched += 1
        if quote.speaker is not None and lexicon.fold(quote.speaker.name) == lexicon.fold(
            item["speaker"] or ""
        ):
            score.speaker_right += 1
        gold_type = item["type"].lower()
        score.type_right += quote.type == gold_type
        score.type_also += quote.type == gold_type or quote.type in item.get("also", [])
        if quote.type != gold_type:
            score.confusions[(gold_type, quote.type)] += 1
    for item in items:
        gold_link = item.get("responds_to") or item.get("responds_to_party")
        i = matched.get(item["id"])
        predicted = quotes[i].responds_to if i is not None else None
        if gold_link:
            score.gold_links += 1
        if predicted is not None:
            score.predicted_links += 1
        if not gold_link or predicted is None:
            continue
        answered = quotes[predicted]
        right = False
        target = by_id.get(item.get("responds_to") or "")
        if target is not None:
            right = _overlap(tuple(target["span"]), (answered.start, answered.end)) > 0
            right = right or _party(answered, target.get("speaker") or "")
        if item.get("responds_to_party"):
            right = right or _party(answered, item["responds_to_party"])
        score.found_links += right
        score.predicted_right += right
    if SHOW_LINKS:
        _show_links(items, matched, quotes)


def _show_links(items: list[dict], matched: dict[str, int], quotes: list[ExtractedQuote]) -> None:
    """Each gold link and each extracted link of a matched item, one line each."""
    for item in items:
        gold_link = item.get("responds_to") or item.get("responds_to_party")
        i = matched.get(item["id"])
        predicted = quotes[i].responds_to if i is not None else None
        if not gold_link and predicted is None:
            continue
        got = "-"
        if predicted is not None:
            who = quotes[predicted].speaker
            got = f"{who.name if who else '?'} ({who.affiliation if who else '?'})"
        typed = quotes[i].type if i is not None else "unmatched"
        print(f"    {item['id']} gold {gold_link or '-'} / extracted {got}; type {typed}")


def _print_gold(s: GoldScore) -> None:
    def share(a: int, b: int) -> str:
        return f"{a}/{b} = {a / b:.3f}" if b else f"{a}/0"

    print(f"gold: {s.files} transcripts, {s.items} items; matched {share(s.matched, s.items)}")
    print(f"  speaker accuracy (matched items): {share(s.speaker_right, s.matched)}")
    print(
        f"  type accuracy (matched items): strict {share(s.type_right, s.matched)}, "
        f"counting 'also' {share(s.type_also, s.matched)}"
    )
    print(
        f"  links: precision {share(s.predicted_right, s.predicted_links)}, "
        f"recall {share(s.found_links, s.gold_links)}"
    )
    top = ", ".join(f"{g}->{p} {n}" for (g, p), n in s.confusions.most_common(8))
    print(f"  most frequent type confusions (gold->extracted): {top}")


def gold_paths(args: list[str]) -> list[Path]:
    out: list[Path] = []
    for arg in args:
        path = Path(arg)
        if path.is_dir():
            out += sorted(
                p
                for p in path.glob("*.json")
                if "briefings" in p.name
                or json.loads(p.read_text(encoding="utf-8"))["document"].startswith("briefings/")
            )
        elif path.is_file():
            out.append(path)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--parser", choices=("stanza", "surface"), default="stanza")
    ap.add_argument("--gold", action="append", default=[], help="gold file or folder (repeat)")
    ap.add_argument("--labels-only", action="store_true", help="part 1 only (no extraction)")
    ap.add_argument(
        "--gold-only", action="store_true", help="part 3 only, extracting the gold transcripts"
    )
    ap.add_argument("--show-links", action="store_true", help="print gold and extracted links")
    args = ap.parse_args(argv)
    global SHOW_LINKS
    SHOW_LINKS = args.show_links
    if args.gold_only:
        parser: Parser = StanzaParser() if args.parser == "stanza" else SurfaceParser()
        for folder in args.gold:
            gold = gold_paths([folder])
            if gold:
                print(f"== gold {folder}")
                score_gold(gold, {}, parser)
        return 0
    if not args.dir.is_dir():
        print(f"no transcripts at {args.dir}; skipped")
        return 0
    docs = transcripts(args.dir)
    label_figures(docs)
    if args.labels_only:
        return 0
    parser = StanzaParser() if args.parser == "stanza" else SurfaceParser()
    extractions = run_extraction(docs, parser)
    for folder in args.gold:  # each gold set scored on its own
        gold = gold_paths([folder])
        if gold:
            print(f"== gold {folder}")
            score_gold(gold, extractions, parser)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
