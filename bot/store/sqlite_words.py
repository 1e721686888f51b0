"""Word counts and the word-pair index of statements, kept in step with the statements.

``terms`` counts the statements holding each word and ``pair_terms`` each adjacent pair;
``statement_pairs`` (FTS5, contentless) finds the statements holding a pair. Search uses the
counts to pick its most selective probes (see ``sqlite_search``).
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Sequence

from bot.store.sqlite_search import fts_tokens


def word_pairs(words: Sequence[str]) -> set[str]:
    """Adjacent pairs as single tokens: ['a', 'b', 'c'] → {'a_b', 'b_c'}."""
    return {f"{first}_{second}" for first, second in zip(words, words[1:], strict=False)}


def pair_text(text: str) -> str:
    """A statement's word pairs as ``statement_pairs`` indexes them (also the SQL function
    ``briefbot_pairs`` that migration 0007 rebuilt the index with)."""
    return " ".join(sorted(word_pairs(fts_tokens([text]))))


def index_words(db: sqlite3.Connection, article_id: str) -> None:
    """Count the words and index the pairs of an article's statements (after inserting them)."""
    _apply(db, article_id, +1)


def unindex_words(db: sqlite3.Connection, article_id: str) -> None:
    """Take an article's statements out of the counts and the pair index (before deleting)."""
    _apply(db, article_id, -1)


def _apply(db: sqlite3.Connection, article_id: str, sign: int) -> None:
    rows = db.execute("SELECT id, text FROM statements WHERE article_id = ?", (article_id,))
    terms: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    entries = []
    for statement_id, text in rows.fetchall():
        words = fts_tokens([text])
        held = word_pairs(words)
        terms.update(set(words))
        pairs.update(held)
        entries.append((statement_id, " ".join(sorted(held))))
    if sign > 0:
        db.executemany("INSERT INTO statement_pairs (rowid, pairs) VALUES (?, ?)", entries)
    else:  # a contentless table is told exactly what to forget
        db.executemany(
            "INSERT INTO statement_pairs (statement_pairs, rowid, pairs) VALUES ('delete', ?, ?)",
            entries,
        )
    _count(db, "terms", "term", terms, sign)
    _count(db, "pair_terms", "pair", pairs, sign)


def _count(
    db: sqlite3.Connection, table: str, column: str, counts: Counter[str], sign: int
) -> None:
    db.executemany(
        f"INSERT INTO {table} ({column}, docs) VALUES (?, ?)"
        f" ON CONFLICT ({column}) DO UPDATE SET docs = docs + excluded.docs",
        [(value, sign * count) for value, count in counts.items()],
    )
    if sign < 0:
        db.executemany(
            f"DELETE FROM {table} WHERE {column} = ? AND docs <= 0", [(v,) for v in counts]
        )
