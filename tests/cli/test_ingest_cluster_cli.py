"""``quotes ingest --cluster``: bad addresses and a missing engine are one line and exit 1."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.cli import app
from tests.cli.test_store_cli import CORPUS_ARGS, use_fake_extractor

runner = CliRunner()


def _ingest(tmp_path: Path, *extra: str) -> tuple[int, str]:
    url = f"sqlite:///{tmp_path / 'c.sqlite'}"
    result = runner.invoke(app, ["ingest", *CORPUS_ARGS, "--db", url, "--quiet", *extra])
    return result.exit_code, result.output


def test_an_unreachable_cluster_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("distributed")
    monkeypatch.setattr("quotes.cluster.CONNECT_SECONDS", 1.0)
    code, output = _ingest(tmp_path, "--cluster", "tcp://127.0.0.1:9")
    assert code == 1
    assert output.startswith("cluster error: cannot reach the cluster at tcp://127.0.0.1:9")
    assert "Traceback" not in output and output.count("\n") == 1


def test_workers_go_with_a_local_cluster_only(tmp_path: Path) -> None:
    code, output = _ingest(tmp_path, "--cluster", "tcp://10.0.0.1:8786", "--workers", "2")
    assert code == 1
    assert output.startswith("cluster error: --workers starts local workers")


def test_without_dask_the_cluster_option_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_fake_extractor(monkeypatch)
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if not installed
    code, output = _ingest(tmp_path, "--cluster", "local")
    assert code == 1
    assert output.strip() == (
        "cluster error: --cluster needs Dask distributed: pip install 'quotes[cluster]'"
    )
    code, output = _ingest(tmp_path)  # the default path needs no engine
    assert code == 0, output


def test_a_scheduler_without_workers_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    distributed = pytest.importorskip("distributed")
    monkeypatch.setattr("quotes.cluster.CONNECT_SECONDS", 1.0)
    with distributed.LocalCluster(
        n_workers=0, processes=False, dashboard_address=":0", silence_logs=50
    ) as empty:
        address = empty.scheduler_address
        code, output = _ingest(tmp_path, "--cluster", address)
    assert code == 1
    assert output.strip() == (
        f"cluster error: the cluster at {address} has no workers "
        f"(start some: dask worker {address})"
    )
