"""Continue a stanza POS tagger from a saved model.

``stanza.models.tagger`` has no resume: a run must finish in one go, and a stopped run starts
again from random weights. This wrapper runs stanza's tagger training unchanged, except that the
trainer starts from the weights (and vocabulary) saved in ``--continue_from MODEL``, so a tagger
trained for a short while (on a GPU, say) can go on training on a CPU later.

Usage: ``python -m quotes.training.tagger_continue --continue_from MODEL <stanza.models.tagger
arguments>``. The architecture arguments must match the saved model's (stanza overrides the saved
configuration with the command line).
"""

from __future__ import annotations

import sys
from typing import Any


def split_continue_from(argv: list[str]) -> tuple[str, list[str]]:
    """Take ``--continue_from MODEL`` out of ``argv``; the rest is for stanza's tagger."""
    if "--continue_from" not in argv:
        raise SystemExit("tagger_continue needs --continue_from MODEL")
    at = argv.index("--continue_from")
    if at + 1 >= len(argv):
        raise SystemExit("--continue_from needs a model file")
    return argv[at + 1], argv[:at] + argv[at + 2 :]


def main(argv: list[str]) -> None:
    """Run ``stanza.models.tagger.main(rest)`` with the new trainer loaded from the saved model."""
    import stanza.models.tagger as tagger_module

    model, rest = split_continue_from(argv)
    base = tagger_module.Trainer

    class ContinuedTrainer(base):  # type: ignore[misc, valid-type]
        """stanza's tagger Trainer; a trainer built from scratch loads ``model`` instead."""

        def __init__(self, *args: Any, model_file: Any = None, **kwargs: Any) -> None:
            super().__init__(*args, model_file=model_file or model, **kwargs)

    tagger_module.Trainer = ContinuedTrainer
    tagger_module.main(rest)


if __name__ == "__main__":
    main(sys.argv[1:])
