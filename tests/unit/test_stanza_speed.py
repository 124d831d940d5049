"""The stanza speed settings change nothing the parser outputs (quotes.nlp.stanza_speed)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from types import ModuleType

import numpy as np
import pytest

from quotes.nlp import stanza_models as sm
from quotes.nlp import stanza_speed


def _pristine_decoder() -> ModuleType:
    """A private copy of stanza's Chu-Liu-Edmonds module, untouched by the speed-up."""
    from stanza.models.common import chuliu_edmonds

    spec = importlib.util.spec_from_file_location("pristine_cle", chuliu_edmonds.__file__)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _head_array(rng: np.random.Generator) -> np.ndarray:
    n = int(rng.integers(2, 70))
    tree = rng.integers(0, n, size=n)
    tree[0] = 0
    for i in range(1, n):
        if tree[i] == i:  # the decoder never proposes a self-loop
            tree[i] = 0
    return tree


def test_head_cycles_finds_the_cycle_of_stanzas_example() -> None:
    cycles = stanza_speed.head_cycles(np.array([0, 3, 1, 2]))
    assert [c.tolist() for c in cycles] == [[False, True, True, True]]
    assert stanza_speed.head_cycles(np.array([0, 2, 0, 4, 2, 2])) == []


def test_head_cycles_returns_what_stanzas_tarjan_returns() -> None:
    tarjan = _pristine_decoder().tarjan
    rng = np.random.default_rng(7)
    for _ in range(2000):
        tree = _head_array(rng)
        ours, theirs = stanza_speed.head_cycles(tree), tarjan(tree)
        assert len(ours) == len(theirs)
        assert all((a == b).all() for a, b in zip(ours, theirs, strict=True)), tree


def test_the_decoder_builds_the_same_trees_with_the_fast_cycle_finder() -> None:
    from stanza.models.common import chuliu_edmonds

    pristine = _pristine_decoder()
    stanza_speed.install_fast_decoder()
    assert chuliu_edmonds.tarjan is stanza_speed.head_cycles
    rng = np.random.default_rng(11)
    for _ in range(300):
        n = int(rng.integers(2, 60))
        scores = rng.normal(size=(n, n)).astype(np.float32)
        expected = pristine.chuliu_edmonds_one_root(scores.copy())
        assert (chuliu_edmonds.chuliu_edmonds_one_root(scores.copy()) == expected).all()


def _parser_like_scores(rng: np.random.Generator) -> np.ndarray:
    """Scores as the parser gives them: one clear tree (a single root) under noise."""
    n = int(rng.integers(2, 60))
    heads = [0] + [int(rng.integers(0, i)) if i > 1 else 0 for i in range(1, n)]
    for i in range(2, n):  # one word attaches to the root, the rest to words
        heads[i] = heads[i] or int(rng.integers(1, i))
    scores = rng.normal(size=(n, n))
    for dep, head in enumerate(heads[1:], start=1):
        scores[dep, head] += float(rng.uniform(0.5, 4.0))
    return scores.astype(np.float32)


def test_the_one_root_decoder_returns_stanzas_trees_and_takes_its_shortcut() -> None:
    pristine = _pristine_decoder()
    stanza_speed.install_fast_decoder()
    rng = np.random.default_rng(5)
    shortcuts = 0
    for k in range(600):
        scores = _parser_like_scores(rng) if k % 2 else rng.normal(size=(40, 40)).astype("f4")
        expected = pristine.chuliu_edmonds_one_root(scores.copy())
        tree = stanza_speed.one_root_tree(scores.copy())
        assert (tree == expected).all()
        assert (tree[1:] == 0).sum() == 1
        plain = pristine.chuliu_edmonds(scores.astype(np.float64))
        shortcuts += int((plain[1:] == 0).sum() == 1)
    assert shortcuts > 250  # most parser-like scores never reach stanza's slow root search


def test_the_parser_decodes_with_the_fast_one_root_decoder() -> None:
    from stanza.models.depparse import model

    stanza_speed.install_fast_decoder()
    assert model.chuliu_edmonds_one_root is stanza_speed.one_root_tree
    stanza_speed.restore_decoder()
    assert model.chuliu_edmonds_one_root is not stanza_speed.one_root_tree
    stanza_speed.install_fast_decoder()


SENTENCES = [  # tokens split on spaces; long, short, quoted, a lead-in colon
    "The foreign minister said on Monday that the talks had failed .",
    '" We will not accept these terms , " Lavrov told reporters in Moscow .',
    (
        "Beijing accused Washington of interfering in its internal affairs , a charge the "
        "State Department denied , saying that the sanctions were lawful and that it would "
        "continue to support its allies in the region despite the warnings ."
    ),
    "He added :",
    "Mr. Smith , who spoke on condition of anonymity , insisted the deal was dead .",
]


def _annotations(pipeline: object) -> list[tuple[str, ...]]:
    doc = pipeline([s.split() for s in SENTENCES])  # type: ignore[operator]
    return [
        (w.upos, w.lemma, str(w.head), w.deprel, t.ner)
        for s in doc.sentences
        for w, t in zip(s.words, s.tokens, strict=True)
    ]


@pytest.mark.slow
def test_the_tuned_pipeline_parses_like_stanzas_defaults() -> None:
    import stanza

    procs = "tokenize,pos,lemma,depparse,ner"
    sm.clear_cache()
    tuned = sm.get_pipeline(procs, pretokenized=True)
    assert tuned.processors["depparse"].config["batch_size"] == stanza_speed.DEPPARSE_BATCH
    ours = _annotations(tuned)
    stanza_speed.restore_decoder()
    try:
        kwargs = sm._pipeline_kwargs(sm.normalise_processors(procs), True, sm.model_dir())
        plain = stanza.Pipeline(**kwargs)
        assert plain.processors["depparse"].config["batch_size"] != stanza_speed.DEPPARSE_BATCH
        theirs = _annotations(plain)
    finally:
        stanza_speed.install_fast_decoder()
        sm.clear_cache()
    assert len(ours) == sum(len(s.split()) for s in SENTENCES)
    assert ours == theirs


def test_no_optimizer_while_a_pipeline_is_built() -> None:
    import torch
    from stanza.models.common import utils

    original = utils.dispatch_optimizer
    weight = torch.nn.Parameter(torch.zeros(2))
    with stanza_speed.inference_only():
        optimizer = utils.dispatch_optimizer("adam", [weight], None, lr=0.1, betas=(0.9, 0.9))
    assert not isinstance(optimizer, torch.optim.Optimizer)
    assert optimizer.param_groups == [{"params": [weight], "lr": 0.1, "betas": (0.9, 0.9)}]
    assert utils.dispatch_optimizer is original


@pytest.mark.slow
def test_loading_the_models_leaves_torchs_compiler_unimported() -> None:
    """stanza's trainers build an Adam optimizer at load; torch's optimizer imports torch._dynamo
    and sympy on first use (about 70 MB and 2 s in every worker process), never needed to
    extract. A fresh interpreter, as a worker is."""
    code = (
        "import sys\n"
        "from quotes.nlp.pool import shared_parser\n"
        "shared_parser().parse_many(['The minister said the talks would go on.'])\n"
        "print(sorted(m for m in ('torch._dynamo', 'sympy') if m in sys.modules))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300
    )
    assert run.stdout.strip().splitlines()[-1] == "[]"
