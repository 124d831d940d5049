"""``python -m quotes.cli``: the same command line as the ``quotes`` console script."""

from quotes.cli import main

main(prog_name="quotes")
