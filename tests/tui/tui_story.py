"""The story behind the TUI tests: a small store built with ``save_extraction`` from
hand-made extractions.

Blinken (United States) accuses China; a Foreign Ministry spokesperson (China) denies it in the
same article ("... smears"), answering the accusation; Blinken warns China a day earlier; Lavrov
(Russia) speaks in a third article.
"""

from __future__ import annotations

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input

from quotes.nlp.types import (
    Document,
    DocumentMeta,
    ExtractedQuote,
    ExtractedSpeaker,
    Extraction,
    Span,
)
from quotes.store.db import init_db, make_engine, session_scope
from quotes.store.write import save_extraction

ACCUSATION = (
    "We are very concerned that China is considering providing lethal support to Russia "
    "in its war against Ukraine"
)
DENIAL = "China will never accept the finger-pointing of the United States. These are smears"
WARNING = "There would be serious consequences if China went ahead"


def _span(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span(start, start + len(part), part)


def _quote(
    text: str,
    said: str,
    speaker: ExtractedSpeaker,
    mention: str,
    *,
    type: str,
    target: str | None,
    responds_to: int | None = None,
    cue: str = "said",
    paragraph: int = 0,
) -> ExtractedQuote:
    """A direct quote of ``said`` (marks included in the offsets), attributed via ``mention``."""
    start = text.index(f"“{said}")
    end = text.index("”", start) + 1
    speaker.mention = _span(text, mention, end)
    return ExtractedQuote(
        start=start,
        end=end,
        text=said,
        form="direct",
        speaker=speaker,
        cue=cue,
        type=type,
        target=target,
        responds_to=responds_to,
        confidence=0.9,
        evidence=[f"cue verb “{cue}” after the quote", f"speaker mention “{mention}”"],
        paragraph=paragraph,
    )


def blinken() -> ExtractedSpeaker:
    return ExtractedSpeaker(
        "Antony Blinken", "U.S. Secretary of State", "United States", "person", named=True
    )


def spokesperson() -> ExtractedSpeaker:
    return ExtractedSpeaker(
        "Foreign Ministry spokesperson", "spokesperson", "China", "institution", named=False
    )


def extractions() -> list[Extraction]:
    exchange = (
        "WASHINGTON/BEIJING — The United States and China traded charges on Monday.\n\n"
        f"“{ACCUSATION},” U.S. Secretary of State Antony Blinken said.\n\n"
        f"“{DENIAL},” a Foreign Ministry spokesperson said in Beijing."
    )
    accusation = _quote(
        exchange,
        ACCUSATION,
        blinken(),
        "Antony Blinken",
        type="accuse",
        target="China",
        paragraph=1,
    )
    denial = _quote(
        exchange,
        DENIAL,
        spokesperson(),
        "Foreign Ministry spokesperson",
        type="deny",
        target="United States",
        responds_to=0,
        paragraph=2,
    )
    warning_text = (
        "MUNICH — The top U.S. diplomat spoke at the security conference.\n\n"
        f"“{WARNING},” Blinken told CBS News."
    )
    warning = _quote(
        warning_text,
        WARNING,
        blinken(),
        "Blinken",
        type="warn",
        target="China",
        cue="told",
        paragraph=1,
    )
    lavrov_text = (
        "MOSCOW — Russia's top diplomat answered questions.\n\n"
        "“Our relations with Beijing are at their best in history,” "
        "Foreign Minister Sergey Lavrov said."
    )
    lavrov = _quote(
        lavrov_text,
        "Our relations with Beijing are at their best in history",
        ExtractedSpeaker("Sergey Lavrov", "Foreign Minister", "Russia", "person"),
        "Sergey Lavrov",
        type="statement",
        target=None,
        paragraph=1,
    )
    return [
        Extraction(
            Document(
                warning_text,
                DocumentMeta(
                    title="Blinken warns China at Munich",
                    date="2023-02-19",
                    outlet="CBS News",
                    url="https://example.org/cbs/blinken-munich",
                ),
            ),
            [warning],
        ),
        Extraction(
            Document(
                exchange,
                DocumentMeta(
                    title="China denies U.S. claim it may arm Russia",
                    date="2023-02-20",
                    outlet="Reuters",
                    url="https://example.org/reuters/china-denies",
                ),
            ),
            [accusation, denial],
        ),
        Extraction(
            Document(
                lavrov_text,
                DocumentMeta(
                    title="Lavrov on ties with Beijing",
                    date="2023-02-22",
                    outlet="TASS",
                    url="https://example.org/tass/lavrov",
                ),
            ),
            [lavrov],
        ),
    ]


def build_store(url: str) -> None:
    """Create the store at ``url`` holding the four quotes of the story."""
    engine = make_engine(url)
    init_db(engine)
    with session_scope(engine) as session:
        for extraction in extractions():
            save_extraction(session, extraction)
    engine.dispose()


async def settle(pilot: Pilot[None], rounds: int = 4) -> None:
    """Let workers finish and their results land (loads chain: speakers -> timeline)."""
    for _ in range(rounds):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def still(pilot: Pilot[None]) -> None:
    """Settle and stop cursors blinking, so screenshots are stable."""
    await settle(pilot)
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False
    await pilot.pause()


async def palette_hits(pilot: Pilot[None], typed: str) -> CommandList:
    """Open the command palette, type ``typed`` and wait for its hits (the list is returned
    as it stands after at most 2.5 s)."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*typed)
    hits = pilot.app.screen.query_one(CommandList)
    for _ in range(50):
        await pilot.pause(0.05)
        if hits.option_count:
            break
    return hits
