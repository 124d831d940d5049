"""ingest_paths with a stand-in extractor: counts, idempotence, updates, failures isolated."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from quotes.cli.ingest import demo_sources
from quotes.errors import ModelError
from quotes.ingest import ingest_paths, pool_size
from quotes.nlp.types import Document, Extraction
from quotes.store import read, speakers
from quotes.store.tables import Quote, Speaker
from tests.cli.test_store_cli import CORPUS, fake_batch, fake_extract

REPO = Path(__file__).resolve().parents[2]


def test_ingest_counts_and_rerun(engine: Engine) -> None:
    seen: list[tuple[str, int, int]] = []
    summary = ingest_paths(
        engine, CORPUS, extract=fake_batch, progress=lambda *a: seen.append(a), batch_size=3
    )
    assert (summary.added, summary.updated, summary.unchanged) == (4, 0, 0)
    assert summary.quotes > 10 and summary.speakers >= 5 and not summary.skipped
    assert [(d, t) for _l, d, t in seen] == [(1, 4), (2, 4), (3, 4), (4, 4)]
    again = ingest_paths(engine, CORPUS, extract=fake_batch)
    assert (again.added, again.unchanged, again.quotes) == (0, 4, 0)


def test_updated_file_replaces_quotes(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: A\ndate: 2031-01-01\n---\n“We reject this entirely,” Brel said.\n")
    ingest_paths(engine, [path], extract=fake_batch)
    path.write_text(path.read_text() + "“And we deny the rest too,” Brel said.\n")
    summary = ingest_paths(engine, [path], extract=fake_batch)
    assert (summary.updated, summary.quotes) == (1, 2)
    with Session(engine) as session:
        assert read.stats(session)["articles"] == 1
        assert read.stats(session)["quotes"] == 2


def test_extractor_failure_skips_only_that_article(engine: Engine) -> None:
    def flaky(docs: Sequence[Document]) -> list[Extraction]:
        if any("sanctions" in (d.meta.title or "") for d in docs):
            raise RuntimeError("parser exploded")
        return [fake_extract(d) for d in docs]

    summary = ingest_paths(engine, CORPUS, extract=flaky, batch_size=8)
    assert summary.added == 3
    (skipped,) = summary.skipped
    assert skipped.path.endswith("valdoria-warns-sanctions.md")
    assert skipped.reason == "the extractor failed: RuntimeError: parser exploded"


def test_a_store_failure_skips_only_that_article_and_says_why(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a bug in the store (a KeyError in the embedding cache stopped a 2,000-article ingest after
    # about 1,000 articles, with a traceback) skips that article, says why, and goes on
    from quotes import ingest
    from quotes.store.write import save_extraction

    def flaky(session: Session, extraction: Extraction, **kw: object) -> object:
        if "sanctions" in (extraction.document.meta.title or ""):
            raise KeyError("a cached text")
        return save_extraction(session, extraction, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(ingest, "save_extraction", flaky)
    summary = ingest_paths(engine, CORPUS, extract=fake_batch, batch_size=8)
    assert summary.added == 3
    (skipped,) = summary.skipped
    assert skipped.path.endswith("valdoria-warns-sanctions.md")
    assert skipped.reason == "could not be stored: KeyError: 'a cached text'"
    with Session(engine) as session:
        assert read.stats(session)["articles"] == 3


def test_missing_models_is_a_clear_error(engine: Engine) -> None:
    def broken(docs: Sequence[Document]) -> list[Extraction]:
        raise ModelError("model file x is missing")

    with pytest.raises(ModelError, match="missing"):
        ingest_paths(engine, CORPUS, extract=broken)


def test_demo_sources_read_once_each(engine: Engine) -> None:
    """seeds/ and corpus/ (the 4 fictional, 20 Wikinews and 11 White House articles), each
    article once; corpus/README.md is not an article."""
    sources = demo_sources()
    assert not any(path.name == "README.md" for path in sources)
    summary = ingest_paths(engine, sources, extract=lambda docs: [Extraction(d, []) for d in docs])
    assert summary.added == 36 and not summary.skipped


@pytest.mark.slow
def test_seed_with_real_models(tmp_path: Path) -> None:
    """The real extractor over the seed: Blinken found under every alias, phrase search hits."""
    from quotes.store.db import open_store
    from quotes.store.search import search_quotes

    engine = open_store(f"sqlite:///{tmp_path / 'seed.sqlite'}")
    summary = ingest_paths(engine, [REPO / "seeds"])
    assert summary.added == 1 and summary.quotes >= 5, summary.line()
    with Session(engine) as session:
        for alias in ("Blinken", "Antony Blinken", "Secretary Blinken"):
            found = speakers.find_speaker(session, alias)
            assert found is not None and "Blinken" in found.name, alias
        (hit, *_rest) = search_quotes(session, '"lethal support"')
        assert hit.speaker is not None and "Blinken" in hit.speaker
        assert hit.outlet == "DER SPIEGEL" and hit.date_text == "2023-02"
        detail = read.quote_detail(session, hit.id)
        assert detail.paragraph[detail.quote_start : detail.quote_end].startswith('"We are')
    again = ingest_paths(engine, [REPO / "seeds"])
    assert again.unchanged == 1 and again.quotes == 0
    engine.dispose()


@pytest.mark.parametrize(
    ("workers", "articles", "processes"),
    [(2, 100, 2), (4, 3, 1), (4, 5, 2), (1, 100, 1)],
)
def test_worker_processes_only_where_the_articles_pay_for_them(
    workers: int, articles: int, processes: int
) -> None:
    assert pool_size(workers, articles) == processes


def test_default_workers_follow_the_cores() -> None:
    from quotes.nlp.pool import default_workers

    assert pool_size(None, 1000) == default_workers()


def _stored(engine: Engine) -> list[tuple[str, str | None, str]]:
    with Session(engine) as session:
        stmt = (
            select(Quote.text, Speaker.name, Quote.type)
            .outerjoin(Speaker, col(Speaker.id) == col(Quote.speaker_id))
            .order_by(col(Quote.text))
        )
        return [tuple(r) for r in session.exec(stmt)]  # type: ignore[misc]


@pytest.mark.slow
def test_ingest_in_two_processes_stores_what_one_process_stores(tmp_path: Path) -> None:
    """The corpus through two worker processes with the real models, against one process."""
    from quotes.store.db import open_store

    one = open_store(f"sqlite:///{tmp_path / 'one.sqlite'}")
    two = open_store(f"sqlite:///{tmp_path / 'two.sqlite'}")
    first = ingest_paths(one, [*CORPUS, REPO / "seeds"], workers=1)
    second = ingest_paths(two, [*CORPUS, REPO / "seeds"], workers=2, batch_size=2)
    assert first.added == second.added == 5 and first.quotes == second.quotes > 10
    assert _stored(one) == _stored(two)
    one.dispose()
    two.dispose()
