"""Mending misspelt question words ("waht did", "who sayd"), never names.

Only the grammar's own words are targets, so a typo can only become a word the forms read;
a capitalised word past the start is taken for a name and left alone, four-letter words are
mended only by swapped letters ("siad", not "than" → "that"), and ordinary words one letter
from a question word ("quite", "storm") are never touched.
"""

from __future__ import annotations

import functools
import re

from rapidfuzz.distance import DamerauLevenshtein

from bot.core.query import MONTHS, WEEKDAYS

# Words of the forms themselves: the only words typo correction may turn a token into.
KEYWORDS = frozenset(
    {
    "about", "anonymity", "anonymous", "anonymously", "anyone", "anything", "ask", "asked",
    "brief", "briefing", "claim", "claimed", "comment", "commented", "comments",
    "condition", "contested", "decline", "declined", "denied", "denies", "did", "dispute",
    "disputed", "disputes", "does", "going", "had", "happened", "has", "have", "latest",
    "many", "mean", "mentioned", "named", "quote", "quoted", "quotes", "reached",
    "reaction", "refused", "remarks", "replied", "reply", "respond", "responded",
    "response", "said", "say", "saying", "says", "source", "sourced", "sources", "speak",
    "spoke", "statement", "statements", "summary", "talked", "tell", "that", "the", "think",
    "this", "today", "told", "unnamed", "update", "warn", "warned", "week", "what", "which",
    "who", "whom", "whose", "yesterday"
    }
) | frozenset(WEEKDAYS) | frozenset(MONTHS)  # fmt: skip
# Ordinary words one letter away from a question word, never "corrected".
_PLAIN_WORDS = frozenset(
    {
    "asks", "course", "later", "latter", "month", "moths", "named", "names", "quiet",
    "quite", "sauce", "saws", "sayer", "score", "shore", "sources", "stated", "statements",
    "stores", "storm", "storms", "story", "tells", "there", "these", "thinks", "those",
    "todays", "weeks", "where", "while", "whole", "words", "world"
    }
)  # fmt: skip
_TYPO_FIXES = {
    "wat": "what", "wht": "what", "waht": "what", "hwo": "who", "teh": "the", "sayd":
    "said", "siad": "said", "sadi": "said", "saud": "said", "sai": "say", "sya": "say",
    "cmment": "comment"
}  # fmt: skip


def correct_typos(text: str) -> str:
    """Mend misspelt question words ("waht did", "who sayd"); names are left alone, since a
    capitalised word past the start is taken for a name."""
    out = []
    for position, token in enumerate(re.split(r"(\s+)", text)):
        out.append(_corrected(token, first=position == 0))
    return "".join(out)


@functools.lru_cache(maxsize=4096)
def _corrected(token: str, *, first: bool) -> str:
    lower = token.lower()
    if not lower.isalpha() or lower in KEYWORDS or (token[:1].isupper() and not first):
        return token
    if lower in _TYPO_FIXES:
        return _TYPO_FIXES[lower]
    if any(lower.endswith(e) and lower[: -len(e)] in KEYWORDS for e in ("s", "ed", "ing", "d")):
        return token  # an inflection of a question word: "speaks", "talked"
    if len(lower) < 4 or lower in _PLAIN_WORDS:
        return token
    if len(lower) == 4:  # short words only by swapped letters: "siad", not "than" → "that"
        swapped = [k for k in KEYWORDS if len(k) == 4 and sorted(k) == sorted(lower)]
        return swapped[0] if len(swapped) == 1 else token
    limit = 1 if len(lower) < 8 else 2
    best = min(KEYWORDS, key=lambda k: (DamerauLevenshtein.distance(lower, k), k))
    if DamerauLevenshtein.distance(lower, best) <= limit and abs(len(best) - len(lower)) <= 1:
        return best
    return token
