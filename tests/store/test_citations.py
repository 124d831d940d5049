"""Issue 14: citations a journalist can paste without inventing or splitting a quote."""

from __future__ import annotations

import json
from datetime import date

from sqlmodel import Session

from quotes.export import to_csl_json, to_markdown
from quotes.store.read import list_quotes
from quotes.store.rows import ExchangeRow, QuoteRow
from quotes.store.write import save_extraction
from tests.store.conftest import extraction, q


def row(i: int, text: str, **kw: object) -> QuoteRow:
    base: dict[str, object] = dict(
        id=i,
        text=text,
        form="direct",
        type="accuse",
        target=None,
        confidence=0.9,
        speaker_id=1,
        speaker="Mira Kostova",
        role="Foreign Minister",
        country="Valdoria",
        article_id=1,
        title="Talks",
        outlet="Wire",
        url=None,
        published=date(2031, 3, 2),
    )
    base.update(kw)
    return QuoteRow(**base)  # type: ignore[arg-type]


def test_reported_speech_is_marked_paraphrase_not_quoted() -> None:
    text = "Haber added that Esteria would expel three Brovnian diplomats."
    md = to_markdown([row(1, text, form="reported", speaker="Haber")])
    assert "“" not in md and "”" not in md
    assert "paraphrase" in md.lower() and text in md
    item = json.loads(to_csl_json([row(1, text, form="reported")]))[0]
    assert "“" not in json.dumps(item, ensure_ascii=False)


def test_a_transcript_paragraph_is_cited_as_the_record_not_as_paraphrase() -> None:
    # a briefing answer is the official's own words from the official transcript; it was
    # exported as "Paraphrase (reported speech, not a verbatim quote)"
    text = "Brazil is a key partner of the United States in a region that is critically important."
    md = to_markdown([row(1, text, form="transcript", speaker="John Kirby")])
    assert "paraphrase" not in md.lower() and "transcript" in md.lower() and text in md
    assert "“" not in md  # the source has no quotation marks: none are added
    item = json.loads(to_csl_json([row(1, text, form="transcript")]))[0]
    assert "paraphrase" not in json.dumps(item).lower() and "transcript" in item["abstract"]


def test_trailing_comma_is_dropped_inside_the_marks() -> None:
    md = to_markdown([row(1, "We stand with Ukraine against aggression against Ukraine,")])
    assert "> “We stand with Ukraine against aggression against Ukraine”" in md


def test_split_quote_is_one_citation() -> None:
    # “Norland is lying to the world,” she said, “and everyone knows it.”
    a = row(1, "Norland is lying to the world,", start=0, end=32, paragraph=0, after=" she said, ")
    b = row(2, "and everyone knows it.", start=43, end=67, paragraph=0, after="")
    md = to_markdown([a, b])
    assert md.count("— **Mira Kostova**") == 1
    assert "> “Norland is lying to the world … and everyone knows it.”" in md
    items = json.loads(to_csl_json([a, b]))
    assert len(items) == 1


def test_separate_sentences_stay_separate_citations() -> None:
    a = row(1, "We must act,", start=0, end=14, paragraph=0, after=" she said. ")
    b = row(2, "The time is now.", start=25, end=43, paragraph=0, after="")
    assert to_markdown([a, b]).count("— **Mira Kostova**") == 2


def test_exchange_export_lists_each_statement_once() -> None:
    charge = row(1, "Valdoria sent the drones.")
    deny = row(2, "We sent nothing.", speaker="Ivo Brenn", type="deny", country="Norland")
    reject = row(3, "Lies.", speaker="Ana Lind", type="reject", country="Norland")
    pairs = [ExchangeRow(charge, deny, False), ExchangeRow(charge, reject, False)]
    md = to_markdown([charge, deny, reject], group="exchange", exchanges=pairs)
    assert md.count("Valdoria sent the drones.") == 1
    assert "We sent nothing." in md and "Lies." in md


def test_title_carries_the_view_and_the_date() -> None:
    md = to_markdown([row(1, "A.")], title="search: drones", made=date(2031, 4, 5))
    assert md.splitlines()[0] == "# Quotes — search: drones (exported 2031-04-05)"


def test_csl_json_author_is_the_speaker_and_the_quote_is_the_abstract() -> None:
    item = json.loads(to_csl_json([row(1, "We will not yield,")]))[0]
    assert item["author"] == [{"literal": "Mira Kostova"}]
    assert item["abstract"] == "“We will not yield”"


def test_split_quote_read_from_the_store_is_one_citation(session: Session) -> None:
    body = "“Norland is lying to the world,” Kostova said, “and everyone knows it.”"
    quotes = [
        q("Norland is lying to the world,", body, "Mira Kostova"),
        q("and everyone knows it.", body, "Mira Kostova"),
    ]
    save_extraction(session, extraction(body, quotes))
    md = to_markdown(list_quotes(session))
    assert "> “Norland is lying to the world … and everyone knows it.”" in md
