"""Full-text search over statements on SQLite FTS5, fast at a million statements.

FTS5 intersects posting lists by walking them, so a query holding a word that most
statements contain ("the", "said") costs tens of milliseconds at a million rows however rare
its other words are. So a phrase or all-words search asks FTS5 only for its two rarest words
(counts come from the ``terms`` table), newest first, and checks the full phrase or word set
on the candidates' text here; the answers re-rank what comes back.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from typing import Any

from bot.core.library import SearchMode, StatementRecord
from bot.core.summary import StatementKind
from bot.core.text import fold

PROBE_WORDS = 2  # rarest words sent to FTS5
CANDIDATES = 400  # newest rows holding the probe words, checked for the whole query
RANKED_MATCHES = 1_000  # bm25 scores every match: rank only when the matches are this few
_FTS_TOKEN = re.compile(r"\w+", re.UNICODE)

STATEMENT_COLUMNS = """
    s.article_id, a.title, a.outlet, s.speaker_key, sp.name, sp.role, s.text, s.kind, s.cue,
    s.said_when, s.paragraph, s.verified
"""
STATEMENT_JOINS = """
    JOIN articles a ON a.id = s.article_id
    JOIN speakers sp ON sp.article_id = s.article_id AND sp.local_id = s.local_id
"""


def fts_tokens(words: Sequence[str]) -> list[str]:
    """Words split and folded the way the FTS5 unicode61 tokenizer splits them."""
    return [t for w in words for t in _FTS_TOKEN.findall(fold(w))]


def fts_query(words: Sequence[str], mode: SearchMode) -> str:
    """An FTS5 MATCH expression; every token is quoted, so user text cannot inject syntax."""
    tokens = fts_tokens(words)
    if not tokens:
        return ""
    if mode == "phrase":
        return '"' + " ".join(tokens) + '"'
    joiner = " AND " if mode == "all" else " OR "
    return joiner.join(f'"{t}"' for t in dict.fromkeys(tokens))


def search_statements(
    db: sqlite3.Connection, words: Sequence[str], mode: SearchMode, limit: int
) -> list[StatementRecord]:
    """Statements holding the words as a phrase, all of them, or any (runs on the DB thread)."""
    tokens = fts_tokens(words)
    if not tokens:
        return []
    frequency = document_frequency(db, tokens)
    if mode == "any":
        return _any_word(db, _rarest(tokens, frequency), frequency, limit)
    if any(t not in frequency for t in tokens):
        return []  # a word no statement holds: no phrase or all-words match
    probe = sorted(dict.fromkeys(tokens), key=frequency.__getitem__)[:PROBE_WORDS]
    candidates = db.execute(
        "SELECT f.rowid, s.text FROM statements_fts f JOIN statements s ON s.id = f.rowid"
        " WHERE statements_fts MATCH ? ORDER BY f.rowid DESC LIMIT ?",
        (fts_query(probe, "all"), CANDIDATES),
    ).fetchall()
    ids = [rowid for rowid, text in candidates if holds(text, tokens, phrase=mode == "phrase")]
    return _by_ids(db, ids[:limit])


def holds(text: str, tokens: Sequence[str], *, phrase: bool) -> bool:
    """Whether the text has the tokens in this order (phrase) or anywhere (all words)."""
    words = fts_tokens([text])
    if not phrase:
        return set(tokens) <= set(words)
    size = len(tokens)
    return any(words[i : i + size] == list(tokens) for i in range(len(words) - size + 1))


def document_frequency(db: sqlite3.Connection, tokens: Sequence[str]) -> dict[str, int]:
    """How many statements hold each token (absent: none)."""
    unique = tuple(dict.fromkeys(tokens))
    sql = f"SELECT term, docs FROM terms WHERE term IN ({','.join('?' * len(unique))})"
    return {term: int(docs) for term, docs in db.execute(sql, unique)}


def _rarest(tokens: Sequence[str], frequency: dict[str, int], keep: int = 4) -> list[str]:
    """The rarer words of a query; the commonest one alone if all are common."""
    known = sorted(dict.fromkeys(t for t in tokens if t in frequency), key=frequency.__getitem__)
    rare = [t for t in known if frequency[t] <= RANKED_MATCHES]
    return (rare or known[:1])[:keep]


def _any_word(
    db: sqlite3.Connection, tokens: list[str], frequency: dict[str, int], limit: int
) -> list[StatementRecord]:
    """Statements with any of the words; bm25 order when few match, else newest first."""
    if not tokens:
        return []
    ranked = sum(frequency[t] for t in tokens) <= RANKED_MATCHES
    sql = (
        f"SELECT {STATEMENT_COLUMNS} FROM statements_fts f"
        f" JOIN statements s ON s.id = f.rowid {STATEMENT_JOINS}"
        f" WHERE statements_fts MATCH ? ORDER BY {'f.rank' if ranked else 'f.rowid DESC'} LIMIT ?"
    )
    return statement_records(db.execute(sql, (fts_query(tokens, "any"), limit)).fetchall())


def _by_ids(db: sqlite3.Connection, ids: Sequence[int]) -> list[StatementRecord]:
    """Full records of these statements, in the given order."""
    if not ids:
        return []
    sql = (
        f"SELECT s.id, {STATEMENT_COLUMNS} FROM statements s {STATEMENT_JOINS}"
        f" WHERE s.id IN ({','.join('?' * len(ids))})"
    )
    rows = {row[0]: row[1:] for row in db.execute(sql, tuple(ids))}
    return statement_records([rows[i] for i in ids if i in rows])


def statement_records(rows: Sequence[Sequence[Any]]) -> list[StatementRecord]:
    """Rows of STATEMENT_COLUMNS as records."""
    return [
        StatementRecord(
            article_id=row[0],
            article_title=row[1],
            outlet=row[2],
            speaker_key=row[3],
            speaker_name=row[4],
            speaker_role=row[5],
            text=row[6],
            kind=StatementKind(row[7]),
            cue=row[8],
            when=row[9],
            paragraph=row[10],
            verified=None if row[11] is None else bool(row[11]),
        )
        for row in rows
    ]
