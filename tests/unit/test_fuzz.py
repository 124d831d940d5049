"""Issue 17: fuzzing the readers and the surface extractor (fixed seed, bounded examples)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes.errors import InputError
from quotes.nlp.parse import surface_parse
from quotes.nlp.pipeline import extract_parsed
from quotes.nlp.types import Document
from quotes.readers import Skipped, iter_documents, parse_text

PIECES = st.sampled_from(
    [
        "“",
        "”",
        '"',
        "«",
        "»",
        "„",
        "'",
        " said ",
        "the minister",
        "Foreign Minister Ilse Marken",
        " denied ",
        "China",
        ". ",
        ", ",
        ":",
        "\n",
        "\n\n",
        "---\n",
        "title: ",
        "date: 2023-13-45\n",
        "&a ",
        "*a ",
        "[",
        "]",
        "{",
        "\x00",
        "\ufeff",
        "We reject this",
    ]
)
TEXTS = st.one_of(st.lists(PIECES, max_size=40).map("".join), st.text(max_size=300))
FUZZ = settings(
    derandomize=True,
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@FUZZ
@given(text=TEXTS, kind=st.sampled_from(["text", "markdown", "jsonl", "html"]))
def test_readers_never_raise_anything_but_input_error(text: str, kind: str) -> None:
    try:
        doc = parse_text(text, kind, "fuzz.md")
    except InputError:
        return
    assert isinstance(doc.text, str)


@FUZZ
@given(data=st.binary(max_size=300) | TEXTS.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_reading_files_yields_documents_or_one_skip(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.md"
    path.write_bytes(data)
    items = list(iter_documents([path]))
    assert len(items) == 1
    if isinstance(items[0], Skipped):
        assert "\n" not in items[0].reason


@FUZZ
@given(text=TEXTS)
def test_surface_extractor_offsets_and_verbatim_text(text: str) -> None:
    if not text.strip():
        return
    extraction = extract_parsed(Document(text), surface_parse(text))
    for quote in extraction.quotes:
        assert 0 <= quote.start <= quote.end <= len(text)
        covered = text[quote.start : quote.end]
        if quote.form == "direct":  # offsets include the marks, the text lies between them
            assert quote.text in covered
            assert covered.replace(quote.text, "", 1).strip(MARKS) == ""
        else:
            assert quote.text == covered


MARKS = "\"“”„«»‘’‚'‹› \t\n"
