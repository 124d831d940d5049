"""Briefing transcripts: labelled turns (``MR. KIRBY:``, ``Q``), each answer a set of statements.

A transcript has no quotation marks: who speaks is the turn's label, named once in the title
or the moderator's introduction. The steps, one function each:

* ``find_turns`` finds the labelled turns (capitals ``MR. KIRBY:``, ``Q``/``Q:``/``A:``, title
  case ``Spokesperson Wang Wenbin:``, a note ``(via interpreter)``, a label on its own line) and
  says whose turn it is: a reporter's question, a moderator's, or an official's answer.
* ``resolve_labels`` turns each answer label into a speaker: the full name and role the title
  or the text gives ("MR. KIRBY" -> John Kirby, National Security Council Coordinator ...), an
  anonymous official kept as what it is ("Senior Administration Official", United States).
* ``answer_statements`` splits each answer turn into statements, one per paragraph.
* ``question_charges`` keeps what a reporter's question reports of a third party ("Russia says
  the sanctions are illegal") as a statement of that party, so the answer can link to it; also
  a charge the question describes by a noun (``noun_charges``: "Beijing's accusation that",
  "China was out with some statements", "the Israeli parliament passed a resolution").
  The owner may be a role after a possessive ("Russia's foreign minister said") or a pronoun
  for the party the question named before it ("Maduro signed ..., and he accused").
* ``premise_charges`` keeps the question's own charge ("Doesn't that send the message to China
  that ...?") when the answer rejects the premise: form "question", no speaker (the reporter
  is no party), for the answer to link to; the store keeps it as the answer's context only.
* ``transcript_quotes`` puts it together with the quotes the article rules found: a quotation
  inside an answer ("As the President said, '...'") stays with the person quoted; quotes that
  take a label or a reporter for a speaker are dropped.
* ``link_answers`` links an answer that rejects, counters (``counter_type``: "flatly untrue",
  "complete farce") or refuses to comment on a question's charge to that charge, unless it takes
  up another part of the question (``part_named``: "On the first one, ...").

Pure: no database. ``questions_before`` gives the TUI the question an answer replies to (and
the one a short follow-up points back to).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Literal

from quotes.nlp import lexicon
from quotes.nlp.classify import ANSWERS, classify, target_of
from quotes.nlp.marks import Paragraph, paragraphs
from quotes.nlp.statement_model import LOW_CONFIDENCE
from quotes.nlp.types import STANCE, DocumentMeta, ExtractedQuote, ExtractedSpeaker, Span

TurnKind = Literal["question", "moderator", "answer"]

MIN_TURNS = 4  # labelled turns a text needs to read as a transcript
MAX_SEARCHED_LABELS = 60  # distinct answer labels searched for in the text (bounds the work)
MIN_STATEMENT_WORDS = 5  # shorter answer paragraphs ("Thanks, Karine.") are not statements
_CAPS_WORD = r"[A-Z][A-Z0-9.'’\-]*"
_LABEL = re.compile(
    r"^[ \t\u00a0]*(?:\*\*)?"
    r"(?P<label>"
    rf"{_CAPS_WORD}(?:[ \t\u00a0]{{1,2}}(?:{_CAPS_WORD}|\d+|#\d+))*"  # MR. KIRBY, SENIOR OFFICIAL 1
    r"|[A-Z][\w.'’\-]*(?:[ \t\u00a0][A-Z][\w.'’\-]*){0,4}"  # Spokesperson Wang Wenbin
    r")"
    r"(?P<note>[ \t\u00a0]*\([^()\n]{1,40}\))?"  # (via interpreter)
    r"(?:\*\*)?[ \t\u00a0]*:(?:\*\*)?(?=[ \t\u00a0]|$)[ \t\u00a0]*"
    # "Q    Good afternoon.", "Q Hi." (A only before a wide gap: "A couple" is prose)
    r"|^[ \t\u00a0]*(?P<q>Q(?=[ \t\u00a0]+\S|[ \t\u00a0]*$)|A(?=[ \t\u00a0]{2,}|\t))[ \t\u00a0]*",
    re.M,
)
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_QUESTION_LABELS = frozenset(
    {"q", "question", "questions", "reporter", "journalist", "press", "audience member"}
)
_MODERATOR_WORDS = frozenset({"moderator", "operator", "aide", "host", "announcer"})
_HONORIFICS = frozenset({"mr", "ms", "mrs", "miss", "dr", "the", "madam", "mister", "sir"})
_ANONYMOUS_HEADS = frozenset({"official", "officials", "spokesperson", "spokesman", "spokeswoman"})
_TOPIC_OPENERS = frozenset({"on", "in", "for", "regarding", "about", "re", "note", "update"})
_CONNECTORS = frozenset({"of", "for", "the", "on", "to"})
_NAME_TOKEN = re.compile(r"[A-Z][\w’'\-]*\.?|[A-Z]\.")


@dataclass(frozen=True, slots=True)
class Turn:
    """One labelled turn: the label as written and the body up to the next label."""

    label: str  # "MR. KIRBY" (the note and the colon left out)
    label_start: int
    label_end: int
    start: int  # the body: after the colon and the spaces
    end: int
    kind: TurnKind = "answer"
    note: str = ""  # "(via interpreter)"

    @property
    def key(self) -> str:
        return label_key(self.label)


def label_key(label: str) -> str:
    """One key for the spellings of a label: "MR. KIRBY", "Mr. Kirby" -> "mr kirby"."""
    return " ".join(re.sub(r"[.:]", " ", label).lower().split())


# -- turns -------------------------------------------------------------------------------------


def find_turns(text: str) -> list[Turn]:
    """The labelled turns of ``text``, in order, each with its kind; [] when there are few."""
    by_line = len(_BLANK_LINE.findall(text)) < 2  # no blank lines: every line a paragraph
    found = [
        m
        for m in _LABEL.finditer(text)
        if _plausible(m) and (by_line or _opens_turn(text, m.start()))
    ]
    found = _drop_rare_title_case(found)
    turns: list[Turn] = []
    for i, match in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(text)
        group = "q" if match.group("q") else "label"
        label = match.group(group)
        body = match.end()
        while body < end and text[body] in " \t\r\n\u00a0":
            body += 1
        note = (match.group("note") or "").strip()
        turns.append(
            Turn(label, match.start(group), match.end(group), body, _trim_end(text, body, end))
        )
        if note:
            turns[-1] = replace(turns[-1], note=note)
    return _classify(text, turns)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\r\n\u00a0":
        end -= 1
    return end


def _plausible(match: re.Match[str]) -> bool:
    """A label, not a heading or a clock time: at most 8 words, no topic opener ("On Gaza:")."""
    if match.group("q"):
        return True
    label = match.group("label")
    words = label.split()
    if len(words) > 8 or len(label) > 70:
        return False
    return words[0].lower().strip(".") not in _TOPIC_OPENERS


def _opens_turn(text: str, start: int) -> bool:
    """A label opens a paragraph, or a line after a finished sentence: "you heard from the\n
    President: He was outraged" is a wrapped line, not a turn."""
    before = text[max(0, start - 300) : start].rstrip(" \t\u00a0")
    if not before or before.endswith("\n\n") or start < 3:
        return True
    previous = before.rstrip()
    if before[len(previous) :].count("\n") >= 2 or not previous:
        return True
    return previous.endswith((".", "?", "!", ":", '"', "”", ")", "]", "—", "-", "*"))


def _drop_rare_title_case(found: list[re.Match[str]]) -> list[re.Match[str]]:
    """Title-case labels ("Spokesperson Wang Wenbin") count when they open with a role word or
    recur; a one-off "Red Sea:" inside an answer is a topic, not a turn."""
    counts: dict[str, int] = {}
    for m in found:
        if not m.group("q"):
            key = label_key(m.group("label"))
            counts[key] = counts.get(key, 0) + 1
    kept = []
    for m in found:
        label = m.group("q") or m.group("label")
        if (
            m.group("q")
            or label.isupper()
            or any(c.isdigit() for c in label)
            or _role_word(label.split()[0])
            or counts[label_key(label)] >= 2
        ):
            kept.append(m)
    return kept


def _role_word(word: str) -> bool:
    """A title, role noun or honorific ("Secretary", "MS.", "President-Elect")."""
    w = word.lower().strip(".,’'")
    parts = [w, *w.split("-")] if "-" in w else [w]
    return any(p in _role_words() or p in _HONORIFICS or p in _QUESTION_LABELS for p in parts)


@cache
def _sites() -> tuple[tuple[str, str, str], ...]:
    """Sites that publish transcripts: (URL part, country, publisher), ``transcript_sites.tsv``."""
    return tuple((row[0], row[1], row[2]) for row in lexicon.rows("transcript_sites.tsv"))


@cache
def _role_words() -> frozenset[str]:
    titles = lexicon.word_list("titles") | lexicon.word_list("transcript_role_words")
    return frozenset(titles | set(lexicon.role_nouns()))


def _classify(text: str, turns: list[Turn]) -> list[Turn]:
    """Each turn's kind: reporters' labels and labels whose every turn asks are questions."""
    asks: dict[str, list[bool]] = {}
    for turn in turns:
        asks.setdefault(turn.key, []).append("?" in text[turn.start : turn.end])
    out = []
    for turn in turns:
        words = set(turn.key.split())
        if turn.key in _QUESTION_LABELS or turn.key.startswith("q "):
            kind: TurnKind = "question"
        elif words & _MODERATOR_WORDS and not words & {"official", "secretary", "minister"}:
            kind = "moderator"
        elif turn.key not in ("a", "answer") and _outlet_label(turn.label, asks[turn.key]):
            kind = "question"
        else:
            kind = "answer"
        out.append(replace(turn, kind=kind))
    return out


def _outlet_label(label: str, asks: list[bool]) -> bool:
    """A label that only ever asks and has no role word ("AFP", "Bloomberg") is a reporter's."""
    return all(asks) and not any(_role_word(w) for w in label.split())


def looks_like_transcript(text: str) -> bool:
    """Whether ``text`` reads as a transcript: enough labelled turns, an answer and a second
    voice (a question, a moderator or another official)."""
    turns = find_turns(text)
    if len(turns) < MIN_TURNS or not any(t.kind == "answer" for t in turns):
        return False
    return len({t.key for t in turns}) >= 2


# -- speakers ----------------------------------------------------------------------------------


@dataclass(slots=True)
class Resolution:
    """What an answer label resolved to, and how (the figure counts ``full`` and ``anonymous``)."""

    speaker: ExtractedSpeaker
    how: Literal["full", "anonymous", "partial", "unresolved"]
    source: str = ""  # where the name was found: title, text, label


@dataclass(slots=True)
class _Found:
    name: str  # the full name as the text spells it
    role: str | None
    where: str


def resolve_labels(
    text: str, turns: Sequence[Turn], meta: DocumentMeta | None = None
) -> dict[str, Resolution]:
    """Each answer label's speaker, by its key: named from the title, the header, the moderator's
    introduction or any turn; anonymous officials as their role, with the host's country."""
    meta = meta or DocumentMeta()
    sources = [("title", meta.title or ""), ("text", text)]
    host = host_country(text, turns, meta)
    out: dict[str, Resolution] = {}
    for turn in turns:
        if turn.kind != "answer" or turn.key in out:
            continue
        if len(out) < MAX_SEARCHED_LABELS:
            out[turn.key] = _resolve_one(turn.label, sources, host)
        else:  # each search reads the whole text: past this many labels, the label alone
            out[turn.key] = _resolve_one(turn.label, [("label", turn.label)], host)
    return out


def host_country(text: str, turns: Sequence[Turn], meta: DocumentMeta) -> str | None:
    """The country whose officials hold the briefing: the site's, else the first named in the
    header before the first turn, else in the title."""
    url = (meta.url or "").lower()
    for host, country, _ in _sites():
        if host in url:
            return country
    header = text[: turns[0].label_start] if turns else ""
    countries = lexicon.countries()
    return countries.first(header) or countries.first(meta.title or "")


def publisher(url: str | None) -> str | None:
    """The body that publishes transcripts at ``url`` ("The White House"), if known."""
    for host, _, body in _sites():
        if host in (url or "").lower():
            return body
    return None


def _resolve_one(label: str, sources: list[tuple[str, str]], host: str | None) -> Resolution:
    if label_key(label) in ("a", "answer"):
        return _principal(sources, host)
    words = [w for w in label.split() if not re.fullmatch(r"#?\d+", w)]
    while words and words[0].lower().strip(".") in _HONORIFICS:
        words = words[1:]
    role_words: list[str] = []
    while words and words[0].lower().strip(".,") in _role_words() and len(words) > 1:
        role_words.append(words.pop(0))
    label_role = _title_case(" ".join(role_words)) or None
    if not words or all(w.lower().strip(".") in _role_words() for w in words):
        return _role_only(label, role_words + words, sources, host)
    found = _find_name(words, sources)
    if found is None:
        name = _title_case(" ".join(words))
        how: Literal["full", "partial"] = "full" if len(words) >= 2 else "partial"
        speaker = _speaker(name, label_role, host)
        return Resolution(speaker, how, "label")
    role = found.role or label_role
    speaker = _speaker(found.name, role, host)
    return Resolution(speaker, "full" if len(found.name.split()) >= 2 else "partial", found.where)


def _principal(sources: list[tuple[str, str]], host: str | None) -> Resolution:
    """Whom an interview's "A:" stands for: the first person the title (else the text's start)
    names after a role word ("Interview with Foreign Minister Elena Kostova")."""
    for where, source in sources:
        words = (source if where == "title" else source[:2000]).split()
        for i, word in enumerate(words[:-1]):
            if not _role_word(word) or _role_word(words[i + 1]):
                continue
            name: list[str] = []
            for nxt in words[i + 1 : i + 4]:
                if not _NAME_TOKEN.fullmatch(nxt.rstrip(",;:")) or _role_word(nxt):
                    break
                name.append(nxt.rstrip(",;:"))
                if nxt != name[-1]:
                    break
            found = _find_name(name, sources) if name else None
            if found is not None:
                speaker = _speaker(found.name, found.role, host)
                return Resolution(speaker, "full" if len(name) >= 2 else "partial", where)
    return Resolution(_speaker("Interviewee", None, host, named=False), "unresolved", "label")


def _speaker(name: str, role: str | None, host: str | None, named: bool = True) -> ExtractedSpeaker:
    country = lexicon.countries().first(role) if role else None
    return ExtractedSpeaker(name, role, country or host, "person", named)


def _role_only(
    label: str, words: list[str], sources: list[tuple[str, str]], host: str | None
) -> Resolution:
    """A label that is a role: an anonymous official ("SENIOR ADMINISTRATION OFFICIAL") stays
    one; "THE PRESIDENT" is the person the title or text gives that role."""
    role = _title_case(" ".join(words))
    heads = {w.lower().strip(".") for w in words}
    if heads & _ANONYMOUS_HEADS or not words:
        name = _title_case(" ".join(w for w in label.split() if w.lower() != "the")) or label
        return Resolution(_speaker(name, None, host, named=False), "anonymous", "label")
    holder = _holder_of(role, sources, host)
    if holder is not None:
        how: Literal["full", "partial"] = "full" if len(holder.name.split()) >= 2 else "partial"
        return Resolution(_speaker(holder.name, holder.role or role, host), how, holder.where)
    return Resolution(_speaker(role, role, host, named=False), "unresolved", "label")


def _holder_of(role: str, sources: list[tuple[str, str]], host: str | None = None) -> _Found | None:
    """The person the sources name with ``role`` ("President Biden" -> Joseph R. Biden): not a
    "Vice President Harris" for "President", nor, where the briefing side ``host`` is known, a
    figure of another side (``lexicons/figures.tsv``: "President Putin")."""
    pattern = re.compile(
        rf"(?<![Vv]ice )(?<![Vv]ice-)\b{re.escape(role)}\s+"
        rf"((?:[A-Z][\w’'\-]+\.?\s+){{0,2}}[A-Z][\w’'\-]+)"
    )
    for where, source in sources:
        for match in pattern.finditer(source):
            words = match.group(1).split()
            if any(w.lower().strip(".") in _role_words() for w in words):
                continue
            side = lexicon.figure_country(" ".join(words))
            if host is not None and side is not None and side != host:
                continue
            found = _find_name(words, sources)
            if found is not None and _same_holder(found, words, role):
                return _Found(found.name, found.role or role, where)
            return _Found(" ".join(words), role, where)
    return None


def _same_holder(found: _Found, words: list[str], role: str) -> bool:
    """Whether a fuller name found for a titled surname ("President Biden") is that holder: it
    adds no first name, or the text gives it with the role ("President Joe Biden"), not as
    someone else of that surname ("Hunter Biden")."""
    if len(found.name.split()) <= len(words):
        return True
    return found.role is not None and role.lower() in found.role.lower()


def _find_name(words: list[str], sources: list[tuple[str, str]]) -> _Found | None:
    """The fullest spelling of the name ``words`` end with, and a role, from the sources (title
    first): the capitalised words before the surname are first names, those before them the
    role. A surname one letter off ("BUTTITGIEG") matches where nothing matches exactly."""
    surname = words[-1]
    best: _Found | None = None
    for where, source in sources:
        for spelled in _spellings(surname, source):
            for match in re.finditer(rf"(?<![\w\-]){re.escape(spelled)}(?![\w\-])", source):
                found = _name_before(source, match.start(), match.end(), words, where)
                if found is None:
                    continue
                if best is None or _better(found, best):
                    best = found
                if best.role and len(best.name.split()) >= 2:
                    return best
    return best


def _better(new: _Found, old: _Found) -> bool:
    if len(new.name.split()) != len(old.name.split()):
        return len(new.name.split()) > len(old.name.split())
    return bool(new.role) and not old.role


def _spellings(surname: str, source: str) -> list[str]:
    """How ``surname`` (any case) is spelled in ``source``: exact, else one letter off."""
    exact = {m.group(0) for m in re.finditer(rf"\b{re.escape(surname)}\b", source, re.I)}
    exact = {s for s in exact if s[:1].isupper()}
    mixed = {s for s in exact if not s.isupper()}
    if mixed or len(surname) < 6:
        return sorted(mixed or exact)
    if exact:
        return sorted(exact)
    target = surname.lower()
    near = set()
    for m in re.finditer(r"\b[A-Z][a-z’'\-]{4,}\b", source):
        word = m.group(0)
        if abs(len(word) - len(target)) <= 1 and _one_edit(word.lower(), target):
            near.add(word)
    return sorted(near)


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by at most one insertion, deletion or substitution."""
    if a == b:
        return True
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


def _name_before(source: str, start: int, end: int, words: list[str], where: str) -> _Found | None:
    """The name ending at ``source[start:end]`` and the role before it, read backwards over the
    capitalised words of the same line."""
    line_start = max(source.rfind("\n", 0, start) + 1, start - 200)
    before = source[line_start:start].split()
    if source[end : end + 2] in ("’s", "'s") and not before:
        return None
    given = [w for w in words[:-1] if not _role_word(w)]
    first: list[str] = []
    while before and len(first) < 2 and _NAME_TOKEN.fullmatch(before[-1]):
        word = before[-1]
        if _role_word(word) or word.lower() in lexicon.word_list("function_words"):
            break
        if first and not _starts_name(before[:-1], word):
            break  # "Secretary of Transportation Pete", "Office of Public Engagement Stephen"
        first.insert(0, before.pop())
    if given and [w.lower() for w in first[-len(given) :]] != [w.lower() for w in given]:
        if first:
            return None  # another person with the same surname
        first = [_title_case(w) for w in given]
    surname = _title_case(source[start:end])
    role = _role_before(before)
    return _Found(" ".join([*first, surname]), role, where)


def _starts_name(before: list[str], word: str) -> bool:
    """Whether ``word`` can be a second first name: an initial, or a word after a role word or
    lowercase text, not inside a capitalised run or after a connector ("of Transportation")."""
    if re.fullmatch(r"[A-Z]\.", word) or not before:
        return True
    prev = before[-1]
    if prev in _CONNECTORS:
        return False
    return _role_word(prev) or not prev[:1].isupper()


def _role_before(before: list[str]) -> str | None:
    """The role read backwards from the first name: capitalised words and connectors, with a
    role noun among them ("National Security Council Coordinator for Strategic Communications")."""
    taken: list[str] = []
    while before:
        word = before[-1]
        if (word[:1].isupper() and not word.endswith((",", ";", ":"))) or (
            word in _CONNECTORS and taken
        ):
            taken.insert(0, before.pop())
        else:
            break
    while taken and (taken[0] in _CONNECTORS or taken[0].lower() in ("by", "and", "with")):
        taken.pop(0)
    while taken and taken[0].lower() in ("the", "a", "an", "on", "and", "by", "with"):
        taken.pop(0)
    if not any(_role_word(w) and w.lower().strip(".") not in _HONORIFICS for w in taken):
        return None
    while "of" in taken[1:] and not _names_role(taken[: taken.index("of")]):
        taken = taken[taken.index("of") + 1 :]  # "Joint Press Conference of Russian Minister"
    role = " ".join(taken).strip(" ,.")
    return role or None


def _names_role(words: list[str]) -> bool:
    """Whether ``words`` hold a role noun ("Director", "Secretary"), not only modifiers."""
    nouns = lexicon.role_nouns()
    return any(w.lower().strip(".,") in nouns for w in words)


def _title_case(text: str) -> str:
    """ "JEAN-PIERRE" -> "Jean-Pierre"; mixed-case text and abbreviations ("U.S.") as written."""
    if not text.isupper():
        return text
    return " ".join(
        w if "." in w.rstrip(".") else "-".join(p.capitalize() for p in w.split("-"))
        for w in text.split()
    )


# -- statements --------------------------------------------------------------------------------


def answer_statements(
    text: str, turns: Sequence[Turn], speakers: dict[str, Resolution]
) -> list[ExtractedQuote]:
    """One statement per paragraph of each answer turn, by the turn's speaker."""
    out: list[ExtractedQuote] = []
    paras = paragraphs(text)
    k = 0
    for turn in turns:
        if turn.kind != "answer":
            continue
        resolved = speakers[turn.key]
        while k < len(paras) and paras[k].end <= turn.start:
            k += 1
        j = k
        while j < len(paras) and paras[j].start < turn.end:
            para = paras[j]
            start, end = max(para.start, turn.start), min(para.end, turn.end)
            while start < end and text[start] in " \t\r\n\u00a0":
                start += 1
            end = _trim_end(text, start, end)
            if len(text[start:end].split()) >= MIN_STATEMENT_WORDS:
                out.append(_statement(text, turn, resolved, start, end, para.index))
            j += 1
    return out


def _statement(
    text: str, turn: Turn, resolved: Resolution, start: int, end: int, paragraph: int
) -> ExtractedQuote:
    base = resolved.speaker
    speaker = ExtractedSpeaker(
        base.name,
        base.role,
        base.affiliation,
        base.kind,
        base.named,
        Span(turn.label_start, turn.label_end, turn.label),
    )
    confidence = {"full": 0.9, "anonymous": 0.85, "partial": 0.7, "unresolved": 0.5}
    source = f" from the {resolved.source}" if resolved.source != "label" else ""
    words = text[start:end]
    typing = classify(words, None)  # the lexicon's cues first, as for any quote
    return ExtractedQuote(
        start=start,
        end=end,
        text=words,
        form="transcript",
        speaker=speaker,
        type=typing.type,
        target=target_of(words, base.affiliation),
        confidence=confidence[resolved.how],
        evidence=[
            f"transcript: turn {turn.label!r} -> {base.name} ({resolved.how}{source})",
            f"type: {typing.type} ({typing.evidence})",
        ],
        paragraph=paragraph,
    )


_CHARGE_VERBS = (
    "says|said|saying|claims|claimed|claiming|alleges|alleged|alleging|accuses|accused|accusing|"
    "argues|argued|arguing|asserts|asserted|asserting|insists|insisted|insisting|charges|charged|blames|blamed|blaming|calls|called|"
    "calling|warns|warned|warning|threatens|threatened|threatening|condemns|"
    "condemned|demands|demanded|demanding|criticizes|criticized|criticised|criticizing|"
    "dismisses|dismissed|dismissing|rejects|rejected|rejecting|"
    r"(?:told|tells|telling)(?=[^.?!]{0,80}\bthat\b)"  # told someone that ..., not "told ABC"
)
_WHEN = (  # "the Israelis in the last few hours have been arguing"
    r"(?:\s+(?:in|over|during)\s+the\s+(?:last|past)\s+(?:few\s+|couple\s+of\s+)?"
    r"(?:hours?|days?|weeks?)|\s+(?:today|yesterday|this\s+(?:morning|week)|earlier\s+today))"
)
# a role held for a party, after its name with 's: "Russia's foreign minister"
_ROLE = (
    r"(?:(?:new|top|chief|senior|deputy|foreign|defen[cs]e|prime|vice|supreme|former)\s+){0,2}"
    r"(?:minister|ministry|president|leader|spokes(?:person|man|woman)|officials?|government|"
    r"ambassador|envoy|military|army|parliament|chancellor)\b"
)
_OWNER = (
    r"(?:[Tt]he\s+)?(?:(?:senior|top|former|high-ranking)\s+)?[A-Z][\w’'.\-]*"
    r"(?:\s+(?:(?:for|of|the)\s+)?[A-Z][\w’'.\-]*){0,5}"
    r"(?:\s+(?:foreign|defense|defence)\s+ministry|\s+government|\s+officials?|\s+diplomats?"
    r"|\s+spokes(?:person|man|woman)|\s+military|\s+leaders?|\s+parliament"
    rf"|[’']s\s+{_ROLE})?"  # Russia's foreign minister, Putin's spokesman
)
_CHARGE_TAIL = (  # after the owner: "in the last few hours have been arguing that ..."
    rf"(?:\s+who)?{_WHEN}?\s+"
    r"(?:(?:has|have|had|is|are|was|were|been|now|again|also|just|publicly|essentially|"
    r"reportedly)\s+){0,3}"
    rf"(?P<verb>{_CHARGE_VERBS})\b(?P<content>[^.?!]*[.?!]?)"
)
_CHARGE = re.compile(
    rf"(?:(?P<owner>{_OWNER})"
    # a pronoun for a party the question named before: "and he accused", "his spokesman said"
    rf"|\b(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey|(?:[Hh]is|[Hh]er|[Tt]heir)\s+{_ROLE})){_CHARGE_TAIL}"
)
_DOMESTIC = re.compile(  # offices of the briefer's own politics, whatever the role reads as
    r"(?i)\b(?:congress(?:wo)?man|senator|sen\.|rep\.|representative|governor|mayor|"
    r"minority leader|majority leader|speaker)\b"
)
_PASSIVE = re.compile(r"(?i)\b(?:is|are|was|were|been|being)\s+(?:\w+ly\s+)?\w+ed$")
_PEOPLE = re.compile(
    r"(?i)\b(officials?|diplomats?|spokes(?:person|man|woman)|leaders?|minister|president|"
    r"ambassador|envoy|chancellor)$"
)
_PRONOUN = re.compile(r"(?i)^(?:he|she|they|his|her|their)\b")
_NOT_OWNERS = frozenset(
    {"i", "we", "you", "he", "she", "they", "it", "the president", "president", "the white house"}
)


def question_charges(
    text: str, turns: Sequence[Turn], host: str | None, known: Sequence[ExtractedQuote]
) -> list[ExtractedQuote]:
    """What the reporters' questions report of a third party ("Russia says the sanctions are
    illegal"): a reported statement of that party, unless the rules found it already."""
    out: list[ExtractedQuote] = []
    for turn in turns:
        if turn.kind != "question":
            continue
        body = text[turn.start : turn.end]
        found = [_charge(text, turn, match, host) for match in _CHARGE.finditer(body)]
        verbs = [c for c in found if c is not None]
        for charge in verbs + noun_charges(text, turn, host):
            if any(_usable(q) and q.start < charge.end and charge.start < q.end for q in known):
                continue  # the article rules found it with a party already
            if any(q.start < charge.end and charge.start < q.end for q in out):
                continue  # a noun in a sentence with a reporting verb: the verb's charge
            out.append(charge)
    return out


def _usable(quote: ExtractedQuote) -> bool:
    return quote.speaker is not None and quote.speaker.affiliation is not None


def _charges(quote: ExtractedQuote) -> bool:
    """A statement in a question that an answer can reply to: a party's, or the premise."""
    return _usable(quote) or _is_premise(quote)


def _charge(text: str, turn: Turn, match: re.Match[str], host: str | None) -> ExtractedQuote | None:
    group = "owner" if match.group("owner") is not None else "pronoun"
    if len(match.group("content").split()) < 3:
        return None
    if _PASSIVE.search(text[turn.start + match.end(group) : turn.start + match.end("verb")]):
        return None  # "officials who are accused of": the owner is the accused
    if group == "pronoun":
        found = _pronoun_owner(text, turn, match, host)
    else:
        found = _owner_speaker(text, match.group(group), host)
    if found is None:
        return None
    owner, speaker = found
    start = turn.start + match.start(group) + match.group(group).find(owner)
    end = _trim_end(text, start, turn.start + match.end("content"))
    lemma = _lemma(match.group("verb"))
    cue_type = lexicon.cue_verbs().get(lemma, "-")
    speaker.mention = Span(start, start + len(owner), owner)
    return ExtractedQuote(
        start=start,
        end=end,
        text=text[start:end],
        form="reported",
        speaker=speaker,
        cue=match.group("verb"),
        type=cue_type if cue_type not in ("-", "") else "statement",
        confidence=0.6,
        evidence=[f"transcript: charge in a reporter's question ({owner!r} {match.group('verb')})"],
        paragraph=_paragraph_at(text, start),
    )


def _owner_speaker(text: str, raw: str, host: str | None) -> tuple[str, ExtractedSpeaker] | None:
    """The party a question names as the owner of a charge (``raw``, "Thanks, John.  Russia"),
    trimmed ("Russia"), and the speaker it stands for: a country's government or body, an
    unnamed official of a country, or a named foreign person; None for a pronoun, the briefer's
    own side and domestic figures."""
    words = raw.strip().split()
    ends = [k for k, w in enumerate(words) if _ends_sentence(w)]
    if ends:
        words = words[ends[-1] + 1 :]  # "Thanks, John.  Russia says": the owner is Russia
    while words and (words[0] in ("Q", "A") or words[0].lower() in ("and", "but", "so", "now")):
        words = words[1:]
    owner = " ".join(words)
    if not owner:
        return None
    if owner.lower() in _NOT_OWNERS or re.split(r"[’']", words[0].lower())[0] in _NOT_OWNERS:
        return None  # "They're saying": a pronoun, not a party
    country = lexicon.countries().first(owner)
    held = re.fullmatch(rf"(?P<holder>.+?)[’']s\s+(?P<role>{_ROLE})", owner)
    if country is None and held is not None:  # "Putin's spokesman": the holder's side
        return _role_of(text, owner, held.group("holder"), held.group("role"), host)
    if country is not None:
        if country == host:
            return None  # the briefer's own side is not a charge to answer
        if _PEOPLE.search(owner):  # "a senior Israeli official who said": unnamed, a person
            name = " ".join(w for w in words if w.lower() not in ("the", "a", "an"))
            return owner, ExtractedSpeaker(name, name, country, "person", False)
        name = _body_name(owner) if _body(owner) else lexicon.countries().government(country)
        return owner, ExtractedSpeaker(name, None, country, "institution", True)
    if all(_NAME_TOKEN.fullmatch(w) for w in words) and not all(_role_word(w) for w in words):
        found = _find_name(words, [("text", text)])
        full = found.name if found else owner
        role = found.role if found else None
        if _DOMESTIC.search(f"{owner} {role or ''}"):
            return None  # "Congresswoman Jayapal's comments": a domestic figure
        affiliation = _foreign_country(text, full, role, host)
        if affiliation is None:
            return None  # the briefer's side, a domestic politician: no charge to answer
        return owner, ExtractedSpeaker(full, role, affiliation, "person", True)
    return None


def _role_of(
    text: str, owner: str, holder: str, role: str, host: str | None
) -> tuple[str, ExtractedSpeaker] | None:
    """The unnamed holder of ``role`` for the party ``holder`` names ("Putin's spokesman")."""
    found = _owner_speaker(text, holder, host)
    if found is None or found[1].affiliation is None:
        return None
    return owner, ExtractedSpeaker(owner, role, found[1].affiliation, "person", False)


def _pronoun_owner(
    text: str, turn: Turn, match: re.Match[str], host: str | None
) -> tuple[str, ExtractedSpeaker] | None:
    """The owner a pronoun stands for ("and he accused", "his spokesman said"): the last party
    the question names before it as a clause's subject or a possessor ("Venezuela's President
    Nicolás Maduro signed ..., and he accused"; "Putin's silence ... his spokesman said")."""
    pronoun = match.group("pronoun")
    before = text[turn.start : turn.start + match.start("pronoun")]
    antecedent: tuple[str, ExtractedSpeaker] | None = None
    for candidate in re.finditer(rf"(?<![\w’'])(?P<owner>{_OWNER})", before):
        raw = re.sub(r"[’']s$", "", candidate.group("owner"))
        if _subject_or_possessor(before, candidate) and _PRONOUN.match(raw) is None:
            antecedent = _owner_speaker(text, raw, host) or antecedent
    if antecedent is None:
        return None
    party = antecedent[1]
    words = pronoun.split()
    if len(words) == 1:  # "he": the party itself
        return pronoun, replace(party, mention=None)
    role = " ".join(words[1:])
    return pronoun, ExtractedSpeaker(
        f"{antecedent[0]}’s {role}", role, party.affiliation, "person", False
    )


def _subject_or_possessor(before: str, candidate: re.Match[str]) -> bool:
    """Whether a capitalised run opens a clause before a verb ("..., and he", "Maduro signed")
    or owns something ("Putin's silence")."""
    after = before[candidate.end() :]
    if candidate.group("owner").endswith(("’s", "'s")) or after.startswith(("’s", "'s")):
        return True
    lead = before[: candidate.start()].rstrip()
    opens = (
        not lead
        or lead.endswith((".", "?", "!", ",", ";", ":", "—"))
        or lead.endswith((" and", " but"))
    )
    return opens and re.match(r"\s+(?:has\s+|have\s+|had\s+)?[a-z]", after) is not None


# A charge a question describes by a noun, not a reporting verb; each pattern has the groups
# ``owner`` and ``noun``: "Beijing's accusation that", "the Russian claims that", "China was
# out with some statements", "the specific words that Vladimir Putin used", "the Israeli
# parliament passed a resolution".
_NOUN_TYPES = {
    "accusation": "accuse",
    "allegation": "accuse",
    "charge": "accuse",
    "blame": "accuse",
    "criticism": "condemn",
    "condemnation": "condemn",
    "warning": "warn",
    "threat": "threaten",
    "demand": "demand",
    "complaint": "protest",
    "protest": "protest",
    "denial": "deny",
    "rejection": "reject",
}
_NOUNS = (
    r"(?:accusations?|allegations?|charges|claims?|assertions?|statements?|remarks|comments|"
    r"words|criticisms?|condemnation|arguments?|contention|narrative|rhetoric|warnings?|"
    r"threats?|demands?|complaints?|protests?|denials?|rejection|resolution|declaration)"
)
_ADJECTIVES = r"(?:(?:latest|new|recent|repeated|public|formal|own|specific|some|these|those)\s+)?"
_NOUN_CHARGE = re.compile(
    rf"(?P<owner>{_OWNER})[’']s?\s+{_ADJECTIVES}(?P<noun>{_NOUNS})\b"  # Beijing's accusation
    rf"|\b(?P<owner2>[Tt]he\s+[A-Z][a-z]+)\s+(?P<noun2>{_NOUNS})\s+(?:that|of|about|against)\b"
    rf"|(?P<owner3>{_OWNER})\s+(?:was|were|is|are|has\s+been|have\s+been)\s+out\s+with\s+"
    rf"(?:a\s+|an\s+)?{_ADJECTIVES}(?P<noun3>{_NOUNS})\b"
    rf"|\b(?P<noun4>{_NOUNS})\s+(?:that\s+|which\s+)?(?P<owner4>{_OWNER})\s+"
    r"(?:has\s+|had\s+)?(?:used|made|issued|put\s+out|gave|delivered)\b"
    rf"|(?P<owner5>{_OWNER})\s+(?:has\s+|have\s+)?(?:passed|adopted|issued|put\s+out|released)"
    r"\s+(?:a|an|the)\s+(?:[\w\-]+\s+)?(?P<noun5>resolution|statement|declaration)\b"
)


def noun_charges(text: str, turn: Turn, host: str | None) -> list[ExtractedQuote]:
    """The charges a question turn describes by a noun ("Beijing's accusation that ..."): a
    reported statement of the party named, from the sentence that names it."""
    body = text[turn.start : turn.end]
    out: list[ExtractedQuote] = []
    for match in _NOUN_CHARGE.finditer(body):
        k = next(g for g in ("", "2", "3", "4", "5") if match.group(f"owner{g}") is not None)
        owner_group, noun = f"owner{k}", match.group(f"noun{k}")
        found = _owner_speaker(text, match.group(owner_group), host)
        if found is None:
            continue
        owner, speaker = found
        at = turn.start + match.start(owner_group) + match.group(owner_group).find(owner)
        start, end = _sentence_around(
            text, turn, turn.start + match.start(), turn.start + match.end()
        )
        speaker.mention = Span(at, at + len(owner), owner)
        singular = noun.lower().rstrip("s") if noun.lower() != "remarks" else "remark"
        out.append(
            ExtractedQuote(
                start=start,
                end=end,
                text=text[start:end],
                form="reported",
                speaker=speaker,
                cue=noun,
                type=_NOUN_TYPES.get(singular, "statement"),
                confidence=0.5,
                evidence=[f"transcript: charge in a reporter's question ({owner!r}, {noun!r})"],
                paragraph=_paragraph_at(text, start),
            )
        )
    return out


_SENTENCE_STOP = re.compile(r"[.?!](?=\s|$)")  # where a sentence of a turn ends


def _sentence_around(text: str, turn: Turn, start: int, end: int) -> tuple[int, int]:
    """The sentence of the turn holding ``text[start:end]`` (from after the last ". " or "? "
    before it to the next end of sentence)."""
    before = text[turn.start : start]
    cut = max(before.rfind(". "), before.rfind("? "), before.rfind("! "), before.rfind("\n\n"))
    first = turn.start + cut + 2 if cut >= 0 else turn.start
    after = _SENTENCE_STOP.search(text[end : turn.end])
    last = end + after.end() if after else turn.end
    while first < last and text[first] in " \t\r\n\u00a0":
        first += 1
    return first, _trim_end(text, first, last)


def _foreign_country(text: str, name: str, role: str | None, host: str | None) -> str | None:
    """The foreign country a person named in a question speaks for: the one their role names,
    else the one ``figures.tsv`` gives them ("Putin"), else one in the capitalised words right
    before a mention of them ("Brazil's President Bolsonaro"); None for the host's own people
    and domestic figures ("President Biden")."""
    countries = lexicon.countries()
    country = countries.first(role or "", exclude=host)
    if country is not None:
        return country
    known = lexicon.figure_country(name)  # "Putin", "Erdoğan": a figure the list knows
    if known is not None:
        return None if known == host else known
    surname = name.split()[-1]
    for match in re.finditer(rf"\b{re.escape(surname)}\b", text):
        before = text[max(0, match.start() - 120) : match.start()].split()
        run: list[str] = []
        while before and before[-1][:1].isupper() and not before[-1].endswith((",", ".", ":")):
            run.insert(0, before.pop())
        country = countries.first(" ".join(run), exclude=host)
        if country is not None:
            return country
    return None


def _ends_sentence(word: str) -> bool:
    """A word that closes a sentence ("John."), not an abbreviation ("U.S.", "Mr.")."""
    if not word.endswith((".", "!", "?")):
        return False
    return not re.fullmatch(r"(?:[A-Z]\.)+", word) and not _role_word(word)


def _body_name(owner: str) -> str:
    """ "the Chinese foreign ministry" -> "Chinese Foreign Ministry"."""
    words = owner.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(w[:1].upper() + w[1:] for w in words)


def _body(owner: str) -> bool:
    """Whether ``owner`` names a body of a country ("the Chinese foreign ministry")."""
    return bool(re.search(r"(?i)\b(ministry|government|officials?|embassy|spokesperson)\b", owner))


def _lemma(verb: str) -> str:
    irregular = {"said": "say", "says": "say", "saying": "say"}
    if verb in irregular:
        return irregular[verb]
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("ses", "se"),
        ("es", "e"),
        ("ed", "e"),
        ("ing", "e"),  # "arguing", "alleging"
    ):
        if verb.endswith(suffix) and verb[: -len(suffix)] + repl in lexicon.cue_verbs():
            return verb[: -len(suffix)] + repl
    for suffix in ("es", "ed", "ing", "s", "d"):
        if verb.endswith(suffix) and verb[: -len(suffix)] in lexicon.cue_verbs():
            return verb[: -len(suffix)]
    return verb


def _paragraph_at(text: str, offset: int) -> int:
    """The index of the paragraph holding ``offset`` (0 between paragraphs)."""
    starts, paras = _paragraphs(text)
    at = bisect.bisect_right(starts, offset) - 1
    return paras[at].index if at >= 0 and offset < paras[at].end else 0


@lru_cache(maxsize=2)
def _paragraphs(text: str) -> tuple[list[int], list[Paragraph]]:
    """``paragraphs(text)`` and their starts, read once per transcript however many statements
    ask (``_paragraph_at`` ran ``paragraphs`` for each)."""
    paras = paragraphs(text)
    return [para.start for para in paras], paras


def turn_at(turns: Sequence[Turn], offset: int) -> Turn | None:
    """The turn whose label or body holds ``offset`` (``turns`` in text order)."""
    return TurnIndex(turns).at(offset)


class TurnIndex:
    """Turns by offset, looked up by bisection (a transcript has thousands of turns)."""

    def __init__(self, turns: Sequence[Turn]) -> None:
        self.turns = list(turns)
        self.starts = [t.label_start for t in self.turns]

    def at(self, offset: int) -> Turn | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0:
            return None
        turn = self.turns[i]
        return turn if offset < max(turn.end, turn.start + 1) else None


def transcript_quotes(
    text: str, meta: DocumentMeta, turns: list[Turn], found: Sequence[ExtractedQuote]
) -> list[ExtractedQuote]:
    """The statements of a transcript: answer paragraphs, quotations inside answers that name
    their speaker, and the charges reporters' questions carry; sorted by offset."""
    speakers = resolve_labels(text, turns, meta)
    host = host_country(text, turns, meta)
    index = TurnIndex(turns)
    kept = [q for q in found if _keep(q, index, speakers)]
    sources = [("title", meta.title or ""), ("text", text)]
    officials = {
        lexicon.fold(r.speaker.name): r.speaker for r in speakers.values() if r.how == "full"
    }
    for quote in kept:
        _clip_to_turn(quote, index, text)
        if quote.speaker is not None:
            _as_the_labels_name(quote.speaker, officials)
        if quote.speaker is not None and _misread_president(quote.speaker, host):
            _unname(quote.speaker)
        if quote.speaker is not None and not quote.speaker.named:
            _name_role_speaker(quote.speaker, sources, host)
    statements = answer_statements(text, turns, speakers)
    statements = [s for s in statements if not _only_quotation(s, kept)]
    charges = question_charges(text, turns, host, kept)
    premises = premise_charges(text, turns, statements, kept + charges, host)
    return sorted(kept + statements + charges + premises, key=lambda q: (q.start, q.end))


# -- the reporter's own premise ----------------------------------------------------------------

# Words that report another's words: a question with one is not the reporter's own charge.
_REPORTS = re.compile(
    r"(?i)\b(?:say|says|said|saying|claim\w*|den(?:y|ies|ied|ying)|accus\w*|argu\w*|"
    r"assert\w*|insist\w*|told|tell\w*|call(?:s|ed|ing)|comments?|remarks?|statements?|"
    r"warn\w*|threat\w*|allegation\w*|reported\w*|according to)\b|[“”\"]"
)
# A question that leads to its answer: "Doesn't that send the message ...?", "..., correct?"
_LEADING = re.compile(
    r"(?i)\b(?:does|do|is|are|was|were|would|should|could|can|will|has|have)n[’']t\b|"
    r"\b(?:correct|right|isn[’']t it)\s*\?|\bwould you (?:admit|agree|concede)\b|"
    r"\bfair to say\b|\b(?:does|do|is|are) (?:he|she|it|that|this|they|you) not\b"
)
# An answer that rejects the question itself, whatever its form.
_REJECTS_PREMISE = re.compile(r"(?i)\b(?:premise|take issue with|erroneous|are you suggesting)\b")
_OPENS_WITH_NO = re.compile(r"(?i)^\W*(?:\w+\W+){0,3}?no\s*[,.!—]")


def premise_charges(
    text: str,
    turns: Sequence[Turn],
    statements: Sequence[ExtractedQuote],
    charges: Sequence[ExtractedQuote],
    host: str | None = None,
) -> list[ExtractedQuote]:
    """A question's own charge ("Doesn't that send the message to China that they can keep
    getting away with this?") when the answer rejects it: the question names no one else's
    words, and the answer takes issue with its premise, calls it untrue, or says "No" to a
    leading question. The sentence that asks must report no one's words ("Russia says ...",
    "your response to those comments?"). A question that reports only the briefing side's
    (``host``) own words ("The President said ...") carries no other party's charge: its premise
    may still be rejected. Form "question", no speaker: context for the answer to link to.
    """
    out: list[ExtractedQuote] = []
    index = TurnIndex(turns)
    charged = {
        t.label_start
        for c in charges
        if _usable(c) and not _own_side(c, host) and (t := index.at(c.start))
    }
    starts = [s.start for s in statements]  # in text order
    live = False  # a charge of an earlier question still in play (a follow-up keeps it)
    for k, turn in enumerate(turns[:-1]):
        following = turns[k + 1]
        if turn.kind != "question":
            continue
        body = text[turn.start : turn.end]
        if turn.label_start in charged:
            live = True
            continue
        live = live and len(body.split()) <= FOLLOW_UP_WORDS
        if live or following.kind != "answer":
            continue
        premise = _premise(text, turn)
        if _REPORTS.search(premise.text):
            continue  # what it asks about is someone's words, not its own charge
        first = bisect.bisect_left(starts, following.start)
        last = bisect.bisect_left(starts, following.end)
        replies = statements[first:last]
        if replies and _rejects_premise(premise.text, replies):
            premise.paragraph = _paragraph_at(text, premise.start)
            out.append(premise)
    return out


def _own_side(quote: ExtractedQuote, host: str | None) -> bool:
    """A statement of the briefing side itself (the host country's president, say)."""
    return host is not None and quote.speaker is not None and quote.speaker.affiliation == host


def _rejects_premise(question: str, replies: Sequence[ExtractedQuote]) -> bool:
    """The answer takes issue with the premise (anywhere in its first turn), or calls it untrue
    or says "No" at its start when the question leads ("..., correct?", "Doesn't that ...")."""
    if any(_REJECTS_PREMISE.search(reply.text) for reply in replies):
        return True
    first = replies[0].text
    opens = _OPENS_WITH_NO.match(first) is not None
    untrue = counter_type(_first_sentence(first)) == "deny"
    return (opens or untrue) and _LEADING.search(question) is not None


def _first_sentence(text: str) -> str:
    end = _SENTENCE_STOP.search(text)
    return text[: end.end()] if end else text


def _premise(text: str, turn: Turn) -> ExtractedQuote:
    """The question's last sentence that asks (else its last): the answer's context."""
    body = text[turn.start : turn.end]
    sentences = [m for m in re.finditer(r"[^.?!]+[.?!]*", body) if m.group().strip()]
    asking = [m for m in sentences if m.group().rstrip().endswith("?")] or sentences
    last = asking[-1]
    start = turn.start + last.start()
    while text[start] in " \t\r\n\u00a0":
        start += 1
    end = _trim_end(text, start, turn.start + last.end())
    return ExtractedQuote(
        start=start,
        end=end,
        text=text[start:end],
        form="question",
        type="statement",
        confidence=0.5,
        evidence=["transcript: the reporter's own premise, which the answer rejects"],
    )


def _is_premise(quote: ExtractedQuote) -> bool:
    return quote.form == "question"


def _clip_to_turn(quote: ExtractedQuote, index: TurnIndex, text: str) -> None:
    """A statement the article rules found from the start of a sentence that the turn's label
    opens ("Q    The President said ...") starts after the label."""
    turn = index.at(quote.start)
    if turn is not None and quote.start < turn.start < quote.end:
        quote.start = turn.start
        quote.text = text[quote.start : quote.end]


_THE_PRESIDENT = re.compile(r"(?:(?:[Aa]nd|[Bb]ut|[Ss]o|[Nn]ow|[Aa]s)\s+)?[Tt]he\s+President")


def _misread_president(speaker: ExtractedSpeaker, host: str | None) -> bool:
    """A speaker the article rules found for "the President" (capital P: in a briefing, the
    briefing side's president) by taking the last president the text named: a foreign
    leader (President Putin), a vice president, someone of another side."""
    mention = speaker.mention
    if not speaker.named or mention is None or not _THE_PRESIDENT.fullmatch(mention.text):
        return False
    role = (speaker.role or "").lower()
    side = lexicon.figure_country(speaker.name)
    return (
        "president" not in role
        or "vice" in role
        or (side is not None and side != host)
        or speaker.affiliation not in (None, host)
    )


def _unname(speaker: ExtractedSpeaker) -> None:
    """Back to the bare role the text gives ("the President"), to be named again."""
    assert speaker.mention is not None
    speaker.name, speaker.named = speaker.mention.text, False
    speaker.role, speaker.affiliation = None, None


def _name_role_speaker(
    speaker: ExtractedSpeaker, sources: list[tuple[str, str]], host: str | None
) -> None:
    """A quotation in a briefing credited to a bare role ("As the President said, '...'") is the
    briefing side's holder of that role: named where the title or text names them."""
    words = speaker.name.split()
    while words and words[0].lower() in ("as", "and", "but", "so", "the"):
        words = words[1:]
    if not words or not all(_role_word(w) for w in words):
        return
    role = " ".join(words)
    speaker.name = role
    speaker.role = speaker.role if speaker.role and not speaker.role.startswith("As ") else role
    holder = _holder_of(role, sources, host)
    if holder is not None and len(holder.name.split()) >= 2:
        speaker.name, speaker.named = holder.name, True
        speaker.role = holder.role or role
    if speaker.affiliation is None and lexicon.countries().first(speaker.role or "") is None:
        speaker.affiliation = host


def _as_the_labels_name(speaker: ExtractedSpeaker, officials: dict[str, ExtractedSpeaker]) -> None:
    """A briefing official named elsewhere in the transcript ("Admiral Kirby, ... you said")
    holds the role the labels' resolution gives (title, introduction), not one the article
    rules read into a reporter's words ("So, John, the U.S. Special Presidential Coordinator
    for ... is in Angola" taken for an apposition)."""
    official = officials.get(lexicon.fold(speaker.name))
    if official is not None and official.role:
        speaker.role = official.role
        speaker.affiliation = official.affiliation or speaker.affiliation


def _keep(quote: ExtractedQuote, index: TurnIndex, speakers: dict[str, Resolution]) -> bool:
    """A quote the article rules found stays where its speaker is named next to it, is not a
    transcript label, a reporter or the briefer's own "I"/"we", and it is not in a moderator's
    turn."""
    turn = index.at(quote.start)
    speaker = quote.speaker
    if speaker is None or speaker.mention is None:
        return False
    if turn is not None and turn.kind == "moderator":
        return False
    mention = speaker.mention
    bare = re.sub(r"^(?:and|but|so|now)\s+", "", mention.text.lower())  # "And he"
    if bare in _NOT_OWNERS - {"the president", "president", "the white house"}:
        return False
    labelled = index.at(mention.start)
    if labelled is not None and labelled.label_start <= mention.start < labelled.label_end:
        return False  # a label taken for a speaker
    if label_key(speaker.name) in speakers or speaker.name.split()[:1] in (["Q"], ["A"]):
        return False  # a label taken for a speaker ("Q    But")
    if turn is not None and not (turn.start <= mention.start < turn.end):
        return False  # named in another turn: a guess across speakers
    return _same_paragraph(quote, mention)


def _same_paragraph(quote: ExtractedQuote, mention: Span) -> bool:
    return abs(mention.start - quote.start) < 600


def _only_quotation(statement: ExtractedQuote, kept: Sequence[ExtractedQuote]) -> bool:
    """An answer paragraph that is no more than a quotation of someone else and its attribution
    ("As the President said, '...'") is that person's quote, not the briefer's statement."""
    inside = [q for q in kept if statement.start <= q.start and q.end <= statement.end]
    if not inside:
        return False
    rest = statement.text
    for q in sorted(inside, key=lambda q: -q.start):
        rest = rest[: q.start - statement.start] + rest[q.end - statement.start :]
    return len(rest.split()) < 8


# -- exchanges ---------------------------------------------------------------------------------


FOLLOW_UP_WORDS = 30  # a shorter question without a charge of its own follows up the last one
_ASKS_RESPONSE = re.compile(
    r"(?i)\b(?:your|any|a|the (?:white house|administration|president)[’']s|"
    r"president [a-z][\w\-]+[’']s)\s+"
    r"(?:response|reaction|comment|reply)\b|\bhow do you (?:respond|react)\b"
    r"|\bwhat do you (?:say|make of)\b"
    r"|\b(?:respond|react) to (?:that|this|those|these|it)\b"
    r"|\bwhat (?:would you|you would) say\b|\bin response to (?:that|this|those|these|it)\b"
)
# An answer that counters what it answers: a denial ("flatly untrue", "anything but a closed
# club") or a dismissal ("farcical", "absurdity"), or a correction ("would actually strengthen
# Hamas's hands, not Israel's").
_COUNTER_DENIES = re.compile(
    r"(?i)\b(?:untrue|not true|false|anything but|not the case|no truth|erroneous|"
    r"nothing to do with)\b"
)
_COUNTER_REJECTS = re.compile(
    r"(?i)\b(?:farc(?:e|ical)|absurd(?:ity)?|ridiculous|nonsense|baseless|groundless|"
    r"fly in the face|on the contrary|quite the opposite|take issue with|"
    r"(?:do not|don[’']t) associate ourselves with)\b|\bactually\b[^.?!]*,\s*not\b"
)
# An answer paragraph that says which part of a question it takes up: "On the first one",
# "To your second question", "On Zelenskyy", "As for the report".
_PART_OPENER = re.compile(
    r"(?i)^\W*(?:(?:and|but|so|now|then|well|look)\W+){0,3}"
    r"(?:on|to|as\s+for|with\s+respect\s+to|in\s+terms\s+of|regarding)\s+"
    r"(?P<what>[^,.:;—?!]{2,60})"
)


_AGREES = frozenset({"agree", "concede", "acknowledge", "support"})  # no reply to a charge


@dataclass(slots=True)
class _Question:
    """The charge an answer turn may reply to, and the question that carries it."""

    charge: int  # index of the charge in the quotes
    parts: list[str]  # the question's paragraphs, each a part it asks
    charge_part: int  # the part holding the charge
    asked: bool  # the question asks for a response ("Your response?", "Any comment?")


def link_answers(quotes: list[ExtractedQuote], turns: Sequence[Turn], text: str = "") -> None:
    """An answer statement that replies to the charge of the question before it (the nearest
    question turn with a charge of another party; a short follow-up question keeps the charge
    of the one before) answers it, over any other link: a denial, a rejection or a statement
    that counters it (``counter_type``); a counter-accusation aimed at the charge's owner; the
    reply that opens the answer, or takes up the charge's part of the question, when the
    question asks for a response, and a refusal to comment there. A paragraph that takes up
    another part of the question ("On the first one, ...") does not answer it."""
    index = TurnIndex(turns)
    by_turn: dict[int, list[int]] = {}  # turn label_start -> its quotes
    for i, quote in enumerate(quotes):
        turn = index.at(quote.start)
        if turn is not None:
            by_turn.setdefault(turn.label_start, []).append(i)
    question: _Question | None = None
    opening = True  # the next answer turn is the first reply to the question
    for turn in turns:
        mine = by_turn.get(turn.label_start, [])
        if turn.kind == "question":
            charges = [i for i in mine if quotes[i].form != "transcript" and _charges(quotes[i])]
            body = text[turn.start : turn.end]
            if charges:
                question = _question(text, turn, charges[-1], quotes[charges[-1]])
            elif len(body.split()) > FOLLOW_UP_WORDS:
                question = None
            elif question is not None:  # a follow-up: asks for a response only if it says so
                question = replace(question, asked=_ASKS_RESPONSE.search(body) is not None)
            opening = True
            continue
        if turn.kind != "answer" or question is None:
            continue
        _link_turn(quotes, [i for i in mine if quotes[i].form == "transcript"], question, opening)
        opening = False  # only the first answer turn replies to the request


def _question(text: str, turn: Turn, charge: int, quote: ExtractedQuote) -> _Question:
    """The question turn that carries ``quote`` (the charge, at index ``charge``)."""
    body = text[turn.start : turn.end]
    spans, at = [], turn.start  # the paragraphs: blank lines (a question's lines are wrapped)
    for gap in [*_BLANK_LINE.finditer(body), None]:
        end = turn.start + gap.start() if gap is not None else turn.end
        spans.append((at, end))
        at = turn.start + gap.end() if gap is not None else at
    part = next((k for k, (a, b) in enumerate(spans) if a <= quote.start < b), 0)
    parts = [text[a:b] for a, b in spans]
    return _Question(charge, parts, part, _ASKS_RESPONSE.search(body) is not None)


def _link_turn(
    quotes: list[ExtractedQuote], mine: list[int], question: _Question, opening: bool
) -> None:
    """Link the statements of one answer turn (``mine``, in order) that answer the charge."""
    charge = quotes[question.charge]
    part: int | None = None
    for n, i in enumerate(mine):
        quote = quotes[i]
        named = part_named(quote.text, question.parts)
        part = named if named is not None else part
        if len(question.parts) > 1 and part is not None and part != question.charge_part:
            continue  # "On the first one, ...": another part of the question
        first = (opening and n == 0) or (named is not None and named == question.charge_part)
        if not _foreign(charge, quote):
            continue
        if _is_premise(charge):
            countered = _counters_premise(quote.text, opening and n == 0)
            answered = countered is not None
        else:
            countered = counter_type(quote.text) or _negates(quote, charge)
            asked = first and question.asked
            if quote.type == "decline_comment" and not asked:
                continue  # a refusal further on, or to a question that asks no response
            reply = asked and quote.type not in _AGREES
            answered = reply or countered is not None or _answers(quote, charge)
        if answered:
            if countered and _retypable(quote.type):
                quote.evidence.append(f"type: {quote.type} -> {countered} (counters the charge)")
                quote.type = countered
            _link(quote, question.charge, charge)


def _retypable(kind: str) -> bool:
    """A type that a counter to the charge overrides: not an answer, a refusal or hostile."""
    return kind not in ANSWERS and kind != "decline_comment" and STANCE.get(kind) != "hostile"


NEGATED_WORDS = 2  # words a negating answer shares with the charge ("secret military base")
_NEGATION = re.compile(r"(?i)\b(?:no|not|never|nothing|none|nobody)\b|n[’']t\b")


def _negates(answer: ExtractedQuote, charge: ExtractedQuote) -> str | None:
    """ "deny" when the answer's first sentence negates what the charge says, in its own words:
    "There are no plans for a secret military base" to a charge of "building secret military
    bases" (the parties' own names do not count as shared words)."""
    sentence = _first_sentence(answer.text)
    if _NEGATION.search(sentence) is None:
        return None
    names = " ".join(
        x
        for who in (charge.speaker, answer.speaker)
        if who is not None
        for x in (who.name, who.affiliation, who.mention.text if who.mention else None)
        if x
    )
    said = lexicon.content_words(charge.text) - lexicon.content_words(names)
    shared = said & lexicon.content_words(sentence)
    return "deny" if len(shared) >= NEGATED_WORDS else None


def _counters_premise(text: str, opens_answer: bool) -> str | None:
    """ "deny" when an answer paragraph rejects the question's own premise: takes issue with
    it, calls it untrue, or (opening the answer to a leading question) says "No"."""
    if _REJECTS_PREMISE.search(text) or counter_type(_first_sentence(text)) == "deny":
        return "deny"
    return "deny" if opens_answer and _OPENS_WITH_NO.match(text) else None


def part_named(answer: str, parts: Sequence[str]) -> int | None:
    """Which part of a question (its paragraphs) an answer paragraph says it takes up: "On the
    first one" the first, "On the second question" the one that says "second" (or
    "separately"), else the second; "On the last" the last; "On Zelenskyy" the only part that
    names Zelenskyy. None when it says nothing of it, or the question has one part."""
    match = _PART_OPENER.match(answer)
    if match is None or len(parts) < 2:
        return None
    what = match.group("what").lower()
    if re.search(r"\bfirst\b", what):
        return 0
    if re.search(r"\b(?:last|latter|final)\b", what):
        return len(parts) - 1
    if re.search(r"\bsecond\b", what):
        marked = [
            k for k, p in enumerate(parts) if re.search(r"(?i)\bsecond(?:ly)?\b|\bseparately\b", p)
        ]
        return marked[0] if marked and marked[0] > 0 else 1
    words = lexicon.content_words(match.group("what")) - {"question", "one", "point"}
    holding = [k for k, p in enumerate(parts) if words and words & lexicon.content_words(p)]
    return holding[0] if len(holding) == 1 else None


def counter_type(text: str) -> str | None:
    """ "deny" or "reject" when ``text`` counters what it answers ("flatly untrue", "complete
    farce"); None otherwise."""
    if _COUNTER_DENIES.search(text):
        return "deny"
    if _COUNTER_REJECTS.search(text):
        return "reject"
    return None


def _foreign(charge: ExtractedQuote, answer: ExtractedQuote) -> bool:
    """A charge from another side than the answer's: a country or body of its own (a quote of a
    congressman or of the briefer in a question is no charge to answer)."""
    owner, me = charge.speaker, answer.speaker
    if _is_premise(charge):
        return True  # the reporter's own: no side, but no one else's either
    if owner is None or owner.affiliation is None:
        return False
    return me is None or owner.affiliation != me.affiliation


def _answers(quote: ExtractedQuote, charge: ExtractedQuote) -> bool:
    """A denial, a rejection or a refusal to comment; or a counter-accusation aimed at the
    charge's owner."""
    if quote.type in ANSWERS or quote.type == "decline_comment":
        return not _unsure(quote)
    owner = charge.speaker
    if quote.type not in ("accuse", "condemn") or owner is None or not _aimed_at(charge, quote):
        return False
    return quote.target is not None and quote.target in (owner.affiliation, owner.name)


_US = re.compile(  # the answerer's side as a question's charge names it
    r"(?i)\b(?:you|your|we|us|our|the west|western|washington|the administration|"
    r"the white house|the president|americans?)\b"
)


def _unsure(quote: ExtractedQuote) -> bool:
    """A type the model gave with low confidence ("reject p=0.32"): too weak to make a link."""
    sure = quote.type_confidence
    return sure is not None and sure < LOW_CONFIDENCE


def _aimed_at(charge: ExtractedQuote, answer: ExtractedQuote) -> bool:
    """Whether the charge is against the answerer's side: it names that side ("accuses the
    United States", "attempts by the West", "your sanctions"), not only others (a threat to
    ships, words about a third state)."""
    side = answer.speaker.affiliation if answer.speaker is not None else None
    if _US.search(charge.text):
        return True
    return side is not None and side in {c for _, _, c in lexicon.countries().find(charge.text)}


def _link(quote: ExtractedQuote, index: int, charge: ExtractedQuote) -> None:
    quote.responds_to = index
    if _is_premise(charge):  # a reporter is no party: the premise is context, not a target
        quote.evidence.append(f"transcript: answers the question's premise: {charge.text}")
        return
    owner = charge.speaker
    if owner is not None:
        quote.target = owner.affiliation or owner.name
    quote.evidence.append(f"transcript: answers the charge in the question (quote {index})")


_REFERS_BACK = re.compile(r"(?i)\b(?:that|this|it|those|these|them|though)\b")
MAX_THREAD = 3  # questions shown for one answer: a follow-up and the ones it refers back to


def questions_before(text: str, offset: int) -> list[str]:
    """The reporter's questions the answer at ``offset`` replies to, earliest first: the
    nearest question turn before its answer turn and, while that one is a short follow-up that
    points back ("And your response to that?"), the question it follows up; [] outside a
    transcript or where a moderator's turn comes first."""
    turns = find_turns(text)
    if len(turns) < MIN_TURNS:
        return []
    here = turn_at(turns, offset)
    if here is None or here.kind != "answer":
        return []
    thread: list[str] = []
    for turn in reversed(turns):
        if turn.label_start >= here.label_start or turn.kind == "answer":
            continue
        if turn.kind == "moderator":
            break
        thread.insert(0, text[turn.start : turn.end])
        if len(thread) == MAX_THREAD or not _follows_up(thread[0]):
            break
    return thread


POINTER_WORDS = 12  # a question this short that says "that" is about the one before


def _follows_up(question: str) -> bool:
    """A short question that points back to the one before ("And your response to that?",
    "Is it an escalation, though?"), not one that asks about something of its own."""
    return len(question.split()) <= POINTER_WORDS and _REFERS_BACK.search(question) is not None
