"""Copying an existing SQLite install into PostgreSQL (``briefbot migrate-store``).

Articles go through the PostgreSQL store's own ``put_many`` (so every index is built by the
same code as a live write), in the order SQLite's statements were written, which is the
order "newest first" means to search. The delivery ledger, subscriptions, channel health,
schedule marks and feed state are copied row for row. Re-running is safe: an article already
there with the same content hash is skipped, a ledger row is replaced only by a newer
version of itself, and marks only move forward. Finally the counts are compared.

The source is opened read-only and never migrated or changed.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pydantic

from bot.core.summary import Summary
from bot.store.base import POSTGRES_SCHEMES, StoreError, sqlite_path

if TYPE_CHECKING:
    from bot.store.postgres import PostgresStore
    from bot.store.postgres_db import PostgresDatabase

log = logging.getLogger(__name__)

BATCH = 200  # articles per transaction
NEEDED_SQLITE_VERSION = 5  # articles, delivery, feeds, seen requests, delivery parts


@dataclass(frozen=True)
class Table:
    """A table copied row for row: its columns, which hold times, and the conflict rule."""

    name: str
    columns: tuple[str, ...]
    times: frozenset[str]
    conflict: str
    flags: frozenset[str] = frozenset()


TABLES = (
    Table(
        "deliveries",
        (
            "schedule",
            "channel",
            "slot",
            "delivery_key",
            "status",
            "adhoc",
            "owner",
            "lease_until",
            "attempts",
            "message_id",
            "reason",
            "detail",
            "version",
            "created_at",
            "updated_at",
        ),  # fmt: skip
        frozenset({"slot", "lease_until", "created_at", "updated_at"}),
        "ON CONFLICT (schedule, channel, slot) DO UPDATE SET {updates}"
        " WHERE deliveries.version < excluded.version",
        frozenset({"adhoc"}),
    ),
    Table(
        "delivery_parts",
        ("schedule", "channel", "slot", "part", "message_id", "sent_at"),
        frozenset({"slot", "sent_at"}),
        "ON CONFLICT (schedule, channel, slot, part) DO NOTHING",
    ),
    Table(
        "subscriptions",
        ("channel", "cron", "timezone", "created_by", "since"),
        frozenset({"since"}),
        "ON CONFLICT (channel) DO UPDATE SET {updates}",
    ),
    Table(
        "channel_health",
        ("channel", "reason", "detail", "since"),
        frozenset({"since"}),
        "ON CONFLICT (channel) DO UPDATE SET {updates}",
    ),
    Table(
        "schedule_marks",
        ("schedule", "checked_until"),
        frozenset({"checked_until"}),
        "ON CONFLICT (schedule) DO UPDATE SET checked_until = GREATEST("
        "schedule_marks.checked_until, excluded.checked_until)",
    ),
    Table(
        "feed_state",
        ("feed", "url", "etag", "last_modified", "polled_at"),
        frozenset({"polled_at"}),
        "ON CONFLICT (feed) DO UPDATE SET {updates}",
    ),
    Table(
        "feed_entries",
        ("feed", "entry_id", "link", "article_id", "seen_at"),
        frozenset({"seen_at"}),
        "ON CONFLICT (feed, entry_id) DO NOTHING",
    ),
)
_KEYS = {
    "deliveries": 3,
    "delivery_parts": 4,
    "subscriptions": 1,
    "channel_health": 1,
    "schedule_marks": 1,
    "feed_state": 1,
    "feed_entries": 2,
}
_KEY_TYPES = {"slot": "timestamptz", "part": "integer"}  # the rest are text
_COPIED = {"articles", "article_topics", "speakers", "speaker_keys", "speaker_names",
           "speaker_words", "statements", "terms", "pair_terms", "schema_migrations",
           *(t.name for t in TABLES)}  # fmt: skip


@dataclass
class TableReport:
    """What one table looked like after the copy."""

    name: str
    source: int
    target: int
    copied: int
    ok: bool


@dataclass
class CopyReport:
    """Every table's counts, and what the copy left out."""

    tables: list[TableReport] = field(default_factory=list)
    not_copied: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every source row is in the target."""
        return all(t.ok for t in self.tables)


async def copy_store(
    source_url: str, target_url: str, progress: Callable[[str], None] = lambda _: None
) -> CopyReport:
    """Copy a SQLite store into a PostgreSQL database and compare the counts."""
    if not source_url.startswith("sqlite:"):
        raise StoreError(f"--from {source_url.split(':', 1)[0]!r}: the source must be sqlite:///…")
    if not target_url.startswith(POSTGRES_SCHEMES):
        raise StoreError("--to: the target must be postgresql://…")
    source = _open_source(sqlite_path(source_url))
    try:
        from bot.store.postgres import PostgresStore
        from bot.store.postgres_db import PostgresDatabase

        database = await PostgresDatabase.connect(target_url)
        try:
            target = PostgresStore(database)
            report = CopyReport(not_copied=_unknown_tables(source))
            report.tables.append(await _copy_articles(source, target, database, progress))
            report.tables.append(await _compare_statements(source, database))
            for table in TABLES:
                report.tables.append(await _copy_table(source, database, table))
                progress(f"{table.name}: copied")
            return report
        finally:
            await database.close()
    finally:
        source.close()


def _open_source(path: Path) -> sqlite3.Connection:
    """The source database, read-only; a clear error if it is missing or not migrated."""
    if not path.is_file():
        raise StoreError(f"--from: no SQLite database at {path}")
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        versions = {v for (v,) in connection.execute("SELECT version FROM schema_migrations")}
    except sqlite3.Error as err:
        raise StoreError(f"--from {path}: not a briefbot SQLite store ({err})") from err
    if not set(range(1, NEEDED_SQLITE_VERSION + 1)) <= versions:
        connection.close()
        raise StoreError(
            f"--from {path}: schema is older than briefbot's (migrations {sorted(versions)});"
            " run any briefbot command on it once to upgrade it, then copy"
        )
    return connection


def _unknown_tables(source: sqlite3.Connection) -> list[str]:
    """Source tables this copier does not know (added by later migrations): reported."""
    rows = source.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    # seen_requests holds Slack request ids for minutes: nothing a new store needs.
    internal = ("sqlite_", "statements_fts", "statement_pairs", "seen_requests")
    return sorted(name for (name,) in rows if name not in _COPIED and not name.startswith(internal))


async def _copy_articles(
    source: sqlite3.Connection,
    target: PostgresStore,
    database: PostgresDatabase,
    progress: Callable[[str], None],
) -> TableReport:
    """Put every article the target lacks (or holds in another version), in write order."""
    held = dict(await database.rows("SELECT id, content_hash FROM articles"))
    order = source.execute(
        "SELECT a.id, a.content_hash, a.origin, a.document FROM articles a LEFT JOIN"
        " (SELECT article_id, MIN(id) AS first FROM statements GROUP BY article_id) s"
        " ON s.article_id = a.id ORDER BY s.first IS NOT NULL, s.first, a.published, a.id"
    )
    wanted: dict[str, str] = {}
    batch: list[tuple[Summary, str, str | None]] = []
    copied = 0
    for article_id, content_hash, origin, document in order:
        wanted[article_id] = content_hash
        if held.get(article_id) == content_hash:
            continue
        try:
            batch.append((Summary.model_validate_json(document), content_hash, origin))
        except pydantic.ValidationError as err:
            raise StoreError(f"--from: article {article_id!r} does not validate: {err}") from err
        if len(batch) == BATCH:
            copied += await _put(target, batch, progress)
            batch = []
    copied += await _put(target, batch, progress)
    now = dict(await database.rows("SELECT id, content_hash FROM articles"))
    same = sum(1 for a, h in wanted.items() if now.get(a) == h)
    return TableReport("articles", len(wanted), len(now), copied, same == len(wanted))


async def _put(
    target: PostgresStore,
    batch: Sequence[tuple[Summary, str, str | None]],
    progress: Callable[[str], None],
) -> int:
    if batch:
        await target.put_many(batch)
        progress(f"articles: {len(batch)} written")
    return len(batch)


async def _compare_statements(
    source: sqlite3.Connection, database: PostgresDatabase
) -> TableReport:
    """Every source article's statements are indexed in the target."""
    counts = dict(source.execute("SELECT article_id, COUNT(*) FROM statements GROUP BY article_id"))
    found = dict(
        await database.rows(
            "SELECT article_id, COUNT(*) FROM statements WHERE article_id = ANY(%s)"
            " GROUP BY article_id",
            (list(counts),),
        )
    )
    ok = all(found.get(a) == n for a, n in counts.items())
    return TableReport("statements", sum(counts.values()), sum(found.values()), 0, ok)


async def _copy_table(
    source: sqlite3.Connection, database: PostgresDatabase, table: Table
) -> TableReport:
    """Copy one table's rows (re-runs follow the table's conflict rule), then count."""
    columns = ", ".join(table.columns)
    rows = [_convert(table, row) for row in source.execute(f"SELECT {columns} FROM {table.name}")]
    keys = table.columns[: _KEYS[table.name]]
    updates = ", ".join(f"{c} = excluded.{c}" for c in table.columns[len(keys) :])
    marks = ", ".join(["%s"] * len(table.columns))
    sql = f"INSERT INTO {table.name} ({columns}) VALUES ({marks}) " + table.conflict.format(
        updates=updates
    )
    copied = 0
    async with database.transaction() as connection:
        async with connection.cursor() as cursor:
            for start in range(0, len(rows), 500):
                chunk = rows[start : start + 500]
                await cursor.executemany(sql, chunk)
                copied += len(chunk)
        arrays = ", ".join(f"%s::{_KEY_TYPES.get(k, 'text')}[]" for k in keys)
        joined = " AND ".join(f"t.{k} = k.{k}" for k in keys)
        cursor = await connection.execute(
            f"SELECT COUNT(*) FROM unnest({arrays}) AS k({', '.join(keys)})"
            f" JOIN {table.name} t ON {joined}",
            [[row[i] for row in rows] for i in range(len(keys))],
        )
        (present,) = await cursor.fetchone() or (0,)
        cursor = await connection.execute(f"SELECT COUNT(*) FROM {table.name}")
        (total,) = await cursor.fetchone() or (0,)
    return TableReport(table.name, len(rows), int(total), copied, int(present) == len(rows))


def _convert(table: Table, row: Sequence[Any]) -> tuple[Any, ...]:
    """SQLite's text times and 0/1 flags as PostgreSQL values."""
    values = []
    for column, value in zip(table.columns, row, strict=True):
        if column in table.times and value is not None:
            moment = dt.datetime.fromisoformat(value)
            value = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
        elif column in table.flags:
            value = bool(value)
        values.append(value)
    return tuple(values)
