"""The seen-request half of the SQLite store (see ``bot.store.seen``).

A mixin of ``SqliteStore``: every call runs on the store's one worker thread, and the purge,
the insert and its answer happen in one transaction, so two processes on one file never both
get True for a key.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from typing import Any, TypeVar

from bot.store.base import StoreError

T = TypeVar("T")


class SqliteSeen:
    """``mark_seen`` over the store's connection and worker thread."""

    _db: sqlite3.Connection

    async def _run(self, fn: Callable[..., T], *args: Any) -> T:  # provided by SqliteStore
        raise NotImplementedError

    async def mark_seen(self, key: str, *, now: dt.datetime, keep: dt.timedelta) -> bool:
        """Record ``key`` until ``now + keep``; True the first time within its retention."""
        current = now.astimezone(dt.UTC).isoformat()
        until = (now + keep).astimezone(dt.UTC).isoformat()
        return await self._run(self._mark_seen, key, current, until)

    def _mark_seen(self, key: str, now: str, until: str) -> bool:
        try:
            with self._db:
                self._db.execute("DELETE FROM seen_requests WHERE expires_at <= ?", (now,))
                inserted = self._db.execute(
                    "INSERT OR IGNORE INTO seen_requests (key, expires_at) VALUES (?, ?)",
                    (key, until),
                ).rowcount
        except sqlite3.Error as err:
            raise StoreError(f"SQLite write failed: {err}") from err
        return inserted == 1
