"""Training recipes for the project's own stanza English models.

Everything here calls stanza's own training code (``stanza.utils.training.run_tokenizer``,
``stanza.models.tagger`` and friends) on the public data in ``../shared/ud``. Training is a
one-time, manual job (``quotes models train``); it never runs in CI or in the tests.
"""
