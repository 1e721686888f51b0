"""The seen-request half of the PostgreSQL store (``mark_seen``, see ``bot.store.seen``).

A mixin of ``PostgresStore``. One statement decides: the key is inserted, or an expired
record of it is renewed; a live record makes the statement change nothing. PostgreSQL's
unique index makes that atomic across replicas, so exactly one of them gets True.
"""

from __future__ import annotations

import datetime as dt

from bot.store.postgres_db import PostgresDatabase
from bot.store.postgres_ledger import aware


class PostgresSeen:
    """``mark_seen`` over the store's pool."""

    _database: PostgresDatabase

    async def mark_seen(self, key: str, *, now: dt.datetime, keep: dt.timedelta) -> bool:
        """Record ``key`` until ``now + keep``; True the first time within its retention."""
        current = aware(now)
        claimed = await self._database.execute(
            "INSERT INTO seen_requests (key, expires_at) VALUES (%s, %s)"
            " ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at"
            " WHERE seen_requests.expires_at <= %s",
            (key, current + keep, current),
        )
        await self._database.execute(
            "DELETE FROM seen_requests WHERE expires_at <= %s AND key <> %s", (current, key)
        )
        return claimed == 1
