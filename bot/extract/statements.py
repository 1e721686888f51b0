"""Statements: who said what, sentence by sentence, in reading order.

Direct quotes are found first (a sentence whose words are all inside quotation marks, with
the speaker in the frame before or after), then paraphrases (reporting verb, "according to",
participial "saying …") in the remaining sentences. A quote with no frame continues the
previous speaker, as news style does for a follow-on quote paragraph.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from bot.extract import frames
from bot.extract.cues import has_cue, when_of
from bot.extract.paragraphs import Paragraph, Sentence, split_paragraphs, split_sentences
from bot.extract.quotes import QuoteSpan, find_quotes, normalise_marks, strip_marks
from bot.extract.speakers import PERSON_PRONOUNS, People, SpeakerRef, classify, scan_people

log = logging.getLogger(__name__)

_HAS_MARK = re.compile(r"''|``|[\"“”«»„]")


@dataclass(frozen=True, slots=True)
class ExtractedStatement:
    """One statement: ``speaker`` is the display name with pronouns resolved."""

    speaker: str
    text: str
    kind: str  # "direct" | "partial" | "indirect"
    cue: str | None
    paragraph: int
    start: int
    end: int
    ref: SpeakerRef | None = None
    when: str | None = None


@dataclass
class _State:
    """What the extractor remembers while reading: people and the last speaker."""

    people: People
    last: ExtractedStatement | None = None
    announced: tuple[str, int, str, int] | None = None  # 'X responded:' ending a paragraph
    pending: list[tuple[Sentence, str]] = field(default_factory=list)


def _display(ref: SpeakerRef, pos: int, state: _State) -> tuple[str, SpeakerRef]:
    """The name a reader would use; pronouns and surnames resolved to the full name."""
    if ref.kind == "person":
        full = state.people.add(ref.name, pos, ref.role, record=False)
        role = ref.role or state.people.roles.get(full)
        return full, SpeakerRef("person", full, role, 1, ref.phrase)
    if ref.kind == "pronoun" and ref.name in PERSON_PRONOUNS:
        candidate = state.people.last_before(pos)
        if candidate is None and state.last and state.last.ref and state.last.ref.kind == "person":
            candidate = state.last.speaker
        if candidate:
            return candidate, SpeakerRef(
                "person", candidate, state.people.roles.get(candidate), 1, ref.phrase
            )
    return ref.name, ref


def _make(
    state: _State, phrase: str, pos: int, text: str, kind: str, cue: str | None,
    sentence: Sentence, when: str | None = None,
) -> ExtractedStatement | None:  # fmt: skip
    ref = classify(phrase)
    if ref is None or not text.strip():
        return None
    if cue:
        cue = " ".join(cue.split()).strip(" .,;") or cue
        if cue.startswith("According"):
            cue = "a" + cue[1:]
    name, ref = _display(ref, pos, state)
    return ExtractedStatement(
        name, text.strip(), kind, cue, sentence.paragraph, sentence.start, sentence.end, ref, when
    )


def _direct(
    sentence: Sentence, quotes: list[QuoteSpan], para: Paragraph, state: _State
) -> list[ExtractedStatement]:
    """Sentences made of quoted words plus an attribution frame before, between or after."""
    rel = sentence.start - para.start
    local = [q for q in quotes if rel <= q.start < rel + len(sentence.text) + 1]
    if not local:
        return []
    text = sentence.text
    spans = [(q.start - rel, min(q.end - rel, len(text))) for q in local]
    head = text[: spans[0][0]]
    tail = text[spans[-1][1] :]
    middles = [text[a[1] : b[0]] for a, b in zip(spans, spans[1:], strict=False)]
    if not head.strip(" —–-"):
        return _quote_first(sentence, local, spans, middles, tail, para, state)
    if len(tail.split()) > 2 and not frames.tail_frame(tail):
        return []
    frame = frames.head_frame(head)
    used = local
    if frame is None and len(local) > 1 and len(tail.split()) <= 2:
        frame = frames.head_frame(text[: spans[-1][0]])  # 'Remarking on "x," Starr said, "…"'
        used = local[-1:]
    if frame is None:
        frame = frames.tail_frame(tail)
        if frame is None or len(head.split()) > 40:
            return []
        # 'The media are "framing this campaign," Gilmore said.': a partial quote.
        paraphrased = normalise_marks(text[: spans[-1][1]].strip(" ,"))
        return _emit(state, sentence, frame, spans[-1][1], paraphrased, head, "partial")
    return _emit(state, sentence, frame, 0, _words(para, used), head)


def _words(para: Paragraph, quotes: list[QuoteSpan]) -> str:
    """The quoted words of several quotes, joined with an ellipsis."""
    joined = " … ".join(strip_marks(para.text[q.inner_start : q.inner_end]) for q in quotes)
    return normalise_marks(joined)


def _emit(
    state: _State,
    sentence: Sentence,
    frame: frames.Frame,
    frame_at: int,
    words: str,
    head: str,
    kind: str = "direct",
) -> list[ExtractedStatement]:
    text = sentence.text
    when = when_of(text[frame_at : frame_at + 200] if frame_at else head)
    made = _make(state, frame.speaker, sentence.start + frame_at + frame.speaker_offset, words,
                 kind, frame.cue, sentence, when)  # fmt: skip
    return [made] if made else []


def _quote_first(
    sentence: Sentence,
    local: list[QuoteSpan],
    spans: list[tuple[int, int]],
    middles: list[str],
    tail: str,
    para: Paragraph,
    state: _State,
) -> list[ExtractedStatement]:
    """'"…," X said (, adding "…").' / '"…," said X.' / a bare quote that continues."""
    for i, middle in enumerate(middles):
        frame = frames.tail_frame(middle)
        if frame:
            short = len(middle.split()) <= 14 and all(len(m.split()) <= 3 for m in middles[i + 1 :])
            used = local if short else local[: i + 1]
            return _emit(state, sentence, frame, spans[i][1], _words(para, used), "")
        if len(middle.split()) > 14:
            return []
    frame = frames.tail_frame(tail)
    if frame:
        return _emit(state, sentence, frame, spans[-1][1], _words(para, local), "")
    if len(tail.split()) <= 1 and not middles_have_words(middles):
        return _continuation(sentence, _words(para, local), state, open_end=not local[-1].closed)
    return []


def middles_have_words(middles: list[str]) -> bool:
    return any(len(m.split()) > 1 for m in middles)


def _continuation(
    sentence: Sentence, words: str, state: _State, *, open_end: bool = False
) -> list[ExtractedStatement]:
    """A bare quote continues the previous speaker when that speaker was just quoted.

    A quote left open at the end of its paragraph with no speaker yet waits for the next
    paragraph, where news style names the speaker ('"… / "…," she said.').
    """
    announced = state.announced
    if announced and sentence.paragraph == announced[3] + 1:
        made = _make(state, announced[0], announced[1], words, "direct", announced[2], sentence)
        if made:
            return [made]
    last = state.last
    recent = last is not None and last.ref is not None and sentence.paragraph - last.paragraph <= 1
    if (
        last is None
        or last.ref is None
        or not recent
        or (last.kind == "indirect" and sentence.paragraph != last.paragraph)
    ):
        if open_end:
            state.pending.append((sentence, words))
        return []
    return [
        ExtractedStatement(
            last.speaker,
            words,
            "direct",
            last.cue,
            sentence.paragraph,
            sentence.start,
            sentence.end,
            last.ref,
            None,
        )  # fmt: skip
    ]


def _indirect(sentence: Sentence, state: _State) -> list[ExtractedStatement]:
    """Paraphrase: reporting verb, 'according to', or a participial 'saying …'."""
    text = sentence.text
    if "ccording to" not in text and not has_cue(text):
        return []  # no cue word at all: nothing to attribute
    found = frames.paraphrase(text)
    out: list[ExtractedStatement] = []
    if found:
        content = found.content(text)
        made = _statement_for(state, found.speaker, sentence.start + found.speaker_offset,
                              content, found.cue, sentence)  # fmt: skip
        if made:
            out.append(made)
            extra = frames.participle(content)
            if extra and made.ref is not None:
                cue, a, b = extra
                more = _statement_for(state, found.speaker, sentence.start + found.speaker_offset,
                                      content[a:b], cue, sentence)  # fmt: skip
                if more and len(more.text.split()) >= 3:
                    out[0] = _replace_text(made, content[: content.find(", " + cue)] or content)
                    out.append(more)
        return out
    extra = frames.participle(text)
    if extra:
        subject = frames.sentence_subject(text)
        cue, a, b = extra
        if subject and len(text[a:b].split()) >= 3:
            made = _statement_for(
                state, subject[0], sentence.start + subject[1], text[a:b], cue, sentence
            )
            if made:
                out.append(made)
    return out


def _replace_text(st: ExtractedStatement, text: str) -> ExtractedStatement:
    return ExtractedStatement(st.speaker, text.strip(" ,"), st.kind, st.cue, st.paragraph,
                              st.start, st.end, st.ref, st.when)  # fmt: skip


def _statement_for(
    state: _State, phrase: str, pos: int, content: str, cue: str, sentence: Sentence
) -> ExtractedStatement | None:
    content = content.strip(" ,;:")
    if len(content.split()) < 2:
        return None
    quoted = find_quotes(content) if _HAS_MARK.search(content) else []
    kind = "partial" if quoted else "indirect"
    if (
        quoted
        and len(quoted) == 1
        and not content[: quoted[0].start].strip()
        and not content[quoted[0].end :].strip(" .,")
    ):
        kind = "direct"
        content = strip_marks(content)
    return _make(
        state, phrase, pos, normalise_marks(content), kind, cue, sentence, when_of(sentence.text)
    )


@dataclass
class Analysis:
    """The article split up, plus its statements and the people met while reading."""

    paragraphs: list[Paragraph]
    sentences: list[Sentence]
    statements: list[ExtractedStatement]
    people: People


def analyse(text: str, *, all_sentences: bool = True) -> Analysis:
    """Split the article and extract every statement, in reading order.

    With ``all_sentences`` false (the fast path), paragraphs with neither quotation marks nor
    any cue word are not split into sentences at all: they cannot hold a statement.
    """
    if not text or not text.strip():
        return Analysis([], [], [], People())
    paragraphs = split_paragraphs(text)
    state = _State(People(text=text))
    for para in paragraphs:
        scan_people(para.text, state.people, para.start)
    out: list[ExtractedStatement] = []
    sentences: list[Sentence] = []
    for para in paragraphs:
        waiting = list(state.pending)
        state.pending.clear()
        if not all_sentences and not _may_attribute(para.text):
            continue
        found, para_sentences = _paragraph_statements(para, state)
        out.extend(_resolve_pending(waiting, found, state))
        out.extend(_merge_runs(found))
        sentences.extend(para_sentences)
    return Analysis(paragraphs, sentences, out, state.people)


def _may_attribute(text: str) -> bool:
    """Cheap C-level tests: quotation marks, a colon, 'according', or any cue word."""
    if (
        '"' in text
        or "“" in text
        or "”" in text
        or "''" in text
        or "«" in text
        or ": " in text
        or text.endswith(":")
    ):
        return True
    return "ccording" in text or has_cue(text)


def _resolve_pending(
    waiting: list[tuple[Sentence, str]], found: list[ExtractedStatement], state: _State
) -> list[ExtractedStatement]:
    """Give quotes left open in the previous paragraph the speaker named in this one."""
    if not waiting:
        return []
    first = found[0] if found else None
    if first is None or first.kind != "direct" or first.paragraph != waiting[-1][0].paragraph + 1:
        return []
    return [
        ExtractedStatement(
            first.speaker, words, "direct", first.cue, s.paragraph, s.start, s.end, first.ref, None
        )  # fmt: skip
        for s, words in waiting
    ]


def extract_statements(text: str) -> list[ExtractedStatement]:
    """Every statement in the article text, in reading order."""
    return analyse(text, all_sentences=False).statements


def _merge_runs(found: list[ExtractedStatement]) -> list[ExtractedStatement]:
    """Consecutive direct quotes of one speaker in one paragraph are one statement.

    '"A," she said. "B."' is one attribution in news style; keeping it whole keeps the short
    first fragment from standing alone.
    """
    out: list[ExtractedStatement] = []
    for st in found:
        prev = out[-1] if out else None
        if prev and prev.kind == st.kind == "direct" and prev.speaker == st.speaker:
            out[-1] = ExtractedStatement(
                prev.speaker, f"{prev.text.rstrip(',')} … {st.text}", "direct", prev.cue,
                prev.paragraph, prev.start, st.end, prev.ref, prev.when or st.when,
            )  # fmt: skip
            continue
        out.append(st)
    return out


_LABEL = re.compile(
    r"^(?P<spk>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s*:\s+(?P<words>\S.{8,})$", re.DOTALL
)
_NOT_LABELS = frozenset(
    """note update updated editor correction photo photos source sources related read watch
    full text abstract partial transcript video image credit warning here q a contributing
    byline reporting editing latest reminder""".split()  # noqa: SIM905
)


def _labelled_line(
    para: Paragraph, sentences: list[Sentence], state: _State
) -> ExtractedStatement | None:
    """'TRUMP: We will win.' / 'Insiders: Trump will rebound' — a line given to a named speaker."""
    match = _LABEL.match(para.text) if ":" in para.text[:48] else None
    if not match or not sentences:
        return None
    spk = match.group("spk")
    if (
        not set(spk.lower().split()).isdisjoint(_NOT_LABELS)
        or spk.split()[-1].lower().rstrip(".") in _NOT_LABELS
    ):
        return None
    words = match.group("words").strip()
    quoted = find_quotes(words)
    kind = "partial" if quoted else "indirect"
    if len(quoted) == 1 and quoted[0].start == 0 and not words[quoted[0].end :].strip(" .,"):
        kind, words = "direct", strip_marks(words)
    name = spk.title() if spk.isupper() else spk
    start = para.start + match.start("spk")
    return _make(state, name, start, normalise_marks(words), kind, ":", sentences[0])


def _paragraph_statements(
    para: Paragraph, state: _State
) -> tuple[list[ExtractedStatement], list[Sentence]]:
    quotes = find_quotes(para.text)
    found: list[ExtractedStatement] = []
    sentences = split_sentences(para, quotes)
    labelled = _labelled_line(para, sentences, state)
    if labelled is not None:
        state.last = labelled
        return [labelled], sentences
    if state.announced and state.announced[3] < para.index - 1:
        state.announced = None
    for sentence in sentences:
        made = _direct(sentence, quotes, para, state) if quotes else []
        if not made:
            made = _indirect(sentence, state)
        for st in made:
            found.append(st)
            if st.ref is not None and st.ref.kind != "pronoun":
                state.last = st
    _announce(para, sentences, found, state)
    return found, sentences


def _announce(
    para: Paragraph, sentences: list[Sentence], found: list[ExtractedStatement], state: _State
) -> None:
    """Remember 'Breitbart News responded:' at a paragraph's end for the quote that follows."""
    last = sentences[-1] if sentences else None
    if last is None or not last.text.endswith(":") or (found and found[-1].start >= last.start):
        return
    frame = frames.head_frame(last.text)
    if frame:
        state.announced = (frame.speaker, last.start + frame.speaker_offset, frame.cue, para.index)
