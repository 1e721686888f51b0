"""The delivery half of the PostgreSQL store: ledger rows, subscriptions, channel health, marks.

A mixin of ``PostgresStore``. Claims rely on PostgreSQL's row locks and unique constraints:
``INSERT … ON CONFLICT DO NOTHING`` and ``UPDATE … WHERE version = %s`` are atomic across
connections, processes and machines, so exactly one claimant wins, on any replica.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from bot.store.ledger import (
    ChannelHealth,
    Claim,
    DeliveryRecord,
    DeliveryStatus,
    Outcome,
    SlotKey,
    Subscription,
)
from bot.store.postgres_db import PostgresDatabase

_ROW = (
    "schedule, channel, slot, delivery_key, status, adhoc, owner, lease_until, attempts,"
    " message_id, reason, detail, version, updated_at"
)
_KEY = "schedule = %s AND channel = %s AND slot = %s"


def aware(moment: dt.datetime) -> dt.datetime:
    """An aware time in UTC (a naive one is a bug upstream, as in the SQLite store)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime reached the store")
    return moment.astimezone(dt.UTC)


def utc(moment: dt.datetime | None) -> dt.datetime | None:
    """A time read back, in UTC (the pool's sessions are set to UTC; this makes it certain)."""
    return moment.astimezone(dt.UTC) if moment is not None else None


def _key(key: SlotKey) -> tuple[str, str, dt.datetime]:
    return key.schedule, key.channel, aware(key.slot)


def _record(row: Sequence[Any]) -> DeliveryRecord:
    return DeliveryRecord(
        key=SlotKey(row[0], row[1], row[2].astimezone(dt.UTC)),
        delivery_key=row[3],
        status=DeliveryStatus(row[4]),
        adhoc=bool(row[5]),
        owner=row[6],
        lease_until=utc(row[7]),
        attempts=row[8],
        message_id=row[9],
        reason=row[10],
        detail=row[11],
        version=row[12],
        updated_at=row[13].astimezone(dt.UTC),
    )


class PostgresLedger:
    """Delivery methods over the store's pool."""

    _database: PostgresDatabase

    # -- ledger ---------------------------------------------------------------------------

    async def record_part(
        self, key: SlotKey, owner: str, part: int, message_id: str, now: dt.datetime
    ) -> bool:
        """Insert the part under the claim's fence: only while ``owner`` holds the row.

        True when the part is recorded now or was already (a repeat after a lost answer);
        False when another process has taken the claim over.
        """
        held = f"SELECT 1 FROM deliveries WHERE {_KEY} AND owner = %s AND status = 'sending'"
        sql = (
            "INSERT INTO delivery_parts (schedule, channel, slot, part, message_id, sent_at)"
            f" SELECT %s, %s, %s, %s, %s, %s WHERE EXISTS ({held}) ON CONFLICT DO NOTHING"
        )
        params = (*_key(key), part, message_id, aware(now), *_key(key), owner)
        if await self._database.execute(sql, params) == 1:
            return True
        return bool(await self._database.rows(held, (*_key(key), owner)))

    async def delivery_parts(self, key: SlotKey) -> dict[int, str]:
        """The recorded parts of a delivery: part index → message id."""
        sql = f"SELECT part, message_id FROM delivery_parts WHERE {_KEY} ORDER BY part"
        return {int(r[0]): str(r[1]) for r in await self._database.rows(sql, _key(key))}

    async def insert_delivery(
        self, key: SlotKey, delivery_key: str, claim: Claim, *, adhoc: bool = False
    ) -> bool:
        """Insert a 'sending' row unless one exists; True when this call inserted it."""
        now = aware(claim.now)
        sql = (
            "INSERT INTO deliveries (schedule, channel, slot, delivery_key, status, adhoc, owner,"
            " lease_until, created_at, updated_at)"
            " VALUES (%s, %s, %s, %s, 'sending', %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING"
        )
        params = (*_key(key), delivery_key, adhoc, claim.owner, aware(claim.lease_until), now, now)
        return await self._database.execute(sql, params) == 1

    async def delivery(self, key: SlotKey) -> DeliveryRecord | None:
        """The row of a delivery, if any."""
        rows = await self._database.rows(f"SELECT {_ROW} FROM deliveries WHERE {_KEY}", _key(key))
        return _record(rows[0]) if rows else None

    async def take_over_delivery(self, key: SlotKey, version: int, claim: Claim) -> bool:
        """Compare-and-set: claim the row only if nobody changed it since it was read."""
        sql = (
            "UPDATE deliveries SET status = 'sending', owner = %s, lease_until = %s,"
            f" updated_at = %s, version = version + 1 WHERE {_KEY} AND version = %s"
        )
        params = (claim.owner, aware(claim.lease_until), aware(claim.now), *_key(key), version)
        return await self._database.execute(sql, params) == 1

    async def renew_delivery(self, key: SlotKey, claim: Claim) -> bool:
        """Extend the lease while still the owner (a fence before every attempt)."""
        sql = (
            "UPDATE deliveries SET lease_until = %s, updated_at = %s"
            f" WHERE {_KEY} AND owner = %s AND status = 'sending'"
        )
        params = (aware(claim.lease_until), aware(claim.now), *_key(key), claim.owner)
        return await self._database.execute(sql, params) == 1

    async def finish_delivery(
        self, key: SlotKey, owner: str, outcome: Outcome, now: dt.datetime
    ) -> bool:
        """Record the outcome if ``owner`` still holds the row."""
        sql = (
            "UPDATE deliveries SET status = %s, attempts = attempts + %s, message_id = %s,"
            " reason = %s, detail = %s, lease_until = NULL, updated_at = %s,"
            f" version = version + 1 WHERE {_KEY} AND owner = %s AND status = 'sending'"
        )
        params = (
            outcome.status.value,
            outcome.attempts,
            outcome.message_id,
            outcome.reason,
            outcome.detail,
            aware(now),
            *_key(key),
            owner,
        )
        return await self._database.execute(sql, params) == 1

    async def record_missed(
        self, keys: Sequence[tuple[SlotKey, str]], detail: str, now: dt.datetime
    ) -> int:
        """Insert 'missed' rows where there are none (a delivered row is never overwritten)."""
        if not keys:
            return 0
        sql = (
            "INSERT INTO deliveries (schedule, channel, slot, delivery_key, status, reason,"
            " detail, created_at, updated_at)"
            " SELECT s, c, t, k, 'missed', 'missed', %s, %s, %s"
            " FROM unnest(%s::text[], %s::text[], %s::timestamptz[], %s::text[]) AS m(s, c, t, k)"
            " ON CONFLICT DO NOTHING"
        )
        params = (
            detail,
            aware(now),
            aware(now),
            [k.schedule for k, _ in keys],
            [k.channel for k, _ in keys],
            [aware(k.slot) for k, _ in keys],
            [dkey for _, dkey in keys],
        )
        return await self._database.execute(sql, params)

    async def deliveries(
        self,
        *,
        status: DeliveryStatus | None = None,
        schedule: str | None = None,
        slot: dt.datetime | None = None,
        limit: int = 50,
    ) -> list[DeliveryRecord]:
        """Rows, most recently updated first, optionally filtered."""
        where, params = ["TRUE"], list[Any]()
        for column, value in (("status", status), ("schedule", schedule)):
            if value is not None:
                where.append(f"{column} = %s")
                params.append(str(value))
        if slot is not None:
            where.append("slot = %s")
            params.append(aware(slot))
        sql = (
            f"SELECT {_ROW} FROM deliveries WHERE {' AND '.join(where)}"
            " ORDER BY updated_at DESC, channel LIMIT %s"
        )
        return [_record(r) for r in await self._database.rows(sql, (*params, limit))]

    # -- subscriptions --------------------------------------------------------------------

    async def put_subscription(self, subscription: Subscription) -> None:
        """Insert or replace a channel's subscription."""
        sql = (
            "INSERT INTO subscriptions (channel, cron, timezone, created_by, since)"
            " VALUES (%s, %s, %s, %s, %s) ON CONFLICT (channel) DO UPDATE SET"
            " cron = excluded.cron, timezone = excluded.timezone,"
            " created_by = excluded.created_by, since = excluded.since"
        )
        s = subscription
        params = (s.channel, s.cron, s.timezone, s.created_by, aware(s.since))
        await self._database.execute(sql, params)

    async def subscription(self, channel: str) -> Subscription | None:
        """A channel's subscription, if any."""
        found = await self._subscriptions("WHERE channel = %s", (channel,))
        return found[0] if found else None

    async def subscriptions(self) -> list[Subscription]:
        """Every subscription, by channel."""
        return await self._subscriptions("ORDER BY channel", ())

    async def _subscriptions(self, tail: str, params: Sequence[Any]) -> list[Subscription]:
        sql = f"SELECT channel, cron, timezone, created_by, since FROM subscriptions {tail}"
        rows = await self._database.rows(sql, params)
        return [Subscription(r[0], r[1], r[2], r[3], r[4].astimezone(dt.UTC)) for r in rows]

    async def delete_subscription(self, channel: str) -> bool:
        """Remove a subscription; True when there was one."""
        sql = "DELETE FROM subscriptions WHERE channel = %s"
        return await self._database.execute(sql, (channel,)) == 1

    # -- channel health -------------------------------------------------------------------

    async def mark_failing(self, health: ChannelHealth) -> None:
        """Record that a channel refuses posts (the first failure's time is kept)."""
        sql = (
            "INSERT INTO channel_health (channel, reason, detail, since) VALUES (%s, %s, %s, %s)"
            " ON CONFLICT (channel) DO UPDATE SET reason = excluded.reason,"
            " detail = excluded.detail"
        )
        h = health
        await self._database.execute(sql, (h.channel, h.reason, h.detail, aware(h.since)))

    async def clear_failing(self, channel: str) -> bool:
        """Forget a channel's failure; True when it was failing."""
        sql = "DELETE FROM channel_health WHERE channel = %s"
        return await self._database.execute(sql, (channel,)) == 1

    async def failing_channels(self) -> list[ChannelHealth]:
        """Every channel marked failing."""
        sql = "SELECT channel, reason, detail, since FROM channel_health ORDER BY channel"
        rows = await self._database.rows(sql)
        return [ChannelHealth(r[0], r[1], r[2], r[3].astimezone(dt.UTC)) for r in rows]

    # -- schedule marks -------------------------------------------------------------------

    async def schedule_mark(self, schedule: str) -> dt.datetime | None:
        """The time up to which the schedule's slots are accounted for."""
        sql = "SELECT checked_until FROM schedule_marks WHERE schedule = %s"
        rows = await self._database.rows(sql, (schedule,))
        return utc(rows[0][0]) if rows else None

    async def set_schedule_mark(self, schedule: str, until: dt.datetime) -> None:
        """Move the mark forward, never back (another replica may be ahead)."""
        sql = (
            "INSERT INTO schedule_marks (schedule, checked_until) VALUES (%s, %s)"
            " ON CONFLICT (schedule) DO UPDATE SET checked_until = excluded.checked_until"
            " WHERE excluded.checked_until > schedule_marks.checked_until"
        )
        await self._database.execute(sql, (schedule, aware(until)))
