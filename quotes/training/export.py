"""Turn trained stanza models into the shipped form: fp16 weights in a stanza-style folder."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

DROP_KEYS = ("optimizer", "scheduler", "optimizer_state_dict")


def _halve(value: Any) -> Any:
    """fp32 tensors (also inside dicts/lists) become fp16; everything else is kept."""
    import torch

    if isinstance(value, torch.Tensor):
        return value.half() if value.is_floating_point() else value
    if isinstance(value, dict):
        return {k: _halve(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_halve(v) for v in value)
    return value


def to_fp16(src: Path, dest: Path) -> int:
    """Write ``src`` (a stanza model file) to ``dest`` with fp16 weights; returns the size.

    Only the ``model`` state dict is halved; stanza's ``load_state_dict`` casts it back to
    fp32 when the model loads. Optimizer state, if any, is dropped.
    """
    import torch

    data = torch.load(src, map_location="cpu", weights_only=False)
    if isinstance(data, dict):
        for key in DROP_KEYS:
            data.pop(key, None)
        if isinstance(data.get("model"), dict):
            data["model"] = _halve(data["model"])
    buffer = io.BytesIO()
    torch.save(data, buffer)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".tmp")
    tmp.write_bytes(buffer.getvalue())
    os.replace(tmp, dest)
    return dest.stat().st_size
