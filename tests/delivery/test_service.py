"""Catch-up, missed slots, crash leftovers, two processes on one database, admin, scheduler jobs."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from bot.context import Context
from bot.delivery import admin
from bot.delivery.commands import post_schedule
from bot.delivery.cron import parse_cron
from bot.delivery.ledger import Ledger, delivery_key
from bot.delivery.scheduler import DeliveryScheduler
from bot.delivery.status import delivery_status, render_status
from bot.errors import UserInputError
from bot.settings import Secrets
from bot.store import Store, open_store
from bot.store.ledger import Claim, DeliveryStatus, SlotKey

from .conftest import CHANNELS, FakePoster, FakeTime, ServiceFactory, make_settings

SLOT = dt.datetime(2025, 12, 20, 7, 0, tzinfo=dt.UTC)  # 08:00 Berlin
pytestmark = pytest.mark.both_stores  # the ledger's rules hold on SQLite and PostgreSQL


async def test_startup_delivers_within_grace_and_records_older_slots_missed(
    make_service: ServiceFactory, poster: FakePoster, time: FakeTime, loaded_store: Store
) -> None:
    service = make_service()
    await loaded_store.set_schedule_mark("morning", SLOT - dt.timedelta(days=3))
    time.wall = SLOT + dt.timedelta(minutes=40)  # down since before three slots
    await service.catch_up(time.now())
    delivered = await loaded_store.deliveries(status=DeliveryStatus.DELIVERED)
    missed = await loaded_store.deliveries(status=DeliveryStatus.MISSED)
    assert {r.key.slot for r in delivered} == {SLOT}
    assert {r.key.slot for r in missed} == {SLOT - dt.timedelta(days=d) for d in (1, 2)}
    assert len(missed) == 2 * len(CHANNELS)
    await service.catch_up(time.now())  # idempotent
    assert sum(poster.attempts.values()) == len(CHANNELS)


async def test_post_delivers_a_missed_slot_and_a_rerun_is_a_no_op(
    make_service: ServiceFactory, poster: FakePoster, time: FakeTime, loaded_store: Store
) -> None:
    service = make_service()
    time.wall = SLOT + dt.timedelta(hours=3)  # past grace
    await loaded_store.set_schedule_mark("morning", SLOT - dt.timedelta(minutes=1))
    await service.catch_up(time.now())
    assert len(await loaded_store.deliveries(status=DeliveryStatus.MISSED)) == len(CHANNELS)
    result = await post_schedule(service, "morning")
    assert result.ok and sum(poster.attempts.values()) == len(CHANNELS)
    again = await post_schedule(service, "morning")
    assert again.ok and all(o.already for o in again.outcomes)
    forced = await post_schedule(service, "morning", force=True)
    assert forced.ok and sum(poster.attempts.values()) == 2 * len(CHANNELS)


async def _leave_in_flight(
    store: Store, owner: str, lease: dt.datetime, now: dt.datetime
) -> SlotKey:
    key = SlotKey("morning", CHANNELS[0], SLOT)
    assert await store.insert_delivery(key, delivery_key(key), Claim(owner, lease, now))
    return key


async def test_row_left_in_flight_that_arrived_is_settled_not_resent(
    make_service: ServiceFactory, poster: FakePoster, time: FakeTime, loaded_store: Store
) -> None:
    dead = "otherhost:1:dead"
    key = await _leave_in_flight(
        loaded_store, dead, time.now() - dt.timedelta(seconds=1), time.now()
    )
    poster.messages[CHANNELS[0].removeprefix("slack:")].append(delivery_key(key))  # it landed
    result = await post_schedule(make_service(), "morning")
    assert result.ok
    assert poster.attempts[CHANNELS[0].removeprefix("slack:")] == 0
    row = await loaded_store.delivery(key)
    assert row is not None and row.status is DeliveryStatus.DELIVERED and row.detail == "settled"


async def test_row_held_by_a_live_process_is_not_touched(
    make_service: ServiceFactory, time: FakeTime, loaded_store: Store
) -> None:
    live = Ledger(loaded_store, time.now, lease_seconds=120).owner  # this pid: alive
    await _leave_in_flight(loaded_store, live, time.now() + dt.timedelta(minutes=2), time.now())
    service = make_service()
    result = await service.deliver(await service.schedule("morning"), SLOT)
    assert [o.status for o in result.outcomes].count("busy") == 1


async def test_row_of_a_dead_process_past_grace_is_settled_as_missed(
    make_service: ServiceFactory, poster: FakePoster, time: FakeTime, loaded_store: Store
) -> None:
    key = await _leave_in_flight(loaded_store, "otherhost:1:x", time.now(), time.now())
    time.wall = SLOT + dt.timedelta(hours=2)
    await make_service().settle_stale(time.now())
    row = await loaded_store.delivery(key)
    assert row is not None and row.status is DeliveryStatus.MISSED
    assert sum(poster.attempts.values()) == 0


async def test_two_processes_on_one_database_post_each_slot_once(
    make_service: ServiceFactory, poster: FakePoster, store_url: str, loaded_store: Store
) -> None:
    other_store = await open_store(store_url)  # a 2nd connection to the same database
    try:
        first, second = make_service(), make_service(store=other_store)
        schedule = await first.schedule("morning")
        results = await asyncio.gather(
            *(s.deliver(schedule, SLOT) for s in (first, second, first, second))
        )
    finally:
        await other_store.close()
    assert all(len(keys) == 1 for keys in poster.messages.values())
    assert len(poster.messages) == len(CHANNELS)
    assert all(o.delivered or o.status == "busy" for r in results for o in r.outcomes)


async def test_admin_subscription_survives_restart_and_is_scheduled(
    loaded_store: Store, time: FakeTime, store_url: str, make_service: ServiceFactory
) -> None:
    context = Context(make_settings(), Secrets(), loaded_store, time.now)
    channel = "discord:112233445566778899"
    await admin.subscribe(context, channel, cron="30 9 * * 1-5", timezone="Asia/Tokyo", by="u1")
    changed = await admin.change_time(context, channel, cron="0 7 * * *", timezone="UTC")
    reopened = await open_store(store_url)
    try:
        assert await reopened.subscription(channel) == changed
    finally:
        await reopened.close()
    scheduler = DeliveryScheduler(make_service())
    scheduler.sync_jobs(await scheduler.service.schedules())
    job = scheduler.scheduler.get_job(f"sub:{channel}")
    assert job.trigger.cron == parse_cron("0 7 * * *", "UTC")
    assert scheduler.scheduler._job_defaults["coalesce"] is True
    assert scheduler.scheduler._job_defaults["misfire_grace_time"] == 3600
    assert await admin.unsubscribe(context, channel)
    assert not await admin.unsubscribe(context, channel)
    for bad in ({"cron": "61 * * * *", "timezone": "UTC"}, {"cron": "0 7 * * *", "timezone": "X"}):
        try:
            await admin.subscribe(context, channel, by="u1", **bad)
        except UserInputError:
            continue
        raise AssertionError(f"accepted {bad}")


async def test_change_time_needs_a_subscription(loaded_store: Store, time: FakeTime) -> None:
    context = Context(make_settings(), Secrets(), loaded_store, time.now)
    try:
        await admin.change_time(context, CHANNELS[0], cron="0 7 * * *", timezone="UTC")
    except UserInputError as err:
        assert "not subscribed" in str(err)
    else:
        raise AssertionError("change_time without a subscription")


async def test_post_now_and_status(
    loaded_store: Store, time: FakeTime, poster: FakePoster, make_service: ServiceFactory
) -> None:
    context = Context(make_settings(), Secrets(), loaded_store, time.now)
    result = await admin.post_now(context, CHANNELS[1], {"slack": poster})
    assert result.ok and result.outcomes[0].message_id
    report = await delivery_status(make_service(), time.now())
    text = render_status(report)
    assert "next: Sun 2025-12-21 08:00 CET" in text
    assert f"adhoc:{CHANNELS[1]}" in text
