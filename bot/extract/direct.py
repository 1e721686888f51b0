"""Direct quotes: sentences made of quoted words plus an attribution frame.

The frame may stand before ('X said: "…"'), between ('"…," X said, "…"') or after the quote
('"…," said X.'); a bare quote continues the previous speaker, and a quote left open at the
end of a paragraph waits for the speaker named in the next one.
"""

from __future__ import annotations

import logging

from bot.extract import frames
from bot.extract.cues import when_of
from bot.extract.paragraphs import Paragraph, Sentence
from bot.extract.quotes import QuoteSpan, normalise_marks, strip_marks
from bot.extract.records import ExtractedStatement, ReadingState, make_statement

log = logging.getLogger(__name__)


def direct_statements(
    sentence: Sentence, quotes: list[QuoteSpan], para: Paragraph, state: ReadingState
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
    state: ReadingState,
    sentence: Sentence,
    frame: frames.Frame,
    frame_at: int,
    words: str,
    head: str,
    kind: str = "direct",
) -> list[ExtractedStatement]:
    text = sentence.text
    when = when_of(text[frame_at : frame_at + 200] if frame_at else head)
    made = make_statement(state, frame.speaker, sentence.start + frame_at + frame.speaker_offset, words,
                 kind, frame.cue, sentence, when)  # fmt: skip
    return [made] if made else []


def _quote_first(
    sentence: Sentence,
    local: list[QuoteSpan],
    spans: list[tuple[int, int]],
    middles: list[str],
    tail: str,
    para: Paragraph,
    state: ReadingState,
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
    sentence: Sentence, words: str, state: ReadingState, *, open_end: bool = False
) -> list[ExtractedStatement]:
    """A bare quote continues the previous speaker when that speaker was just quoted.

    A quote left open at the end of its paragraph with no speaker yet waits for the next
    paragraph, where news style names the speaker ('"… / "…," she said.').
    """
    announced = state.announced
    if announced and sentence.paragraph == announced[3] + 1:
        made = make_statement(
            state, announced[0], announced[1], words, "direct", announced[2], sentence
        )
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
            "carried",
        )  # fmt: skip
    ]
