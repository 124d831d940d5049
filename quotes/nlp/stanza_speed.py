"""Speed and memory settings for the stanza pipeline that leave its output unchanged
(bench/SPEED.md).

Four measured changes, all exact (same tags, lemmas, heads, relations and entities on the 498
deep-parsed sentences of 30 PolNeAR dev articles):

* the parser's batch: ``DEPPARSE_BATCH`` words instead of stanza's 2,000 (``depparse_batch_size``).
  The biaffine scorers pad every sentence of a batch to the longest one and score every pair of
  words for every relation, so a smaller batch of length-sorted sentences pads less (500
  words: parser CPU 19.1 -> 13.2 s on those sentences); it also caps the scorers' transient
  tensors, which set the process's peak memory. 250 costs a little speed against 500 (within
  the noise of the shared machine) and keeps a whole extraction's peak under 700 MB (30
  articles: 679 MB, against 721 at 500).
* the tagger's batch: at most ``POS_BATCH_TOKENS`` words instead of 5,000. The tagger's
  transient memory grows with the batch (stanza alone on those sentences: 717 MB peak at
  5,000 words, 608 at 1,000, 574 at 500 with the parser at 250); its speed does not change.
* the cycle finder of stanza's Chu-Liu-Edmonds decoder. stanza finds the cycles of the greedy
  head choice with a general Tarjan SCC search that calls numpy once per word and repeats it
  after every contraction; a head array is a functional graph (one head per word), whose cycles
  a walk along the heads finds in plain Python. :func:`head_cycles` returns the same cycles in
  the same order (by their smallest word index, as Tarjan's outer loop meets them), so the
  decoder contracts the same cycles and returns the same trees.
* the parser's one-root search (:func:`one_root_tree`): the plain decoder first, stanza's
  search only when the best tree has more than one root (the same trees).

And one memory change, also exact: stanza's trainers build an Adam optimizer when they load a
model for inference, and torch's optimizer imports its compiler (``torch._dynamo``, sympy) on
first use: about 70 MB and 2 s in every process that loads the models, a Dask worker included.
:func:`inference_only` gives the trainers a stand-in that holds the parameter groups and never
steps while the pipeline is built; nothing outside training uses an optimizer.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np

DEPPARSE_BATCH = 250
"""Words per parser batch (stanza's default 2,000); see the module docstring."""


POS_BATCH_TOKENS = 500
"""Words per tagger batch at most (stanza's default 5,000); see the module docstring."""


def pipeline_settings() -> dict[str, Any]:
    """Extra ``stanza.Pipeline`` keyword arguments for speed and memory (same output)."""
    return {
        "depparse_batch_size": DEPPARSE_BATCH,
        "pos_batch_maximum_tokens": POS_BATCH_TOKENS,
    }


def head_cycles(tree: np.ndarray) -> list[np.ndarray]:
    """The cycles of a head array (``tree[i]`` = head of word ``i``, ``tree[0] == 0``), as
    boolean masks, ordered by each cycle's smallest index: what stanza's ``tarjan`` returns.

    Self-loops (the root's) are not cycles. Each word is walked once: follow the heads from an
    unvisited word until a visited one; if that one is on the current walk, the walk's tail from
    it is a cycle.
    """
    heads: list[int] = tree.tolist()
    state = [0] * len(heads)  # 0 unvisited, 1 on the current walk, 2 done
    found: list[list[int]] = []
    for start in range(len(heads)):
        if state[start]:
            continue
        walk: list[int] = []
        node = start
        while state[node] == 0:
            state[node] = 1
            walk.append(node)
            node = heads[node]
        if state[node] == 1:
            cycle = walk[walk.index(node) :]
            if len(cycle) > 1:
                found.append(cycle)
        for visited in walk:
            state[visited] = 2
    found.sort(key=min)
    masks = []
    for cycle in found:
        mask = np.zeros(len(heads), dtype=bool)
        mask[cycle] = True
        masks.append(mask)
    return masks


def one_root_tree(scores: np.ndarray) -> np.ndarray:
    """stanza's ``chuliu_edmonds_one_root``, answered by the plain decoder where it can be.

    stanza wants the best tree with exactly one word on the root. It lowers every root arc by
    one large constant and decodes; the greedy heads then take no root arc at all, so the
    decoder contracts cycle after cycle (about 28 per sentence on PolNeAR dev) before one
    arc to the root is forced. Every one-root tree is lowered by the same constant, so that
    search returns the best of the one-root trees. When the best tree of all, decoded on the
    scores as they are, has one root, it is that tree, and it comes from the greedy heads
    with few contractions or none (330 of 367 sentences of 30 dev articles: 7 times faster,
    the same 367 trees). Otherwise stanza's own search decides.
    """
    from stanza.models.common import chuliu_edmonds

    tree: np.ndarray = chuliu_edmonds.chuliu_edmonds(scores.astype(np.float64))  # a copy
    if np.count_nonzero(tree[1:] == 0) == 1:
        return tree
    return chuliu_edmonds.chuliu_edmonds_one_root(scores)


_stanza_decoder: dict[str, Any] = {}  # stanza's own functions, kept to restore them


def install_fast_decoder() -> None:
    """Make stanza's parser decode with :func:`one_root_tree` and its Chu-Liu-Edmonds decoder
    find cycles with :func:`head_cycles` (idempotent)."""
    from stanza.models.common import chuliu_edmonds
    from stanza.models.depparse import model

    if chuliu_edmonds.tarjan is not head_cycles:
        _stanza_decoder["tarjan"] = chuliu_edmonds.tarjan
        chuliu_edmonds.tarjan = head_cycles
    if model.chuliu_edmonds_one_root is not one_root_tree:
        _stanza_decoder["one_root"] = model.chuliu_edmonds_one_root
        model.chuliu_edmonds_one_root = one_root_tree


def restore_decoder() -> None:
    """Give stanza its own decoder back (tests compare the two)."""
    from stanza.models.common import chuliu_edmonds
    from stanza.models.depparse import model

    if "tarjan" in _stanza_decoder:
        chuliu_edmonds.tarjan = _stanza_decoder["tarjan"]
    if "one_root" in _stanza_decoder:
        model.chuliu_edmonds_one_root = _stanza_decoder["one_root"]


class InferenceOptimizer:
    """What stanza's trainers get instead of a torch optimizer while a pipeline is built: the
    parameter groups a learning-rate scheduler reads and sets, and nothing that steps."""

    def __init__(self, params: Any, lr: float | None = None, **options: Any) -> None:
        groups = list(params)
        if groups and not isinstance(groups[0], dict):
            groups = [{"params": groups}]
        self.param_groups: list[dict[str, Any]] = [
            {**options, "lr": lr, **group} for group in groups
        ]
        self.state: dict[Any, Any] = {}


def _inference_optimizer(
    _name: str, parameters: Any, _opt_logger: Any = None, lr: float | None = None, **options: Any
) -> InferenceOptimizer:
    return InferenceOptimizer(parameters, lr=lr, **options)


@contextmanager
def inference_only() -> Iterator[None]:
    """While the block runs, stanza's trainers get an :class:`InferenceOptimizer` for each
    optimizer (``utils.dispatch_optimizer``, which ``get_optimizer`` and
    ``get_split_optimizer`` call), so building a pipeline does not import torch's compiler."""
    from stanza.models.common import utils

    original = utils.dispatch_optimizer
    utils.dispatch_optimizer = _inference_optimizer
    try:
        yield
    finally:
        utils.dispatch_optimizer = original
