"""The SQLite speaker index: who is findable by which name, alias or role word.

One row per (name key, speaker) and per (word, speaker), however many articles name that
speaker, with a reference count and the newest publication time. Lookups then read an index
range newest first and stop at the limit, so "who White House official" costs the same with
ten articles or a hundred thousand.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from bot.core.library import SpeakerRecord
from bot.core.summary import Summary
from bot.store.rows import SpeakerRow, speaker_rows

_COLUMNS = "k.key, k.name, k.is_person, k.anonymous, k.role, k.people, k.article_id"


def index_speakers(db: sqlite3.Connection, summary: Summary, published: str) -> None:
    """Add an article's speakers; the newest article's description of a speaker wins."""
    article_id = summary.article.id
    for row in speaker_rows(summary):
        db.execute(
            "INSERT INTO speakers (article_id, local_id, key, name, is_person, anonymous, role,"
            " people) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                row.local_id,
                row.key,
                row.name,
                row.is_person,
                row.anonymous,
                row.role,
                row.people,
            ),
        )
        _upsert_key(db, row, None if row.is_person else article_id, published)
        _count(db, "speaker_names", "name_key", row.name_keys, row.key, published, +1)
        _count(db, "speaker_words", "word", row.words, row.key, published, +1)


def unindex_speakers(db: sqlite3.Connection, summary: Summary) -> None:
    """Take an article's speakers out of the counts (its ``speakers`` rows cascade away)."""
    for row in speaker_rows(summary):
        _count(db, "speaker_names", "name_key", row.name_keys, row.key, "", -1)
        _count(db, "speaker_words", "word", row.words, row.key, "", -1)
        db.execute("UPDATE speaker_keys SET refs = refs - 1 WHERE key = ?", (row.key,))
        db.execute("DELETE FROM speaker_keys WHERE key = ? AND refs <= 0", (row.key,))


def _upsert_key(
    db: sqlite3.Connection, row: SpeakerRow, article_id: str | None, published: str
) -> None:
    db.execute(
        "INSERT INTO speaker_keys (key, name, is_person, anonymous, role, people, article_id,"
        " latest, refs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)"
        " ON CONFLICT (key) DO UPDATE SET refs = refs + 1,"
        " name = CASE WHEN excluded.latest >= latest THEN excluded.name ELSE name END,"
        " role = CASE WHEN excluded.latest >= latest THEN excluded.role ELSE role END,"
        " people = CASE WHEN excluded.latest >= latest THEN excluded.people ELSE people END,"
        " latest = MAX(latest, excluded.latest)",
        (
            row.key,
            row.name,
            row.is_person,
            row.anonymous,
            row.role,
            row.people,
            article_id,
            published,
        ),
    )


def _count(
    db: sqlite3.Connection,
    table: str,
    column: str,
    values: frozenset[str],
    key: str,
    published: str,
    sign: int,
) -> None:
    """Add or remove one reference from (value, key) rows, deleting rows nobody references."""
    if sign > 0:
        db.executemany(
            f"INSERT INTO {table} ({column}, key, latest, refs) VALUES (?, ?, ?, 1)"
            f" ON CONFLICT ({column}, key) DO UPDATE SET refs = refs + 1,"
            " latest = MAX(latest, excluded.latest)",
            [(value, key, published) for value in values],
        )
        return
    rows = [(value, key) for value in values]
    db.executemany(f"UPDATE {table} SET refs = refs - 1 WHERE {column} = ? AND key = ?", rows)
    db.executemany(f"DELETE FROM {table} WHERE {column} = ? AND key = ? AND refs <= 0", rows)


def find_named(db: sqlite3.Connection, name_key: str, limit: int) -> list[SpeakerRecord]:
    """Speakers with this exact name key, newest first."""
    sql = (
        f"SELECT {_COLUMNS}, n.name_key FROM speaker_names n JOIN speaker_keys k ON k.key = n.key"
        " WHERE n.name_key = ? ORDER BY n.latest DESC, n.key LIMIT ?"
    )
    return [_record(row) for row in db.execute(sql, (name_key, limit))]


def find_with_words(
    db: sqlite3.Connection, words: Sequence[str], limit: int
) -> list[SpeakerRecord]:
    """Speakers holding every word, newest first: the longest word's rows are walked in
    order and each other word is a primary-key probe, so the walk stops at ``limit`` hits."""
    unique = sorted(dict.fromkeys(words), key=len, reverse=True)
    if not unique:
        return []
    probes = "".join(
        " AND EXISTS (SELECT 1 FROM speaker_words o WHERE o.word = ? AND o.key = w.key)"
        for _ in unique[1:]
    )
    sql = (
        f"SELECT {_COLUMNS}, '' FROM speaker_words w JOIN speaker_keys k ON k.key = w.key"
        f" WHERE w.word = ?{probes} ORDER BY w.latest DESC, w.key LIMIT ?"
    )
    return [_record(row) for row in db.execute(sql, (*unique, limit))]


def all_name_keys(db: sqlite3.Connection) -> list[str]:
    """Every distinct name key, for typo-tolerant matching."""
    return [row[0] for row in db.execute("SELECT DISTINCT name_key FROM speaker_names")]


def _record(row: Sequence[Any]) -> SpeakerRecord:
    key, name, is_person, anonymous, role, people, article_id, matched = row
    return SpeakerRecord(
        key=key,
        name=name,
        is_person=bool(is_person),
        anonymous=bool(anonymous),
        role=role,
        count=people,
        article_id=article_id,
        matched=matched,
    )
