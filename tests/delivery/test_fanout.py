"""Fan-out through the ledger with a poster that fails on demand; sleeps are fake, not waited."""

from __future__ import annotations

import datetime as dt

from bot.delivery.ledger import Ledger
from bot.delivery.poster import FailureReason
from bot.store import Store
from bot.store.ledger import DeliveryStatus, SlotKey

from .conftest import CHANNELS, FakePoster, FakeTime, ServiceFactory, fail

SLOT = dt.datetime(2025, 12, 20, 7, 0, tzinfo=dt.UTC)
FIRST = CHANNELS[0].removeprefix("slack:")


async def deliver(make_service: ServiceFactory, **kwargs: object):
    service = make_service()
    return await service.deliver(await service.schedule("morning"), SLOT, **kwargs)


async def test_every_channel_gets_one_post_and_a_ledger_row(
    make_service: ServiceFactory, poster: FakePoster, loaded_store: Store
) -> None:
    result = await deliver(make_service)
    assert result.ok
    assert {c: len(k) for c, k in poster.messages.items()} == {
        c.removeprefix("slack:"): 1 for c in CHANNELS
    }
    rows = await loaded_store.deliveries(slot=SLOT)
    assert {r.status for r in rows} == {DeliveryStatus.DELIVERED}
    assert all(r.message_id for r in rows)


async def test_a_job_firing_twice_posts_once(
    make_service: ServiceFactory, poster: FakePoster
) -> None:
    first = await deliver(make_service)
    second = await deliver(make_service)
    assert first.ok and second.ok
    assert all(o.already for o in second.outcomes)
    assert sum(poster.attempts.values()) == len(CHANNELS)


async def test_429_waits_retry_after_then_delivers(
    make_service: ServiceFactory, poster: FakePoster, time: FakeTime
) -> None:
    poster.fail_next(FIRST, fail(FailureReason.RATE_LIMITED, retry_after=7.0))
    result = await deliver(make_service)
    assert result.ok
    assert 7.0 in time.sleeps
    assert poster.attempts[FIRST] == 2
    assert FIRST not in poster.finds  # a 429 never posted: nothing to settle


async def test_500_backs_off_with_jitter_and_settles_before_resending(
    make_service: ServiceFactory, poster: FakePoster, time: FakeTime
) -> None:
    poster.fail_next(FIRST, fail(FailureReason.TRANSIENT), fail(FailureReason.TRANSIENT))
    result = await deliver(make_service)
    assert result.ok
    assert [s for s in time.sleeps if s in (0.75, 1.5)] == [0.75, 1.5]  # 1s, 2s, equal jitter
    assert poster.finds.count(FIRST) == 2
    assert len(poster.messages[FIRST]) == 1


async def test_timeout_that_landed_is_found_not_posted_again(
    make_service: ServiceFactory, poster: FakePoster, loaded_store: Store
) -> None:
    poster.fail_next(FIRST, fail(FailureReason.TRANSIENT), landed=True)
    result = await deliver(make_service)
    assert result.ok
    assert poster.attempts[FIRST] == 1
    assert len(poster.messages[FIRST]) == 1
    row = await loaded_store.delivery(SlotKey("morning", CHANNELS[0], SLOT))
    assert row is not None and row.detail == "settled"


async def test_transient_failures_are_bounded_and_recorded(
    make_service: ServiceFactory, poster: FakePoster, loaded_store: Store
) -> None:
    poster.fail_next(FIRST, *[fail(FailureReason.TRANSIENT) for _ in range(10)])
    result = await deliver(make_service)
    assert [o.channel for o in result.failed] == [CHANNELS[0]]
    assert poster.attempts[FIRST] == 5
    row = await loaded_store.delivery(SlotKey("morning", CHANNELS[0], SLOT))
    assert row is not None and row.status is DeliveryStatus.FAILED
    assert (row.reason, row.attempts) == ("transient", 5)


async def test_400_is_not_retried_and_does_not_mark_the_channel(
    make_service: ServiceFactory, poster: FakePoster, loaded_store: Store
) -> None:
    poster.fail_next(FIRST, fail(FailureReason.BAD_REQUEST))
    result = await deliver(make_service)
    assert result.failed[0].reason == "bad_request"
    assert poster.attempts[FIRST] == 1
    assert await loaded_store.failing_channels() == []


async def test_404_marks_the_channel_failing_and_stops_sending_there(
    make_service: ServiceFactory, poster: FakePoster, loaded_store: Store
) -> None:
    poster.fail_next(FIRST, fail(FailureReason.NOT_FOUND))
    result = await deliver(make_service)
    assert result.failed[0].reason == "not_found"
    assert poster.attempts[FIRST] == 1
    [health] = await loaded_store.failing_channels()
    assert (health.channel, health.reason) == (CHANNELS[0], "not_found")
    service = make_service()
    later = await service.deliver(await service.schedule("morning"), SLOT + dt.timedelta(days=1))
    assert [(o.channel, o.reason) for o in later.failed] == [(CHANNELS[0], "channel_failing")]
    assert poster.attempts[FIRST] == 1  # nothing more was sent there


async def test_unknown_platform_fails_clearly(
    make_service: ServiceFactory, loaded_store: Store
) -> None:
    service = make_service()
    schedule = await service.schedule("morning")
    result = await service.deliver(schedule, SLOT, channels=["discord:112233445566778899"])
    assert result.failed[0].detail == "discord: DISCORD_TOKEN not set"


class RecordedEvents:
    """A DeliveryEvents that keeps what it was told."""

    def __init__(self) -> None:
        self.calls: list[tuple[object, ...]] = []

    def outcome(self, platform: str, status: str, reason: str | None) -> None:
        self.calls.append(("outcome", platform, status, reason))

    def retry(self, platform: str, reason: str) -> None:
        self.calls.append(("retry", platform, reason))

    def lag(self, platform: str, seconds: float) -> None:
        self.calls.append(("lag", platform, seconds))

    def fanout(self, schedule: str, seconds: float, channels: int) -> None:
        self.calls.append(("fanout", schedule, channels))


async def test_fan_out_reports_outcomes_retries_lag_and_duration_to_the_metrics_hook(
    make_service: ServiceFactory, poster: FakePoster
) -> None:
    events = RecordedEvents()
    service = make_service(events=events)
    poster.fail_next(FIRST, fail(FailureReason.RATE_LIMITED, retry_after=2.0))
    poster.fail_next(CHANNELS[1].removeprefix("slack:"), fail(FailureReason.FORBIDDEN))
    await service.deliver(await service.schedule("morning"), SLOT)
    outcomes = [c for c in events.calls if c[0] == "outcome"]
    assert sorted(c[2] for c in outcomes) == ["delivered"] * 4 + ["failed"]
    assert ("outcome", "slack", "failed", "forbidden") in outcomes
    assert [c for c in events.calls if c[0] == "retry"] == [("retry", "slack", "rate_limited")]
    lags = [c[2] for c in events.calls if c[0] == "lag"]
    assert len(lags) == 4 and all(isinstance(s, float) and s > 0 for s in lags)
    assert events.calls[-1] == ("fanout", "morning", len(CHANNELS))


async def test_a_part_is_recorded_only_under_the_claim(loaded_store: Store, time: FakeTime) -> None:
    key = SlotKey("morning", CHANNELS[0], SLOT)
    mine = Ledger(loaded_store, time.now, lease_seconds=60, owner="host:1:mine")
    other = Ledger(loaded_store, time.now, lease_seconds=60, owner="host:2:other")
    assert (await mine.claim(key)).mine
    assert await mine.record_part(key, 0, "ts-0")
    assert not await other.record_part(key, 1, "ts-1")  # not the claim's holder
    assert await mine.record_part(key, 0, "ts-again")  # a repeat keeps the first id
    assert await mine.parts(key) == {0: "ts-0"}
