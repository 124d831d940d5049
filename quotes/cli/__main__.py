"""``python -m quotes.cli``: the same command line as the ``quotes`` console script."""

from quotes.cli import app

app(prog_name="quotes")
