"""The feed half of the SQLite store: conditional-GET validators and entries seen.

A mixin of ``SqliteStore``: every call runs on the store's one worker thread.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from bot.store.base import StoreError
from bot.store.feeds import FeedState, KnownEntries

T = TypeVar("T")
#: SQLite's default limit on host parameters is 999; batches stay well under it.
_BATCH = 400


class SqliteFeeds:
    """Feed methods over the store's connection and worker thread."""

    _db: sqlite3.Connection

    async def _run(self, fn: Callable[..., T], *args: Any) -> T:  # provided by SqliteStore
        raise NotImplementedError

    def _feed_sql(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one statement in its own transaction; its rows."""
        try:
            with self._db:
                return self._db.execute(sql, params).fetchall()
        except sqlite3.Error as err:
            raise StoreError(f"SQLite feed query failed: {err}") from err

    async def feed_state(self, feed: str) -> FeedState | None:
        """The feed's stored validators, if it was polled before."""
        rows = await self._run(
            self._feed_sql,
            "SELECT feed, url, etag, last_modified, polled_at FROM feed_state WHERE feed = ?",
            (feed,),
        )
        if not rows:
            return None
        name, url, etag, modified, polled = rows[0]
        when = dt.datetime.fromisoformat(polled) if polled else None
        return FeedState(name, url, etag, modified, when)

    async def save_feed_state(self, state: FeedState) -> None:
        """Insert or replace the feed's validators."""
        polled = state.polled_at.astimezone(dt.UTC).isoformat() if state.polled_at else None
        await self._run(
            self._feed_sql,
            "INSERT OR REPLACE INTO feed_state (feed, url, etag, last_modified, polled_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (state.feed, state.url, state.etag, state.last_modified, polled),
        )

    async def known_entries(
        self, feed: str, entry_ids: Sequence[str], links: Sequence[str]
    ) -> KnownEntries:
        """Which of these entry ids (in this feed) and links (in any feed) were seen."""
        ids: set[str] = set()
        seen_links: set[str] = set()
        for start in range(0, len(entry_ids), _BATCH):
            batch = list(entry_ids[start : start + _BATCH])
            marks = ",".join("?" * len(batch))
            sql = f"SELECT entry_id FROM feed_entries WHERE feed = ? AND entry_id IN ({marks})"
            ids.update(row[0] for row in await self._run(self._feed_sql, sql, (feed, *batch)))
        for start in range(0, len(links), _BATCH):
            batch = list(links[start : start + _BATCH])
            marks = ",".join("?" * len(batch))
            sql = f"SELECT DISTINCT link FROM feed_entries WHERE link IN ({marks})"
            seen_links.update(row[0] for row in await self._run(self._feed_sql, sql, batch))
        return KnownEntries(frozenset(ids), frozenset(seen_links))

    async def mark_entry(
        self, feed: str, entry_id: str, link: str | None, article_id: str | None
    ) -> None:
        """Remember an entry so that no later poll ingests it again."""
        await self._run(
            self._feed_sql,
            "INSERT OR REPLACE INTO feed_entries (feed, entry_id, link, article_id, seen_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (feed, entry_id, link, article_id, dt.datetime.now(dt.UTC).isoformat()),
        )
