"""What a statement is about: light stemming, a small synonym table, and a topic score.

"about the flood" should find "the same flood twice" and "flooding", and "the Europeans"
find "The Europeans are convinced of it"; a full stemmer or a model is not needed for that,
and a wrong synonym does harm (it would attribute a topic to someone who never spoke of it),
so the table is short and every entry is a near-equivalent.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.core.text import search_words

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "about",
        "and",
        "or",
        "but",
        "not",
        "no",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "it",
        "its",
        "it's",
        "this",
        "that",
        "these",
        "those",
        "there",
        "their",
        "they",
        "them",
        "he",
        "him",
        "his",
        "she",
        "her",
        "we",
        "us",
        "our",
        "you",
        "your",
        "i",
        "me",
        "my",
        "what",
        "who",
        "whom",
        "which",
        "whose",
        "did",
        "do",
        "does",
        "has",
        "have",
        "had",
        "say",
        "said",
        "says",
        "any",
        "some",
        "all",
        "more",
        "most",
        "much",
        "many",
        "very",
        "just",
        "so",
        "as",
        "than",
        "then",
        "also",
        "into",
        "over",
        "under",
        "after",
        "before",
        "up",
        "down",
        "out",
        "off",
        "s",
        "t",
        "re",
        "story",
        "article",
        "piece",
        "news",
        "latest",
        "week",
        "today",
        "yesterday",
        "whether",
        "if",
    ]
)
# Words that name the kind of thing said rather than what it is about.
STOPWORDS = STOPWORDS | {
    "claim", "claims", "statement", "statements", "comment", "comments", "remark", "remarks",
    "issue", "issues", "question", "matter", "report", "reports", "idea", "subject", "topic",
    "thing", "things", "stuff", "will", "would", "can", "could", "shall", "should", "may",
    "might", "must", "cannot", "can't", "t",
}  # fmt: skip

# Near-equivalents only, keyed and valued by stem (see ``stem``).
_SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("flood", "surg", "inund"),
    ("cost", "pay", "price", "spend", "bill", "afford", "expens", "money", "fund"),
    ("tax", "levi"),
    ("subsidi", "incent", "credit"),
    ("europ", "european"),
    ("ukrain", "kyiv", "kiev"),
    ("russia", "russian", "moscow", "kremlin"),
    ("war", "conflict", "invas", "fight"),
    ("deal", "agreement", "settlement", "peac", "talk", "negoti"),
    ("guarante", "assur"),
    ("territori", "land", "region"),
    ("plant", "factori", "site"),
    ("packag", "offer"),
    ("job", "employ", "worker"),
    ("wall", "barrier", "defenc", "defens"),
    ("sea", "ocean", "coastal"),
    ("storm", "hurrican"),
    ("delai", "postpon"),
    ("troop", "soldier", "armi", "forc"),
    ("intellig", "spy", "assess"),
    ("us", "america", "american", "washington"),
)
_SUFFIXES = (
    "ational", "ations", "ation", "ments", "ment", "ness", "ings", "ing", "edly", "ies",
    "ied", "ed", "es", "ly", "s",
)  # fmt: skip


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light English stem: enough that flood, floods, flooded and flooding agree."""
    word = word.lower()
    if len(word) <= 3:
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if suffix in {"ies", "ied"}:
                return base + "i"
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "ls":
                base = base[:-1]  # "planned" → "plan"
            return base.rstrip("e") if len(base) > 4 else base
    return word.rstrip("e") if len(word) > 4 else word


_SYNONYMS: dict[str, frozenset[str]] = {
    member: frozenset(group) for group in _SYNONYM_GROUPS for member in group
}


def stems(text: str) -> set[str]:
    """The stems of a text's words, stop words left out."""
    return {stem(w) for w in search_words(text) if w not in STOPWORDS}


@dataclass(frozen=True)
class Topic:
    """A topic as groups of stems: each content word of the topic with its synonyms."""

    text: str
    terms: tuple[frozenset[str], ...]

    @property
    def words(self) -> list[str]:
        """Surface forms worth asking the full-text index for."""
        found: list[str] = []
        for word in search_words(self.text):
            if word not in STOPWORDS:
                found += [word, word.rstrip("s"), word + "s", word + "ing", word + "ed"]
        return list(dict.fromkeys(found))

    def score(self, text: str) -> float:
        """Share of the topic's words the text speaks of (0..1)."""
        if not self.terms:
            return 0.0
        held = stems(text)
        return sum(1 for term in self.terms if term & held) / len(self.terms)


def topic(text: str) -> Topic:
    """The topic a phrase names."""
    terms = []
    for word in dict.fromkeys(search_words(text)):
        if word in STOPWORDS:
            continue
        root = stem(word)
        terms.append(frozenset({root} | _SYNONYMS.get(root, frozenset())))
    return Topic(text, tuple(terms))


def best_about(
    subject: Topic, texts: Sequence[tuple[str, str]], *, cutoff: float = 0.5
) -> list[int]:
    """Indexes of (own words, context) pairs about the topic: own words count fully, the
    paragraph around them half, and at least ``cutoff`` of the topic must be spoken of."""
    found = []
    for index, (own, context) in enumerate(texts):
        score = max(subject.score(own), subject.score(context) * 0.5 if context else 0.0)
        if score >= cutoff:
            found.append(index)
    return found


def mentions(subject: Topic, pieces: Iterable[str]) -> float:
    """The best score of any piece of text (a title, a lede, a key point)."""
    return max((subject.score(piece) for piece in pieces), default=0.0)
