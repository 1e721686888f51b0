"""The PostgreSQL connection pool, its errors, and the migrations of the PostgreSQL store.

Every store method borrows a connection from one ``psycopg_pool.AsyncConnectionPool`` for one
statement (autocommit) or one transaction, so a replica serves many requests on a few
connections and a broken connection is replaced by the pool, not by the caller. Errors
become ``StoreError`` naming the server (never the password).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict
from psycopg_pool import AsyncConnectionPool

from bot.store.base import StoreError
from bot.store.migrations import migrations

log = logging.getLogger(__name__)

POOL_MIN = 1
POOL_MAX = 4  # per process: a replica's handlers wait briefly rather than flood the server
CONNECT_TIMEOUT = 10  # seconds to get a first connection before start-up fails
IO_CONCURRENCY = 16  # heap pages a bitmap scan asks for ahead (PostgreSQL 18's default)
MIGRATION_LOCK = 0x62726266  # "brbf": one process migrates at a time (advisory lock key)

Connection = psycopg.AsyncConnection[tuple[Any, ...]]


def describe(url: str) -> str:
    """``user@host:port/dbname`` of a URL, for messages: no password, no other options."""
    try:
        parts = conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "(unparsable URL)"
    user = f"{parts['user']}@" if parts.get("user") else ""
    host = parts.get("host") or "localhost"
    port = parts.get("port") or "5432"
    return f"{user}{host}:{port}/{parts.get('dbname') or ''}"


_SESSION = (
    "SET TIME ZONE 'UTC'; SET jit = off; SET max_parallel_workers_per_gather = 0;"
    " SET plan_cache_mode = force_generic_plan"
)


async def _configure(connection: Connection) -> None:
    """Per connection: times come back in UTC, and no JIT compilation. The store's queries
    are short lookups, but on a million statements the planner's cost for a common word's
    GIN scan or a count crosses ``jit_above_cost``, and compiling then takes longer (tens of
    milliseconds) than the query itself.

    And heap pages read ahead: a search visits the statements GIN returns with a bitmap heap
    scan, which asks the OS for ``effective_io_concurrency`` pages ahead; PostgreSQL before 18
    defaults to 1, so cold pages are read one after the other (at 1M statements, 40 random
    statements by bitmap: median 2.1 ms at 1, 1.4 ms at 16, over 60 tries each). Raised to
    ``IO_CONCURRENCY`` only where the server reads ahead at all (0 means the operator or the
    platform said no) and less than that.

    And no parallel workers, for the same reason as no JIT: the planner cannot estimate how
    many statements hold a lexeme of one era (migration 0012's index: each is rare, so it
    falls back to a default share, ten to a thousand times too many), and for a plan that
    big it starts two workers, 7-9 ms on this machine, for a bitmap scan that returns a few
    rows in 0.2 ms (profile_answers.py, 1M statements).

    And one generic plan per prepared statement (psycopg prepares a statement after five
    runs): with ``auto``, PostgreSQL kept planning the searches afresh at a million
    statements, where its estimates for the given values looked cheaper than the generic
    plan's, and the planning was a good part of their time; at a thousand it chose the
    generic plan anyway. Every statement the store sends is a short lookup whose plan its
    text decides (a window asked by eras or by the key is written differently, see
    postgres_search ``_matching``), so the values add nothing to the plan: 1M p95 3.21 /
    3.25 ms with ``auto``, 2.69 / 2.59 ms with generic plans, 1k unchanged (bench_answers.py,
    alternating)."""
    await connection.execute(_SESSION)  # no parameters: one round trip for all four
    await connection.execute(
        "SELECT set_config('effective_io_concurrency', %s, false)"
        " WHERE current_setting('effective_io_concurrency')::int BETWEEN 1 AND %s",
        (str(IO_CONCURRENCY), IO_CONCURRENCY - 1),
    )


class PostgresDatabase:
    """A pool with the few helpers every part of the store uses."""

    def __init__(self, pool: AsyncConnectionPool[Connection], label: str) -> None:
        self._pool = pool
        self._label = label

    @classmethod
    async def connect(cls, url: str) -> PostgresDatabase:
        """Open the pool (waiting for one connection) and apply pending migrations."""
        label = describe(url)
        try:  # one direct connection first: the pool alone would retry until its timeout
            first = await psycopg.AsyncConnection.connect(url, connect_timeout=CONNECT_TIMEOUT)
        except psycopg.Error as err:
            raise StoreError(
                f"cannot connect to PostgreSQL at {label}: {_first_line(err)}"
            ) from None
        await first.close()
        pool: AsyncConnectionPool[Connection] = AsyncConnectionPool(
            url,
            min_size=POOL_MIN,
            max_size=POOL_MAX,
            kwargs={"autocommit": True},
            configure=_configure,
            open=False,
            name="briefbot",
        )
        try:
            await pool.open(wait=True, timeout=CONNECT_TIMEOUT)
        except Exception as err:
            await pool.close()
            raise StoreError(
                f"cannot connect to PostgreSQL at {label}: {_first_line(err)}"
            ) from err
        database = cls(pool, label)
        try:
            await database.migrate()
        except BaseException:
            await pool.close()
            raise
        return database

    async def close(self) -> None:
        """Close every connection of the pool."""
        await self._pool.close()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Connection]:
        """A connection inside one transaction, committed on success."""
        try:
            async with self._pool.connection() as connection, connection.transaction():
                yield connection
        except psycopg.Error as err:
            raise StoreError(f"PostgreSQL ({self._label}) failed: {_first_line(err)}") from err

    async def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """The rows of one statement."""
        try:
            async with self._pool.connection() as connection:
                cursor = await connection.execute(sql, params)
                return await cursor.fetchall() if cursor.description else []
        except psycopg.Error as err:
            raise StoreError(
                f"PostgreSQL ({self._label}) query failed: {_first_line(err)}"
            ) from err

    async def rows_after(
        self, setup: str, setup_params: Sequence[Any], sql: str, params: Sequence[Any] = ()
    ) -> list[tuple[Any, ...]]:
        """The rows of ``sql`` run right after ``setup`` on the same connection (a setting
        for it), both sent at once in a pipeline: one round trip."""
        try:
            async with self._pool.connection() as connection:
                async with connection.pipeline():
                    await connection.execute(setup, setup_params)
                    cursor = await connection.execute(sql, params)
                return await cursor.fetchall()
        except psycopg.Error as err:
            raise StoreError(
                f"PostgreSQL ({self._label}) query failed: {_first_line(err)}"
            ) from err

    async def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one statement (its own transaction); how many rows it changed."""
        try:
            async with self._pool.connection() as connection:
                cursor = await connection.execute(sql, params)
                return cursor.rowcount
        except psycopg.Error as err:
            raise StoreError(
                f"PostgreSQL ({self._label}) write failed: {_first_line(err)}"
            ) from err

    async def migrate(self) -> None:
        """Apply every migration not yet recorded, in order, under an advisory lock."""
        async with self.transaction() as connection:
            await connection.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            await connection.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
                " name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
            )
            cursor = await connection.execute("SELECT version FROM schema_migrations")
            applied = {row[0] for row in await cursor.fetchall()}
            for migration in migrations("postgres"):
                if migration.version in applied:
                    continue
                log.info("applying PostgreSQL migration %04d_%s", migration.version, migration.name)
                await connection.execute(migration.sql.encode("utf-8"))  # a script: no params
                await connection.execute(
                    "INSERT INTO schema_migrations (version, name) VALUES (%s, %s)",
                    (migration.version, migration.name),
                )


def quote_identifier(name: str) -> str:
    """A name as a quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__
