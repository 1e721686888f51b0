"""The embedded store: one SQLite file, FTS5 over statement words, a speaker name index.

sqlite3 is synchronous, so every call runs on one dedicated worker thread that owns the
connection; the event loop never blocks on disk and calls are serialised without locks.
WAL mode lets a second process (``briefbot post`` beside ``briefbot run``) read and write.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import functools
import logging
import random
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from bot.core.fuzzy import TrigramIndex
from bot.core.library import ArticleRecord, SearchMode, SpeakerRecord, StatementRecord
from bot.core.summary import Summary
from bot.core.text import fold, index_text
from bot.store.base import StoredOrigin, StoreError
from bot.store.migrations import migrations
from bot.store.rows import published_key, statement_rows
from bot.store.sqlite_feeds import SqliteFeeds
from bot.store.sqlite_ledger import SqliteLedger
from bot.store.sqlite_search import (
    STATEMENT_COLUMNS,
    STATEMENT_JOINS,
    CandidateCache,
    search_statements,
    statement_records,
)
from bot.store.sqlite_seen import SqliteSeen
from bot.store.sqlite_speakers import (
    all_name_keys,
    find_named,
    find_with_words,
    index_speakers,
    unindex_speakers,
)
from bot.store.sqlite_words import index_words, pair_text, unindex_words

log = logging.getLogger(__name__)
T = TypeVar("T")

# the condition of the partial index of disputed articles (migration 0009), word for word
DISPUTED = "json_array_length(document, '$.sourcing.disputed') > 0"
MAX_SPEAKERS = 50  # a role word can fit thousands of unnamed sources: show the newest


class SqliteStore(SqliteLedger, SqliteFeeds, SqliteSeen):
    """Store on a SQLite file (or ``:memory:``); delivery, feed and seen-request methods come
    from mixins."""

    def __init__(self, connection: sqlite3.Connection, executor: ThreadPoolExecutor) -> None:
        self._db = connection
        self._executor = executor
        self._names: list[str] | None = None  # caches for fuzzy matching, reset on writes
        self._vocabulary: TrigramIndex | None = None
        self._candidates = CandidateCache()  # touched only on the DB thread
        self._data_version: int | None = None

    @classmethod
    async def open(cls, path: Path) -> SqliteStore:
        """Open (creating if needed) and migrate the database at ``path``."""
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sqlite")
        loop = asyncio.get_running_loop()
        try:
            connection = await loop.run_in_executor(executor, _connect, path)
        except (sqlite3.Error, OSError) as err:
            executor.shutdown()
            raise StoreError(f"cannot open SQLite database {path}: {err}") from err
        store = cls(connection, executor)
        await store._run(store._reindex_pending)
        return store

    def _reindex_pending(self) -> None:
        """Re-index the articles a migration marked (migration 0007: names whose letters now
        fold differently), from their stored documents, then clear the marks."""
        if not self._all("SELECT 1 FROM sqlite_master WHERE name = 'reindex_pending'"):
            return
        rows = self._all(
            "SELECT a.document, a.content_hash, a.origin FROM reindex_pending p"
            " JOIN articles a ON a.id = p.article_id"
        )
        if not rows and not self._all("SELECT 1 FROM reindex_pending LIMIT 1"):
            return
        log.info("re-indexing %d article(s) after a tokenizer change", len(rows))
        with self._db:
            for document, content_hash, origin in rows:
                self._put(Summary.model_validate_json(document), content_hash, origin)
            self._db.execute("DELETE FROM reindex_pending")

    async def _run(self, fn: Callable[..., T], *args: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(fn, *args))

    def _forget(self) -> None:
        """Drop what was derived from the data: it just changed."""
        self._names = self._vocabulary = None

    def _changed_elsewhere(self) -> bool:
        """Whether another connection (another process) committed since we last looked; if
        so the caches are stale. Runs on the DB thread, which owns the candidate cache."""
        version = self._db.execute("PRAGMA data_version").fetchone()[0]
        changed = version != self._data_version
        self._data_version = version
        if changed:
            self._candidates.clear()
            self._forget()  # plain attribute stores: readers on the loop hold their own refs
        return bool(changed)

    async def _refresh(self) -> None:
        """Forget derived lists if another process changed the data."""
        await self._run(self._changed_elsewhere)

    async def close(self) -> None:
        """Close the connection and stop the worker thread."""
        await self._run(self._db.close)
        self._executor.shutdown(wait=True)

    # -- writes -------------------------------------------------------------------------

    async def origins(self, prefix: str = "") -> list[StoredOrigin]:
        """Origins starting with ``prefix``, each with its article and content hash.

        A range over the covering index ``articles_by_origin_hash``: the cost is the number of
        matching origins, never the size of the store (``origin IS NOT NULL`` was a scan).
        """
        rows = await self._run(
            self._all,
            "SELECT origin, id, content_hash FROM articles"
            " WHERE origin >= ? AND origin < ? ORDER BY origin",
            (prefix, prefix_end(prefix)),
        )
        return [StoredOrigin(*row) for row in rows]

    async def put(self, summary: Summary, *, content_hash: str, origin: str | None) -> None:
        """Replace the article and all its index rows in one transaction."""
        await self.put_many([(summary, content_hash, origin)])

    async def put_many(self, items: Sequence[tuple[Summary, str, str | None]]) -> None:
        """Replace several articles in one transaction (a feed poll, a bulk import)."""
        await self._run(self._put_many, items)
        self._forget()

    def _put_many(self, items: Sequence[tuple[Summary, str, str | None]]) -> None:
        with self._writing("store articles"):
            for summary, content_hash, origin in items:
                self._put(summary, content_hash, origin)
        self._candidates.clear()

    @contextlib.contextmanager
    def _writing(self, what: str) -> Iterator[None]:
        """One write transaction that takes the write lock before it reads anything.

        A deferred transaction reads (does this article exist?) before it locks, so two
        processes syncing a fresh database at once both saw an article missing and the
        second insert failed on ``articles.id``. BEGIN IMMEDIATE waits for the lock (the
        busy timeout) first, so what it reads is what it replaces. Failures, a full disk
        included, become a StoreError: one line for the user, and nothing half-written.
        """
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self._db.rollback()
                raise
            self._db.commit()
        except sqlite3.Error as err:
            raise StoreError(f"cannot {what}: {describe_sqlite_error(err)}") from err

    def _put(self, summary: Summary, content_hash: str, origin: str | None) -> None:
        article = summary.article
        published = published_key(summary)
        self._delete_articles([article.id])
        self._db.execute(
            "INSERT INTO articles (id, title, outlet, published, document, content_hash,"
            " origin, loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                article.title,
                article.outlet,
                published,
                summary.model_dump_json(),
                content_hash,
                origin,
                dt.datetime.now(dt.UTC).isoformat(),
            ),
        )
        self._db.executemany(
            "INSERT INTO article_topics (topic, article_id) VALUES (?, ?)",
            [(topic, article.id) for topic in dict.fromkeys(article.topics)],
        )
        index_speakers(self._db, summary, published)
        self._insert_statements(summary, published)
        index_words(self._db, article.id)

    def _insert_statements(self, summary: Summary, published: str) -> None:
        article_id = summary.article.id
        self._db.executemany(
            "INSERT INTO statements (article_id, position, speaker_key, local_id, kind,"
            " kind_rank, text, cue, said_when, paragraph, verified, published, confidence)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (article_id, r.position, r.speaker_key, r.local_id, r.kind, r.kind_rank, r.text,
                 r.cue, r.said_when, r.paragraph, r.verified, published, r.confidence)
                for r in statement_rows(summary)
            ],
        )  # fmt: skip

    async def remove(self, article_ids: Sequence[str]) -> None:
        """Delete articles; foreign keys cascade to their index rows."""
        await self._run(self._remove, list(article_ids))
        self._forget()

    def _remove(self, article_ids: list[str]) -> None:
        with self._writing("remove articles"):
            self._delete_articles(article_ids)
        self._candidates.clear()

    def _delete_articles(self, article_ids: Sequence[str]) -> None:
        """Delete articles (cascading to their rows) and take their words out of the counts."""
        for article_id in article_ids:
            rows = self._all("SELECT document FROM articles WHERE id = ?", (article_id,))
            if not rows:
                continue
            old = Summary.model_validate_json(rows[0][0])
            unindex_speakers(self._db, old)
            unindex_words(self._db, article_id)
            self._db.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    # -- reads: articles ------------------------------------------------------------------

    async def latest(self, limit: int, topics: Sequence[str] = ()) -> list[Summary]:
        """Newest summaries first, optionally sharing a topic."""
        if topics:
            marks = ",".join("?" * len(topics))
            sql = (
                "SELECT document FROM articles WHERE id IN (SELECT article_id FROM article_topics"
                f" WHERE topic IN ({marks})) ORDER BY published DESC, id DESC LIMIT ?"
            )
            params: tuple[Any, ...] = (*[t.lower() for t in topics], limit)
        else:
            sql = "SELECT document FROM articles ORDER BY published DESC, id DESC LIMIT ?"
            params = (limit,)
        rows = await self._run(self._all, sql, params)
        return [Summary.model_validate_json(row[0]) for row in rows]

    async def summary(self, article_id: str) -> Summary | None:
        """One summary by id."""
        rows = await self._run(
            self._all, "SELECT document FROM articles WHERE id = ?", (article_id,)
        )
        return Summary.model_validate_json(rows[0][0]) if rows else None

    async def disputed(self, article_ids: Sequence[str]) -> list[Summary]:
        """The summaries of these articles that record disputes, in the order asked: one
        lookup in the small index of disputed articles (migration 0009), which reads only
        their documents (a `said` asks about its first two articles, and most record none)."""
        if not article_ids:
            return []
        marks = ",".join("?" * len(article_ids))
        sql = (
            "SELECT id, document FROM articles INDEXED BY articles_disputed"
            f" WHERE id IN ({marks}) AND {DISPUTED}"
        )
        rows = await self._run(self._all, sql, tuple(article_ids))
        found = {row[0]: Summary.model_validate_json(row[1]) for row in rows}
        return [found[i] for i in article_ids if i in found and found[i].sourcing.disputed]

    async def articles(self) -> list[ArticleRecord]:
        """Every article, newest first."""
        rows = await self._run(
            self._all, "SELECT id, title, outlet FROM articles ORDER BY published DESC, id DESC"
        )
        return [ArticleRecord(*row) for row in rows]

    # -- reads: speakers ------------------------------------------------------------------

    async def speakers_named(self, name_key: str) -> list[SpeakerRecord]:
        """Speakers with this exact name key, newest first."""
        return await self._run(find_named, self._db, name_key, MAX_SPEAKERS)

    async def speakers_with_words(self, words: Sequence[str]) -> list[SpeakerRecord]:
        """Speakers whose names or role hold every word, newest first."""
        return await self._run(find_with_words, self._db, list(words), MAX_SPEAKERS)

    async def speaker_names(self) -> list[str]:
        """Every name key (cached until the data changes)."""
        await self._refresh()
        if self._names is None:
            self._names = await self._run(all_name_keys, self._db)
        return self._names

    async def statements_of(self, speaker_keys: Sequence[str], limit: int) -> list[StatementRecord]:
        """Statements by these speakers: direct first, then newest article, then in order."""
        marks = ",".join("?" * len(speaker_keys))
        sql = (
            f"SELECT {STATEMENT_COLUMNS} FROM statements s {STATEMENT_JOINS}"
            f" WHERE s.speaker_key IN ({marks})"
            " ORDER BY s.kind_rank, s.published DESC, s.article_id, s.position LIMIT ?"
        )
        return statement_records(await self._run(self._all, sql, (*speaker_keys, limit)))

    async def count_statements_of(self, speaker_keys: Sequence[str]) -> int:
        """How many statements these speakers made."""
        marks = ",".join("?" * len(speaker_keys))
        sql = f"SELECT COUNT(*) FROM statements WHERE speaker_key IN ({marks})"
        rows = await self._run(self._all, sql, tuple(speaker_keys))
        return int(rows[0][0])

    # -- reads: words ---------------------------------------------------------------------

    async def search(
        self, words: Sequence[str], *, mode: SearchMode, limit: int
    ) -> list[StatementRecord]:
        """Full-text search over statement words (see ``sqlite_search``)."""
        return await self._run(self._search, words, mode, limit)

    def _search(self, words: Sequence[str], mode: SearchMode, limit: int) -> list[StatementRecord]:
        self._changed_elsewhere()
        return search_statements(self._db, words, mode, limit, self._candidates)

    async def vocabulary_near(self, word: str, limit: int) -> list[str]:
        """Indexed words spelt like ``word``, closest first (trigram index, cached until a write)."""
        await self._refresh()
        if self._vocabulary is None:
            rows = await self._run(self._all, "SELECT term FROM terms")
            self._vocabulary = TrigramIndex([row[0] for row in rows])
        return [term for term, _ in self._vocabulary.near(fold(word), limit=limit, cutoff=75)]

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._db.execute(sql, params).fetchall()
        except sqlite3.Error as err:
            raise StoreError(f"SQLite query failed: {err}") from err


def prefix_end(prefix: str) -> str:
    """The least string above every string that starts with ``prefix`` (a range's end)."""
    if not prefix:
        return "\U0010ffff" * 2  # above any origin (origins are short ASCII URLs and paths)
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def describe_sqlite_error(err: sqlite3.Error) -> str:
    """SQLite's message, with what to do when the disk is full or the file read-only."""
    code = getattr(err, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None  # extended codes keep it low
    if primary == sqlite3.SQLITE_FULL:
        return f"the disk holding the database is full ({err}); free space and retry"
    if primary == sqlite3.SQLITE_IOERR:
        return f"writing the database failed ({err}); is its disk full or failing?"
    if primary == sqlite3.SQLITE_READONLY:
        return f"the database is read-only ({err})"
    return str(err)


def _connect(path: Path) -> sqlite3.Connection:
    """Open, configure and migrate a connection (runs on the worker thread)."""
    if str(path) != ":memory:" and not path.parent.is_dir():
        # A typo in DATABASE_URL must not quietly grow a directory tree and an empty store;
        # only the default data folder is made (by the caller that chose it).
        raise OSError(f"folder {path.parent} does not exist")
    connection = sqlite3.connect(str(path), check_same_thread=False, timeout=30.0)
    # The full-text index holds the core's own tokens (migration 0007): its triggers call these.
    connection.create_function("briefbot_words", 1, index_text, deterministic=True)
    connection.create_function("briefbot_pairs", 1, pair_text, deterministic=True)
    connection.execute("PRAGMA foreign_keys = ON")
    _use_wal(connection)
    connection.execute("PRAGMA synchronous = NORMAL")
    # Reads dominate: keep hot index pages in our own cache and map the file, so a lookup in
    # a large store costs no system calls.
    connection.execute("PRAGMA cache_size = -65536")  # KiB: 64 MiB
    connection.execute("PRAGMA mmap_size = 1073741824")  # 1 GiB
    _migrate(connection)
    return connection


def _use_wal(connection: sqlite3.Connection, attempts: int = 100) -> None:
    """Switch to WAL, waiting while another process holds the lock.

    Changing the journal mode does not wait on the busy timeout: two processes opening a new
    database at once (a ``briefbot post`` beside ``briefbot run``) would see "database is
    locked" at once. So retry for up to about ten seconds.
    """
    for attempt in range(attempts):
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or attempt == attempts - 1:
                raise
            time.sleep(0.02 + 0.08 * random.random())


def _migrate(connection: sqlite3.Connection) -> None:
    """Apply every migration not yet recorded, each in its own transaction."""
    connection.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations"
        " (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    connection.execute("BEGIN IMMEDIATE")  # one process migrates at a time
    try:
        applied = {row[0] for row in connection.execute("SELECT version FROM schema_migrations")}
        for migration in migrations("sqlite"):
            if migration.version in applied:
                continue
            log.info("applying migration %04d_%s", migration.version, migration.name)
            for statement in _split_sql(migration.sql):
                connection.execute(statement)
            connection.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, dt.datetime.now(dt.UTC).isoformat()),
            )
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


def _split_sql(script: str) -> list[str]:
    """Statements of a script; sqlite3.complete_statement keeps trigger bodies whole."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--") and not current.strip():
            continue
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return [s for s in statements if s]


__all__ = ["SqliteStore"]
