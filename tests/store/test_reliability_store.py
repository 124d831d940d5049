"""Issue 17: one article however its path is spelled; no password in messages; safe first use."""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from quotes.errors import StoreError
from quotes.ingest import ingest_paths
from quotes.store import read
from quotes.store.db import make_engine, open_store
from tests.cli.test_store_cli import fake_batch


def test_edited_file_by_another_path_spelling_updates_the_same_article(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "sub").mkdir()
    path = tmp_path / "sub" / "a.md"
    path.write_text("---\ntitle: A\n---\n“We reject this entirely,” Brel said.\n")
    ingest_paths(engine, [path], extract=fake_batch)
    path.write_text(path.read_text() + "“And we deny the rest too,” Brel said.\n")
    monkeypatch.chdir(tmp_path)
    summary = ingest_paths(engine, ["sub/../sub/a.md"], extract=fake_batch)
    assert (summary.added, summary.updated) == (0, 1)
    with Session(engine) as session:
        assert read.stats(session)["articles"] == 1


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+nodriver://user:S3cretPW@db.example/quotes",
        "postgresql+psycopg://user:S3cretPW@db.example:notaport/quotes",
        "mysql+nosuchdriver://user:S3cretPW@db.example/quotes",
        "://user:S3cretPW@db.example/quotes",
    ],
)
def test_database_password_never_printed(url: str) -> None:
    with pytest.raises(StoreError) as info:
        make_engine(url)
    assert "S3cretPW" not in info.value.message
    assert "\n" not in info.value.message


def _create(url: str) -> str:
    try:
        open_store(url).dispose()
    except StoreError as err:
        return err.message
    return "ok"


def test_concurrent_first_use_creates_the_schema_once(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(4) as pool:
        for round_ in range(6):
            url = f"sqlite:///{tmp_path / f'new{round_}.sqlite'}"
            assert pool.map(_create, [url] * 4) == ["ok"] * 4


def test_missing_psycopg_names_no_password(monkeypatch: pytest.MonkeyPatch) -> None:
    """The issue's case: a plain install (no postgres extra) given a PostgreSQL URL."""
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if not installed
    with pytest.raises(StoreError) as info:
        make_engine("postgresql+psycopg://user:S3cretPW@db.example/quotes")
    assert "no database driver" in info.value.message
    assert "S3cretPW" not in info.value.message
    assert "user:***@db.example" in info.value.message
