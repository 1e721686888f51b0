"""Text normalisation shared by the speaker index, full-text search and the briefing.

One definition of "the same words" keeps the store's index and the answers' ranking in step:
a name typed as "Zelenskyy", "zelenskyy" or "Zelenskyy's" must land on the same key.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[\w]+(?:['’][\w]+)*", re.UNICODE)
_SEARCH_TOKEN = re.compile(r"\w+", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s$")
_LEADING_ARTICLES = frozenset({"a", "an", "the"})
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")


def fold(text: str) -> str:
    """Lower-case, strip accents and unify apostrophes, so that comparisons ignore them."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("’", "'").casefold()


def words(text: str) -> list[str]:
    """The folded words of a text, possessives removed ("Trump's" → "trump")."""
    return [_POSSESSIVE.sub("", w) for w in _WORD.findall(fold(text))]


def search_words(text: str) -> list[str]:
    """The folded words of a text as the full-text index splits them ("Trump's" → trump, s).

    Queries and indexed statements must split alike, or a phrase with an apostrophe would
    never match; this is the one definition both use.
    """
    return _SEARCH_TOKEN.findall(fold(text))


def name_key(name: str) -> str:
    """Canonical key of a name or phrase: folded words, no leading article."""
    tokens = words(name)
    while tokens and tokens[0] in _LEADING_ARTICLES:
        tokens = tokens[1:]
    return " ".join(tokens)


def singular(word: str) -> str:
    """A crude singular, enough to let "sources" find "one source" and "officials" an official."""
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def sentences(text: str) -> list[str]:
    """Split text into sentences at terminal punctuation followed by a capital."""
    parts = _SENTENCE_END.split(text.strip())
    return [p.strip() for p in parts if p.strip()]


def first_sentence(text: str, *, limit: int) -> str:
    """The text if short enough, else its leading whole sentences marked with an ellipsis.

    Never cuts inside a sentence: if even the first sentence is over the limit it is returned
    whole, and the caller's budget decides whether it is shown at all.
    """
    if len(text) <= limit:
        return text
    chosen: list[str] = []
    for sentence in sentences(text):
        if chosen and len(" ".join([*chosen, sentence])) > limit:
            break
        chosen.append(sentence)
    head = " ".join(chosen)
    if head == text.strip():
        return head
    return head.rstrip(".…,;: ") + "…"


def paragraphs(text: str, *, title: str | None = None) -> list[str]:
    """An article's body paragraphs (blank-line separated), numbered from 1 by the caller:
    a first block that is the title is left out, as the summaries count paragraphs."""
    blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", text) if b.strip()]
    if blocks and title is not None and fold(blocks[0]) == fold(" ".join(title.split())):
        blocks = blocks[1:]
    return blocks
