"""Paragraphs and sentences with character offsets into the original article text.

Everything downstream reports where a statement stands (paragraph number, character span), so
the splitting keeps offsets instead of copying text around. Both layouts seen in practice are
accepted: one paragraph per line, and paragraphs separated by blank lines.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from bot.core.text import ABBREVIATIONS as ABBREVIATIONS  # re-exported: one splitter's rules
from bot.core.text import SENTENCE_END as _TERMINAL
from bot.core.text import is_abbreviation as _is_abbreviation
from bot.extract.cues import ADDING_PARTICIPLES, SPEECH_VARIANTS
from bot.extract.lexicon import (
    COORDINATORS,
    MONTHS,
    NOT_SPEAKER_START,
    PREPOSITIONS,
    QUESTION_WORDS,
    WEEKDAYS,
)
from bot.extract.quotes import CLOSING_MARKS, QuoteSpan, find_quotes

log = logging.getLogger(__name__)

#: A sentence longer than this is cut, so that no later regex ever sees an unbounded span.
MAX_SENTENCE = 3000

_TITLE_WORD = re.compile(r"[A-Z0-9][\w’'.:-]*")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph: ``index`` is 0 for the title, then 1, 2, ... for the body."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a paragraph; ``start``/``end`` are offsets into the whole article."""

    paragraph: int
    start: int
    end: int
    text: str


def looks_like_title(line: str, has_more: bool) -> bool:
    """A first line is a title when more text follows and it is short and headline-like.

    Headlines are short and either lack a closing full stop or capitalise most words; a
    first line that reads like a running sentence is the first body paragraph instead.
    """
    if not has_more:
        return False
    words = line.split()
    if not words or len(words) > 30 or len(line) > 250:
        return False
    if not line.rstrip().endswith((".", "!", "?", "”", '"', ".’", "!’", "?’", ".'", "!'", "?'")):
        return True  # a British quote ending a sentence (‘… for the town.’) is no headline
    capitalised = sum(1 for w in words if _TITLE_WORD.match(w))
    return capitalised / len(words) >= 0.6


def split_paragraphs(text: str) -> list[Paragraph]:
    """Non-blank lines as paragraphs; the first is paragraph 0 when it looks like a title."""
    spans: list[tuple[int, int]] = []
    at = 0  # one C split, not a regex match object per line
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            start = at + lead
            spans.append((start, start + len(stripped)))
        at += len(raw) + 1
    if not spans:
        return []
    first = text[spans[0][0] : spans[0][1]]
    offset = 0 if looks_like_title(first, len(spans) > 1) else 1
    return [
        Paragraph(index=i + offset, start=s, end=e, text=text[s:e])
        for i, (s, e) in enumerate(spans)
    ]


_OPENING = frozenset("“\"‘'«")
_NEXT_STOP = re.compile(r"[.!?“\"]")


def attribution_follows(text: str, end: int, *, asked: bool = False) -> bool:
    """'"…?" Clinton asked.': a short clause with a speech verb after a quote ending in ?/!/.

    After a question or an exclamation (``asked``) the frame may be long ('"…?" Holt said
    of the board in May, when …'); after a full stop a long clause is a new sentence.
    """
    stop = _NEXT_STOP.search(text, end, end + 160)
    while stop and stop.group() == "." and _is_abbreviation(text, stop.start()):
        stop = _NEXT_STOP.search(text, stop.end(), end + 160)  # '"…?" Mrs. Ortiz said.'
    words = text[end : stop.start() if stop else end + 160].split()
    verb = next((i for i, w in enumerate(words[:5]) if w in SPEECH_VARIANTS), None)
    if verb is None:
        verb = _verb_after_titled_name(words)
    if verb is None and asked:
        verb = _verb_after_apposition(words)
    if verb is None:
        return False
    if verb > 0 and words[0][:1].isupper() and words[0].lower() in NOT_SPEAKER_START:
        return False  # '"…." When her family asked, she smiled.': a new sentence's clause
    rest = words[verb + 1 :]
    # '' is no stop of _NEXT_STOP (it closes quotes as often as it opens them), so a quote
    # in doubled apostrophes is seen as the word right after the verb
    opens = stop is not None and stop.group() in _OPENING
    if words[verb][-1] in ",:" and (rest[0].startswith("''") if rest else opens):
        return False  # '"…." Reed says, "…"' (or ''…''): the verb introduces the next quote
    # '"…." He warns that the plan will fail.': a new sentence that reports something else
    if rest and rest[0] == "that":
        return False
    if not asked and rest[:1] == ["from"] and words[verb] in ("reported", "wrote"):
        return False  # '"…." Jo Lind reported from Tarnby.': the story's credit line
    if not asked and words[verb].endswith(",") and any(w.endswith(",") for w in words[:verb]):
        # '"…." The boys, he said, were laughing.': a new sentence with its own aside
        return False
    if not asked and words[verb] in _BIDDING and "to" in rest[:4]:
        return False  # '"…." The warning asked workers to "…"': a request of its own
    if not asked and words[verb] in ("asked", "asks") and not QUESTION_WORDS.isdisjoint(rest[:4]):
        return False  # '"…." Zakaria asked Abdullah if …': a question of its own
    if not asked and verb > 0 and _reports_more(words[verb], rest):
        return False  # '"…." She said orders had fallen.': her next statement, not a frame
    if words[verb].endswith(",") and "that" not in rest[:8]:
        return True  # '"…!" Reyes shouted, a cry the crowd took up …': an aside, not a new clause
    return len(rest) <= 12 or (asked and _frame_goes_on(words[0], rest))


#: Verbs whose words follow them straight away ('She said orders fell'); 'told' takes an
#: audience first ('He told reporters.'), so it is not here.
_SAYS_CONTENT = frozenset(
    ["said", "says", "added", "adds", "insisted", "insists", "argued", "argues", "wrote", "writes"]
)
#: Words that go on a frame after its verb: time words and adverbs, not a new clause.
_FRAME_WORDS = frozenset(
    """today yesterday tonight later earlier then recently again too also previously once
    afterwards afterward last this next simply only quietly""".split()  # noqa: SIM905
) | {w.lower() for w in (*WEEKDAYS, *MONTHS)}


#: Verbs that bid someone do something ('asked workers to …'): with 'to' they open a
#: report of their own, not a frame of the quote before.
_BIDDING = frozenset({"asked", "asks", "urged", "urges", "told", "tells", "begged", "warned"})


def _reports_more(verb: str, rest: list[str]) -> bool:
    """After a full stop, 'X said' followed by a clause of its own ('She said orders had
    fallen by a third.') reports a new statement; a frame goes on with a preposition, a
    time word, an adverb or a participle ('Holt said on Monday', 'he said Tuesday')."""
    if verb not in _SAYS_CONTENT or len(rest) < 3:
        return False
    first = rest[0].lower().strip(",.;:")
    return not (
        first in PREPOSITIONS
        or first in _FRAME_WORDS
        or first.endswith(("ly", "ing"))
        or not first.isalpha()
    )


#: Most capitalised words of a title and a name before a frame's verb.
_TITLED_NAME_WORDS = 8


def _verb_after_titled_name(words: list[str]) -> int | None:
    """'"…?" Tarn County District Attorney Ann Reyes asked.': the speech verb after a run
    of capitalised words (an office and a name) longer than the first few words."""
    for i, word in enumerate(words[: _TITLED_NAME_WORDS + 1]):
        if word in SPEECH_VARIANTS:
            return i if i >= 5 else None
        if not word[:1].isupper():
            return None
    return None


def _verb_after_apposition(words: list[str]) -> int | None:
    """'"…." Miller, a retired port worker, said.': the speech verb after a name and the
    apposition set off by commas, further than the first few words."""
    opened = next((i for i, w in enumerate(words[:3]) if w.endswith(",")), None)
    if opened is None or not words[0][:1].isupper():
        return None
    closed = next(
        (i for i in range(opened + 1, min(len(words), 15)) if words[i].endswith(",")), None
    )
    if closed is None:
        return None
    at = closed + 1
    if at < len(words) and words[at].endswith("ly"):
        at += 1  # '…, said pleasantly'
    return at if at < len(words) and words[at] in SPEECH_VARIANTS else None


def _frame_goes_on(first: str, rest: list[str]) -> bool:
    """'"…?" Holt said of the board in May, when …': a long clause after the speech verb
    is still its frame when it goes on with a preposition or an adverb, and reports
    nothing new ('But Holt said in May that …' opens a sentence of its own)."""
    word = rest[0].lower().strip(",.;:")
    if first.lower() in COORDINATORS:  # 'But Holt said …' is new
        return False
    if word in _GOES_ON:  # '"…?" Bates asks, adding that …': the frame goes on
        return True
    if "that" in rest[:8]:
        return False
    return word in PREPOSITIONS or (word.endswith("ly") and len(word) > 4)


#: Participles that continue a frame with more of what the speaker said.
_GOES_ON = ADDING_PARTICIPLES | {"saying", "continuing"}


_INNER_TERMINAL = re.compile(r"[.!?…][\"”'’)\]]*\s")


def _single(paragraph: Paragraph) -> list[Sentence]:
    if len(paragraph.text) > MAX_SENTENCE:
        return _chunks(paragraph, [0, len(paragraph.text)])
    return [Sentence(paragraph.index, paragraph.start, paragraph.end, paragraph.text)]


def split_sentences(paragraph: Paragraph, quotes: list[QuoteSpan] | None = None) -> list[Sentence]:
    """Sentences of a paragraph; a full stop inside quotation marks does not end a sentence.

    Quoted multi-sentence passages stay whole, because the attribution ("…," she said) that
    follows them belongs to every sentence of the quote.
    """
    text = paragraph.text
    if quotes is None:
        quotes = find_quotes(text)
    if not _INNER_TERMINAL.search(text, 0, len(text) - 1):
        return _single(paragraph)  # most paragraphs: no sentence end before the last character
    # No full _TERMINAL pre-test: with no sentence end at all the loop below cuts nothing and
    # the paragraph comes back whole, as _single gives it (paragraph text is already stripped).
    cuts = [0]
    q = 0
    for match in _TERMINAL.finditer(text):
        end = match.end()
        dot = match.start()
        mark = match.group()
        if mark == "." and _is_abbreviation(text, dot):
            continue
        if mark[-1] in CLOSING_MARKS and attribution_follows(
            text, end, asked="?" in mark or "!" in mark
        ):
            continue
        while q < len(quotes) and quotes[q].end <= end:
            q += 1
        if end < len(text) and q < len(quotes) and quotes[q].start < end < quotes[q].end:
            continue
        if end - cuts[-1] > 0:
            cuts.append(end)
    if cuts[-1] != len(text):
        cuts.append(len(text))
    return _chunks(paragraph, cuts)


def _chunks(paragraph: Paragraph, cuts: list[int]) -> list[Sentence]:
    """Sentences between the cut offsets, none longer than ``MAX_SENTENCE``."""
    text = paragraph.text
    out: list[Sentence] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        for lo in range(a, b, MAX_SENTENCE):
            hi = min(b, lo + MAX_SENTENCE)
            chunk = text[lo:hi]
            stripped = chunk.strip()
            if not stripped:
                continue
            lead = len(chunk) - len(chunk.lstrip())
            s = paragraph.start + lo + lead
            out.append(Sentence(paragraph.index, s, s + len(stripped), stripped))
    return out
