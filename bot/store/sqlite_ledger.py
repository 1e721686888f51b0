"""The delivery half of the SQLite store: ledger rows, subscriptions, channel health, marks.

A mixin of ``SqliteStore``: every call runs on the store's one worker thread. Claims rely on
SQLite's write lock: ``INSERT … ON CONFLICT DO NOTHING`` and ``UPDATE … WHERE version = ?``
are atomic across connections and processes, so exactly one claimant wins.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from bot.store.base import StoreError
from bot.store.ledger import (
    ChannelHealth,
    Claim,
    DeliveryRecord,
    DeliveryStatus,
    Outcome,
    SlotKey,
    Subscription,
)

T = TypeVar("T")
_ROW = (
    "schedule, channel, slot, delivery_key, status, adhoc, owner, lease_until, attempts,"
    " message_id, reason, detail, version, updated_at"
)
_KEY = "schedule = ? AND channel = ? AND slot = ?"


def stamp(moment: dt.datetime) -> str:
    """Aware time as sortable UTC text with microseconds (one format, so text order is time order)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime reached the store")
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def unstamp(text: str) -> dt.datetime:
    """The inverse of ``stamp``."""
    return dt.datetime.fromisoformat(text)


def _key(key: SlotKey) -> tuple[str, str, str]:
    return key.schedule, key.channel, stamp(key.slot)


def _record(row: Sequence[Any]) -> DeliveryRecord:
    return DeliveryRecord(
        key=SlotKey(row[0], row[1], unstamp(row[2])),
        delivery_key=row[3],
        status=DeliveryStatus(row[4]),
        adhoc=bool(row[5]),
        owner=row[6],
        lease_until=unstamp(row[7]) if row[7] else None,
        attempts=row[8],
        message_id=row[9],
        reason=row[10],
        detail=row[11],
        version=row[12],
        updated_at=unstamp(row[13]),
    )


class SqliteLedger:
    """Delivery methods over the store's connection and worker thread."""

    _db: sqlite3.Connection

    async def _run(self, fn: Callable[..., T], *args: Any) -> T:  # provided by SqliteStore
        raise NotImplementedError

    def _write(self, sql: str, params: Sequence[Any]) -> int:
        """Run one statement in its own transaction; the number of rows it changed."""
        try:
            with self._db:
                return self._db.execute(sql, params).rowcount
        except sqlite3.Error as err:
            raise StoreError(f"SQLite write failed: {err}") from err

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._db.execute(sql, params).fetchall()
        except sqlite3.Error as err:
            raise StoreError(f"SQLite query failed: {err}") from err

    # -- ledger ---------------------------------------------------------------------------

    async def insert_delivery(
        self, key: SlotKey, delivery_key: str, claim: Claim, *, adhoc: bool = False
    ) -> bool:
        """Insert a 'sending' row unless one exists; True when this call inserted it."""
        now = stamp(claim.now)
        sql = (
            "INSERT INTO deliveries (schedule, channel, slot, delivery_key, status, adhoc, owner,"
            " lease_until, created_at, updated_at) VALUES (?, ?, ?, ?, 'sending', ?, ?, ?, ?, ?)"
            " ON CONFLICT DO NOTHING"
        )
        params = (*_key(key), delivery_key, adhoc, claim.owner, stamp(claim.lease_until), now, now)
        return await self._run(self._write, sql, params) == 1

    async def delivery(self, key: SlotKey) -> DeliveryRecord | None:
        """The row of a delivery, if any."""
        rows = await self._run(self._rows, f"SELECT {_ROW} FROM deliveries WHERE {_KEY}", _key(key))
        return _record(rows[0]) if rows else None

    async def take_over_delivery(self, key: SlotKey, version: int, claim: Claim) -> bool:
        """Compare-and-set: claim the row only if nobody changed it since it was read."""
        sql = (
            "UPDATE deliveries SET status = 'sending', owner = ?, lease_until = ?, updated_at = ?,"
            f" version = version + 1 WHERE {_KEY} AND version = ?"
        )
        params = (claim.owner, stamp(claim.lease_until), stamp(claim.now), *_key(key), version)
        return await self._run(self._write, sql, params) == 1

    async def renew_delivery(self, key: SlotKey, claim: Claim) -> bool:
        """Extend the lease while still the owner (a fence before every attempt)."""
        sql = (
            "UPDATE deliveries SET lease_until = ?, updated_at = ?"
            f" WHERE {_KEY} AND owner = ? AND status = 'sending'"
        )
        params = (stamp(claim.lease_until), stamp(claim.now), *_key(key), claim.owner)
        return await self._run(self._write, sql, params) == 1

    async def finish_delivery(
        self, key: SlotKey, owner: str, outcome: Outcome, now: dt.datetime
    ) -> bool:
        """Record the outcome if ``owner`` still holds the row."""
        sql = (
            "UPDATE deliveries SET status = ?, attempts = attempts + ?, message_id = ?,"
            " reason = ?, detail = ?, lease_until = NULL, updated_at = ?, version = version + 1"
            f" WHERE {_KEY} AND owner = ? AND status = 'sending'"
        )
        params = (
            outcome.status.value,
            outcome.attempts,
            outcome.message_id,
            outcome.reason,
            outcome.detail,
            stamp(now),
            *_key(key),
            owner,
        )
        return await self._run(self._write, sql, params) == 1

    async def record_missed(
        self, keys: Sequence[tuple[SlotKey, str]], detail: str, now: dt.datetime
    ) -> int:
        """Insert 'missed' rows where there are none (a delivered row is never overwritten)."""
        sql = (
            "INSERT INTO deliveries (schedule, channel, slot, delivery_key, status, reason,"
            " detail, created_at, updated_at) VALUES (?, ?, ?, ?, 'missed', 'missed', ?, ?, ?)"
            " ON CONFLICT DO NOTHING"
        )
        rows = [(*_key(k), dkey, detail, stamp(now), stamp(now)) for k, dkey in keys]
        return await self._run(self._write_many, sql, rows)

    async def record_part(
        self, key: SlotKey, owner: str, part: int, message_id: str, now: dt.datetime
    ) -> bool:
        """Insert the part under the claim's fence: only while ``owner`` holds the row."""
        sql = (
            "INSERT INTO delivery_parts (schedule, channel, slot, part, message_id, sent_at)"
            f" SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM deliveries WHERE {_KEY}"
            " AND owner = ? AND status = 'sending') ON CONFLICT DO NOTHING"
        )
        params = (*_key(key), part, message_id, stamp(now), *_key(key), owner)
        if await self._run(self._write, sql, params) == 1:
            return True
        held = f"SELECT 1 FROM deliveries WHERE {_KEY} AND owner = ? AND status = 'sending'"
        return bool(await self._run(self._rows, held, (*_key(key), owner)))

    async def delivery_parts(self, key: SlotKey) -> dict[int, str]:
        """The recorded parts of a delivery: part index → message id."""
        sql = f"SELECT part, message_id FROM delivery_parts WHERE {_KEY} ORDER BY part"
        return {int(r[0]): str(r[1]) for r in await self._run(self._rows, sql, _key(key))}

    def _write_many(self, sql: str, rows: list[tuple[Any, ...]]) -> int:
        try:
            with self._db:
                return self._db.executemany(sql, rows).rowcount
        except sqlite3.Error as err:
            raise StoreError(f"SQLite write failed: {err}") from err

    async def deliveries(
        self,
        *,
        status: DeliveryStatus | None = None,
        schedule: str | None = None,
        slot: dt.datetime | None = None,
        limit: int = 50,
    ) -> list[DeliveryRecord]:
        """Rows, most recently updated first, optionally filtered."""
        where, params = ["1 = 1"], []
        for column, value in (("status", status), ("schedule", schedule)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(str(value))
        if slot is not None:
            where.append("slot = ?")
            params.append(stamp(slot))
        sql = (
            f"SELECT {_ROW} FROM deliveries WHERE {' AND '.join(where)}"
            " ORDER BY updated_at DESC, channel LIMIT ?"
        )
        return [_record(r) for r in await self._run(self._rows, sql, (*params, limit))]

    # -- subscriptions --------------------------------------------------------------------

    async def put_subscription(self, subscription: Subscription) -> None:
        """Insert or replace a channel's subscription."""
        sql = (
            "INSERT INTO subscriptions (channel, cron, timezone, created_by, since)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (channel) DO UPDATE SET cron = excluded.cron,"
            " timezone = excluded.timezone, created_by = excluded.created_by,"
            " since = excluded.since"
        )
        s = subscription
        await self._run(
            self._write, sql, (s.channel, s.cron, s.timezone, s.created_by, stamp(s.since))
        )

    async def subscription(self, channel: str) -> Subscription | None:
        """A channel's subscription, if any."""
        found = [s for s in await self._subscriptions("WHERE channel = ?", (channel,))]
        return found[0] if found else None

    async def subscriptions(self) -> list[Subscription]:
        """Every subscription, by channel."""
        return await self._subscriptions("ORDER BY channel", ())

    async def _subscriptions(self, tail: str, params: Sequence[Any]) -> list[Subscription]:
        sql = f"SELECT channel, cron, timezone, created_by, since FROM subscriptions {tail}"
        rows = await self._run(self._rows, sql, params)
        return [Subscription(r[0], r[1], r[2], r[3], unstamp(r[4])) for r in rows]

    async def delete_subscription(self, channel: str) -> bool:
        """Remove a subscription; True when there was one."""
        sql = "DELETE FROM subscriptions WHERE channel = ?"
        return await self._run(self._write, sql, (channel,)) == 1

    # -- channel health -------------------------------------------------------------------

    async def mark_failing(self, health: ChannelHealth) -> None:
        """Record that a channel refuses posts (the first failure's time is kept)."""
        sql = (
            "INSERT INTO channel_health (channel, reason, detail, since) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (channel) DO UPDATE SET reason = excluded.reason,"
            " detail = excluded.detail"
        )
        h = health
        await self._run(self._write, sql, (h.channel, h.reason, h.detail, stamp(h.since)))

    async def clear_failing(self, channel: str) -> bool:
        """Forget a channel's failure; True when it was failing."""
        sql = "DELETE FROM channel_health WHERE channel = ?"
        return await self._run(self._write, sql, (channel,)) == 1

    async def failing_channels(self) -> list[ChannelHealth]:
        """Every channel marked failing."""
        sql = "SELECT channel, reason, detail, since FROM channel_health ORDER BY channel"
        rows = await self._run(self._rows, sql)
        return [ChannelHealth(r[0], r[1], r[2], unstamp(r[3])) for r in rows]

    # -- schedule marks -------------------------------------------------------------------

    async def schedule_mark(self, schedule: str) -> dt.datetime | None:
        """The time up to which the schedule's slots are accounted for."""
        sql = "SELECT checked_until FROM schedule_marks WHERE schedule = ?"
        rows = await self._run(self._rows, sql, (schedule,))
        return unstamp(rows[0][0]) if rows else None

    async def set_schedule_mark(self, schedule: str, until: dt.datetime) -> None:
        """Move the mark forward, never back (another process may be ahead)."""
        sql = (
            "INSERT INTO schedule_marks (schedule, checked_until) VALUES (?, ?)"
            " ON CONFLICT (schedule) DO UPDATE SET checked_until = excluded.checked_until"
            " WHERE excluded.checked_until > checked_until"
        )
        await self._run(self._write, sql, (schedule, stamp(until)))
