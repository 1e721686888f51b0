"""Quotation marks: where quoted passages start and end in a paragraph.

Straight ("), curly (“ ”), guillemet (« ») and doubled-apostrophe ('' '') marks all count,
since scraped news uses every one of them. State resets at each paragraph, like the annotation
convention; an opening mark with no closing mark yields an unclosed span that runs to the end
of the paragraph (news style for a quote that continues in the next paragraph).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

log = logging.getLogger(__name__)

_MARK = re.compile(r"''|``|[\"“”«»„]")
#: The same marks when the text has no doubled apostrophe or backtick: a plain character
#: class, which the regex engine scans for far faster than the alternation.
_MARK_CHAR = re.compile(r"[\"“”«»„]")
_OPENERS = frozenset({"“", "«", "„", "``"})
_CLOSERS = frozenset({"”", "»"})
#: Marks that may open a quotation in running text (for ``str.startswith``).
OPENING_MARKS = ('"', *sorted(_OPENERS))
#: Marks that may close a quotation in running text (a straight or curly double or single).
CLOSING_MARKS = frozenset("”\"'’")
#: Longest quoted passage accepted; longer spans are unbalanced marks, not quotes.
MAX_QUOTE = 6000


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quoted passage: ``start``/``end`` include the marks, ``inner_*`` exclude them."""

    start: int
    inner_start: int
    inner_end: int
    end: int
    closed: bool


def find_quotes(text: str, *, single: bool = True) -> list[QuoteSpan]:
    """Quoted passages of one paragraph, in order, never nested or overlapping.

    With ``single`` (the default), a paragraph without double marks is read for single
    ones; headlines pass False, since US headlines put quotes in single marks.
    """
    spans: list[QuoteSpan] = []
    open_at = -1
    open_len = 0
    nested = False
    marks = _MARK if "''" in text or "``" in text else _MARK_CHAR
    for match in marks.finditer(text):
        mark = match.group()
        if open_at < 0:
            if mark in _CLOSERS:
                continue  # a stray closing mark
            open_at, open_len = match.start(), len(mark)
            continue
        if mark == '"' and nested:
            nested = False  # the end of a quote inside the quote
            continue
        if mark in _OPENERS and not _closes(text, match.start(), match.end()):
            open_at, open_len = match.start(), len(mark)  # the previous one never closed
            continue
        if mark == '"' and _reopens(text, match.start()):
            # '… I am fine now. "I have had …': paragraphs joined into one line; the
            # open quote ran to a paragraph end and this mark opens the next paragraph's
            end = len(text[: match.start()].rstrip())
            if end - open_at <= MAX_QUOTE:
                spans.append(QuoteSpan(open_at, open_at + open_len, end, end, False))
            open_at, open_len = match.start(), 1
            continue
        if mark == '"' and _opens_inside(text, match.start()):
            nested = True  # '… 21 days "NO". …': a quote inside the open quote
            continue
        if match.start() - open_at <= MAX_QUOTE:
            spans.append(QuoteSpan(open_at, open_at + open_len, match.start(), match.end(), True))
        open_at = -1
    if open_at >= 0 and len(text) - open_at <= MAX_QUOTE:
        spans.append(QuoteSpan(open_at, open_at + open_len, len(text), len(text), False))
    if (
        single
        and not spans
        and open_at < 0
        and ("‘" in text or "'" in text)
        and not marks.search(text)
    ):
        return single_quotes(text)  # British style: ‘We will,’ she said.
    return [s for s in spans if text[s.inner_start : s.inner_end].strip()]


#: A single opening mark: ‘ or a straight ' at a word start, before a letter.
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))[‘'](?=[^\W\d_])")
#: A single closing mark after the quote's last word or punctuation, before a blank,
#: punctuation or the end; not an apostrophe inside a word ("don’t").
_SINGLE_CLOSE = re.compile(r"(?<=[^\s‘'])[’'](?=$|[\s,.;:!?)\]—–-])")


def single_quotes(text: str) -> list[QuoteSpan]:
    """Quoted passages in single marks, for a paragraph that has no double ones.

    British and Australian news quote with single marks (‘…,’ she said), which are also
    apostrophes. An opening mark stands at a word start before a letter; the closing mark
    is the first mark after it that ends a word and is followed by a blank, punctuation or
    the end, skipping a plural possessive ("the Ortizes’ house") before a lower-case word.
    """
    spans: list[QuoteSpan] = []
    pos = 0
    while True:
        opening = _SINGLE_OPEN.search(text, pos)
        if opening is None:
            return spans
        at = opening.end()
        closing = None
        for match in _SINGLE_CLOSE.finditer(text, at):
            before, after = text[match.start() - 1], text[match.end() : match.end() + 2]
            if before == "s" and after[:1] == " " and after[1:2].islower():
                continue  # 'the councils’ plans': a possessive, not the end of the quote
            closing = match
            break
        if closing is None or closing.start() - opening.start() > MAX_QUOTE:
            end = len(text) if opening.group() == "‘" else -1
            if end < 0 or len(text) - opening.start() > MAX_QUOTE:
                return spans
            spans.append(QuoteSpan(opening.start(), at, end, end, False))
            return spans
        if text[at : closing.start()].strip():
            spans.append(QuoteSpan(opening.start(), at, closing.start(), closing.end(), True))
        pos = closing.end()


def _reopens(text: str, start: int) -> bool:
    """A straight mark after a finished sentence and a blank, before a capital: it opens a
    quote ('… now. "I have …'), so the quote still open never closed."""
    return (
        start >= 2
        and text[start - 1] == " "
        and text[start - 2] in ".!?"
        and start + 1 < len(text)
        and text[start + 1].isupper()
    )


def _opens_inside(text: str, start: int) -> bool:
    """A straight mark after a blank and before a word, with its own closing mark shaped
    as one before the next opening-shaped mark: a quote inside the open quote."""
    if not (start >= 1 and text[start - 1] == " " and start + 1 < len(text)):
        return False
    if not text[start + 1].isalnum():
        return False
    after = _NEXT_CLOSE.search(text, start + 1)
    return after is not None and text.count('"', start + 1, after.start()) == 0


#: A straight closing-shaped mark: after a word or punctuation, before a blank, punctuation
#: or the end.
_NEXT_CLOSE = re.compile(r'(?<=\S)"(?=[\s,.;:!?)\]—–-]|$)')


def _closes(text: str, start: int, end: int) -> bool:
    """An opening mark used as a closing one ('…,“ said X'): right after the quote's final
    punctuation and before a blank or the end, it ends the open quote."""
    return start > 0 and text[start - 1] in ",.!?;" and (end == len(text) or text[end].isspace())


_ANY_MARK = re.compile(r"[\"“”«»„‘]")


def has_mark(text: str) -> bool:
    """Any quotation mark, or an opening single one (a doubled apostrophe or backtick too).

    The one test for a mark, shared by every caller: substring tests and a plain character
    class, which the regex engine scans far faster than an alternation that opens with the
    two-character marks (it has no prefix to skip ahead with)."""
    return "''" in text or "``" in text or _ANY_MARK.search(text) is not None


def normalise_marks(text: str) -> str:
    """Doubled apostrophes and backticks become curly quotation marks, for readable output."""
    if "''" not in text and "``" not in text:
        return text
    out: list[str] = []
    opened = False
    last = 0
    for match in re.finditer(r"''|``", text):
        out.append(text[last : match.start()])
        if match.group() == "``":
            out.append("“")
            opened = True
        else:
            out.append("”" if opened else "“")
            opened = not opened
        last = match.end()
    out.append(text[last:])
    return "".join(out)


def strip_marks(text: str) -> str:
    """The words of a quote without its outer quotation marks and surrounding blanks."""
    return text.strip().strip("\"“”«»„'`‘’").strip()


def single_style(text: str) -> bool:
    """Does the article quote with single marks (British style)? More single opening marks
    than double marks of any kind; US articles keep single marks for quotes within quotes."""
    singles = text.count("‘") + text.count(" '") + text.count("\n'")  # str.count runs in C
    doubles = text.count('"') + text.count("“") + text.count("”") + text.count("''")
    return singles > 0 and singles > doubles + text.count("«")
