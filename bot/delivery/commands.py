"""What ``briefbot post`` does: deliver a schedule's latest slot to every channel lacking it."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from dataclasses import replace

from bot.delivery.fanout import DeliveryResult
from bot.delivery.service import DeliveryService
from bot.errors import UserInputError

log = logging.getLogger(__name__)
BUSY_POLL_SECONDS = 1.0


async def post_schedule(
    service: DeliveryService, name: str, *, force: bool = False, retry_failing: bool = False
) -> DeliveryResult:
    """Complete the latest slot's fan-out (failed and missed rows included) or, with ``force``,
    open a new ad-hoc slot. Channels another live process is sending to are waited for.
    """
    schedule = await service.schedule(name)
    now = service.context.clock()
    if retry_failing:
        for channel in schedule.channels:
            await service.context.store.clear_failing(channel)
    if force:
        return await service.deliver(schedule, now, adhoc=True)
    slot = schedule.timing().latest_at(now)
    if slot is None:
        raise UserInputError(f"schedule {name!r} has no fire time before {now:%Y-%m-%d %H:%M %Z}")
    result = await service.deliver(schedule, slot, reopen=True, settle=True)
    deadline = now + service.ledger.lease + dt.timedelta(seconds=5)
    while busy := [o.channel for o in result.outcomes if o.status == "busy"]:
        if service.context.clock() > deadline:
            break
        log.info("waiting for another process sending to %s", ", ".join(busy))
        await asyncio.sleep(BUSY_POLL_SECONDS)
        again = await service.deliver(schedule, slot, channels=busy, reopen=True)
        result = _merge(result, again)
    return result


def _merge(first: DeliveryResult, second: DeliveryResult) -> DeliveryResult:
    newer = {o.channel: o for o in second.outcomes}
    return replace(first, outcomes=tuple(newer.get(o.channel, o) for o in first.outcomes))
