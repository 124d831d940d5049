"""The core runs without the UI and without loading the NLP models at import time."""

from __future__ import annotations

import subprocess
import sys


def _loaded_after(statement: str) -> set[str]:
    code = f"{statement}; import sys; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return {name.split(".")[0] for name in out.split()}


def test_import_quotes_loads_neither_textual_nor_stanza() -> None:
    loaded = _loaded_after("import quotes, quotes.nlp, quotes.nlp.types, quotes.errors")
    assert "textual" not in loaded
    assert "tui" not in loaded
    assert "stanza" not in loaded
    assert "torch" not in loaded


def test_cli_module_loads_no_ui_and_no_model() -> None:
    loaded = _loaded_after("import quotes.cli")
    assert "textual" not in loaded
    assert "stanza" not in loaded
    assert "torch" not in loaded
