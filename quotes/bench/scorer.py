"""Loading a scorer of ``../shared/eval/`` from its file: it is not copied into the
repository, so the figures printed are the ones its own code computes."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from quotes.errors import InputError


def load_scorer(shared: Path, name: str) -> ModuleType:
    """``shared/eval/<name>.py`` as a module (``InputError`` when ../shared is not there)."""
    path = shared / "eval" / f"{name}.py"
    if not path.is_file():
        raise InputError(f"scorer not found at {path} (is ../shared beside the repository?)")
    spec = importlib.util.spec_from_file_location(f"{name}_scorer", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module
