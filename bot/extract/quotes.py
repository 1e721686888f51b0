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
_OPENERS = frozenset({"“", "«", "„", "``"})
_CLOSERS = frozenset({"”", "»"})
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


def find_quotes(text: str) -> list[QuoteSpan]:
    """Quoted passages of one paragraph, in order, never nested or overlapping."""
    spans: list[QuoteSpan] = []
    open_at = -1
    open_len = 0
    for match in _MARK.finditer(text):
        mark = match.group()
        if open_at < 0:
            if mark in _CLOSERS:
                continue  # a stray closing mark
            open_at, open_len = match.start(), len(mark)
            continue
        if mark in _OPENERS and not _closes(text, match.start(), match.end()):
            open_at, open_len = match.start(), len(mark)  # the previous one never closed
            continue
        if match.start() - open_at <= MAX_QUOTE:
            spans.append(QuoteSpan(open_at, open_at + open_len, match.start(), match.end(), True))
        open_at = -1
    if open_at >= 0 and len(text) - open_at <= MAX_QUOTE:
        spans.append(QuoteSpan(open_at, open_at + open_len, len(text), len(text), False))
    return [s for s in spans if text[s.inner_start : s.inner_end].strip()]


def _closes(text: str, start: int, end: int) -> bool:
    """An opening mark used as a closing one ('…,“ said X'): right after the quote's final
    punctuation and before a blank or the end, it ends the open quote."""
    return start > 0 and text[start - 1] in ",.!?;" and (end == len(text) or text[end].isspace())


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
    return text.strip().strip("\"“”«»„'`").strip()
