"""quotes: diplomatic statement and quote attribution tracker.

The core package. It never imports textual or the ``tui`` package, and importing it loads
neither stanza nor torch: the NLP models load lazily on first use.
"""

__version__ = "0.1.0"
