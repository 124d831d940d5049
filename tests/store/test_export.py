"""Export: Markdown citations (escaped), CSL-JSON, CSV."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from quotes.export import citation_markdown, escape_markdown, to_csl_json, to_csv, to_markdown
from quotes.store.rows import ExchangeRow, QuoteRow


def row(i: int, text: str, speaker: str | None = "Antony Blinken", **kw: object) -> QuoteRow:
    base: dict[str, object] = dict(
        id=i,
        text=text,
        form="direct",
        type="accuse",
        target="China",
        confidence=0.9,
        speaker_id=1,
        speaker=speaker,
        role="Secretary of State",
        country="United States",
        article_id=1,
        title="China *Drones*",
        outlet="DER SPIEGEL",
        url="https://e.x/a_b",
        published=date(2023, 2, 1),
        date_text="2023-02",
    )
    base.update(kw)
    return QuoteRow(**base)  # type: ignore[arg-type]


def test_escape_markdown() -> None:
    assert escape_markdown("a *b* _c_ [d](e) `f` <g> #h |i|") == (
        r"a \*b\* \_c\_ \[d\](e) \`f\` \<g\> \#h \|i\|"
    )
    assert escape_markdown("- item\n1. first\n> no") == "\\- item\n1\\. first\n\\> no"


def test_citation_has_everything() -> None:
    text = citation_markdown(row(1, "We are *very* concerned."))
    assert text.startswith("> “We are \\*very\\* concerned.”")
    assert "**Antony Blinken** (Secretary of State, United States)" in text
    assert "[China \\*Drones\\*](<https://e.x/a_b>)" in text
    assert "DER SPIEGEL, 2023-02" in text


def test_multiline_quote_stays_in_blockquote() -> None:
    text = citation_markdown(row(1, "First para.\n\nSecond para.", speaker=None, url=None))
    assert text.splitlines()[:3] == ["> “First para.", ">", "> Second para.”"]
    assert "**Unattributed**" in text and "*China \\*Drones\\**" in text


def test_markdown_groups() -> None:
    a, b = row(1, "A."), row(2, "B.", speaker="Wang Wenbin", type="deny", country="China")
    by_speaker = to_markdown([a, b])
    assert "## Antony Blinken" in by_speaker and "## Wang Wenbin" in by_speaker
    pair = ExchangeRow(a, b, cross_article=True)
    by_exchange = to_markdown([a, b, row(3, "C.")], group="exchange", exchanges=[pair])
    assert "## United States (accuse) — answered by China (deny) (across articles)" in by_exchange
    assert "## Not part of an exchange" in by_exchange
    assert (
        to_markdown([], made=date(2031, 1, 2)) == "# Quotes (exported 2031-01-02)\n\nNo quotes.\n"
    )


def test_csl_json_and_csv() -> None:
    rows = [row(1, 'Say "no", please'), row(2, "x", published=None, date_text=None, url=None)]
    items = json.loads(to_csl_json(rows))
    assert items[0]["issued"] == {"date-parts": [[2023, 2]]}
    assert items[0]["container-title"] == "DER SPIEGEL"
    assert "URL" not in items[1] and "issued" not in items[1]
    parsed = list(csv.DictReader(io.StringIO(to_csv(rows))))
    assert parsed[0]["text"] == 'Say "no", please' and parsed[0]["date"] == "2023-02"
    assert parsed[1]["url"] == ""
