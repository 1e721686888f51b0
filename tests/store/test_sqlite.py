"""The SQLite store: migrations, replacement, cascades and safe full-text queries."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.core.summary import Summary
from bot.store import StoreError, open_store
from bot.store.base import Store
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


async def test_put_replaces_and_remove_cascades(store: Store, seed_summary: Summary) -> None:
    await store.put(seed_summary, content_hash="one", origin="file:/x.yaml")
    fewer = seed_summary.model_copy(update={"statements": seed_summary.statements[:2]})
    await store.put(fewer, content_hash="two", origin="file:/x.yaml")
    assert [o.content_hash for o in await store.origins()] == ["two"]
    trump = [s.key for s in await store.speakers_named("trump")]
    putin = [s.key for s in await store.speakers_named("putin")]
    assert await store.count_statements_of(trump) == 1
    assert await store.count_statements_of(putin) == 0  # its statements went with the old version
    await store.remove([seed_summary.article.id])
    assert await store.articles() == []
    assert await store.speakers_named("putin") == []
    assert await store.search(["putin"], mode="any", limit=5) == []
    assert await store.vocabulary_near("putin", 1) == []  # word counts went with them


async def test_one_person_shares_a_key_across_articles(store: Store, seed_summary: Summary) -> None:
    other = seed_summary.model_copy(
        update={"article": seed_summary.article.model_copy(update={"id": "second"})}
    )
    await store.put(seed_summary, content_hash="a", origin=None)
    await store.put(other, content_hash="b", origin=None)
    (rubio,) = await store.speakers_named("rubio")
    assert rubio.key == "person:marco rubio"
    assert await store.count_statements_of([rubio.key]) == 2
    officials = await store.speakers_named("white house official")
    assert len(officials) == 2  # an unnamed source belongs to its own article


@pytest.mark.parametrize(
    "hostile",
    ['"', "NEAR(a b)", "a OR", "* AND -", "col:text", "'); DROP TABLE statements; --"],
)
async def test_search_text_cannot_inject_fts_syntax(loaded_store: Store, hostile: str) -> None:
    assert isinstance(await loaded_store.search([hostile], mode="all", limit=5), list)
    assert isinstance(await loaded_store.search([hostile], mode="phrase", limit=5), list)
    assert len(await loaded_store.articles()) == 3


def test_fts_query_quotes_every_token() -> None:
    assert fts_query(["Tremendous", "progress"], "phrase") == '"tremendous progress"'
    assert fts_query(["a", "b", "a"], "all") == '"a" AND "b"'
    assert fts_query(["don't"], "any") == '"don" OR "t"'
    assert fts_query(["--"], "any") == ""


async def test_latest_by_topic(loaded_store: Store) -> None:
    energy = await loaded_store.latest(5, ["energy"])
    assert [s.article.id for s in energy] == ["wire-voltra-ohio-plant"]
    assert len(await loaded_store.latest(2)) == 2


async def test_bad_url_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match="unsupported scheme 'mysql'"):
        await open_store("mysql://localhost/x")
    with pytest.raises(StoreError, match="expected sqlite:///"):
        await open_store("sqlite:")


def test_candidates_are_checked_for_the_whole_phrase_or_word_set() -> None:
    from bot.store.sqlite_search import fts_tokens, holds

    text = fts_tokens(["Trump’s team had made “tremendous progress” toward ending the war"])
    assert holds(text, ["tremendous", "progress"], phrase=True)
    assert not holds(text, ["progress", "tremendous"], phrase=True)
    assert holds(text, ["progress", "tremendous"], phrase=False)
    assert holds(text, ["trump", "s", "team"], phrase=True)
    assert not holds(text, ["tremendous", "peace"], phrase=False)


async def test_phrase_with_a_word_in_every_statement(store: Store, seed_summary: Summary) -> None:
    await store.put(seed_summary, content_hash="a", origin=None)
    found = await store.search(["the", "war"], mode="phrase", limit=5)
    assert {r.speaker_name for r in found} == {"Marco Rubio", "A White House official"}
    assert await store.search(["war", "the"], mode="phrase", limit=5) == []


async def test_caches_follow_writes_from_another_process(
    tmp_path: Path, seed_summary: Summary
) -> None:
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    reader, writer = await open_store(url), await open_store(url)
    try:
        assert await reader.search(["tremendous"], mode="all", limit=5) == []
        assert "rubio" not in await reader.speaker_names()
        assert await reader.vocabulary_near("tremendos", 1) == []
        await writer.put(seed_summary, content_hash="a", origin=None)
        found = await reader.search(["tremendous", "progress"], mode="phrase", limit=5)
        assert [r.speaker_name for r in found] == ["A White House official"]
        assert "rubio" in await reader.speaker_names()
        assert await reader.vocabulary_near("tremendos", 1) == ["tremendous"]
    finally:
        await reader.close()
        await writer.close()


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
