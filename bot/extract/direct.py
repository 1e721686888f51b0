"""Direct quotes: sentences made of quoted words plus an attribution frame.

The frame may stand before ('X said: "…"'), between ('"…," X said, "…"') or after the quote
('"…," said X.'); a bare quote continues the previous speaker, and a quote left open at the
end of a paragraph waits for the speaker named in the next one.
"""

from __future__ import annotations

import logging
import re

from bot.extract import frames
from bot.extract.cues import ADDING_PARTICIPLES, PARTICIPLE_WORDS, SPEECH_VARIANTS, when_of
from bot.extract.fallback import answer_to, is_title, lead_in
from bot.extract.indirect import indirect_statements
from bot.extract.lexicon import NAMING_VERBS
from bot.extract.paragraphs import Paragraph, Sentence
from bot.extract.quotes import QuoteSpan, has_mark, normalise_marks, strip_marks
from bot.extract.records import (
    ExtractedStatement,
    ReadingState,
    carried_statement,
    make_statement,
)

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
    split = _second_clause(middles, spans)
    if split is not None:
        # 'The board called it "a disaster," and Mayor Ortiz said "…"': two speakers, each
        # with the quotes of its own clause
        first = Sentence(
            sentence.paragraph, sentence.start, sentence.start + split[0], text[: split[0]]
        )
        second = Sentence(
            sentence.paragraph, sentence.start + split[1], sentence.end, text[split[1] :]
        )
        return _clause_statements(first, quotes, para, state) + _clause_statements(
            second, quotes, para, state
        )
    if len(tail.split()) > 2 and not frames.tail_frame(tail):
        return []
    frame = frames.head_frame(head)
    if frame is not None and frame.cue == ":" and frames.tail_frame(tail) is not None:
        frame = None  # 'It was ignored: "…," Li wrote.': the cue after the quote names the speaker
    used = local
    if frame is None and len(local) > 1 and len(tail.split()) <= 2:
        frame = frames.head_frame(text[: spans[-1][0]])  # 'Remarking on "x," Starr said, "…"'
        used = local[-1:]
        if frame is not None and _SECOND_CUE.search(", " + middles[-1].lstrip(" ,")):
            return _reported_before(sentence, spans[-2][1], state) + _emit(
                state, sentence, frame, 0, _words(para, used), head
            )
    if frame is None:
        frame = frames.tail_frame(tail)
        if frame is None or len(head.split()) > 40:
            return []
        if head.rstrip().endswith(":"):  # 'It was ignored: "…," Li wrote.': a whole quote
            return _emit(state, sentence, frame, spans[-1][1], _words(para, local), head)
        # 'The media are "framing this campaign," Gilmore said.': a partial quote.
        paraphrased = normalise_marks(text[: spans[-1][1]].strip(" ,"))
        return _emit(state, sentence, frame, spans[-1][1], paraphrased, head, "partial")
    return _emit(state, sentence, frame, 0, _words(para, used), head)


#: A coordinated clause between two quotes: '…," and Mayor Ana Ortiz said "…"'.
_AND_CLAUSE = re.compile(r"^\s*[,;]?\s*(?:and|but|while|whereas)\s+(?=[A-Z])")


def _clause_statements(
    clause: Sentence, quotes: list[QuoteSpan], para: Paragraph, state: ReadingState
) -> list[ExtractedStatement]:
    """A clause read as a sentence of its own: its quotes with their frame, or what it
    reports ('The board said the plan was "a disaster"' is a partial quote)."""
    return direct_statements(clause, quotes, para, state) or indirect_statements(clause, state)


def _second_clause(middles: list[str], spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Where a sentence of two clauses splits, when the words between two of its quotes open
    a clause with a speaker and a cue of its own ('…," and Mayor Ana Ortiz said "…'): the end of
    the first clause and the start of the second, or None."""
    for i, middle in enumerate(middles):
        opened = _AND_CLAUSE.match(middle)
        if opened is None:
            continue
        frame = frames.head_frame(middle[opened.end() :])
        if frame is not None and frame.cue != ":":
            return spans[i][1], spans[i][1] + opened.end()
    return None


def _reported_before(sentence: Sentence, end: int, state: ReadingState) -> list[ExtractedStatement]:
    """'Lind said the plan "was doomed," adding, "It lost every vote."': what the sentence
    reports before the second cue ('adding') is a statement of its own, read as any
    sentence without a whole quote is; the quote after the cue goes to the same speaker."""
    before = Sentence(sentence.paragraph, sentence.start, sentence.start + end, sentence.text[:end])
    return indirect_statements(before, state)


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
        again = _SECOND_CUE.search(middle) if frame else None
        if frame and again and i + 1 < len(local):
            # '"A," Reed said, adding: "B."': two statements of one speaker, each with its cue
            first = _emit(state, sentence, frame, spans[i][1], _words(para, local[: i + 1]), "")
            later = frames.Frame(frame.speaker, again.group("cue"), frame.speaker_offset)
            rest = [q for q in local[i + 1 :] if _clause_like(para, q)]
            second = (
                _emit(state, sentence, later, spans[i][1], _words(para, rest), "") if rest else []
            )
            return first + second
        if frame:
            short = len(middle.split()) <= 14 and all(len(m.split()) <= 3 for m in middles[i + 1 :])
            used = local if short else local[: i + 1]
            used = used[:1] + [q for q in used[1:] if _clause_like(para, q)]
            return _emit(state, sentence, frame, spans[i][1], _words(para, used), "")
        if len(middle.split()) > 14:
            return []
    last = _before_titles(para, local) if len(local) > 1 else 0
    if last < len(local) - 1:
        # '"…," Reyes, wearing "Save the Pier" badges, said.', '"…," Tom Vane, editor of the
        # "Tarn Gazette," told reporters.': the title is part of the frame, whose subject
        # comes before it (not 'reporters', the object after it)
        frame = frames.tail_frame(sentence.text[spans[last][1] :])
        if frame:
            return _emit(
                state, sentence, frame, spans[last][1], _words(para, local[: last + 1]), ""
            )
    frame = frames.tail_frame(tail)
    if frame:
        made = _emit(state, sentence, frame, spans[-1][1], _words(para, local), "")
        return made + _added(made, tail)
    if len(tail.split()) <= 1 and not middles_have_words(middles):
        return _continuation(sentence, _words(para, local), state, open_end=not local[-1].closed)
    return []


def _added(made: list[ExtractedStatement], tail: str) -> list[ExtractedStatement]:
    """'"…," Bates said, adding that the club is weighing a ban.': what the participle after
    the frame reports is the same speaker's statement too, in the reporter's words."""
    more = _ADDED.search(tail) if made and "," in tail else None
    if more is None:
        return []
    content = more.group("content").rstrip(" .")
    if len(content.split()) < 3:
        return []
    first = made[0]
    return [
        ExtractedStatement(
            first.speaker,
            content,
            "indirect",
            more.group("cue"),
            first.paragraph,
            first.start,
            first.end,
            first.ref,
            first.when,
            first.confidence,
        )  # fmt: skip
    ]


#: A participle after a quote's frame that reports more ('…," X said, adding that …').
_ADDED = re.compile(
    r",\s+(?P<cue>" + "|".join(sorted(ADDING_PARTICIPLES)) + r")\s+(?:that\s+)?"
    r"(?P<content>[^“”\"]+?)\s*[.!?]?\s*$"
)


#: A second cue after the speaker between two quotes: '…," Reed said, adding: "…"'.
_SECOND_CUE = re.compile(
    r"(?:,|\s(?:before|and|then|later|after))\s+(?:then\s+)?(?P<cue>adding|added|continuing|"
    r"continued)\b[^“”\"]{0,40}$"
)


def _before_titles(para: Paragraph, local: list[QuoteSpan]) -> int:
    """The index of the last quote before the titles that close the sentence: a title in
    quotation marks after the quote ('wearing "Save the Pier" badges') is part of its frame."""
    last = len(local) - 1
    while last > 0 and not _clause_like(para, local[last]):
        last -= 1
    return last


def _clause_like(para: Paragraph, q: QuoteSpan) -> bool:
    """A later piece joins the quote unless it is a title ('told "Harbour Morning Show."')."""
    return not is_title(strip_marks(para.text[q.inner_start : q.inner_end]))


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
    intro = lead_in(state.previous, words, sentence, state)
    if intro is not None:
        return [intro]
    last = state.last
    if _after_unclaimed_quote(state.previous, sentence, last):
        return []  # the fallback decides it together with the quote before it
    recent = last is not None and last.ref is not None and sentence.paragraph - last.paragraph <= 1
    answer = answer_to(last, words, sentence, state, state.earlier) if recent and last else None
    if answer is not None:
        return [answer]
    if (
        last is None
        or last.ref is None
        or not recent
        or (last.kind == "indirect" and sentence.paragraph != last.paragraph)
    ):
        if open_end:
            state.pending.append((sentence, words))
        return []
    return [carried_statement(last, words, sentence, last.cue)]


def _after_unclaimed_quote(
    previous: Sentence | None, sentence: Sentence, last: ExtractedStatement | None
) -> bool:
    """'"…," she giggles. "…"': the sentence before, in this paragraph, holds a quote that no
    frame claimed ('giggles' is no cue word). Its speaker, found by the fallback, is this
    quote's too; carrying the last named speaker over it would skip a speaker."""
    return (
        previous is not None
        and previous.paragraph == sentence.paragraph
        and previous.start < sentence.start
        and has_mark(previous.text)
        and (last is None or last.start < previous.start)
    )


#: Words after which an opening quotation mark starts the speaker's own words, not a
#: fragment of the reporter's clause: 'X said "…"', 'X said that "…"', 'X told CNN "…"'.
_INTRODUCERS = frozenset(
    """that and or but then also of as reading titled chanting shouting""".split()  # noqa: SIM905
)
#: Verbs that give something a name: the quote after their object is the words used.
_NAMING = re.compile(
    r"\b(?:"
    + "|".join(sorted(NAMING_VERBS, key=len, reverse=True))
    + r")\s+(?:[\w’'-]+\s+){0,3}[\w’'-]+$"
)
_SUBJECT_WORDS = frozenset("he she they it we i you".split())  # noqa: SIM905
_ENDS_SAID = re.compile(r"[,.!?…:;—–-]\s*$")


def embedded_partials(
    found: list[ExtractedStatement], para: Paragraph, quotes: list[QuoteSpan]
) -> list[ExtractedStatement]:
    """Direct quotes that are fragments of a reported clause become partial quotes.

    In 'Keller said the plan was "badly underfunded."' the quoted words finish the
    reporter's sentence: the statement is the whole clause ('the plan was "badly
    underfunded."'), kind partial, which is what was said and what a reader needs to
    see. A quote is a fragment when a word of the clause stands right before its opening
    mark (not a cue, 'that' or punctuation), or when the clause goes on right after its
    closing mark with no punctuation inside ('"We are horrified" by the attack').
    """
    if not quotes or not any(st.kind == "direct" for st in found):
        return found
    out: list[ExtractedStatement] = []
    for st in found:
        if st.kind != "direct" or st.cue in (":", "—"):
            out.append(st)
            continue
        out.append(_lead_partial(st, para, quotes) or _as_partial(st, para, quotes) or st)
    return out


#: Fewest words of a lead clause that a lower-case quote after the frame finishes.
LEAD_CLAUSE_WORDS = 5


#: A lead phrase about the speaker's own doing ('After meeting …,', 'Speaking to …,',
#: 'Asked about …,'): it describes the speaker, so it finishes no clause of the quote.
_SPEAKER_LEAD = re.compile(
    r"(?:(?:After|Before|While|Upon|On|When|Since|Without|Despite)\s+)?"
    r"(?!(?:During|Nothing|Something|Everything|Anything)\b)"
    r"(?:[A-Za-z][a-z]+ing|Asked|Pressed|Questioned|Reached|Contacted)\s+[a-z]"
)
#: A quote opening with a verb has the lead for its subject ('Judging a race by its polls,
#: X said, "is like …"').
_VERB_OPENERS = frozenset(
    "is was are were has have had will would can could may might should must does did".split()  # noqa: SIM905
)


def _lead_partial(
    st: ExtractedStatement, para: Paragraph, quotes: list[QuoteSpan]
) -> ExtractedStatement | None:
    """'When the pier reopens, Holt added, "it will …"': a quote that opens in lower
    case after an inverted frame finishes the clause before the frame; the statement is the
    clause and the quote, a partial quote (a short lead such as 'At the same time,' is only
    an adverbial and leaves the quote whole)."""
    if not st.text[:1].islower() or st.ref is None or not st.ref.phrase:
        return None
    lo, hi = st.start - para.start, st.end - para.start
    sentence = para.text[lo:hi]
    at = sentence.find(st.ref.phrase)
    lead = sentence[:at].rstrip() if at > 0 else ""
    if not lead.endswith(",") or len(lead.split()) < LEAD_CLAUSE_WORDS or has_mark(lead):
        return None
    if _SPEAKER_LEAD.match(lead) and st.text.split(" ", 1)[0] not in _VERB_OPENERS:
        # 'After meeting Tom Reyes, Holt said, "it …"': what she did, not what she said
        # ('Judging a race by its polls, X said, "is like …"': the subject of the quote)
        return None
    start = st.text[:20]
    quote = next(
        (q for q in quotes if lo <= q.start < hi and start in para.text[q.inner_start : q.end]),
        None,
    )
    if quote is None or st.cue is None:
        return None
    frame = para.text[lo + at + len(st.ref.phrase) : quote.start].strip()
    if not frame.endswith(",") or frame.rstrip(",").strip() != st.cue:
        return None  # only the inverted cue stands between ('X added,'), not 'said that
    clause = f"{lead} {para.text[quote.start : quote.end]}"
    return ExtractedStatement(
        st.speaker, normalise_marks(clause), "partial", st.cue, st.paragraph, st.start, st.end,
        st.ref, st.when, st.confidence,
    )  # fmt: skip


def _as_partial(
    st: ExtractedStatement, para: Paragraph, quotes: list[QuoteSpan]
) -> ExtractedStatement | None:
    lo, hi = st.start - para.start, st.end - para.start
    if lo < 0 or hi > len(para.text):
        return None
    text = para.text
    here = [q for q in quotes if lo <= q.start < hi]
    fragments = [q for q in here if _fragment(text, q, lo, hi, st.cue)]
    if not fragments:
        return None  # the common case, decided on a few characters around each mark
    words = normalise_marks(st.text)
    own = [
        q
        for q in here
        if normalise_marks(strip_marks(text[q.inner_start : q.inner_end]))[:30] in words
    ]
    if not own or not any(q in own for q in fragments):
        return None
    clause = _clause(text[lo:hi], st, own[0].start - lo, own[-1].end - lo)
    if clause is None or len(clause.split()) < 3:
        return None
    return ExtractedStatement(
        st.speaker, normalise_marks(clause), "partial", st.cue, st.paragraph, st.start, st.end,
        st.ref, st.when, st.confidence,
    )  # fmt: skip


def _fragment(text: str, q: QuoteSpan, lo: int, hi: int, cue: str | None) -> bool:
    """Does the quote ``q`` continue the reporter's clause before or after it?"""
    before = text[lo : q.start].rstrip()
    if before and before[-1].isalnum():
        word = before.rsplit(None, 1)[-1].lower()
        if names_the_quote(before):
            return False  # 'calling the protester "a troublemaker"': the quote is the name
        if (
            word not in _INTRODUCERS
            and word not in SPEECH_VARIANTS
            and word not in PARTICIPLE_WORDS
            and not (cue and before.endswith(cue.split()[-1]))
        ):
            return True
    if not q.closed:
        return False
    inner = text[q.inner_start : q.inner_end].rstrip()
    after = text[q.end : hi].lstrip()
    if not after or _ENDS_SAID.search(inner) or not after[0].islower():
        return False
    first = after.split(None, 1)[0].lower().strip(",.")
    return first not in _SUBJECT_WORDS and first not in SPEECH_VARIANTS and first != "according"


def _clause(sentence: str, st: ExtractedStatement, first: int, last: int) -> str | None:
    """The reported clause around the quotes: the sentence without its attribution frame."""
    cue = st.cue or ""
    phrase = st.ref.phrase if st.ref is not None else ""
    at = sentence.rfind(cue, 0, first) if cue and cue != ":" else -1
    if at >= 0:  # 'X said the plan was "…"': the clause after the cue
        body = sentence[at + len(cue) :]
        body = re.sub(r"^[\s,:]*(?:that\s+)?", "", body)
        return body.rstrip(" .") if body else None
    at = sentence.find(cue, last) if cue and cue != ":" else -1
    if at >= 0:  # '"…" by the attack, X said.': the clause before the frame
        head = sentence[:at].rstrip()
        if phrase and head.endswith(phrase):
            head = head[: -len(phrase)]
        return head.rstrip(" ,—–-") or None
    at = sentence.find(phrase, 0, first) if phrase else -1
    if at >= 0:  # 'The town's statement said Trump's remarks "are …"': after the subject
        return sentence[at + len(phrase) :].strip(" ,").rstrip(" .") or None
    if st.confidence == "unknown":  # nobody named: the reporter's whole sentence
        return sentence.rstrip(" .") or None
    return None


def names_the_quote(before: str) -> bool:
    """'calling the protester "…"', 'dubbed it "…"': the quote after the object is a name."""
    return _NAMING.search(before[-60:]) is not None
