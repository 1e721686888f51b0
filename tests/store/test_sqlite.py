"""What only the SQLite store has: its migration table, FTS5 queries, counts, WAL.

The behaviour both stores share is tested on both in ``test_store.py``."""

from __future__ import annotations

import random
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.library import StatementRecord
from bot.core.summary import Summary
from bot.core.text import search_words
from bot.store import open_store, sqlite_search
from bot.store.sqlite import DISPUTED
from bot.store.sqlite_search import fts_query, holds, holds_text
from tests.store.test_parity import fill, generate


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


_PIECES = st.lists(st.sampled_from([*"abcß łé’'_-ÆİK.ﬁ", "Straße", " strasse "]), max_size=20)
_TEXTS = _PIECES.map("".join)


@given(_TEXTS, _TEXTS, st.booleans())
def test_a_text_is_checked_as_its_words_are(text: str, query: str, phrase: bool) -> None:
    """The substring test before splitting never rules out a text whose words hold the
    query, folded letters (ß, ł, é, ligatures, dotted capitals) and apostrophes included."""
    words = search_words(text)
    for tokens in (search_words(query), words[1:3], words[-2:]):
        if tokens:
            assert holds_text(text, tokens, phrase=phrase) == holds(words, tokens, phrase=phrase)


def test_a_rare_word_and_a_middling_one_make_a_probe() -> None:
    """FTS5's cost is the postings it walks: a word in 1,500 statements (too many to check
    alone) with one in 30,000 is a probe; a very common third word is left out."""
    counts = {"rare": 1_500, "middling": 30_000, "common": 600_000, "few": 400}
    assert sqlite_search._selective(["common", "middling", "rare"], counts) == ["rare", "middling"]
    assert sqlite_search._selective(["common", "few"], counts) == ["few"]
    assert sqlite_search._selective(["common", "middling"], counts) == []


async def test_every_probe_gives_what_fts5_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With probe limits scaled down to generated data, searches take every route (one rare
    word, a rare word with middling ones, pairs within the budget and beyond it, a probe
    holding too many statements, FTS5 alone), and each returns exactly the statements FTS5's
    own phrase or all-words match returns, in its order."""
    monkeypatch.setattr(sqlite_search, "CANDIDATES", 12)
    monkeypatch.setattr(sqlite_search, "PROBE_POSTINGS", 150)
    summaries, texts = generate()
    path = tmp_path / "probes.sqlite3"
    store = await open_store(f"sqlite:///{path}")
    await fill(store, summaries)
    plain = sqlite3.connect(path, check_same_thread=False)  # the store's thread spies too
    routes: Counter[str] = Counter()
    probe_with, native = sqlite_search._probe, sqlite_search._native

    def probed(*args: Any, **kwargs: Any) -> list[int] | None:
        probe = args[2]
        pairs = probe[0] == sqlite_search.PAIRS
        counts = sqlite_search._counts(plain, "pair_terms", "pair", probe[1:]) if pairs else {}
        found = probe_with(*args, **kwargs)
        routes["too many" if found is None else f"{len(probe) - pairs} {'pair' * pairs}"] += 1
        routes["pairs beyond"] += sum(counts.values()) > 150
        return found

    def natively(*args: Any) -> list[StatementRecord]:
        routes[f"native {args[2]}"] += 1
        return native(*args)

    monkeypatch.setattr(sqlite_search, "_probe", probed)
    monkeypatch.setattr(sqlite_search, "_native", natively)
    rng = random.Random(8)
    for text in rng.sample(texts, 150):
        tokens = search_words(text)
        start = rng.randrange(max(1, len(tokens) - 2))
        run = tokens[start : start + rng.randint(2, 4)]
        for mode in ("phrase", "all"):
            for limit in (2, 10):
                found = await store.search(run, mode=mode, limit=limit)
                assert found == native(plain, run, mode, limit), (run, mode)
    await store.close()
    wanted = ["1 ", "2 ", "3 ", "1 pair", "2 pair", "pairs beyond", "too many", "native all"]
    assert all(routes[route] for route in wanted), routes


async def test_disputed_articles_are_found_through_their_index(
    tmp_path: Path, seed_summary: Summary
) -> None:
    """The partial index of migration 0009 holds exactly the articles recording disputes,
    and ``disputed`` looks them up through it, reading no other document."""
    store = await open_store(f"sqlite:///{tmp_path / 'disputed.sqlite3'}")
    calm = seed_summary.model_copy(
        update={
            "article": seed_summary.article.model_copy(update={"id": "calm"}),
            "sourcing": seed_summary.sourcing.model_copy(update={"disputed": []}),
        }
    )
    await store.put(seed_summary, content_hash="a", origin=None)
    await store.put(calm, content_hash="a", origin=None)
    assert await store.disputed(["calm", seed_summary.article.id]) == [seed_summary]
    await store.close()
    db = sqlite3.connect(tmp_path / "disputed.sqlite3")
    held = db.execute(f"SELECT id FROM articles INDEXED BY articles_disputed WHERE {DISPUTED}")
    assert held.fetchall() == [(seed_summary.article.id,)]


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
