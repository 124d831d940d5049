"""The store API on SQLite: saving, idempotence, updates, speakers, timelines, corrections."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import delete
from sqlmodel import Session, select

from quotes.errors import QueryError
from quotes.nlp.types import ExtractedQuote, ExtractedSpeaker
from quotes.store import exchanges as links
from quotes.store import read, speakers, write
from quotes.store.filters import QuoteFilter
from quotes.store.tables import Article, Exchange, RoleSpell, Speaker
from quotes.store.tables import Quote as QuoteTable
from tests.store.conftest import extraction, q

BODY1 = (
    "Blinken spoke in Munich.\n\n"
    "“We are very concerned that China is considering providing lethal support to Russia,” "
    "Secretary of State Antony Blinken told NBC.\n\n"
    "A Foreign Ministry spokesperson said the claims were “pure disinformation and smears.”\n"
)
BODY2 = "Later.\n\n“China must stop,” Blinken said. “We will not accept this,” Wang Yi said.\n"


def first(session: Session) -> write.SaveResult:
    quotes = [
        q(
            "We are very concerned that China is considering providing lethal support to Russia,",
            BODY1,
            "Antony Blinken",
            role="Secretary of State",
            country="United States",
            type="accuse",
            target="China",
            mention="Antony Blinken",
        ),
        q(
            "pure disinformation and smears.",
            BODY1,
            "Foreign Ministry spokesperson",
            country="China",
            kind="institution",
            named=False,
            type="deny",
            target="United States",
            responds_to=0,
        ),
    ]
    return write.save_extraction(
        session, extraction(BODY1, quotes, title="Munich", url="https://e.x/1", date="2023-02-19")
    )


def second(session: Session, date_text: str = "2023-03-01") -> write.SaveResult:
    quotes = [
        q("China must stop,", BODY2, "Blinken", role="Secretary", country="United States"),
        q("We will not accept this,", BODY2, "Wang Yi", role="Director", country="China"),
    ]
    return write.save_extraction(session, extraction(BODY2, quotes, title="Later", date=date_text))


def test_save_is_idempotent_by_content(session: Session) -> None:
    result = first(session)
    assert (result.status, result.quotes, result.new_speakers) == ("added", 2, 2)
    again = first(session)
    assert (again.status, again.article_id, again.quotes) == ("unchanged", result.article_id, 2)
    assert read.stats(session)["quotes"] == 2


def test_updated_article_replaces_quotes(session: Session) -> None:
    result = first(session)
    body = BODY1 + "\nUpdate: “We stand by it,” Blinken said.\n"
    quotes = [q("We stand by it,", body, "Blinken", country="United States")]
    updated = write.save_extraction(
        session, extraction(body, quotes, url="https://e.x/1", date="2023-02-20")
    )
    assert (updated.status, updated.article_id, updated.quotes) == ("updated", result.article_id, 1)
    assert read.stats(session) == {"articles": 1, "quotes": 1, "speakers": 2, "exchanges": 0}


def test_failed_save_stores_nothing(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(write, "quote_fingerprint", lambda *args: "-")  # offsets unread
    bad = q("China must stop,", BODY2, "Blinken")
    bad.start = None  # type: ignore[assignment]  # NOT NULL violation mid-article
    ok = q("We will not accept this,", BODY2, "Wang Yi")
    with pytest.raises(Exception, match="database error"):
        write.save_extraction(session, extraction(BODY2, [ok, bad]))
    assert read.stats(session) == {"articles": 0, "quotes": 0, "speakers": 0, "exchanges": 0}


def test_aliases_resolve_across_articles(session: Session) -> None:
    first(session)
    second(session)
    for name in ("Blinken", "Antony Blinken", "Secretary Blinken", "secretary of state blinken"):
        found = speakers.find_speaker(session, name)
        assert found is not None, name
        assert found.name == "Antony Blinken"
        assert found.quote_count == 2
        assert found.latest_role == "Secretary"
    assert speakers.find_speaker(session, "Nobody Known") is None
    names = [row.name for row in speakers.list_speakers(session)]
    assert names[0] == "Antony Blinken"
    assert set(names) == {"Antony Blinken", "Foreign Ministry spokesperson", "Wang Yi"}
    assert [r.name for r in speakers.list_speakers(session, query="blink")] == ["Antony Blinken"]
    assert len(speakers.list_speakers(session, limit=1)) == 1


def test_timeline_in_date_order_with_paging(session: Session) -> None:
    second(session)
    first(session)
    blinken = speakers.find_speaker(session, "Blinken")
    assert blinken is not None
    rows = read.speaker_timeline(session, blinken.id)
    assert [r.published for r in rows] == [date(2023, 2, 19), date(2023, 3, 1)]
    assert rows[0].role == "Secretary of State" and rows[1].role == "Secretary"
    assert rows[0].date_text == "2023-02-19"
    assert read.count_timeline(session, blinken.id) == 2
    assert [r.text for r in read.speaker_timeline(session, blinken.id, offset=1, limit=1)] == [
        "China must stop,"
    ]
    assert read.speaker_timeline(session, blinken.id, QuoteFilter(since=date(2023, 2, 25)))[
        0
    ].published == (date(2023, 3, 1))
    assert read.speaker_timeline(session, blinken.id, QuoteFilter(until=date(2023, 1, 1))) == []
    assert speakers.speaker_roles(session, blinken.id) == [
        (date(2023, 2, 19), "Secretary of State"),
        (date(2023, 3, 1), "Secretary"),
    ]


def test_timeline_count_follows_type_and_date_filters(session: Session) -> None:
    """Issue 14: the timeline filters by statement type and dates, and says how many it keeps."""
    second(session)
    first(session)
    blinken = speakers.find_speaker(session, "Blinken")
    assert blinken is not None
    later = QuoteFilter(since=date(2023, 2, 25))
    assert read.count_timeline(session, blinken.id, later) == 1
    assert read.count_timeline(session, blinken.id, QuoteFilter(until=date(2023, 1, 1))) == 0
    accusations = QuoteFilter(type="accuse")
    assert read.count_timeline(session, blinken.id, accusations) == len(
        read.speaker_timeline(session, blinken.id, accusations)
    )
    assert [r.type for r in read.speaker_timeline(session, blinken.id, accusations)] == ["accuse"]


def test_parties_and_exchanges(session: Session) -> None:
    first(session)
    assert links.parties(session) == ["China", "United States"]
    (pair,) = links.exchanges(session)
    assert pair.statement.type == "accuse" and pair.response.type == "deny"
    assert not pair.cross_article
    assert pair.response.responds_to == pair.statement.id
    assert links.exchanges(session, "china", "United States") == [pair]
    assert links.exchanges(session, "Norland") == []


def test_busiest_pair_counts_both_directions_and_puts_the_first_speaker_left(
    session: Session,
) -> None:
    assert links.busiest_pair(session) is None
    first(session)  # United States accuses, China denies
    assert links.busiest_pair(session) == ("United States", "China")
    body = "“Norland lies,” Brel said. “Valdoria lies,” Marken said. “No,” Dahl said.\n"
    quotes = [
        q("Norland lies,", body, "Tomas Brel", country="Valdoria", type="accuse"),
        q("Valdoria lies,", body, "Ilse Marken", country="Norland", type="deny", responds_to=0),
        q("No,", body, "Olav Dahl", country="Valdoria", type="deny", responds_to=1),
    ]
    write.save_extraction(session, extraction(body, quotes, date="2023-05-01"))
    # two Valdoria-Norland links (one each way) beat one United States-China link
    assert links.busiest_pair(session) == ("Valdoria", "Norland")


def test_quote_detail_paragraph_and_mention(session: Session) -> None:
    first(session)
    blinken = speakers.find_speaker(session, "Blinken")
    assert blinken is not None
    (row,) = read.speaker_timeline(session, blinken.id)
    detail = read.quote_detail(session, row.id)
    assert detail.paragraph.startswith("“We are very concerned")
    assert detail.paragraph.endswith("told NBC.")
    assert detail.paragraph[detail.quote_start : detail.quote_end].startswith("“We are")
    assert detail.mention_start is not None and detail.mention_end is not None
    assert detail.paragraph[detail.mention_start : detail.mention_end] == "Antony Blinken"
    assert detail.evidence == ["quote marks", "cue said"] and detail.cue == "said"
    assert not detail.corrected
    with pytest.raises(QueryError, match="no quote"):
        read.quote_detail(session, 999)


def test_corrections_apply_now_and_win_on_reingest(session: Session) -> None:
    first(session)
    second(session)
    wang = speakers.find_speaker(session, "Wang Yi")
    assert wang is not None
    (wrong,) = read.speaker_timeline(session, wang.id)
    write.correct_quote(session, wrong.id, speaker="Wang Wenbin", type="reject", note="checked")
    wenbin = speakers.find_speaker(session, "Wang Wenbin")
    assert wenbin is not None and wenbin.id != wang.id
    (fixed,) = read.speaker_timeline(session, wenbin.id)
    assert fixed.type == "reject"
    assert read.quote_detail(session, fixed.id).corrected
    blinken = speakers.find_speaker(session, "Blinken")
    assert blinken is not None
    later = read.speaker_timeline(session, blinken.id)[1]
    write.correct_quote(session, later.id)  # not a quote at all
    assert read.count_timeline(session, blinken.id) == 1
    # the same text ingested again from another path: corrections win over the extractor
    session.exec(delete(Exchange))  # type: ignore[call-overload]
    for model in (QuoteTable, RoleSpell, Article):
        session.exec(delete(model))  # type: ignore[call-overload]
    session.commit()
    second(session)
    assert read.count_timeline(session, blinken.id) == 0
    (again,) = read.speaker_timeline(session, wenbin.id)
    assert again.type == "reject"
    with pytest.raises(QueryError, match="unknown statement type"):
        write.correct_quote(session, again.id, type="shout")
    with pytest.raises(QueryError, match="no quote"):
        write.correct_quote(session, 12345)


ACCUSATION = "“Valdoria is shipping drones to the rebels,” Norland's minister said.\n"


def accusation() -> ExtractedQuote:
    """Norland's minister accuses Valdoria (in ``ACCUSATION``)."""
    return q(
        "Valdoria is shipping drones to the rebels,",
        ACCUSATION,
        "Ilse Marken",
        country="Norland",
        type="accuse",
        target="Valdoria",
    )


def envoy_answer(body: str, text: str, kind: str = "deny") -> ExtractedQuote:
    """Valdoria's envoy answers Norland with ``text`` (inside ``body``)."""
    return q(text, body, "Tomas Brel", country="Valdoria", type=kind, target="Norland")


def test_cross_article_denial_links_to_earlier_accusation(session: Session) -> None:
    body_b = "“The claims about drones for the rebels are groundless,” Valdoria's envoy said.\n"
    den = envoy_answer(body_b, "The claims about drones for the rebels are groundless,")
    # the later denial ingested first: the link appears when the accusation arrives
    write.save_extraction(session, extraction(body_b, [den], title="B", date="2024-03-05"))
    write.save_extraction(
        session, extraction(ACCUSATION, [accusation()], title="A", date="2024-03-01")
    )
    (pair,) = links.exchanges(session, "Norland", "Valdoria")
    assert pair.cross_article
    assert pair.statement.speaker == "Ilse Marken" and pair.response.speaker == "Tomas Brel"
    # far apart in time: no link
    other = "“Drones to rebels? Groundless,” Valdoria's envoy said.\n"
    late = envoy_answer(other, "Drones to rebels? Groundless,")
    write.save_extraction(session, extraction(other, [late], title="C", date="2025-06-01"))
    assert len(links.exchanges(session)) == 1


def test_a_one_word_denial_links_by_the_words_of_its_sentence(session: Session) -> None:
    """corpus/2031-03-05: 'Valdoria ... denied accusations ... that it had shipped drones to the
    rebels, calling them "groundless"' shares no word with the charge; its sentence does."""
    body_b = (
        "MIRAVA – Valdoria denied accusations that it had shipped drones to the rebels, "
        "calling them “groundless”.\n"
    )
    den = envoy_answer(body_b, "groundless")
    write.save_extraction(
        session, extraction(ACCUSATION, [accusation()], title="A", date="2024-03-01")
    )
    write.save_extraction(session, extraction(body_b, [den], title="B", date="2024-03-05"))
    (pair,) = links.exchanges(session, "Norland", "Valdoria")
    assert pair.cross_article and pair.response.text == "groundless"
    # a fragment in a sentence on another matter answers nothing
    body_c = "Valdoria called the new grain tariffs “groundless”.\n"
    other = envoy_answer(body_c, "groundless")
    write.save_extraction(session, extraction(body_c, [other], title="C", date="2024-03-06"))
    assert len(links.exchanges(session, "Norland", "Valdoria")) == 1


def test_cross_article_protest_answers_an_accusation(session: Session) -> None:
    """Statement groups are one definition: a protest answers, as inside an article."""
    body_b = "“We protest the claims about drones for the rebels,” Valdoria's envoy said.\n"
    protest = envoy_answer(body_b, "We protest the claims about drones for the rebels,", "protest")
    write.save_extraction(
        session, extraction(ACCUSATION, [accusation()], title="A", date="2024-03-01")
    )
    write.save_extraction(session, extraction(body_b, [protest], title="B", date="2024-03-04"))
    (pair,) = links.exchanges(session, "Norland", "Valdoria")
    assert pair.statement.speaker == "Ilse Marken" and pair.response.speaker == "Tomas Brel"


def test_cross_article_link_without_country_data(session: Session) -> None:
    """Fictional parties the extractor knows no country for: names in both quotes suffice."""
    body_a = "“Valdoria is shipping attack drones to the Kessel militias,” she said.\n"
    body_b = "“Valdoria never supplied drones to the Kessel militias,” the spokeswoman said.\n"
    acc = q(
        "Valdoria is shipping attack drones to the Kessel militias,",
        body_a,
        "Ilse Marken",
        type="accuse",
    )
    den = q(
        "Valdoria never supplied drones to the Kessel militias,", body_b, "Lena Sorvik", type="deny"
    )
    write.save_extraction(session, extraction(body_a, [acc], title="A", date="2031-03-02"))
    write.save_extraction(session, extraction(body_b, [den], title="B", date="2031-03-05"))
    (pair,) = links.exchanges(session)
    assert pair.cross_article and pair.response.speaker == "Lena Sorvik"
    unrelated = "“Grain prices in Valdoria will fall,” the spokeswoman said.\n"
    other = q("Grain prices in Valdoria will fall,", unrelated, "Lena Sorvik", type="deny")
    write.save_extraction(session, extraction(unrelated, [other], title="C", date="2031-03-06"))
    assert len(links.exchanges(session)) == 1


def test_jsonl_records_are_not_matched_by_line_number(session: Session) -> None:
    one = write.save_extraction(session, extraction("Article one.", [], path="a.jsonl:1"))
    two = write.save_extraction(session, extraction("Article two.", [], path="a.jsonl:1"))
    assert (one.status, two.status) == ("added", "added")
    assert read.stats(session)["articles"] == 2


def test_reattributing_to_a_known_speaker_reuses_them(session: Session) -> None:
    """Issue 14 (the TUI's speaker picker): re-attributing a quote to a speaker already in the
    store, an institution included, gives it to that speaker, never to a new namesake."""
    first(session)
    second(session)
    before = {row.name: row.id for row in speakers.list_speakers(session)}
    blinken = speakers.find_speaker(session, "Blinken")
    assert blinken is not None
    quote = read.speaker_timeline(session, blinken.id)[0]
    write.correct_quote(session, quote.id, speaker="Foreign Ministry spokesperson")
    after = speakers.list_speakers(session)
    assert {row.name: row.id for row in after} == before  # no new speaker
    (moved,) = [r for r in read.quotes_by_ids(session, [quote.id]).values()]
    assert moved.speaker_id == before["Foreign Ministry spokesperson"]
    write.correct_quote(session, quote.id, speaker="Mira Kostova")  # a new name: a new speaker
    kostova = speakers.find_speaker(session, "Mira Kostova")
    assert kostova is not None and kostova.id not in before.values()


def test_a_questions_premise_is_context_not_a_stored_statement(session: Session) -> None:
    # issue 15: a reporter's own premise that an answer rejects is no speaker's statement; the
    # store keeps the answer (its evidence names the premise) and no speaker "Reporter"
    body = (
        "Q  Doesn't that send the message to Beijing that it can keep getting away with this?\n\n"
        "MS. DALTON: No, the message it sends is that we keep talking even when we disagree.\n"
    )
    premise_text = (
        "Doesn't that send the message to Beijing that it can keep getting away with this?"
    )
    start = body.index(premise_text)
    premise = ExtractedQuote(
        start=start, end=start + len(premise_text), text=premise_text, form="question"
    )
    answer_text = "No, the message it sends is that we keep talking even when we disagree."
    a_start = body.index(answer_text)
    answer = ExtractedQuote(
        start=a_start,
        end=a_start + len(answer_text),
        text=answer_text,
        form="transcript",
        speaker=ExtractedSpeaker("Mara Dalton", "Press Secretary", "United States", "person"),
        type="deny",
        responds_to=0,
        evidence=[f"answers the question's premise: {premise_text}"],
    )
    result = write.save_extraction(session, extraction(body, [premise, answer], title="Briefing"))
    assert result.quotes == 1
    rows = read.list_quotes(session)
    assert [r.text for r in rows] == [answer_text]
    assert session.exec(select(Speaker).where(Speaker.name == "Reporter")).first() is None
    assert session.exec(select(Exchange)).all() == []
