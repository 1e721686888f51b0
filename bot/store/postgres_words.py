"""Statement words for PostgreSQL: the tsvector stored per statement and the word counts.

PostgreSQL's own text-search parser splits words by its rules and the server's locale, which
would make the two stores disagree on what a word is. So nothing is parsed on the server:
the words come from ``search_words`` (via ``fts_tokens``, the rule SQLite's index follows),
and the tsvector and tsquery are written as literals of quoted lexemes, with positions.
Each adjacent pair is a lexeme too ('tremendous progress': a space, which no word holds).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.store.sqlite_search import fts_tokens

MAX_POSITION = 16_383  # tsvector positions stop here; later words share the last position


def quoted(lexeme: str) -> str:
    """A lexeme as tsvector/tsquery literal text: quoted, with quotes and backslashes escaped."""
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def pair(first: str, second: str) -> str:
    """The lexeme of two adjacent words."""
    return f"{first} {second}"


def pairs_of(words: Sequence[str]) -> list[str]:
    """Adjacent pairs in order: ['a', 'b', 'c'] → ['a b', 'b c']."""
    return [pair(a, b) for a, b in zip(words, words[1:], strict=False)]


@dataclass(frozen=True)
class StatementWords:
    """What one statement's text adds to the index."""

    tsvector: str
    tokens: int
    terms: frozenset[str]


def statement_words(text: str) -> StatementWords:
    """The tsvector literal, length and distinct words of a statement's text."""
    words = fts_tokens([text])
    positions: dict[str, list[int]] = {}
    for number, word in enumerate(words, start=1):
        positions.setdefault(word, []).append(min(number, MAX_POSITION))
    for number, lexeme in enumerate(pairs_of(words), start=1):
        positions.setdefault(lexeme, []).append(min(number, MAX_POSITION))
    literal = " ".join(
        f"{quoted(lexeme)}:{','.join(map(str, dict.fromkeys(spots)))}"
        for lexeme, spots in positions.items()
    )
    return StatementWords(literal, len(words), frozenset(words))


def phrase_query(tokens: Sequence[str], probes: Iterable[str] = ()) -> str:
    """A tsquery holding the tokens in this order; rare ``probes`` (pairs) lead the index."""
    phrase = " <-> ".join(quoted(t) for t in tokens)
    leads = [quoted(p) for p in probes]
    return " & ".join([*leads, f"({phrase})"]) if leads else phrase


def all_query(tokens: Sequence[str]) -> str:
    """A tsquery holding every token anywhere."""
    return " & ".join(quoted(t) for t in dict.fromkeys(tokens))


def any_query(tokens: Sequence[str]) -> str:
    """A tsquery holding any of the tokens."""
    return " | ".join(quoted(t) for t in dict.fromkeys(tokens))


_QUOTED_LEXEME = re.compile(r"'((?:[^']|'')*)'")  # one ``quoted`` lexeme of a tsquery above


def era_query(query: str, eras: Sequence[int]) -> str:
    """The tsquery ``query`` (written by the functions above) asked within each of the eras,
    for the index of migration 0012: every lexeme tagged as ``era_words`` tags it there
    ('30~progress'), one group per era, any of them. The tag is digits and a tilde, so the
    lexeme's own quoting is kept as it is."""
    groups = [_QUOTED_LEXEME.sub(f"'{era}~\\1'", query) for era in eras]
    return " | ".join(f"({group})" for group in groups)


@dataclass
class WordDelta:
    """Changes to the word counts and the totals from one batch of writes."""

    terms: Counter[str]
    statements: int = 0
    tokens: int = 0

    @classmethod
    def empty(cls) -> WordDelta:
        """No change yet."""
        return cls(Counter())

    def add(self, words: StatementWords, sign: int) -> None:
        """Count a statement in (+1) or out (-1)."""
        for term in words.terms:
            self.terms[term] += sign
        self.statements += sign
        self.tokens += sign * words.tokens
