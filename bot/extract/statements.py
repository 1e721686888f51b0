"""Statements: who said what, sentence by sentence, in reading order.

Direct quotes are found first (a sentence whose words are all inside quotation marks, with
the speaker in the frame before or after), then paraphrases (reporting verb, "according to",
participial "saying …") in the remaining sentences. A quote with no frame continues the
previous speaker, as news style does for a follow-on quote paragraph.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.core.text import has_words, without_invisible
from bot.extract import frames
from bot.extract.cues import ADDING_PARTICIPLES, has_cue
from bot.extract.direct import direct_statements, embedded_partials
from bot.extract.fallback import (
    colon_intro,
    repeated_quotes,
    sign_offs,
    uncovered_quotes,
    unknown_statement,
)
from bot.extract.indirect import indirect_statements, labelled_line
from bot.extract.paragraphs import Paragraph, Sentence, split_paragraphs, split_sentences
from bot.extract.quotes import find_quotes, single_style
from bot.extract.records import ExtractedStatement, ReadingState, tidy_quote
from bot.extract.speakers import People, scan_people

log = logging.getLogger(__name__)


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
    text = without_invisible(text)
    if not text or not text.strip():
        return Analysis([], [], [], People())
    paragraphs = split_paragraphs(text)
    state = ReadingState(People(text=text))
    state.paragraph_starts = [p.start for p in paragraphs]
    state.first_paragraph = paragraphs[0].index if paragraphs else 0
    state.single = ("‘" in text or "'" in text) and single_style(text)
    for para in paragraphs:
        scan_people(para.text, state.people, para.start)
    out: list[ExtractedStatement] = []
    sentences: list[Sentence] = []
    for para in paragraphs:
        waiting = list(state.pending)
        state.pending.clear()
        if not all_sentences and not _may_attribute(para.text):
            out.extend(unknown_statement(words, s) for s, words in waiting)
            continue
        found, para_sentences = _paragraph_statements(para, state)
        resolved = _resolve_pending(waiting, found, state)
        if waiting and not resolved:  # the next paragraph named nobody: still a quote
            resolved = [unknown_statement(words, s) for s, words in waiting]
        out.extend(resolved)
        out.extend(_merge_runs(found))
        sentences.extend(para_sentences)
    out.extend(unknown_statement(words, s) for s, words in state.pending)
    out = repeated_quotes(sign_offs(out, paragraphs, state))
    out = [st for st in out if has_words(st.text)]  # a stray '“’' opens no statement
    return Analysis(paragraphs, sentences, out, state.people)


def _may_attribute(text: str) -> bool:
    """Cheap C-level tests: quotation marks, a colon, 'according', or any cue word."""
    if (
        '"' in text
        or "“" in text
        or "”" in text
        or "''" in text
        or "‘" in text
        or "«" in text
        or ": " in text
        or text.endswith(":")
    ):
        return True
    return "ccording" in text or has_cue(text)


def _resolve_pending(
    waiting: list[tuple[Sentence, str]], found: list[ExtractedStatement], state: ReadingState
) -> list[ExtractedStatement]:
    """Give quotes left open in the previous paragraph the speaker named in this one."""
    if not waiting:
        return []
    first = found[0] if found else None
    if first is None or first.kind != "direct" or first.paragraph != waiting[-1][0].paragraph + 1:
        return []
    return [
        ExtractedStatement(
            first.speaker,
            tidy_quote(words),
            "direct",
            first.cue,
            s.paragraph,
            s.start,
            s.end,
            first.ref,
            None,
            "carried" if first.confidence == "named" else first.confidence,
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
        # '"A," she said, adding that C. "B."': the run of her quotes goes on past what the
        # participle added, which stays a statement of its own after the quotes
        added = len(out) > 1 and out[-1].kind == "indirect" and _added_to(out[-1], out[-2])
        at = len(out) - 2 if added else len(out) - 1
        prev = out[at] if at >= 0 else None
        if (
            prev
            and prev.kind == st.kind == "direct"
            and prev.speaker == st.speaker
            and (st.cue == prev.cue or st.confidence == "carried")
        ):
            out[at] = ExtractedStatement(
                prev.speaker, f"{prev.text.rstrip(',')} … {st.text}", "direct", prev.cue,
                prev.paragraph, prev.start, st.end, prev.ref, prev.when or st.when, prev.confidence,
            )  # fmt: skip
            continue
        out.append(st)
    return out


def _added_to(st: ExtractedStatement, quote: ExtractedStatement) -> bool:
    """Whether ``st`` is what a participle after ``quote``'s frame added ('…," X said,
    adding that …'): the same speaker and sentence, reported with the participle."""
    return (
        st.kind == "indirect"
        and quote.kind == "direct"
        and st.speaker == quote.speaker
        and st.start == quote.start
        and st.cue in ADDING_PARTICIPLES
    )


def _paragraph_statements(
    para: Paragraph, state: ReadingState
) -> tuple[list[ExtractedStatement], list[Sentence]]:
    quotes = find_quotes(para.text, single=state.single and para.index > 0)
    found: list[ExtractedStatement] = []
    sentences = split_sentences(para, quotes)
    labelled = labelled_line(para, sentences, state)
    if labelled is not None:
        state.last = labelled
        return [labelled], sentences
    if state.announced and state.announced[3] < para.index - 1:
        state.announced = None
    state.previous = None
    for sentence in sentences:
        made = direct_statements(sentence, quotes, para, state) if quotes else []
        if not made:
            made = indirect_statements(sentence, state)
        state.previous = None if made else sentence
        for st in made:
            found.append(st)
            if st.ref is not None and st.ref.kind not in ("pronoun", "unknown"):
                state.last = st
    extra = uncovered_quotes(para, quotes, sentences, found, state)
    if extra:
        found = sorted(found + extra, key=lambda st: st.start)
        known = [
            st for st in extra if st.ref is not None and st.ref.kind not in ("pronoun", "unknown")
        ]
        if known and (state.last is None or known[-1].start >= state.last.start):
            state.last = known[-1]
    _announce(para, sentences, found, state)
    return embedded_partials(found, para, quotes), sentences


#: Who may announce the next paragraph's quote with a paraphrase ending in a colon ('X said
#: that, given the field:', 'The committee said about its plan:'): any named source.
_ANNOUNCERS = frozenset({"person", "organisation", "anonymous", "document"})


def _announce(
    para: Paragraph, sentences: list[Sentence], found: list[ExtractedStatement], state: ReadingState
) -> None:
    """Remember 'Breitbart News responded:' at a paragraph's end for the quote that follows."""
    last = sentences[-1] if sentences else None
    if last is None or not last.text.endswith(":"):
        return
    if found and found[-1].start >= last.start:
        said = found[-1]  # 'X said that, given the field:' and the quote in the next paragraph
        if said.kind == "indirect" and said.ref is not None and said.ref.kind in _ANNOUNCERS:
            state.announced = (said.speaker, said.start, said.cue or ":", para.index)
        return
    frame = frames.head_frame(last.text)
    if frame:
        state.announced = (frame.speaker, last.start + frame.speaker_offset, frame.cue, para.index)
        return
    intro = colon_intro(last.text)  # 'Trump issued the following statement:'
    if intro:
        state.announced = (intro[0], last.start + intro[1], ":", para.index)
        return
