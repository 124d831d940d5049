"""Exchange links (what answers what) against the hand labels of ``data/links`` (issue 13).

    python bench/links_bench.py [--split dev|test] [--errors] [--window DAYS] [--json]
    python bench/links_bench.py --types [--split dev|test|train] [--errors]

Ingests the documents of a split into a temporary SQLite store with the real pipeline
(``quotes.ingest.ingest_paths``: extraction, in-article ``responds_to`` links and the
cross-article linker), reads the stored links (``quotes.store.exchanges.exchanges``) and scores
them against the labels:

* a stored quote *matches* a labelled statement when both sit in the same document and overlap
  by at least half of the shorter of the two (stored direct quotes include their marks;
  labelled ones do not, and a labelled reported clause may hold several stored fragments);
* a stored link is *right* when its response matches the labelled answer and its statement
  matches the labelled charge or one of ``also_charges``; precision counts stored links that
  match some labelled link, recall counts labelled links matched by some stored link (so two
  stored fragments of one labelled answer are both right, and find the link once);
* figures are given overall, within one article and across articles (by whether the two
  documents differ), with counts; ``--errors`` lists each missed and each false link, and
  says when a false link's answer is one of ``answers.jsonl`` (an answer to no charge).

``--window DAYS`` leaves out labelled and stored links whose two articles are further apart.
``--types`` scores the within-article links of ``data/types/<split>`` instead (``responds_to``
items; their documents live under ``../shared`` or, for ``repo:`` paths, in the repo; their
spans index the whole file, so they are shifted by the front matter's length). Those labels
cover only some of a briefing's statements, so there a stored link is scored only when both of
its quotes overlap labelled items; the others are counted apart as unscored.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
LINKS = REPO / "data" / "links"
TYPES = REPO / "data" / "types"
MIN_SHARE = 0.5  # overlap needed, as a share of the shorter span


@dataclass(frozen=True, slots=True)
class Span:
    """A statement's place: a document key and character offsets into its body."""

    document: str
    start: int
    end: int
    text: str = field(default="", compare=False)


@dataclass(frozen=True, slots=True)
class GoldLink:
    """A labelled link: ``answer`` answers ``charges[0]`` (and equally the other charges)."""

    id: str
    answer: Span
    charges: tuple[Span, ...]
    days: int | None = None  # days between the charge's article and the answer's


@dataclass(frozen=True, slots=True)
class PredLink:
    """A stored link: ``answer`` (the response quote) answers ``charge`` (the statement)."""

    answer: Span
    charge: Span
    days: int | None = None

    @property
    def cross_article(self) -> bool:
        return self.answer.document != self.charge.document


def gold_cross(link: GoldLink) -> bool:
    """A labelled link joins two articles when its main charge is in another document."""
    return link.answer.document != link.charges[0].document


def overlaps(a: Span, b: Span, share: float = MIN_SHARE) -> bool:
    """Same document and an overlap of at least ``share`` of the shorter span."""
    if a.document != b.document:
        return False
    inter = min(a.end, b.end) - max(a.start, b.start)
    shorter = min(a.end - a.start, b.end - b.start)
    return shorter > 0 and inter >= share * shorter


def matches(pred: PredLink, gold: GoldLink) -> bool:
    """The stored link is this labelled link: answer to answer, statement to any charge."""
    return overlaps(pred.answer, gold.answer) and any(
        overlaps(pred.charge, c) for c in gold.charges
    )


@dataclass(slots=True)
class Figures:
    """Precision/recall counts for one slice (all, within, cross)."""

    predicted: int = 0
    right: int = 0  # stored links that match a labelled one
    gold: int = 0
    found: int = 0  # labelled links matched by a stored one

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "predicted": self.predicted,
            "right": self.right,
            "gold": self.gold,
            "found": self.found,
        }


@dataclass(slots=True)
class Scores:
    """The figures of a run, and the errors behind them."""

    overall: Figures = field(default_factory=Figures)
    within: Figures = field(default_factory=Figures)
    cross: Figures = field(default_factory=Figures)
    missed: list[GoldLink] = field(default_factory=list)
    false: list[PredLink] = field(default_factory=list)
    false_on_chargeless: int = 0  # false links whose answer is a labelled answer-to-no-charge

    def as_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall.as_dict(),
            "within": self.within.as_dict(),
            "cross": self.cross.as_dict(),
            "false_on_chargeless_answers": self.false_on_chargeless,
        }


def score_links(
    gold: Sequence[GoldLink],
    predicted: Iterable[PredLink],
    chargeless: Sequence[Span] = (),
    window: int | None = None,
) -> Scores:
    """Score stored links against labelled ones (see the module docstring for the rules).

    ``chargeless`` are labelled answers to no charge: a false link on one is counted apart.
    With ``window``, links (labelled or stored) whose articles are more than that many days
    apart are left out."""

    def inside(days: int | None) -> bool:
        return window is None or days is None or days <= window

    gold = [g for g in gold if inside(g.days)]
    preds = sorted(
        {p for p in predicted if inside(p.days)},
        key=lambda p: (p.answer.document, p.answer.start, p.charge.document, p.charge.start),
    )
    scores = Scores()
    for g in gold:
        part = scores.cross if gold_cross(g) else scores.within
        hit = any(matches(p, g) for p in preds)
        for fig in (scores.overall, part):
            fig.gold += 1
            fig.found += hit
        if not hit:
            scores.missed.append(g)
    for p in preds:
        part = scores.cross if p.cross_article else scores.within
        right = any(matches(p, g) for g in gold)
        for fig in (scores.overall, part):
            fig.predicted += 1
            fig.right += right
        if not right:
            scores.false.append(p)
            scores.false_on_chargeless += any(overlaps(p.answer, a) for a in chargeless)
    return scores


# -- labels ------------------------------------------------------------------------------------


def _span(stmt: dict[str, Any]) -> Span:
    return Span(stmt["document"], stmt["span"][0], stmt["span"][1], stmt["text"])


def _date(path: Path) -> dt.date | None:
    from quotes.readers import read_document

    value = read_document(path).meta.date
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def load_link_labels(split: str) -> tuple[dict[str, Path], list[GoldLink], list[Span]]:
    """``data/links`` for one split: document key -> file, labelled links, charge-less answers."""
    data = json.loads((LINKS / "documents.json").read_text(encoding="utf-8"))
    docs = {p: REPO / p for paths in data[split].values() for p in paths}
    dates = {key: _date(path) for key, path in docs.items()}

    def days(a: str, c: str) -> int | None:
        da, dc = dates.get(a), dates.get(c)
        return (da - dc).days if da and dc else None

    gold = []
    for line in (LINKS / "links.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["split"] != split:
            continue
        answer = _span(row["answer"])
        charges = (_span(row["charge"]), *(_span(c) for c in row.get("also_charges", [])))
        gold.append(
            GoldLink(row["id"], answer, charges, days(answer.document, charges[0].document))
        )
    chargeless = []
    for line in (LINKS / "answers.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["split"] == split:
            chargeless.append(_span(row["answer"]))
    return docs, gold, chargeless


def _types_path(doc: str) -> Path:
    return REPO / doc[5:] if doc.startswith("repo:") else SHARED / doc


def body_shift(raw: str, body: str) -> int:
    """Where the body starts in the whole file (the front matter's length)."""
    if raw.endswith(body):
        return len(raw) - len(body)
    at = raw.find(body)
    if at < 0:
        raise ValueError("the body is not part of the file text")
    return at


def load_types_labels(split: str) -> tuple[dict[str, Path], list[GoldLink], dict[str, list[Span]]]:
    """``data/types/<split>``: document key -> file, the ``responds_to`` links, and every
    labelled item per document (to tell a scored stored link from one among unlabelled text).
    Spans are moved from whole-file offsets to body offsets."""
    from quotes.readers import read_document

    docs: dict[str, Path] = {}
    gold: list[GoldLink] = []
    items: dict[str, list[Span]] = {}
    for f in sorted((TYPES / split).glob("*.json")):
        data = json.loads(f.read_text(encoding="utf-8"))
        key = data["document"]
        path = _types_path(key)
        raw = path.read_text(encoding="utf-8")
        shift = body_shift(raw, read_document(path).text)
        docs[key] = path
        by_id = {}
        for it in data["items"]:
            s, e = it["span"]
            by_id[it["id"]] = Span(key, s - shift, e - shift, it["text"])
        items[key] = list(by_id.values())
        for it in data["items"]:
            target = it.get("responds_to")
            if target and target in by_id:
                gold.append(GoldLink(f"{f.stem}:{it['id']}", by_id[it["id"]], (by_id[target],)))
    return docs, gold, items


# -- the pipeline ------------------------------------------------------------------------------


def stored_links(docs: dict[str, Path], db: Path) -> list[PredLink]:
    """Ingest ``docs`` into a fresh SQLite store at ``db`` and read back its exchange links."""
    from sqlmodel import Session, select

    from quotes.ingest import ingest_paths
    from quotes.store.db import open_store
    from quotes.store.exchanges import exchanges
    from quotes.store.tables import Article

    engine = open_store(f"sqlite:///{db}")
    began = time.perf_counter()
    summary = ingest_paths(engine, [str(p) for p in docs.values()], workers=1)
    print(
        f"ingested {summary.articles} articles, {len(summary.skipped)} skipped"
        f" in {time.perf_counter() - began:.0f}s",
        file=sys.stderr,
    )
    for skipped in summary.skipped:
        print(f"  skipped {skipped.path}: {skipped.reason}", file=sys.stderr)
    by_path = {str(p.resolve()): key for key, p in docs.items()}
    with Session(engine) as session:
        article_doc = {
            aid: by_path.get(path or "", path or "")
            for aid, path in session.exec(select(Article.id, Article.path))
        }
        rows = exchanges(session)
    engine.dispose()
    preds = []
    for row in rows:
        s, r = row.statement, row.response
        if s.start is None or s.end is None or r.start is None or r.end is None:
            continue
        days = (r.published - s.published).days if r.published and s.published else None
        preds.append(
            PredLink(
                Span(article_doc[r.article_id], r.start, r.end, r.text),
                Span(article_doc[s.article_id], s.start, s.end, s.text),
                days,
            )
        )
    return preds


def restrict_to_labelled(
    preds: Sequence[PredLink], items: dict[str, list[Span]]
) -> tuple[list[PredLink], int]:
    """The stored links both of whose quotes overlap labelled items, and how many were not."""

    def labelled(span: Span) -> bool:
        return any(overlaps(span, it) for it in items.get(span.document, []))

    kept = [p for p in preds if labelled(p.answer) and labelled(p.charge)]
    return kept, len(preds) - len(kept)


# -- report ------------------------------------------------------------------------------------


def _short(span: Span, width: int = 90) -> str:
    text = " ".join(span.text.split())
    text = text if len(text) <= width else text[: width - 1] + "…"
    return f"{Path(span.document).stem[:40]} [{span.start}:{span.end}] {text!r}"


def print_report(scores: Scores, errors: bool, extra: str = "") -> None:
    """Figures per slice, then (``errors``) every missed and every false link."""
    print(f"{'':8} {'P':>6} {'R':>6} {'F1':>6}   stored right / labelled found")
    for name, fig in (
        ("overall", scores.overall),
        ("within", scores.within),
        ("cross", scores.cross),
    ):
        print(
            f"{name:8} {fig.precision:6.3f} {fig.recall:6.3f} {fig.f1:6.3f}"
            f"   {fig.predicted:4} {fig.right:4} / {fig.gold:4} {fig.found:4}"
        )
    print(
        f"false links whose answer answers no charge (answers.jsonl): {scores.false_on_chargeless}"
    )
    if extra:
        print(extra)
    if not errors:
        return
    print(f"\nmissed ({len(scores.missed)}):")
    for g in scores.missed:
        kind = "cross" if gold_cross(g) else "within"
        print(f"  {g.id} {kind}\n    answer {_short(g.answer)}\n    charge {_short(g.charges[0])}")
    print(f"\nfalse ({len(scores.false)}):")
    for p in scores.false:
        kind = "cross" if p.cross_article else "within"
        print(f"  {kind}\n    answer {_short(p.answer)}\n    charge {_short(p.charge)}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=["dev", "test", "train"])
    ap.add_argument("--types", action="store_true", help="score data/types within-article links")
    ap.add_argument("--errors", action="store_true", help="list missed and false links")
    ap.add_argument("--window", type=int, default=None, help="days between articles, at most")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    extra = ""
    with tempfile.TemporaryDirectory() as tmp:
        if args.types:
            if not SHARED.is_dir():
                print(f"skipped: ../shared not found at {SHARED}")
                return 0
            docs, gold, items = load_types_labels(args.split)
            preds, unscored = restrict_to_labelled(stored_links(docs, Path(tmp) / "l.db"), items)
            extra = f"stored links left unscored (a quote outside the labelled items): {unscored}"
            scores = score_links(gold, preds, window=args.window)
        else:
            if args.split == "train":
                ap.error("data/links has no train split")
            docs, gold, chargeless = load_link_labels(args.split)
            preds = stored_links(docs, Path(tmp) / "l.db")
            scores = score_links(gold, preds, chargeless, window=args.window)
    what = f"data/types/{args.split}" if args.types else f"data/links {args.split}"
    if args.json:
        print(json.dumps({"labels": what, "documents": len(docs), **scores.as_dict()}))
    else:
        print(f"{what}: {len(docs)} documents")
        print_report(scores, args.errors, extra)
    return 0


if __name__ == "__main__":
    sys.exit(main())
