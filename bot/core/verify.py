"""Check that quoted words appear in the article word for word.

A quote is the one thing a briefing must never get wrong. When a summary carries the article
text, every direct quote and every quoted fragment of a partial quote must be found in it;
typography (curly or straight quotation marks and apostrophes, dashes, spacing) is ignored,
words are not.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from bot.core.summary import Statement, Summary, quoted_fragments

_QUOTE_MARKS = re.compile(r"[\"“”„«»‘’'`]")
_DASHES = re.compile(r"[‐‑‒–—―]")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class QuoteMismatch:
    """A quoted fragment that the article text does not contain."""

    index: int  # position in summary.statements
    fragment: str

    def describe(self) -> str:
        """A one-line explanation naming the statement."""
        return f"statements[{self.index}]: quoted words not found in the article text: {self.fragment!r}"


def canonical(text: str) -> str:
    """Text reduced to its words for comparison: no quotation marks, one kind of dash and space."""
    text = _QUOTE_MARKS.sub("", text).replace("...", "…")
    text = _DASHES.sub("-", text)
    return _SPACE.sub(" ", text).strip().casefold()


@functools.lru_cache(maxsize=16)
def _canonical_article(text: str) -> str:
    """The article's canonical text, made once per article however many quotes it has."""
    return canonical(text)


def statement_verified(statement: Statement, article_text: str | None) -> bool | None:
    """True if every quoted fragment is in the text, False if not, None when unknowable."""
    fragments = quoted_fragments(statement)
    if article_text is None or not fragments:
        return None
    haystack = _canonical_article(article_text)
    return all(_contains(haystack, fragment) for fragment in fragments)


def check_quotes(summary: Summary) -> list[QuoteMismatch]:
    """Every quoted fragment of the summary that its article text does not contain."""
    if summary.text is None:
        return []
    haystack = _canonical_article(summary.text)
    return [
        QuoteMismatch(index, fragment)
        for index, statement in enumerate(summary.statements)
        for fragment in quoted_fragments(statement)
        if not _contains(haystack, fragment)
    ]


def _contains(haystack: str, fragment: str) -> bool:
    """Whether the fragment's words stand in the text; an elided middle ("…") may be skipped."""
    pieces = [p.strip(" ,.;:") for p in canonical(fragment).split("…")]
    position = 0
    for piece in filter(None, pieces):
        found = haystack.find(piece, position)
        if found < 0:
            return False
        position = found + len(piece)
    return True
