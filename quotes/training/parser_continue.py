"""Continue a stanza parser on re-tagged data, keeping the loaded model's vocabulary.

``stanza.models.parser --continue_from`` rebuilds the vocabulary from the new training file; on
data re-tagged by our POS model the tag vocabularies differ from the gold-tag ones the model was
built with, and the embedding lookups go out of range. This wrapper runs stanza's own parser
training unchanged, except that its data loaders reuse the vocabulary saved in the
``--continue_from`` model (unseen predicted tags map to UNK, as at run time).

Usage: ``python -m quotes.training.parser_continue <stanza.models.parser arguments>``.
"""

from __future__ import annotations

import sys
from typing import Any


def _saved_vocab(path: str) -> Any:
    import torch
    from stanza.models.pos.vocab import MultiVocab

    saved = torch.load(path, map_location="cpu", weights_only=False)
    return MultiVocab.load_state_dict(saved["vocab"])


def main(argv: list[str]) -> None:
    """Run ``stanza.models.parser.main(argv)`` with the loaders pinned to the saved vocabulary."""
    import stanza.models.parser as parser_module

    if "--continue_from" not in argv:
        raise SystemExit("parser_continue needs --continue_from MODEL")
    vocab = _saved_vocab(argv[argv.index("--continue_from") + 1])
    base = parser_module.DataLoader

    class KeepVocabLoader(base):  # type: ignore[misc, valid-type]
        """stanza's depparse DataLoader, defaulting to the saved vocabulary."""

        def __init__(self, *args: Any, vocab: Any = None, **kwargs: Any) -> None:
            super().__init__(*args, vocab=vocab if vocab is not None else saved, **kwargs)

    saved = vocab
    parser_module.DataLoader = KeepVocabLoader
    parser_module.main(argv)


if __name__ == "__main__":
    main(sys.argv[1:])
