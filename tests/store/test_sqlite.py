"""What only the SQLite store has: its migration table, FTS5 queries, counts, WAL.

The behaviour both stores share is tested on both in ``test_store.py``."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.core.summary import Summary
from bot.store import open_store
from bot.store.sqlite_search import fts_query


async def test_migrations_are_recorded_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm.sqlite3'}"
    for _ in range(2):
        store = await open_store(url)
        await store.close()
    rows = (
        sqlite3.connect(tmp_path / "m.sqlite3")
        .execute("SELECT version, name FROM schema_migrations ORDER BY version")
        .fetchall()
    )
    assert rows[0] == (1, "articles")
    assert len(rows) == len({version for version, _ in rows})


def test_fts_query_quotes_every_token() -> None:
    assert fts_query(["Tremendous", "progress"], "phrase") == '"tremendous progress"'
    assert fts_query(["a", "b", "a"], "all") == '"a" AND "b"'
    assert fts_query(["don't"], "any") == '"don" OR "t"'
    assert fts_query(["--"], "any") == ""


def test_candidates_are_checked_for_the_whole_phrase_or_word_set() -> None:
    from bot.store.sqlite_search import fts_tokens, holds

    text = fts_tokens(["Trump’s team had made “tremendous progress” toward ending the war"])
    assert holds(text, ["tremendous", "progress"], phrase=True)
    assert not holds(text, ["progress", "tremendous"], phrase=True)
    assert holds(text, ["progress", "tremendous"], phrase=False)
    assert holds(text, ["trump", "s", "team"], phrase=True)
    assert not holds(text, ["tremendous", "peace"], phrase=False)


async def test_word_and_pair_counts_follow_replacements(
    tmp_path: Path, seed_summary: Summary
) -> None:
    store = await open_store(f"sqlite:///{tmp_path / 'counts.sqlite3'}")
    try:
        await store.put(seed_summary, content_hash="a", origin=None)
        await store.put(seed_summary, content_hash="b", origin=None)  # replaced, not doubled
        db = sqlite3.connect(tmp_path / "counts.sqlite3")
        pair = db.execute(
            "SELECT docs FROM pair_terms WHERE pair = 'tremendous_progress'"
        ).fetchone()
        word = db.execute("SELECT docs FROM terms WHERE term = 'putin'").fetchone()
        assert (pair, word) == ((1,), (6,))
        found = await store.search(["closer", "than", "ever"], mode="phrase", limit=3)
        assert [r.paragraph for r in found] == [7]
        await store.remove([seed_summary.article.id])
        assert db.execute("SELECT COUNT(*) FROM pair_terms").fetchone() == (0,)
        assert db.execute("SELECT COUNT(*) FROM terms").fetchone() == (0,)
        db.close()
    finally:
        await store.close()


def test_switching_to_wal_waits_for_another_process_lock(tmp_path: Path) -> None:
    import threading

    from bot.store.sqlite import _use_wal

    path = tmp_path / "locked.sqlite3"
    holder = sqlite3.connect(path, check_same_thread=False)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")  # as another process creating the database would
    other = sqlite3.connect(path, timeout=0.01)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        _use_wal(other, attempts=1)
    threading.Timer(0.3, holder.commit).start()
    _use_wal(other)  # retries until the lock is released
    assert other.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    other.close()
    holder.close()
