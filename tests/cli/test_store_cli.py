"""Store commands through the CLI (CliRunner), with a small rule-based stand-in extractor."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.cli import app
from quotes.nlp.types import Document, ExtractedQuote, ExtractedSpeaker, Extraction

REPO = Path(__file__).resolve().parents[2]
# The fictional samples (corpus/ also holds real Wikinews and White House articles).
CORPUS = sorted((REPO / "corpus").glob("2031-*.md"))
CORPUS_ARGS = [str(path) for path in CORPUS]
runner = CliRunner()

PEOPLE = {
    "Marken": ("Ilse Marken", "Norland", "foreign minister"),
    "Sorvik": ("Lena Sorvik", "Valdoria", "spokeswoman"),
    "Brel": ("Tomas Brel", "Valdoria", "deputy foreign minister"),
    "Osei": ("Amara Osei", None, "mediator"),
    "Halm": ("Dariusz Halm", "Valdoria", "president"),
}
OTHER = {"Norland": "Valdoria", "Valdoria": "Norland"}
QUOTE = re.compile(r"[“\"«„]([^”\"»“]{12,})[”\"»“]")


def fake_extract(doc: Document) -> Extraction:
    """Attribute each quote to the last known surname before its end (good enough here)."""
    quotes = []
    for match in QUOTE.finditer(doc.text):
        before = doc.text[: match.end() + 60]
        found = [(before.rfind(s), s) for s in PEOPLE if s in before]
        if not found:
            continue
        _pos, surname = max(found)
        name, country, role = PEOPLE[surname]
        words = match.group(1).lower()
        kind = "deny" if ("groundless" in words or "reject" in words) else "statement"
        if "evidence that" in words:
            kind = "accuse"
        quotes.append(
            ExtractedQuote(
                start=match.start(),
                end=match.end(),
                text=match.group(1),
                speaker=ExtractedSpeaker(name=name, role=role, affiliation=country, kind="person"),
                cue="said",
                type=kind,
                target=OTHER.get(country or ""),
                confidence=0.5,
                evidence=["fake extractor"],
            )
        )
    return Extraction(doc, quotes)


def fake_batch(docs: Sequence[Document]) -> list[Extraction]:
    return [fake_extract(d) for d in docs]


def use_fake_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ingest runs ``fake_batch`` in this process (no worker processes with real models)."""
    monkeypatch.setattr("quotes.ingest.default_extractor", lambda: fake_batch)
    monkeypatch.setattr("quotes.ingest.pool_size", lambda workers, articles: 1)


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    use_fake_extractor(monkeypatch)
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    result = runner.invoke(app, ["ingest", *CORPUS_ARGS, "--db", url])
    assert result.exit_code == 0, result.output
    return url


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_ingest_summary_and_rerun(db: str) -> None:
    code, out, _err = run("ingest", *CORPUS_ARGS, "--db", db)
    assert code == 0
    assert out.startswith("0 added, 0 updated, 4 unchanged")
    code, out, _err = run(
        "ingest",
        str(REPO / "corpus" / "2031-03-02-norland-accuses-valdoria-drones.md"),
        "--db",
        db,
        "--format",
        "json",
    )
    assert code == 0
    assert json.loads(out)["unchanged"] == 1


def test_ingest_uses_env_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_fake_extractor(monkeypatch)
    url = f"sqlite:///{tmp_path / 'env.sqlite'}"
    result = runner.invoke(app, ["ingest", *CORPUS_ARGS], env={"QUOTES_DB": url})
    assert result.exit_code == 0 and result.stdout.startswith("4 added")
    assert (tmp_path / "env.sqlite").is_file()


def test_a_plain_file_path_is_a_sqlite_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--db store.sqlite` (a path, not a URL) said 'cannot parse the database URL'."""
    use_fake_extractor(monkeypatch)
    monkeypatch.chdir(tmp_path)
    code, out, err = run("ingest", *CORPUS_ARGS, "--db", "store.sqlite")
    assert code == 0, err
    assert out.startswith("4 added") and (tmp_path / "store.sqlite").is_file()
    same = f"sqlite:///{tmp_path / 'store.sqlite'}"
    assert run("ingest", *CORPUS_ARGS, "--db", same)[1].startswith("0 added, 0 updated, 4")
    result = runner.invoke(app, ["speakers"], env={"QUOTES_DB": str(tmp_path / "store.sqlite")})
    assert result.exit_code == 0 and "Ilse Marken" in result.stdout


def test_speakers(db: str) -> None:
    code, out, _ = run("speakers", "--db", db)
    assert code == 0
    assert out.splitlines()[0].split() == [
        "id",
        "speaker",
        "kind",
        "country",
        "latest",
        "role",
        "quotes",
        "statements",
    ]
    assert "Ilse Marken" in out and "Tomas Brel" in out
    code, out, _ = run("speakers", "--db", db, "--format", "json", "--query", "sorvik")
    (row,) = json.loads(out)
    assert row["name"] == "Lena Sorvik" and row["country"] == "Valdoria"
    assert row["quote_count"] >= 2 and row["latest_role"] == "spokeswoman"
    assert 1 <= row["statement_count"] <= row["quote_count"]


def test_timeline(db: str) -> None:
    code, out, _ = run("timeline", "Marken", "--db", db)
    assert code == 0
    assert out.startswith("Ilse Marken, foreign minister — ")
    code, out, _ = run("timeline", "Foreign Minister Ilse Marken", "--db", db, "-f", "json")
    data = json.loads(out)
    dates = [q["date"] for q in data["quotes"]]
    assert dates == sorted(dates) and dates[0] == "2031-03-02" and dates[-1] == "2031-03-12"
    code, _out, err = run("timeline", "Nobody", "--db", db)
    assert code == 1
    assert (
        err.strip()
        == "query error: no speaker matching 'Nobody' (list them with `quotes speakers`)"
    )


def test_search(db: str) -> None:
    code, out, _ = run("search", "groundless", "--db", db, "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert rows and all("groundless" in r["text"].lower() for r in rows)
    assert rows[0]["rank"] is not None
    code, out, _ = run("search", "drone*", "--speaker", "Brel", "--db", db)
    assert code == 0 and "Tomas Brel" in out and "Marken" not in out
    code, out, _ = run(
        "search",
        "drones",
        "--since",
        "2031-03-04",
        "--until",
        "2031-03",
        "--outlet",
        "valdorian",
        "--db",
        db,
        "-f",
        "json",
    )
    assert {r["outlet"] for r in json.loads(out)} == {"Valdorian Press Agency"}
    code, _out, err = run("search", "nomatchatall", "--db", db)
    assert code == 0 and "no quotes match" in err


def test_search_by_filters_alone_and_by_date(db: str) -> None:
    """Issue 14: filters work without a keyword; results sort by relevance or date."""
    code, out, _ = run("search", "--speaker", "Brel", "--db", db, "-f", "json")
    assert code == 0
    rows = json.loads(out)
    assert rows and {r["speaker"] for r in rows} == {"Tomas Brel"}
    days = [r["date"] for r in rows]
    assert days == sorted(days, reverse=True)
    code, out, _ = run("search", "drones OR border", "--sort", "date", "--db", db, "-f", "json")
    days = [r["date"] for r in json.loads(out)]
    assert code == 0 and len(days) > 1 and days == sorted(days, reverse=True)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", '"*"'], "query error: nothing to search for"),
        (["search"], "query error: nothing to search for"),
        (["search", "x", "--sort", "size"], "query error: unknown sort 'size'"),
        (["search", "x", "--type", "shout"], "query error: unknown statement type 'shout'"),
        (["search", "x", "--since", "March"], "query error: cannot read date 'March'"),
        (["search", "x", "--since", "2023-99"], "query error: cannot read date '2023-99'"),
        (["search", "x", "--until", "2023-99"], "query error: cannot read date '2023-99'"),
        (["export", "--until", "2023-02-30"], "query error: cannot read date '2023-02-30'"),
        (["search", "x", "--format", "xml"], "usage error: unknown format 'xml'"),
        (["export", "--format", "pdf"], "usage error: unknown format 'pdf'"),
        (["show", "9999"], "query error: no quote with id 9999"),
        (["correct", "1"], "query error: say what to correct"),
    ],
)
def test_user_errors_are_one_line(db: str, args: list[str], message: str) -> None:
    code, _out, err = run(*args, "--db", db)
    assert code == 1
    assert err.startswith(message) and len(err.strip().splitlines()) == 1


def test_bad_database_url() -> None:
    code, _out, err = run("speakers", "--db", "nonsense://")
    assert code == 1
    assert err.startswith("database error:") and len(err.strip().splitlines()) == 1


def test_exchanges_across_articles(db: str) -> None:
    code, out, _ = run(
        "exchanges", "--db", db, "--format", "json", "--party", "Norland", "--party", "Valdoria"
    )
    assert code == 0
    pairs = json.loads(out)
    cross = [p for p in pairs if p["cross_article"]]
    assert cross, pairs
    assert cross[0]["statement"]["speaker"] == "Ilse Marken"
    assert cross[0]["response"]["type"] == "deny"
    code, out, _ = run("exchanges", "--db", db)
    assert "[across articles]" in out


def test_show_and_correct(db: str) -> None:
    _code, out, _ = run("search", '"smear campaign"', "--db", db, "-f", "json")
    (row,) = json.loads(out) or [None]
    assert row is not None
    code, out, _ = run("show", str(row["id"]), "--db", db)
    assert code == 0 and "smear campaign" in out and "fake extractor" in out
    code, out, _ = run("correct", str(row["id"]), "--type", "deny", "--db", db)
    assert code == 0
    _code, out, _ = run("show", str(row["id"]), "--db", db, "-f", "json")
    data = json.loads(out)
    assert data["corrected"] is True and data["quote"]["type"] == "deny"
    code, out, _ = run("correct", str(row["id"]), "--not-a-quote", "--db", db)
    assert code == 0
    code, _out, err = run("show", str(row["id"]), "--db", db)
    assert code == 1 and "no quote" in err


def test_export_formats(db: str, tmp_path: Path) -> None:
    code, out, _ = run("export", "--db", db, "--speaker", "Marken")
    assert code == 0 and out.startswith("# Quotes") and "## Ilse Marken" in out
    assert "The Northern Ledger, 2031-03-02" in out
    code, out, _ = run("export", "drones", "--db", db, "--format", "csl-json")
    items = json.loads(out)
    assert items and all(i["type"] == "article-newspaper" for i in items)
    target = tmp_path / "q.csv"
    code, _out, err = run("export", "--db", db, "--format", "csv", "--out", str(target))
    assert code == 0 and "written to" in err
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert {r["outlet"] for r in rows} == {"The Northern Ledger", "Valdorian Press Agency"}
    code, out, _ = run("export", "--db", db, "--group", "exchange")
    assert code == 0 and "across articles" in out


def test_demo_without_tui(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_fake_extractor(monkeypatch)
    monkeypatch.setattr("quotes.cli.ingest.demo_sources", lambda: [REPO / "seeds", *CORPUS])
    url = f"sqlite:///{tmp_path / 'demo.sqlite'}"
    code, out, err = run("demo", "--db", url, "--no-tui", "--top", "2")
    assert code == 0, err
    assert "5 added" in err
    assert out.count(" quotes\n") == 2


def test_help_texts() -> None:
    for command in ("ingest", "speakers", "timeline", "search", "export", "demo", "exchanges"):
        code, out, _ = run(command, "--help")
        assert code == 0 and "--db" in out, command


def test_exchanges_window_keeps_pairs_close_in_time(db: str) -> None:
    _code, out, _ = run("exchanges", "--db", db, "--format", "json")
    cross = [p for p in json.loads(out) if p["cross_article"]]
    assert cross
    gap = max(
        (
            date.fromisoformat(p["response"]["date"]) - date.fromisoformat(p["statement"]["date"])
        ).days
        for p in cross
    )
    code, out, _ = run("exchanges", "--db", db, "--format", "json", "--window", str(gap))
    assert code == 0 and len([p for p in json.loads(out) if p["cross_article"]]) == len(cross)
    if gap > 0:
        _code, out, _ = run("exchanges", "--db", db, "--format", "json", "--window", str(gap - 1))
        assert len([p for p in json.loads(out) if p["cross_article"]]) < len(cross)


def _ungroup(url: str) -> tuple[int, int]:
    """Make the store look like one built before statements: no statements, no grouping;
    returns the statements and quotes it held before."""
    from sqlalchemy import text

    from quotes.store.db import make_engine

    engine = make_engine(url)
    with engine.begin() as conn:
        statements = conn.execute(text("SELECT count(*) FROM statement")).scalar_one()
        quotes = conn.execute(text("SELECT count(*) FROM quote")).scalar_one()
        conn.execute(text("UPDATE quote SET statement_id = NULL"))
        conn.execute(text("DELETE FROM statementshingle"))
        conn.execute(text("DELETE FROM statement"))
    engine.dispose()
    return int(statements), int(quotes)


def test_statements_regroup(db: str) -> None:
    statements, quotes = _ungroup(db)
    assert statements > 0
    code, out, err = run("statements", "regroup", "--db", db)
    assert code == 0, err
    assert out == (f"regrouped: 0 statements before, {statements} after; {quotes} quotes grouped\n")
    code, out, _ = run("statements", "regroup", "--db", db, "--quiet")
    assert code == 0 and out.startswith(f"regrouped: {statements} statements before, {statements}")
    code, out, _ = run("statements", "regroup", "--help")
    assert code == 0 and "--db" in out and "anew" in out


def test_statements_regroup_missing_store(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'none.sqlite'}"
    code, out, err = run("statements", "regroup", "--db", url)
    assert code == 1 and out == ""
    assert err.startswith("database error: no store at") and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "none.sqlite").exists()


def test_statements_regroup_stopped_keeps_the_old_grouping(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import signal

    from quotes.cli.signals import Stopped

    def stop(*_args: object, **_kwargs: object) -> None:
        raise Stopped(signal.SIGTERM)

    before = json.loads(run("speakers", "--db", db, "--format", "json")[1])
    monkeypatch.setattr("quotes.store.statements.assign", stop)
    code, out, err = run("statements", "regroup", "--db", db)
    assert code == 128 + signal.SIGTERM and out == ""
    assert err == "stopped by SIGTERM: nothing changed (the old grouping is kept)\n"
    assert json.loads(run("speakers", "--db", db, "--format", "json")[1]) == before
