"""Dev-set scores of a model folder, computed with stanza's own scorers.

* end to end (raw dev text in): ``stanza.models.common.utils.ud_scores`` (the CoNLL 2018 UD
  scorer) gives Tokens, Sentences, Words, UPOS, XPOS, UFeats, Lemmas, UAS, LAS;
* gold tokens, predicted tags: the same scorer on a pre-tokenized run;
* NER: ``stanza.models.ner.scorer.score_by_entity`` on the UNER dev sentences.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from quotes.nlp.stanza_models import build_pipeline

UD_METRICS = (
    "Tokens",
    "Sentences",
    "Words",
    "UPOS",
    "XPOS",
    "UFeats",
    "AllTags",
    "Lemmas",
    "UAS",
    "LAS",
)


def _ud_scores(gold: Path, doc: Any) -> dict[str, float]:
    from stanza.models.common.utils import ud_scores
    from stanza.utils.conll import CoNLL

    with tempfile.TemporaryDirectory() as tmp:
        system = Path(tmp) / "system.conllu"
        CoNLL.write_doc2conll(doc, str(system))
        scores = ud_scores(str(gold), str(system))
    return {m: round(scores[m].f1 * 100, 2) for m in UD_METRICS if m in scores}


def end_to_end(root: Path, gold: Path, raw_text: Path) -> dict[str, float]:
    """Raw dev text through tokenize..depparse, scored against the gold CoNLL-U."""
    nlp = build_pipeline("tokenize,mwt,pos,lemma,depparse", root=root)
    doc = nlp(raw_text.read_text(encoding="utf-8"))
    return _ud_scores(gold, doc)


def gold_tokens(root: Path, gold: Path) -> dict[str, float]:
    """Gold tokens in, predicted POS/lemma/parse out (the parser sees predicted tags)."""
    from stanza.utils.conll import CoNLL

    gold_doc = CoNLL.conll2doc(input_file=str(gold))
    sentences = [[w.text for w in s.words] for s in gold_doc.sentences]
    nlp = build_pipeline("tokenize,pos,lemma,depparse", pretokenized=True, root=root)
    return _ud_scores(gold, nlp(sentences))


def ner_scores(root: Path, dev_json: Path) -> dict[str, float]:
    """Entity-level P/R/F1 of the NER model on UNER dev (gold tokens)."""
    from stanza.models.ner.scorer import score_by_entity
    from stanza.models.ner.utils import bio2_to_bioes

    sentences = json.loads(dev_json.read_text(encoding="utf-8"))
    tokens = [[t["text"] for t in s] for s in sentences]
    gold = [bio2_to_bioes([t["ner"] for t in s]) for s in sentences]
    nlp = build_pipeline("tokenize,ner", pretokenized=True, root=root)
    doc = nlp(tokens)
    pred = [[t.ner for t in s.tokens] for s in doc.sentences]
    p, r, f, _ = score_by_entity(pred, gold, verbose=False)
    return {"P": round(p * 100, 2), "R": round(r * 100, 2), "F1": round(f * 100, 2)}


def evaluate_all(root: Path, ewt_dev: Path, raw_dev: Path, ner_dev: Path) -> dict[str, Any]:
    """Every dev score the manifest records, grouped by kind of evaluation."""
    return {
        "end_to_end": end_to_end(root, ewt_dev, raw_dev),
        "gold_tokens": gold_tokens(root, ewt_dev),
        "ner": ner_scores(root, ner_dev),
    }
