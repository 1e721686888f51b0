"""What only the PostgreSQL store has: its migrations, counts, notifications and pool."""

from __future__ import annotations

import asyncio
from urllib.parse import quote

import psycopg

from bot.core.summary import Summary
from bot.core.text import search_words
from bot.store import open_store
from bot.store.postgres import DISPUTED, PostgresStore
from bot.store.postgres_db import IO_CONCURRENCY
from bot.store.postgres_search import ERA, Plan, _matching, plan
from bot.store.postgres_words import (
    all_query,
    any_query,
    era_query,
    pair,
    pairs_of,
    quoted,
    statement_words,
)
from tests.store.backends import PostgresServer


async def test_replicas_starting_together_migrate_once(postgres_server: PostgresServer) -> None:
    fresh = PostgresServer(postgres_server.admin_url)
    fresh.create()
    try:
        stores = await asyncio.gather(*(open_store(fresh.url) for _ in range(3)))
        for store in stores:
            await store.close()
        with psycopg.connect(fresh.url) as db:
            rows = db.execute("SELECT version, name FROM schema_migrations ORDER BY 1").fetchall()
        assert rows[:3] == [(1, "articles"), (2, "delivery"), (3, "feeds")]
        assert len(rows) == len({version for version, _ in rows})
    finally:
        fresh.drop()


async def test_typos_are_corrected_alike_with_and_without_pg_trgm(
    postgres_url: str, seed_summary: Summary
) -> None:
    """Migration 0006 gives the vocabulary a trigram index where the server has pg_trgm (this
    one has); a server without it corrects typos in process, and the corrections agree."""
    with psycopg.connect(postgres_url, autocommit=True) as db:
        first = await open_store(postgres_url)
        await first.put(seed_summary, content_hash="a", origin=None)
        typos = ["ptuin", "tremendus", "progrss", "prgoress", "rusia", "kremiln", "ukraine"]
        with_trgm = [await first.vocabulary_near(t, 5) for t in typos]
        await first.close()
        assert db.execute("SELECT 1 FROM pg_indexes WHERE indexname = 'terms_trigrams'").fetchone()
        db.execute("DROP INDEX terms_trigrams")
        try:
            store = await open_store(postgres_url)
            try:
                assert [await store.vocabulary_near(t, 5) for t in typos] == with_trgm
            finally:
                await store.close()
        finally:
            db.execute("CREATE INDEX terms_trigrams ON terms USING gin (term gin_trgm_ops)")
    assert with_trgm[0] == ["putin"] and with_trgm[2] == ["progress"]


async def test_word_counts_follow_replacements(postgres_url: str, seed_summary: Summary) -> None:
    store = await open_store(postgres_url)
    try:
        await store.put(seed_summary, content_hash="a", origin=None)
        await store.put(seed_summary, content_hash="b", origin=None)  # replaced, not doubled
        with psycopg.connect(postgres_url) as db:
            word = db.execute("SELECT docs FROM terms WHERE term = 'putin'").fetchone()
            totals = db.execute("SELECT statements FROM store_stats").fetchone()
            # the pairs are lexemes of each statement's tsvector, found through the index
            pair = db.execute(
                "SELECT COUNT(*) FROM statements WHERE words @@ %s::tsquery",
                (quoted("tremendous progress"),),
            ).fetchone()
        assert (pair, word, totals) == ((1,), (6,), (len(seed_summary.statements),))
        await store.remove([seed_summary.article.id])
        with psycopg.connect(postgres_url) as db:
            left = [
                db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()
                for table in ("terms", "speaker_keys", "speaker_names")
            ]
            totals = db.execute("SELECT statements, tokens FROM store_stats").fetchone()
        assert left == [(0,)] * 3 and totals == (0, 0)
    finally:
        await store.close()


async def test_pair_counts_are_no_longer_kept(postgres_url: str, seed_summary: Summary) -> None:
    """Migration 0010 drops pair_terms (written, never read: phrase windows are sized from the
    word counts); writes and phrase searches work without it."""
    store = await open_store(postgres_url)
    try:
        with psycopg.connect(postgres_url) as db:
            assert db.execute("SELECT to_regclass('pair_terms')").fetchone() == (None,)
            assert db.execute(
                "SELECT name FROM schema_migrations WHERE version = 10"
            ).fetchone() == ("drop_pair_terms",)
        await store.put(seed_summary, content_hash="a", origin=None)
        found = await store.search(["tremendous", "progress"], mode="phrase", limit=5)
        said = {s.text for s in seed_summary.statements if "tremendous progress" in s.text.lower()}
        assert said and {r.text for r in found} == said
    finally:
        await store.close()


async def test_a_lost_listener_falls_back_to_asking_the_database(
    postgres_url: str, seed_summary: Summary
) -> None:
    reader, writer = await open_store(postgres_url), await open_store(postgres_url)
    assert isinstance(reader, PostgresStore)
    try:
        assert await reader.vocabulary_near("tremendos", 1) == []
        with psycopg.connect(postgres_url, autocommit=True) as admin:  # the listener dies
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE query LIKE 'LISTEN briefbot_articles%%' AND pid <> pg_backend_pid()"
                " AND datname = current_database()"  # not the listeners of other runs
            )
        for _ in range(500):
            if not reader._changes.live:
                break
            await asyncio.sleep(0.01)
        assert not reader._changes.live
        await writer.put(seed_summary, content_hash="a", origin=None)
        # No notification can arrive now: the very next read asks the database.
        assert await reader.vocabulary_near("tremendos", 1) == ["tremendous"]
        assert "rubio" in await reader.speaker_names()
    finally:
        await reader.close()
        await writer.close()


async def test_a_request_is_claimed_once_across_replicas_until_it_expires(
    postgres_url: str,
) -> None:
    import datetime as dt

    now = dt.datetime(2025, 12, 20, 7, 0, tzinfo=dt.UTC)
    keep = dt.timedelta(minutes=5)
    first, second = await open_store(postgres_url), await open_store(postgres_url)
    assert isinstance(first, PostgresStore) and isinstance(second, PostgresStore)
    try:
        claims = await asyncio.gather(
            *(s.mark_seen("slack-event:Ev1", now=now, keep=keep) for s in (first, second) * 3)
        )
        assert sorted(claims) == [False] * 5 + [True]
        later = now + keep + dt.timedelta(seconds=1)
        assert await second.mark_seen("slack-event:Ev1", now=later, keep=keep)  # expired
        assert not await first.mark_seen("slack-event:Ev1", now=later, keep=keep)
        assert await first.mark_seen("slack-event:Ev2", now=later, keep=keep)
    finally:
        await first.close()
        await second.close()


async def test_replicas_writing_the_same_new_article_at_once_do_not_collide(
    postgres_url: str, seed_summary: Summary
) -> None:
    stores = [await open_store(postgres_url) for _ in range(3)]
    try:
        await asyncio.gather(
            *(s.put(seed_summary, content_hash=f"h{n}", origin="file:/x") for n, s in
              enumerate(stores * 2))
        )  # fmt: skip
        assert len(await stores[0].articles()) == 1
        (rubio,) = await stores[1].speakers_named("rubio")
        assert await stores[2].count_statements_of([rubio.key]) == 1
        with psycopg.connect(postgres_url) as db:
            totals = db.execute("SELECT statements FROM store_stats").fetchone()
        assert totals == (len(seed_summary.statements),)
    finally:
        for store in stores:
            await store.close()


async def test_windows_asked_by_era_find_what_the_key_range_finds(
    postgres_url: str, seed_summary: Summary
) -> None:
    """Migration 0012 indexes the words tagged with their era (id / ERA). A plan that asks
    GIN for its windows' eras finds the same
    statements, in the same order, as one reading the key's range and one looking everywhere:
    here the articles' statements are spread over several eras (the id sequence moved on
    between them), so windows start and end inside eras and across them."""
    store = await open_store(postgres_url)
    assert isinstance(store, PostgresStore)
    try:
        with psycopg.connect(postgres_url, autocommit=True) as db:
            for number in range(6):
                db.execute(
                    "SELECT setval(pg_get_serial_sequence('statements', 'id'), %s)",
                    (number * ERA * 3 // 4 + 1,),  # some eras hold two articles, some none
                )
                article = seed_summary.article.model_copy(update={"id": f"era-{number}"})
                copy = seed_summary.model_copy(update={"article": article})
                await store.put(copy, content_hash=str(number), origin=None)
            assert db.execute(
                "SELECT 1 FROM pg_indexes WHERE indexname = 'statements_era_words'"
            ).fetchone()
        await store.vocabulary_near("x", 1)  # reads the counts and totals
        totals = store._vocabulary.totals
        assert store._eras and totals.newest > 3 * ERA
        words = search_words(seed_summary.statements[0].text)[:2]
        query = all_query(words)
        for limit in (1, 3, 8, 40):
            everywhere = await _matching(
                store._database, Plan(words, 0), query, query, totals, limit
            )
            assert everywhere
            for window in (ERA // 5, ERA, 2 * ERA + 7, 10 * ERA):
                by_range = Plan(words, window)
                by_eras = Plan(words, window, eras=True)
                for chosen in (by_range, by_eras):
                    found = await _matching(store._database, chosen, query, query, totals, limit)
                    assert found == everywhere
        # written after the totals were read (another replica's, its notice not yet here),
        # two eras past the newest they know of: still found first
        with psycopg.connect(postgres_url, autocommit=True) as db:
            db.execute(
                "SELECT setval(pg_get_serial_sequence('statements', 'id'), %s)",
                (totals.newest + 2 * ERA,),
            )
        article = seed_summary.article.model_copy(update={"id": "era-late"})
        late = seed_summary.model_copy(update={"article": article})
        await store.put(late, content_hash="late", origin=None)
        everywhere = await _matching(store._database, Plan(words, 0), query, query, totals, 8)
        assert everywhere[0].article_id == "era-late"
        for window in (ERA // 5, 2 * ERA + 7):
            stale = Plan(words, window, eras=True)
            assert await _matching(store._database, stale, query, query, totals, 8) == everywhere
    finally:
        await store.close()


async def test_an_era_query_finds_the_words_of_that_era_only(postgres_url: str) -> None:
    """Migration 0012 tags every lexeme of a statement's tsvector with its era, and
    ``era_query`` tags a search's probe (all of some words or pairs, or any) the same way,
    quotes and backslashes too: each probe finds the statement in its own era and in no
    other, and a pair the statement does not hold is not found."""
    store = await open_store(postgres_url)  # migrates: the function is there
    await store.close()
    vector = statement_words("O'Neill said the C:\\temp path was fine").tsvector
    words = search_words("O'Neill said the C:\\temp path")
    probes = [all_query(words), any_query(words[:2]), all_query(pairs_of(words))]
    with psycopg.connect(postgres_url) as db:

        def holds(vector: str, era: int, probe: str) -> bool:
            row = db.execute(
                "SELECT era_words(%s::tsvector, %s) @@ %s::tsquery", (vector, era, probe)
            ).fetchone()
            return bool(row and row[0])

        for probe in probes:
            assert db.execute("SELECT %s::tsvector @@ %s::tsquery", (vector, probe)).fetchone()
            for eras, found in (([7], True), ([6, 7, 8], True), ([6, 8], False)):
                assert holds(vector, 7, era_query(probe, eras)) is found, (probe, eras)
        assert not holds(vector, 7, era_query(all_query([pair("path", "said")]), [7]))


async def test_the_words_index_by_era_replaces_the_two_column_one(postgres_url: str) -> None:
    """After migration 0012 the statements' words are indexed tagged by era, the index over
    (words, era) of migration 0009 is gone, and the store says it may ask by eras."""
    store = await open_store(postgres_url)
    try:
        assert isinstance(store, PostgresStore) and store._eras
        with psycopg.connect(postgres_url) as db:
            names = {row[0] for row in db.execute("SELECT indexname FROM pg_indexes")}
        assert "statements_era_words" in names and "statements_word_eras" not in names
    finally:
        await store.close()


async def test_the_store_plans_once_and_without_parallel_workers(postgres_url: str) -> None:
    """The store's connections plan without parallel workers, whatever the server's default
    (two workers cost more to start than its searches take), and keep one generic plan per
    prepared statement (planning the searches afresh cost more than it saved at 1M)."""
    store = await open_store(postgres_url)
    assert isinstance(store, PostgresStore)
    try:
        rows = store._database.rows
        assert await rows("SHOW max_parallel_workers_per_gather") == [("0",)]
        assert await rows("SHOW plan_cache_mode") == [("force_generic_plan",)]
    finally:
        await store.close()


def test_a_wide_window_is_asked_by_era_where_the_index_is_there() -> None:
    """Three words in 2 %, 6 % and 20 % of a million statements: the newest ten holding all
    three are expected among the newest 170,000 or so, a window too wide for the key's range
    to pay (a bitmap of every statement in it); by its eras GIN returns only the window's
    matches, so that is the plan where the index is there, and never where it is not."""
    lexemes = {"first": 20_000, "second": 60_000, "third": 200_000}
    rate = 0.02 * 0.06 * 0.2
    with_eras = plan(lexemes, rate, 1_000_000, 10, eras=True)
    without = plan(lexemes, rate, 1_000_000, 10)
    assert with_eras.eras and 0 < with_eras.window < 1_000_000
    assert not without.eras


def test_a_narrow_window_of_a_common_word_is_asked_by_era() -> None:
    """A word in 1 % of a million statements: its newest ten are expected among the newest
    1,250, a window of the newest era. Asked by its eras (migration 0012) GIN reads that
    era's postings only (about 330, not 10,000) and the window's key range narrows the
    visits, so that is the plan; the probe is the word, the window unchanged."""
    chosen = plan({"word": 10_000}, 0.01, 1_000_000, 10, eras=True)
    assert chosen.eras and chosen.window == 1250 and chosen.probe == ["word"]
    assert plan({"word": 10_000}, 0.01, 1_000_000, 10) == Plan(["word"], 1250, False, 0.01)


async def test_heap_pages_are_read_ahead_unless_the_server_says_otherwise(
    postgres_url: str,
) -> None:
    """The store raises effective_io_concurrency to IO_CONCURRENCY on its connections where
    the server reads ahead less (PostgreSQL 15's default, 1), and leaves 0 (no read-ahead:
    the operator's or the platform's choice) and anything higher alone."""
    for server, expected in (("", str(IO_CONCURRENCY)), ("0", "0"), ("40", "40")):
        url = postgres_url
        if server:
            url += "?options=" + quote(f"-c effective_io_concurrency={server}")
        store = await open_store(url)
        assert isinstance(store, PostgresStore)
        try:
            rows = await store._database.rows("SHOW effective_io_concurrency")
            assert rows == [(expected,)], server
        finally:
            await store.close()


async def test_disputed_reads_the_index_of_disputed_articles(
    postgres_url: str, seed_summary: Summary
) -> None:
    """Migration 0011's partial index answers ``disputed``: the planner takes it for the
    store's own condition (the index's predicate, word for word), so the documents of
    articles without disputes are not read."""
    store = await open_store(postgres_url)
    try:
        await store.put(seed_summary, content_hash="a", origin=None)
        with psycopg.connect(postgres_url, autocommit=True) as db:
            db.execute("SET enable_seqscan = off")  # a few rows: a scan would be as cheap
            plan = "\n".join(
                row[0]
                for row in db.execute(
                    f"EXPLAIN SELECT id, document FROM articles WHERE id = ANY(%s) AND {DISPUTED}",
                    ([seed_summary.article.id],),
                )
            )
        assert "articles_disputed" in plan
    finally:
        await store.close()


async def test_writes_leave_no_pending_gin_entries(
    postgres_url: str, seed_summary: Summary
) -> None:
    """Each write flushes the GIN indexes' pending lists (which every search would read whole
    until a vacuum): after single-article puts, nothing is pending, and the new statements
    are found through the index itself."""
    store = await open_store(postgres_url)
    try:
        with psycopg.connect(postgres_url, autocommit=True) as db:
            db.execute("CREATE EXTENSION IF NOT EXISTS pgstattuple")
            gins = [
                row[0]
                for row in db.execute(
                    "SELECT c.relname FROM pg_class c JOIN pg_am am ON am.oid = c.relam"
                    " WHERE am.amname = 'gin' AND c.relkind = 'i'"
                    " AND c.relnamespace = current_schema()::regnamespace"
                )
            ]
            assert "statements_words" in gins  # and the eras' and trigrams', where made
        second = seed_summary.model_copy(
            update={"article": seed_summary.article.model_copy(update={"id": "second"})}
        )
        for summary in (seed_summary, second):
            await store.put(summary, content_hash="a", origin=None)
            with psycopg.connect(postgres_url) as db:
                pending = {
                    name: db.execute(
                        "SELECT pending_pages, pending_tuples FROM pgstatginindex(%s)", (name,)
                    ).fetchone()
                    for name in gins
                }
            assert pending == dict.fromkeys(gins, (0, 0))
        found = await store.search(["tremendous", "progress"], mode="phrase", limit=10)
        assert {r.article_id for r in found} == {seed_summary.article.id, "second"}
    finally:
        await store.close()
