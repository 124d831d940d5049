"""The packaged stanza models: manifest integrity, loading, errors for missing/corrupt files."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.cli import app
from quotes.errors import ModelError
from quotes.nlp import stanza_models as sm
from quotes.training.data import normalise_ner_tag, read_iob2
from quotes.training.publish import resources_json

PACKAGED = Path(sm.__file__).resolve().parent / "models"


@pytest.fixture(autouse=True)
def _fresh_cache(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(sm.ENV_MODEL_DIR, raising=False)
    sm.clear_cache()
    yield
    sm.clear_cache()


@pytest.fixture()
def model_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary copy of the model folder (without the pretrain), used via QUOTES_MODEL_DIR."""
    dest = tmp_path / "models"
    shutil.copytree(PACKAGED, dest, ignore=shutil.ignore_patterns("pretrain"))
    monkeypatch.setenv(sm.ENV_MODEL_DIR, str(dest))
    sm.clear_cache()
    return dest


def test_manifest_hashes_match_the_weight_files() -> None:
    manifest = sm.load_manifest(PACKAGED)
    assert set(manifest["models"]) == set(sm.PROCESSORS)
    total = 0
    for proc, entry in manifest["models"].items():
        path = PACKAGED / entry["file"]
        assert path == sm.model_path(proc, PACKAGED)
        assert sm.sha256_file(path) == entry["sha256"], proc
        assert path.stat().st_size == entry["bytes"]
        total += entry["bytes"]
    assert total <= 40_000_000
    assert manifest["pretrain"]["source"] == sm.PRETRAIN_PACKAGE


def test_resources_json_is_the_generated_one() -> None:
    assert json.loads((PACKAGED / "resources.json").read_text()) == resources_json()


def test_processor_lists_get_their_requirements() -> None:
    assert sm.normalise_processors("depparse") == ["tokenize", "mwt", "pos", "lemma", "depparse"]
    assert sm.normalise_processors("ner,tokenize") == ["tokenize", "mwt", "ner"]
    with pytest.raises(ModelError, match="unknown processor"):
        sm.normalise_processors("coref")


def test_importing_the_loader_loads_no_stanza_or_torch() -> None:
    code = (
        "import sys, quotes.nlp.stanza_models, quotes.bench.throughput, quotes.cli.models;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('stanza', 'torch')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_uner_tags_map_to_three_types() -> None:
    assert normalise_ner_tag("B-OTH") == "O"
    assert normalise_ner_tag("B-O") == "O"
    assert normalise_ner_tag("I-PER") == "I-PER"


def test_iob2_reader_repairs_orphan_inside_tags(tmp_path: Path) -> None:
    src = tmp_path / "x.iob2"
    src.write_text("# text = a b c\n1\tThe\tB-OTH\n2\tUN\tI-ORG\n3\tsaid\tO\n\n")
    assert [t["ner"] for t in read_iob2(src)[0]] == ["O", "B-ORG", "O"]


def test_missing_model_file_is_a_one_line_model_error(model_copy: Path) -> None:
    missing = sm.model_path("pos", model_copy)
    missing.unlink()
    with pytest.raises(ModelError) as err:
        sm.get_pipeline("tokenize,pos")
    message = err.value.message
    assert str(missing) in message and "quotes models train --only pos" in message
    assert "\n" not in message


@pytest.mark.slow
def test_corrupt_model_file_fails_check_with_exit_1(model_copy: Path) -> None:
    corrupt = sm.model_path("ner", model_copy)
    corrupt.write_bytes(b"not a model")
    result = CliRunner().invoke(app, ["models", "check"])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if str(corrupt) in line]
    assert len(lines) == 1 and "corrupt" in lines[0]


@pytest.mark.slow
def test_unloadable_file_with_matching_hash_names_the_file(model_copy: Path) -> None:
    sm.ensure_pretrain()
    broken = sm.model_path("tokenize", model_copy)
    broken.write_bytes(b"garbage")
    manifest = json.loads((model_copy / "manifest.json").read_text())
    manifest["models"]["tokenize"]["sha256"] = sm.sha256_file(broken)
    (model_copy / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ModelError) as err:
        sm.get_pipeline("tokenize")
    assert str(broken) in err.value.message and "\n" not in err.value.message


@pytest.mark.slow
def test_models_check_exits_zero() -> None:
    sm.ensure_pretrain()
    result = CliRunner().invoke(app, ["models", "check"])
    assert result.exit_code == 0, result.output
    assert "ok   depparse" in result.output


@pytest.mark.slow
def test_pipeline_parses_a_sentence() -> None:
    nlp = sm.get_pipeline()
    assert sm.get_pipeline() is nlp
    doc = nlp("The foreign minister of France said on Monday that talks in Geneva would resume.")
    words = doc.sentences[0].words
    by_text = {w.text: w for w in words}
    assert by_text["said"].upos == "VERB"
    assert by_text["minister"].deprel == "nsubj"
    assert by_text["said"].deprel == "root"
    assert {e.type for e in doc.ents} >= {"LOC"}


@pytest.mark.slow
def test_pretokenized_pipeline_takes_token_lists() -> None:
    nlp = sm.get_pipeline("tokenize,pos,lemma,depparse", pretokenized=True)
    doc = nlp([["She", "said", "it", "was", "over", "."]])
    assert [w.lemma for w in doc.sentences[0].words][:2] == ["she", "say"]
