"""Training data: locate the UD/UNER files and convert UNER iob2 to stanza's NER json."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

EWT_DIR = "UD_English-EWT"
UNER_DIR = "UNER_English-EWT"
UNER_TYPES = frozenset({"PER", "ORG", "LOC"})


@dataclass(frozen=True)
class DataFiles:
    """Paths of the raw training data below a ``shared/ud`` folder."""

    root: Path

    @property
    def ewt_dir(self) -> Path:
        """Folder holding ``en_ewt-ud-{train,dev,test}.conllu``."""
        return self.root / EWT_DIR

    def ewt(self, split: str) -> Path:
        """The EWT CoNLL-U file of ``split`` (train, dev or test)."""
        return self.ewt_dir / f"en_ewt-ud-{split}.conllu"

    def uner(self, split: str) -> Path:
        """The UNER iob2 file of ``split``; train is the first-commit file (see README)."""
        name = (
            "en_ewt-ud-train.first-commit.iob2" if split == "train" else f"en_ewt-ud-{split}.iob2"
        )
        return self.root / UNER_DIR / name

    def all_files(self) -> list[Path]:
        """Every file the recipe reads, for the manifest."""
        ewt = [self.ewt(s) for s in ("train", "dev", "test")]
        uner = [self.uner(s) for s in ("train", "dev", "test")]
        return ewt + uner

    def missing(self) -> list[Path]:
        """Files the recipe needs that are not there."""
        return [p for p in self.all_files() if not p.is_file()]


def normalise_ner_tag(tag: str) -> str:
    """Map a UNER tag to PER/ORG/LOC iob2; ``OTH`` and the stray ``B-O`` become ``O``."""
    if tag in ("", "_", "O", "B-O", "I-O"):
        return "O"
    prefix, _, kind = tag.partition("-")
    if prefix not in ("B", "I") or kind not in UNER_TYPES:
        return "O"
    return tag


def read_iob2(path: Path) -> list[list[dict[str, str]]]:
    """Read a UNER iob2 file into stanza's NER json shape (list of sentences of tokens)."""
    sentences: list[list[dict[str, str]]] = []
    current: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        cols = line.split("\t")
        tag = cols[2] if len(cols) > 2 else "O"
        current.append({"text": cols[1], "ner": normalise_ner_tag(tag)})
    if current:
        sentences.append(current)
    return _repair_iob(sentences)


def _repair_iob(sentences: list[list[dict[str, str]]]) -> list[list[dict[str, str]]]:
    """Turn an ``I-X`` that follows ``O`` or another type (left by the mapping) into ``B-X``."""
    for sentence in sentences:
        previous = "O"
        for token in sentence:
            tag = token["ner"]
            if tag.startswith("I-") and previous[2:] != tag[2:]:
                token["ner"] = "B-" + tag[2:]
            previous = token["ner"]
    return sentences


def write_ner_json(src: Path, dest: Path) -> int:
    """Convert one iob2 file to stanza NER json; returns the number of sentences."""
    sentences = read_iob2(src)
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(json.dumps(sentences, ensure_ascii=False), encoding="utf-8")
    return len(sentences)
