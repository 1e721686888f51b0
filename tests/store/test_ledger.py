"""The delivery ledger's primitives, on both stores: one claimant wins, marks move forward."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from bot.store import Store, open_store
from bot.store.ledger import (
    ChannelHealth,
    Claim,
    DeliveryStatus,
    Outcome,
    SlotKey,
    Subscription,
)

NOW = dt.datetime(2025, 12, 20, 7, 0, 1, 123456, tzinfo=dt.UTC)
SLOT = dt.datetime(2025, 12, 20, 7, 0, tzinfo=dt.UTC)
KEY = SlotKey("morning", "slack:C1", SLOT)


def claim(owner: str, seconds: int = 60) -> Claim:
    return Claim(owner, NOW + dt.timedelta(seconds=seconds), NOW)


async def test_insert_is_a_claim_only_once(store: Store) -> None:
    assert await store.insert_delivery(KEY, "k1", claim("a"))
    assert not await store.insert_delivery(KEY, "k1", claim("b"))
    other_slot = SlotKey("morning", "slack:C1", SLOT + dt.timedelta(days=1))
    assert not await store.insert_delivery(other_slot, "k1", claim("b"))  # delivery key is unique
    row = await store.delivery(KEY)
    assert row is not None
    assert (row.status, row.owner, row.version, row.attempts) == (DeliveryStatus.SENDING, "a", 0, 0)
    assert row.key == KEY and row.lease_until == NOW + dt.timedelta(seconds=60)
    assert row.updated_at == NOW and row.updated_at.tzinfo is not None
    assert await store.delivery(other_slot) is None


async def test_take_over_is_compare_and_set(store: Store) -> None:
    await store.insert_delivery(KEY, "k1", claim("a"))
    assert await store.take_over_delivery(KEY, 0, claim("b"))
    assert not await store.take_over_delivery(KEY, 0, claim("c"))  # b changed the version
    row = await store.delivery(KEY)
    assert row is not None and (row.owner, row.version) == ("b", 1)
    assert not await store.renew_delivery(KEY, claim("a", 120))  # a lost the claim
    assert await store.renew_delivery(KEY, claim("b", 120))
    assert not await store.finish_delivery(KEY, "a", Outcome(DeliveryStatus.DELIVERED, 1), NOW)
    done = Outcome(DeliveryStatus.DELIVERED, 2, message_id="m1", detail="ok")
    assert await store.finish_delivery(KEY, "b", done, NOW)
    assert not await store.finish_delivery(KEY, "b", done, NOW)  # no longer 'sending'
    row = await store.delivery(KEY)
    assert row is not None
    assert (row.status, row.attempts, row.message_id, row.lease_until, row.version) == (
        DeliveryStatus.DELIVERED, 2, "m1", None, 2)  # fmt: skip


async def test_concurrent_claims_from_two_connections_have_one_winner(store_url: str) -> None:
    first, second = await open_store(store_url), await open_store(store_url)
    try:
        keys = [SlotKey("morning", f"slack:C{n}", SLOT) for n in range(20)]
        wins = await asyncio.gather(
            *(s.insert_delivery(k, f"d{k.channel}", claim(o)) for k in keys
              for s, o in ((first, "one"), (second, "two")))
        )  # fmt: skip
        assert sum(wins) == len(keys)
        row = await first.delivery(keys[0])
        taken = await asyncio.gather(
            *(s.take_over_delivery(keys[0], row.version, claim("x")) for s in (first, second))
        ) if row else []  # fmt: skip
        assert sorted(taken) == [False, True]
    finally:
        await first.close()
        await second.close()


async def test_record_missed_never_overwrites_and_counts(store: Store) -> None:
    await store.insert_delivery(KEY, "k1", claim("a"))
    later = SlotKey("morning", "slack:C2", SLOT)
    inserted = await store.record_missed([(KEY, "k1"), (later, "k2")], "down", NOW)
    assert inserted == 1
    assert await store.record_missed([], "down", NOW) == 0
    missed = await store.deliveries(status=DeliveryStatus.MISSED)
    assert [(r.key, r.detail, r.reason) for r in missed] == [(later, "down", "missed")]
    assert len(await store.deliveries(schedule="morning", slot=SLOT)) == 2
    assert await store.deliveries(schedule="evening") == []
    assert len(await store.deliveries(limit=1)) == 1


async def test_subscriptions_and_channel_health(store: Store) -> None:
    since = dt.datetime(2025, 12, 1, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    sub = Subscription("discord:2", "0 8 * * *", "Europe/Berlin", "u1", since)
    await store.put_subscription(sub)
    await store.put_subscription(Subscription("discord:1", "0 9 * * *", "UTC", "u2", since))
    changed = Subscription("discord:2", "30 7 * * 1-5", "UTC", "u3", since)
    await store.put_subscription(changed)
    assert await store.subscription("discord:2") == changed
    assert [s.channel for s in await store.subscriptions()] == ["discord:1", "discord:2"]
    assert await store.delete_subscription("discord:2")
    assert not await store.delete_subscription("discord:2")
    assert await store.subscription("discord:2") is None
    await store.mark_failing(ChannelHealth("slack:C9", "forbidden", "403", NOW))
    await store.mark_failing(ChannelHealth("slack:C9", "not_found", "404", NOW + dt.timedelta(1)))
    (health,) = await store.failing_channels()
    assert (health.reason, health.detail, health.since) == ("not_found", "404", NOW)  # first kept
    assert await store.clear_failing("slack:C9")
    assert not await store.clear_failing("slack:C9")


async def test_schedule_mark_moves_forward_only(store: Store) -> None:
    assert await store.schedule_mark("morning") is None
    await store.set_schedule_mark("morning", NOW)
    await store.set_schedule_mark("morning", NOW - dt.timedelta(hours=1))
    assert await store.schedule_mark("morning") == NOW
    await store.set_schedule_mark("morning", NOW + dt.timedelta(microseconds=1))
    assert await store.schedule_mark("morning") == NOW + dt.timedelta(microseconds=1)


async def test_naive_times_are_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="naive"):
        await store.set_schedule_mark("morning", NOW.replace(tzinfo=None))
