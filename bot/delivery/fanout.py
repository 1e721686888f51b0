"""Fan-out: one briefing to many channels, concurrently, each through the ledger and retries.

For every channel: claim the ledger row (or learn it is delivered / busy), settle a row that
may have been sent by asking the poster which parts arrived, send the missing parts one by one
with pacing and bounded retries, record each part as it lands, and record the final outcome.
A slot is delivered only when every part is in the channel, each exactly once: a retry after a
429 or a 5xx, a reopen or a restart sends only the parts still missing. A refusal
(401/403/404) marks the channel failing so that nothing more is sent there.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from bot.core.briefing import Briefing
from bot.delivery.events import DeliveryEvents, NoEvents
from bot.delivery.ledger import ClaimResult, ClaimState, Ledger, delivery_key
from bot.delivery.pacing import Pacers, Sleep
from bot.delivery.poster import FailureReason, Poster, PostError, SendPart
from bot.delivery.retry import RetryPolicy
from bot.store.ledger import ChannelHealth, DeliveryStatus, Outcome, SlotKey

log = logging.getLogger(__name__)
CHANNEL_REFUSED = frozenset(
    {FailureReason.UNAUTHORIZED, FailureReason.FORBIDDEN, FailureReason.NOT_FOUND}
)
MISSING_POSTER = {
    "slack": "slack: SLACK_BOT_TOKEN not set",
    "discord": "discord: DISCORD_TOKEN not set",
}


@dataclass(frozen=True)
class ChannelOutcome:
    """What became of one channel in a fan-out. ``already``: it held the slot before."""

    channel: str
    status: str  # a DeliveryStatus value, or "busy" when another process is sending
    message_id: str | None = None
    reason: str | None = None
    detail: str | None = None
    already: bool = False

    @property
    def delivered(self) -> bool:
        """The channel holds the slot."""
        return self.status == DeliveryStatus.DELIVERED.value


@dataclass(frozen=True)
class DeliveryResult:
    """The outcome of a fan-out, one entry per channel."""

    schedule: str
    slot: dt.datetime
    outcomes: tuple[ChannelOutcome, ...] = ()

    @property
    def ok(self) -> bool:
        """Every channel holds the slot."""
        return all(o.delivered for o in self.outcomes)

    @property
    def failed(self) -> list[ChannelOutcome]:
        """Channels that do not hold the slot."""
        return [o for o in self.outcomes if not o.delivered]


def split_channel(channel: str) -> tuple[str, str]:
    """'slack:C0123' → ('slack', 'C0123'); 'console' → ('console', 'console')."""
    platform, _, channel_id = channel.partition(":")
    return platform, channel_id or platform


@dataclass
class _Parts:
    """One channel's delivery in progress: its parts and those the channel already holds."""

    key: SlotKey
    parts: Sequence[SendPart]
    done: dict[int, str]
    attempts: int = 0
    found: int = 0  # parts learnt from the platform by settling

    def missing(self) -> list[int]:
        """Indexes of parts not yet in the channel, in order."""
        return [i for i in range(len(self.parts)) if i not in self.done]

    def delivered(self) -> Outcome:
        """The outcome once every part is in: the first part's id stands for the message."""
        detail = "settled" if self.found else None  # some part was found on the platform
        return Outcome(DeliveryStatus.DELIVERED, self.attempts, self.done[0], None, detail)


@dataclass
class Deliverer:
    """Sends one slot to many channels; holds the ledger, posters, pacers and retry policy."""

    ledger: Ledger
    posters: Mapping[str, Poster]
    pacers: Pacers = field(default_factory=Pacers)
    policy: RetryPolicy = field(default_factory=RetryPolicy)
    sleep: Sleep = asyncio.sleep
    concurrency: int = 64
    events: DeliveryEvents = field(default_factory=NoEvents)

    async def deliver(
        self,
        schedule: str,
        slot: dt.datetime,
        channels: Sequence[str],
        briefing: Briefing,
        *,
        adhoc: bool = False,
        reopen: bool = False,
        settle: bool = False,
    ) -> DeliveryResult:
        """Deliver the slot to every channel lacking it; ``reopen`` retries failed/missed rows.

        ``settle`` asks the platform first even for a row this process just created: a late
        slot on a fresh or ephemeral disk may have been posted by a process whose ledger is gone.
        """
        started = time.monotonic()
        failing = {h.channel for h in await self.ledger.store.failing_channels()}
        gate = asyncio.Semaphore(self.concurrency)

        async def one(channel: str) -> ChannelOutcome:
            async with gate:
                key = SlotKey(schedule, channel, slot)
                return await self._channel(
                    key, briefing, channel in failing, adhoc=adhoc, reopen=reopen, settle=settle
                )

        targets = list(dict.fromkeys(channels))
        outcomes = await asyncio.gather(*(one(c) for c in targets))
        self.events.fanout(schedule, time.monotonic() - started, len(targets))
        return DeliveryResult(schedule, slot, tuple(outcomes))

    async def _channel(
        self,
        key: SlotKey,
        briefing: Briefing,
        failing: bool,
        *,
        adhoc: bool,
        reopen: bool,
        settle: bool,
    ) -> ChannelOutcome:
        claim = await self.ledger.claim(key, adhoc=adhoc, reopen=reopen)
        platform, _ = split_channel(key.channel)
        if not claim.mine:
            unclaimed = _unclaimed(key.channel, claim)
            self.events.outcome(platform, unclaimed.status, unclaimed.reason)
            return unclaimed
        settle = claim.must_settle or settle
        outcome = await self._outcome(key, briefing, failing, settle)
        await self.ledger.finish(key, outcome)
        self._report(key, platform, outcome)
        return ChannelOutcome(
            key.channel, outcome.status.value, outcome.message_id, outcome.reason, outcome.detail
        )

    def _report(self, key: SlotKey, platform: str, outcome: Outcome) -> None:
        self.events.outcome(platform, outcome.status.value, outcome.reason)
        if outcome.status is DeliveryStatus.DELIVERED:
            self.events.lag(platform, (self.ledger.clock() - key.slot).total_seconds())
            log.info("delivered %s to %s as %s", key.schedule, key.channel, outcome.message_id)
        else:
            log.warning(
                "%s to %s failed: %s %s", key.schedule, key.channel, outcome.reason, outcome.detail
            )

    async def _outcome(
        self, key: SlotKey, briefing: Briefing, failing: bool, settle: bool
    ) -> Outcome:
        platform, _ = split_channel(key.channel)
        poster = self.posters.get(platform)
        if failing:
            return _failed(0, "channel_failing", "marked failing; fix access, then re-subscribe")
        if poster is None:
            detail = MISSING_POSTER.get(platform, f"{platform}: no poster configured")
            return _failed(0, "no_poster", detail)
        try:
            job = await self._prepare(key, poster, briefing)
            return await self._send(job, poster, settle)
        except Exception as err:  # a poster bug must not leave the row in flight forever
            log.exception("poster for %s raised unexpectedly", key.channel)
            return _failed(1, "error", f"{type(err).__name__}: {err}")

    async def _prepare(self, key: SlotKey, poster: Poster, briefing: Briefing) -> _Parts:
        """The parts to send, and those an earlier claim already recorded."""
        parts = poster.parts(briefing, delivery_key=delivery_key(key))
        return _Parts(key, parts, await self.ledger.parts(key))

    async def settle_only(self, key: SlotKey, briefing: Briefing) -> Outcome:
        """Past the grace window: ask the platform, send nothing; delivered or missed.

        Raises ``PostError`` when the platform cannot be asked.
        """
        platform, _ = split_channel(key.channel)
        poster = self.posters.get(platform)
        if poster is None:
            detail = MISSING_POSTER.get(platform, f"{platform}: no poster configured")
            return Outcome(DeliveryStatus.FAILED, 1, None, "unsettled", detail)
        job = await self._prepare(key, poster, briefing)
        await self._settle(job, poster)
        if not job.missing():
            return Outcome(DeliveryStatus.DELIVERED, 1, job.done[0], None, "settled after restart")
        held = len(job.parts) - len(job.missing())
        detail = (
            f"in flight at a crash, {held} of {len(job.parts)} part(s) found on the platform,"
            " past the grace window"
        )
        return Outcome(DeliveryStatus.MISSED, 1, job.done.get(0), "missed", detail)

    async def _settle(self, job: _Parts, poster: Poster) -> None:
        """Ask the platform which parts arrived; record the ones the ledger did not know."""
        _, channel_id = split_channel(job.key.channel)
        found = await poster.find_delivered(channel_id, delivery_key(job.key))
        for index, message_id in sorted(found.items()):
            if index in job.done or not 0 <= index < len(job.parts):
                continue
            if await self.ledger.record_part(job.key, index, message_id):
                job.done[index] = message_id
                job.found += 1

    async def _send(self, job: _Parts, poster: Poster, settle: bool) -> Outcome:
        """Settle when the row may have been sent, then send each missing part, retrying per
        the policy. Settling comes before the backoff, so a 5xx or timeout that did post ends
        at once; a 429 posted nothing, so the same part is simply sent again.
        """
        platform, channel_id = split_channel(job.key.channel)
        pacer = self.pacers.get(platform)
        failures = rate_waits = 0
        delay = 0.0
        while True:
            try:
                if settle:
                    await self._settle(job, poster)
                    settle = False
                for index in job.missing():
                    if (job.attempts or delay) and not await self._wait(job.key, delay):
                        return _failed(job.attempts, "lost_claim", "another process took it over")
                    delay = 0.0
                    await pacer.acquire(channel_id)
                    job.attempts += 1
                    message_id = await job.parts[index](channel_id)
                    if not await self.ledger.record_part(job.key, index, message_id):
                        return _failed(job.attempts, "lost_claim", "another process took it over")
                    job.done[index] = message_id
                return job.delivered()
            except PostError as err:
                rate_limited = err.reason is FailureReason.RATE_LIMITED
                rate_waits += rate_limited
                failures += not rate_limited
                wait = self.policy.delay(err, failures, rate_waits)
                if wait is None:
                    await self._refused(job.key.channel, err)
                    return _failed(job.attempts, err.reason.value, err.detail)
                if rate_limited:
                    pacer.pause(wait)
                self.events.retry(platform, err.reason.value)
                settle = settle or not rate_limited  # a 5xx or timeout may have posted
                log.info(
                    "%s in %s: %s; retrying in %.2fs", job.key.schedule, job.key.channel, err, wait
                )
                delay = wait

    async def _wait(self, key: SlotKey, delay: float) -> bool:
        """Back off, holding the claim through the wait; False if the claim was lost."""
        if delay > 0:
            await self.ledger.renew(key, extra=delay)
            await self.sleep(delay)
        return await self.ledger.renew(key)

    async def _refused(self, channel: str, err: PostError) -> None:
        """401/403/404: stop posting to the channel until an admin fixes it."""
        if err.reason in CHANNEL_REFUSED:
            health = ChannelHealth(channel, err.reason.value, err.detail, self.ledger.clock())
            await self.ledger.store.mark_failing(health)
            log.warning("channel %s marked failing: %s", channel, err)
        elif err.reason is FailureReason.BAD_REQUEST:
            log.error("payload rejected by %s (not retried): %s", channel, err.detail)


def _failed(attempts: int, reason: str, detail: str) -> Outcome:
    return Outcome(DeliveryStatus.FAILED, attempts, None, reason, detail)


def _unclaimed(channel: str, claim: ClaimResult) -> ChannelOutcome:
    record = claim.record
    if claim.state is ClaimState.BUSY or record is None:
        return ChannelOutcome(channel, "busy", detail="another process is sending")
    return ChannelOutcome(
        channel,
        record.status.value,
        record.message_id,
        record.reason,
        record.detail,
        already=True,
    )
