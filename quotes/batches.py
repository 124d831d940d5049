"""Extracting a batch of articles so that an article the extractor cannot handle is skipped
with its reason, not the batch.

Apart from ``quotes.ingest`` (which holds the store), so that a cluster worker, which only
extracts, imports no database code: sqlmodel and SQLAlchemy cost a worker about 27 MB.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from quotes.errors import ModelError
from quotes.nlp.types import Document, Extraction
from quotes.readers import Skipped

BatchExtractor = Callable[[Sequence[Document]], list[Extraction]]


def document_label(doc: Document) -> str:
    """How progress lines and skip reasons name an article."""
    return doc.meta.path or doc.meta.title or "<stdin>"


def extract_batch(extract: BatchExtractor, batch: Sequence[Document]) -> list[Extraction | Skipped]:
    """Extract a batch; if it fails, retry one by one so only the bad article is skipped."""
    try:
        found: list[Extraction | Skipped] = list(extract(batch))
        if len(found) == len(batch):
            return found
        error = f"the extractor returned {len(found)} results for {len(batch)} articles"
    except ModelError:
        raise
    except Exception as err:
        error = f"the extractor failed: {type(err).__name__}: {err}"
    if len(batch) == 1:
        return [Skipped(document_label(batch[0]), error)]
    return [item for doc in batch for item in extract_batch(extract, [doc])]
