"""Late slots on a fresh or ephemeral disk: the platform is asked before anything is re-sent."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bot.store import open_store
from bot.store.ledger import DeliveryStatus

from .conftest import CHANNELS, FakePoster, FakeTime, ServiceFactory

SLOT = dt.datetime(2025, 12, 20, 7, 0, tzinfo=dt.UTC)  # 08:00 Berlin


async def test_restart_on_a_fresh_disk_within_grace_settles_before_sending(
    make_service: ServiceFactory, poster: FakePoster, time: FakeTime, tmp_path: Path
) -> None:
    first = make_service()
    time.wall = SLOT + dt.timedelta(seconds=5)
    result = await first.deliver(await first.schedule("morning"), SLOT)
    assert result.ok and sum(map(len, poster.messages.values())) == len(CHANNELS)

    fresh = await open_store(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")  # the disk is gone
    try:
        time.wall = SLOT + dt.timedelta(minutes=10)  # restarted inside the grace window
        await make_service(store=fresh).catch_up(time.now())
        assert sorted(poster.finds) == sorted(c.removeprefix("slack:") for c in CHANNELS)
        assert all(len(keys) == 1 for keys in poster.messages.values()), poster.messages
        rows = await fresh.deliveries(slot=SLOT)
        assert len(rows) == len(CHANNELS)
        assert {(r.status, r.detail) for r in rows} == {(DeliveryStatus.DELIVERED, "settled")}
    finally:
        await fresh.close()


async def test_a_late_slot_nobody_posted_is_sent_after_asking(
    make_service: ServiceFactory, poster: FakePoster, time: FakeTime
) -> None:
    time.wall = SLOT + dt.timedelta(minutes=10)
    await make_service().catch_up(time.now())
    assert len(poster.finds) == len(CHANNELS)  # asked first, found nothing
    assert all(len(keys) == 1 for keys in poster.messages.values())
    assert len(poster.messages) == len(CHANNELS)
