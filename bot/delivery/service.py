"""The delivery service: schedules from config and the database, slots composed and fanned out.

Everything here takes time from the context's clock, so start-up catch-up, missed slots and
the settling of rows left in flight by a crash are all tested from fixed datetimes. The
APScheduler wiring (``bot.delivery.scheduler``) only decides *when* to call in.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from bot.context import Context
from bot.core.answers import latest_briefing
from bot.core.briefing import Briefing, BriefingSpec
from bot.delivery.events import DeliveryEvents, NoEvents
from bot.delivery.fanout import Deliverer, DeliveryResult
from bot.delivery.ledger import ClaimState, Ledger, delivery_key
from bot.delivery.pacing import Pacers
from bot.delivery.poster import Poster, PostError
from bot.delivery.retry import RetryPolicy
from bot.delivery.schedules import Schedule, all_schedules
from bot.errors import ConfigError
from bot.store.ledger import DeliveryRecord, DeliveryStatus, Outcome, SlotKey

log = logging.getLogger(__name__)
MAX_MISSED_PER_SCHEDULE = 500  # slots enumerated at start-up; older history is not replayed


class DeliveryService:
    """Delivers slots of schedules; ``posters`` maps a platform prefix to its poster."""

    def __init__(
        self,
        context: Context,
        posters: dict[str, Poster] | None = None,
        *,
        pacers: Pacers | None = None,
        policy: RetryPolicy | None = None,
        owner: str | None = None,
        events: DeliveryEvents | None = None,
    ) -> None:
        self.context = context
        self.posters: dict[str, Poster] = posters if posters is not None else {}
        self.grace = dt.timedelta(minutes=context.settings.delivery.grace_minutes)
        lease = context.settings.delivery.lease_seconds
        self.ledger = Ledger(context.store, context.clock, lease_seconds=lease, owner=owner)
        self.deliverer = Deliverer(
            self.ledger,
            self.posters,
            pacers or Pacers(),
            policy or RetryPolicy(),
            events=events or NoEvents(),  # the metrics module's hook, wired by bot/app.py
        )

    def register(self, poster: Poster) -> None:
        """Add a platform's poster (adapters call this once connected)."""
        self.posters[poster.platform] = poster

    async def schedules(self) -> list[Schedule]:
        """Config schedules and run-time subscriptions, read fresh from the database."""
        subscriptions = await self.context.store.subscriptions()
        return all_schedules(self.context.settings, subscriptions)

    async def schedule(self, name: str) -> Schedule:
        """A schedule by name; ConfigError lists the known ones."""
        found = await self.schedules()
        for schedule in found:
            if schedule.name == name:
                return schedule
        known = ", ".join(s.name for s in found) or "none configured"
        raise ConfigError(f"no schedule named {name!r} (known: {known})")

    async def deliver(
        self,
        schedule: Schedule,
        slot: dt.datetime,
        *,
        channels: Sequence[str] | None = None,
        adhoc: bool = False,
        reopen: bool = False,
        settle: bool = False,
    ) -> DeliveryResult:
        """Compose the slot's briefing and fan it out; ``settle``: ask the platform first."""
        briefing = await self.briefing(schedule, slot)
        targets = schedule.channels if channels is None else channels
        return await self.deliverer.deliver(
            schedule.name, slot, targets, briefing, adhoc=adhoc, reopen=reopen, settle=settle
        )

    async def briefing(self, schedule: Schedule, slot: dt.datetime) -> Briefing:
        """The slot's briefing, dated in the schedule's zone."""
        local = slot.astimezone(ZoneInfo(schedule.timezone))
        return await latest_briefing(self.context.store, spec=schedule.spec, now=local)

    def in_grace(self, slot: dt.datetime, now: dt.datetime) -> bool:
        """A late slot is still worth delivering."""
        return now - slot <= self.grace

    # -- start-up and periodic catch-up -------------------------------------------------

    async def catch_up(self, now: dt.datetime) -> list[DeliveryResult]:
        """Account for every slot since the last check: deliver within grace, else record missed."""
        results = []
        for schedule in await self.schedules():
            results += await self._catch_up_schedule(schedule, now)
        await self.settle_stale(now)
        return results

    async def _catch_up_schedule(
        self, schedule: Schedule, now: dt.datetime
    ) -> list[DeliveryResult]:
        store = self.context.store
        start = await store.schedule_mark(schedule.name) or now - self.grace
        if schedule.since is not None:
            start = max(start, schedule.since)
        slots = schedule.timing().between(start, now, limit=MAX_MISSED_PER_SCHEDULE)
        late = [s for s in slots if not self.in_grace(s, now)]
        if late:
            await self._record_missed(schedule, late, now)
        # Late slots are settled with the platform before anything is sent: on a fresh or
        # ephemeral disk the ledger may not know what a previous process already posted.
        results = [
            await self.deliver(schedule, s, settle=True) for s in slots if self.in_grace(s, now)
        ]
        await store.set_schedule_mark(schedule.name, now)
        return results

    async def _record_missed(
        self, schedule: Schedule, slots: list[dt.datetime], now: dt.datetime
    ) -> None:
        keys = [SlotKey(schedule.name, c, s) for s in slots for c in schedule.channels]
        detail = f"not sent: bot was down past the {self.grace} grace window"
        count = await self.context.store.record_missed(
            [(k, delivery_key(k)) for k in keys], detail, now
        )
        if count:
            log.warning("schedule %s: %d delivery(ies) recorded as missed", schedule.name, count)

    async def settle_stale(self, now: dt.datetime) -> None:
        """Rows left in flight by a dead process: finish them, never blindly re-send."""
        known = {s.name: s for s in await self.schedules()}
        rows = await self.context.store.deliveries(status=DeliveryStatus.SENDING, limit=500)
        for record in rows:
            if not self.ledger.stale(record):
                continue
            schedule = known.get(record.key.schedule) or self._fallback(record)
            if self.in_grace(record.key.slot, now):
                await self.deliver(schedule, record.key.slot, channels=[record.key.channel])
            else:
                await self._settle_only(schedule, record)

    def _fallback(self, record: DeliveryRecord) -> Schedule:
        """An ad-hoc or since-removed schedule: the default briefing, the channel alone."""
        spec: BriefingSpec = self.context.settings.briefing.spec()
        tz = self.context.settings.timezone
        return Schedule(record.key.schedule, "0 0 1 1 *", tz, (record.key.channel,), spec)

    async def _settle_only(self, schedule: Schedule, record: DeliveryRecord) -> None:
        """Past grace: ask the platform; the row ends delivered or missed, never re-sent."""
        key = record.key
        claim = await self.ledger.claim(key)
        if claim.state is not ClaimState.RECLAIMED:
            return
        try:
            briefing = await self.briefing(schedule, key.slot)
            outcome = await self.deliverer.settle_only(key, briefing)
        except PostError as err:
            # attempts=1 keeps "may have been sent": a later reopen settles before sending
            outcome = Outcome(DeliveryStatus.FAILED, 1, None, "unsettled", str(err))
        await self.ledger.finish(key, outcome)
