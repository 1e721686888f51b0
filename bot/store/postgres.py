"""The shared store: PostgreSQL through psycopg 3 (async) and a connection pool.

The same tables, rules and answers as the SQLite store, for several replicas on one
database. Writes to the articles run in one transaction that first bumps
``store_stats.version`` (that row lock orders concurrent writers: no deadlocks on the shared
word counts) and ends with a NOTIFY, which tells every replica's caches that the data
changed (``postgres_changes``). Cached: the name keys and the word counts, which typo
correction and search planning read on every question.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from typing import Any

from bot.core.library import ArticleRecord, SearchMode, SpeakerRecord, StatementRecord
from bot.core.summary import Summary
from bot.store.base import StoredOrigin
from bot.store.postgres_changes import CHANNEL, ChangeWatch
from bot.store.postgres_db import Connection, PostgresDatabase
from bot.store.postgres_feeds import PostgresFeeds
from bot.store.postgres_ledger import PostgresLedger
from bot.store.postgres_search import Vocabulary, search_statements
from bot.store.postgres_seen import PostgresSeen
from bot.store.postgres_speakers import (
    FIND_NAMED,
    SpeakerDelta,
    find_with_words_sql,
    index_speakers,
    speaker_record,
    unindex_speakers,
)
from bot.store.postgres_words import WordDelta, statement_words
from bot.store.rows import published_key, statement_rows
from bot.store.sqlite_search import STATEMENT_COLUMNS, STATEMENT_JOINS, statement_records

log = logging.getLogger(__name__)

MAX_SPEAKERS = 50  # as in the SQLite store
# an article that records disputes: the predicate of migration 0011's partial index, word
# for word (the planner uses that index only for a condition that implies its own)
DISPUTED = "(document::jsonb -> 'sourcing' -> 'disputed') <> '[]'::jsonb"
# the store's GIN indexes (the words, their eras, the vocabulary's trigrams) that this role
# may clean: see ``put_many``
_CLEAN_PENDING = (
    "SELECT gin_clean_pending_list(c.oid) FROM pg_class c JOIN pg_am am ON am.oid = c.relam"
    " WHERE am.amname = 'gin' AND c.relkind = 'i'"
    " AND c.relnamespace = current_schema()::regnamespace"
    " AND pg_has_role(c.relowner, 'USAGE')"
)
_STATEMENT_FIELDS = (
    "article_id, position, speaker_key, local_id, kind, kind_rank, text, cue, said_when,"
    " paragraph, verified, published, words, tokens, confidence"
)


class PostgresStore(PostgresLedger, PostgresFeeds, PostgresSeen):
    """Store on a PostgreSQL database; delivery, feed and seen-request methods are mixins."""

    def __init__(
        self,
        database: PostgresDatabase,
        changes: ChangeWatch | None = None,
        trigrams_schema: str | None = None,
    ) -> None:
        self._database = database
        self._changes = changes or ChangeWatch()
        self._names: list[str] | None = None  # cached name keys, valid for _names_mark
        self._names_mark: tuple[bool, int] = (False, -1)
        self._vocabulary = Vocabulary(trigrams_schema)
        self._eras = False  # whether the words' index by era is there (migration 0012)
        # the last statements_of's total, valid while the mark stands
        self._counted: tuple[tuple[bool, int], tuple[str, ...], int] = ((False, -1), (), 0)

    @classmethod
    async def open(cls, url: str) -> PostgresStore:
        """Connect (a pool and a listener) and migrate the database at ``url``."""
        database = await PostgresDatabase.connect(url)
        changes = ChangeWatch()
        await changes.start(url)
        store = cls(database, changes, await _trigrams_schema(database))
        store._eras = await _has_era_words(database)
        return store

    async def close(self) -> None:
        """Stop listening and close the pool."""
        await self._changes.close()
        await self._vocabulary.close()
        await self._database.close()

    async def _mark(self) -> tuple[bool, int]:
        """Where the data stands: the notifications heard (no round trip) while listening,
        else the stored version."""
        if self._changes.live:
            return True, self._changes.generation
        rows = await self._database.rows("SELECT version FROM store_stats WHERE id = 1")
        return False, int(rows[0][0])

    # -- writes -------------------------------------------------------------------------

    async def origins(self, prefix: str = "") -> list[StoredOrigin]:
        """Origins starting with ``prefix``, each with its article and content hash."""
        rows = await self._database.rows(
            "SELECT origin, id, content_hash FROM articles"
            " WHERE origin IS NOT NULL AND starts_with(origin, %s) ORDER BY origin",
            (prefix,),
        )
        return [StoredOrigin(*row) for row in rows]

    async def put(self, summary: Summary, *, content_hash: str, origin: str | None) -> None:
        """Replace the article and all its index rows in one transaction."""
        await self.put_many([(summary, content_hash, origin)])

    async def put_many(self, items: Sequence[tuple[Summary, str, str | None]]) -> None:
        """Replace several articles in one transaction (a feed poll, a bulk import).

        An id given twice keeps its last version, as replacing one after the other would.

        The GIN indexes' pending lists are flushed into the indexes before the commit. GIN
        indexes (``fastupdate``, the default) queue new entries in a pending list that every
        search reads whole, until a vacuum or ``gin_pending_list_limit`` (4 MB) moves them
        into the index; with writes a few articles at a time, autovacuum comes after 20 % of
        the table has been inserted anew, so the list stays long: at 50,000 statements, 300
        articles written one at a time left 425 pages in it and `said` went from 1.6 to 3.7
        ms (p50; p95 3.0 to 7.8 ms). Flushing after each write costs a single article's put
        about 3 ms (5.1 -> 7.9 ms) and a bulk import nothing measurable (50,000 statements in
        batches of 500: 12.6-13.7 s either way); ``fastupdate = off`` instead cost bulk
        imports 40 % (19.3 s) and single puts 2.5 ms. An index another role owns is left
        alone (``gin_clean_pending_list`` is the owner's)."""
        latest = {summary.article.id: index for index, (summary, _, _) in enumerate(items)}
        chosen = [item for index, item in enumerate(items) if latest[item[0].article.id] == index]
        if not chosen:
            return
        async with self._database.transaction() as db:
            await db.execute("UPDATE store_stats SET version = version + 1 WHERE id = 1")
            words = WordDelta.empty()
            await self._delete_articles(db, [s.article.id for s, _, _ in chosen], words)
            await self._insert_articles(db, chosen, words)
            await _apply_words(db, words)
            await db.execute(_CLEAN_PENDING)
            await db.execute(f"NOTIFY {CHANNEL}")

    async def remove(self, article_ids: Sequence[str]) -> None:
        """Delete articles; foreign keys cascade to their index rows."""
        if not article_ids:
            return
        async with self._database.transaction() as db:
            await db.execute("UPDATE store_stats SET version = version + 1 WHERE id = 1")
            words = WordDelta.empty()
            await self._delete_articles(db, list(article_ids), words)
            await _apply_words(db, words)
            await db.execute(f"NOTIFY {CHANNEL}")

    async def _delete_articles(
        self, db: Connection, article_ids: list[str], words: WordDelta
    ) -> None:
        """Take stored articles out of the speaker and word counts, then delete them."""
        cursor = await db.execute(
            "SELECT document FROM articles WHERE id = ANY(%s) FOR UPDATE", (article_ids,)
        )
        old = [Summary.model_validate_json(row[0]) for row in await cursor.fetchall()]
        if not old:
            return
        speakers = SpeakerDelta()
        for summary in old:
            speakers.remove(summary)
        await unindex_speakers(db, speakers)
        cursor = await db.execute(
            "SELECT text FROM statements WHERE article_id = ANY(%s)",
            ([s.article.id for s in old],),
        )
        for (text,) in await cursor.fetchall():
            words.add(statement_words(text), -1)
        await db.execute("DELETE FROM articles WHERE id = ANY(%s)", ([s.article.id for s in old],))

    async def _insert_articles(
        self, db: Connection, items: Sequence[tuple[Summary, str, str | None]], words: WordDelta
    ) -> None:
        """Insert articles, their topics, speakers and statements (statements by COPY)."""
        now = dt.datetime.now(dt.UTC)
        speakers = SpeakerDelta()
        articles, topics, statements = [], [], []
        for summary, content_hash, origin in items:
            article, published = summary.article, published_key(summary)
            articles.append((article.id, article.title, article.outlet, published,
                             summary.model_dump_json(), content_hash, origin, now))  # fmt: skip
            topics += [(topic, article.id) for topic in dict.fromkeys(article.topics)]
            speakers.add(summary)
            for r in statement_rows(summary):
                held = statement_words(r.text)
                words.add(held, +1)
                statements.append((article.id, r.position, r.speaker_key, r.local_id, r.kind,
                                   r.kind_rank, r.text, r.cue, r.said_when, r.paragraph,
                                   r.verified, published, held.tsvector, held.tokens,
                                   r.confidence))  # fmt: skip
        async with db.cursor() as cursor:
            await cursor.executemany(
                "INSERT INTO articles (id, title, outlet, published, document, content_hash,"
                " origin, loaded_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                articles,
            )
            if topics:
                await cursor.executemany(
                    "INSERT INTO article_topics (topic, article_id) VALUES (%s, %s)", topics
                )
        await index_speakers(db, speakers)
        async with db.cursor().copy(f"COPY statements ({_STATEMENT_FIELDS}) FROM STDIN") as copy:
            for row in statements:
                await copy.write_row(row)

    # -- reads: articles ------------------------------------------------------------------

    async def latest(self, limit: int, topics: Sequence[str] = ()) -> list[Summary]:
        """Newest summaries first, optionally sharing a topic."""
        if topics:
            sql = (
                "SELECT document FROM articles WHERE id IN (SELECT article_id FROM"
                " article_topics WHERE topic = ANY(%s)) ORDER BY published DESC, id DESC LIMIT %s"
            )
            params: tuple[Any, ...] = ([t.lower() for t in topics], limit)
        else:
            sql = "SELECT document FROM articles ORDER BY published DESC, id DESC LIMIT %s"
            params = (limit,)
        rows = await self._database.rows(sql, params)
        return [Summary.model_validate_json(row[0]) for row in rows]

    async def summary(self, article_id: str) -> Summary | None:
        """One summary by id."""
        rows = await self._database.rows(
            "SELECT document FROM articles WHERE id = %s", (article_id,)
        )
        return Summary.model_validate_json(rows[0][0]) if rows else None

    async def disputed(self, article_ids: Sequence[str]) -> list[Summary]:
        """The summaries of these articles that record disputes, in the order asked: one
        round trip, which reads the small index of disputed articles (migration 0011), not
        the documents of the rest (a `said` asks for its first two articles' disputes; at 1M
        statements each document was a round trip and a cold page or two)."""
        if not article_ids:
            return []
        rows = await self._database.rows(
            f"SELECT id, document FROM articles WHERE id = ANY(%s) AND {DISPUTED}",
            (list(article_ids),),
        )
        found = {row[0]: Summary.model_validate_json(row[1]) for row in rows}
        return [found[i] for i in article_ids if i in found and found[i].sourcing.disputed]

    async def articles(self) -> list[ArticleRecord]:
        """Every article, newest first."""
        rows = await self._database.rows(
            "SELECT id, title, outlet FROM articles ORDER BY published DESC, id DESC"
        )
        return [ArticleRecord(*row) for row in rows]

    # -- reads: speakers ------------------------------------------------------------------

    async def speakers_named(self, name_key: str) -> list[SpeakerRecord]:
        """Speakers with this exact name key, newest first."""
        rows = await self._database.rows(FIND_NAMED, (name_key, MAX_SPEAKERS))
        return [speaker_record(row) for row in rows]

    async def speakers_with_words(self, words: Sequence[str]) -> list[SpeakerRecord]:
        """Speakers whose names or role hold every word, newest first."""
        if not words:
            return []
        sql, unique = find_with_words_sql(words)
        rows = await self._database.rows(sql, (*unique, MAX_SPEAKERS))
        return [speaker_record(row) for row in rows]

    async def speaker_names(self) -> list[str]:
        """Every name key; the same list object until any replica changes the articles, so
        the core's trigram index over it is built once per change."""
        mark = await self._mark()
        if self._names is None or mark != self._names_mark:
            rows = await self._database.rows("SELECT DISTINCT name_key FROM speaker_names")
            self._names, self._names_mark = [row[0] for row in rows], mark
        return self._names

    async def statements_of(self, speaker_keys: Sequence[str], limit: int) -> list[StatementRecord]:
        """Statements by these speakers: direct first, then newest article, then in order.

        The same round trip counts all of their statements, kept for ``count_statements_of``
        (which ``who`` asks next) while the data stands: one round trip fewer per question."""
        mark = await self._mark()
        count = "(SELECT COUNT(*) FROM statements c WHERE c.speaker_key = ANY(%s))"
        order = "kind_rank, published DESC, article_id, position"
        if len(speaker_keys) == 1:  # one key: its index is in the answer's order, read on
            sql = (
                f"SELECT {STATEMENT_COLUMNS}, {count} FROM statements s {STATEMENT_JOINS}"
                f" WHERE s.speaker_key = %s ORDER BY s.{order.replace(', ', ', s.')}"
                " LIMIT %s"
            )
        else:  # all of theirs are sorted: from the speaker index alone (index-only), and
            # only the first ``limit`` read in full with their article and speaker
            sql = (
                f"WITH top AS MATERIALIZED (SELECT article_id, position, kind_rank, published"
                f" FROM statements WHERE speaker_key = ANY(%s) ORDER BY {order} LIMIT %s)"
                f" SELECT {STATEMENT_COLUMNS}, {count} FROM top t JOIN statements s"
                f" ON s.article_id = t.article_id AND s.position = t.position {STATEMENT_JOINS}"
                f" ORDER BY t.{order.replace(', ', ', t.')}"
            )
        keys = list(speaker_keys)
        params = (keys, keys[0], limit) if len(keys) == 1 else (keys, limit, keys)
        rows = await self._database.rows(sql, params)
        if rows or limit > 0:  # no rows under a positive limit: none at all
            self._counted = (mark, tuple(keys), int(rows[0][-1]) if rows else 0)
        return statement_records([row[:-1] for row in rows])

    async def count_statements_of(self, speaker_keys: Sequence[str]) -> int:
        """How many statements these speakers made."""
        mark = await self._mark()
        if self._counted[:2] == (mark, tuple(speaker_keys)):
            return self._counted[2]
        sql = "SELECT COUNT(*) FROM statements WHERE speaker_key = ANY(%s)"
        rows = await self._database.rows(sql, (list(speaker_keys),))
        return int(rows[0][0])

    # -- reads: words ---------------------------------------------------------------------

    async def search(
        self, words: Sequence[str], *, mode: SearchMode, limit: int
    ) -> list[StatementRecord]:
        """Full-text search over statement words (see ``postgres_search``)."""
        counts = await self._vocabulary.counts(self._database, await self._mark())
        totals = self._vocabulary.totals
        return await search_statements(
            self._database, counts, totals, words, mode, limit, eras=self._eras
        )

    async def vocabulary_near(self, word: str, limit: int) -> list[str]:
        """Indexed words spelt like ``word``, closest first (cached until the data changes)."""
        return await self._vocabulary.near(self._database, await self._mark(), word, limit)


async def _trigrams_schema(database: PostgresDatabase) -> str | None:
    """The schema of pg_trgm when the vocabulary has its trigram index (migration 0006; the
    extension may be missing on the server), else None: typos are then matched in process."""
    rows = await database.rows(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
        " WHERE e.extname = 'pg_trgm' AND EXISTS (SELECT 1 FROM pg_indexes"
        " WHERE schemaname = current_schema() AND indexname = 'terms_trigrams')"
    )
    return str(rows[0][0]) if rows else None


async def _has_era_words(database: PostgresDatabase) -> bool:
    """Whether the statements' words are indexed tagged with their era (migration 0012; an
    operator may have dropped it); without it searches use the index over the words alone."""
    rows = await database.rows(
        "SELECT 1 FROM pg_indexes WHERE schemaname = current_schema()"
        " AND indexname = 'statements_era_words'"
    )
    return bool(rows)


async def _apply_words(db: Connection, words: WordDelta) -> None:
    """Apply a batch's changes to the word counts and the totals."""
    changed = sorted((term, n) for term, n in words.terms.items() if n)
    if changed:
        await db.execute(
            "INSERT INTO terms (term, docs) SELECT * FROM unnest(%s::text[], %s::int[])"
            " ON CONFLICT (term) DO UPDATE SET docs = terms.docs + excluded.docs",
            ([t for t, _ in changed], [n for _, n in changed]),
        )
        if any(n < 0 for _, n in changed):
            await db.execute(
                "DELETE FROM terms WHERE term = ANY(%s) AND docs <= 0",
                ([t for t, n in changed if n < 0],),
            )
    await db.execute(
        "UPDATE store_stats SET statements = statements + %s, tokens = tokens + %s WHERE id = 1",
        (words.statements, words.tokens),
    )


__all__ = ["PostgresStore"]
