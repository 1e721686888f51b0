"""Fan-out: one briefing to many channels, concurrently, each through the ledger and retries.

For every channel: claim the ledger row (or learn it is delivered / busy), settle a taken-over
row by asking the poster, send with pacing and bounded retries, and record the final outcome.
A refusal (401/403/404) marks the channel failing so that nothing more is sent there.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from bot.core.briefing import Briefing
from bot.delivery.ledger import ClaimResult, ClaimState, Ledger, delivery_key
from bot.delivery.pacing import Pacers, Sleep
from bot.delivery.poster import FailureReason, Poster, PostError
from bot.delivery.retry import RetryPolicy
from bot.observability.metrics import record_delivery, record_retry, time_fanout
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
class Deliverer:
    """Sends one slot to many channels; holds the ledger, posters, pacers and retry policy."""

    ledger: Ledger
    posters: Mapping[str, Poster]
    pacers: Pacers = field(default_factory=Pacers)
    policy: RetryPolicy = field(default_factory=RetryPolicy)
    sleep: Sleep = asyncio.sleep
    concurrency: int = 64

    async def deliver(
        self,
        schedule: str,
        slot: dt.datetime,
        channels: Sequence[str],
        briefing: Briefing,
        *,
        adhoc: bool = False,
        reopen: bool = False,
    ) -> DeliveryResult:
        """Deliver the slot to every channel lacking it; ``reopen`` retries failed/missed rows."""
        failing = {h.channel for h in await self.ledger.store.failing_channels()}
        gate = asyncio.Semaphore(self.concurrency)

        async def one(channel: str) -> ChannelOutcome:
            async with gate:
                key = SlotKey(schedule, channel, slot)
                return await self._channel(key, briefing, channel in failing, adhoc, reopen)

        with time_fanout():
            outcomes = await asyncio.gather(*(one(c) for c in dict.fromkeys(channels)))
        return DeliveryResult(schedule, slot, tuple(outcomes))

    async def _channel(
        self, key: SlotKey, briefing: Briefing, failing: bool, adhoc: bool, reopen: bool
    ) -> ChannelOutcome:
        claim = await self.ledger.claim(key, adhoc=adhoc, reopen=reopen)
        if not claim.mine:
            return _unclaimed(key.channel, claim)
        outcome = await self._outcome(key, briefing, failing, claim)
        await self.ledger.finish(key, outcome)
        platform, _ = split_channel(key.channel)
        record_delivery(platform, outcome.status.value, slot=key.slot, now=self.ledger.clock())
        if outcome.status is DeliveryStatus.DELIVERED:
            log.info("delivered %s to %s as %s", key.schedule, key.channel, outcome.message_id)
        else:
            log.warning(
                "%s to %s failed: %s %s", key.schedule, key.channel, outcome.reason, outcome.detail
            )
        return ChannelOutcome(
            key.channel, outcome.status.value, outcome.message_id, outcome.reason, outcome.detail
        )

    async def _outcome(
        self, key: SlotKey, briefing: Briefing, failing: bool, claim: ClaimResult
    ) -> Outcome:
        platform, _ = split_channel(key.channel)
        poster = self.posters.get(platform)
        if failing:
            return _failed(0, "channel_failing", "marked failing; fix access, then re-subscribe")
        if poster is None:
            detail = MISSING_POSTER.get(platform, f"{platform}: no poster configured")
            return _failed(0, "no_poster", detail)
        try:
            return await self._send(key, poster, briefing, claim.must_settle)
        except Exception as err:  # a poster bug must not leave the row in flight forever
            log.exception("poster for %s raised unexpectedly", key.channel)
            return _failed(1, "error", f"{type(err).__name__}: {err}")

    async def _send(
        self, key: SlotKey, poster: Poster, briefing: Briefing, settle: bool
    ) -> Outcome:
        """Settle when the row may have been sent, then post, retrying per the policy.

        Settling comes before the backoff, so a 5xx or timeout that did post ends at once.
        """
        platform, channel_id = split_channel(key.channel)
        pacer = self.pacers.get(platform)
        dkey = delivery_key(key)
        attempts = failures = rate_waits = 0
        delay = 0.0
        while True:
            try:
                if settle and (found := await poster.find_delivered(channel_id, dkey)):
                    return Outcome(DeliveryStatus.DELIVERED, attempts, found, None, "settled")
                settle = False
                if (attempts or delay) and not await self._wait(key, delay):
                    return _failed(attempts, "lost_claim", "another process took the row over")
                await pacer.acquire(channel_id)
                attempts += 1
                message_id = await poster.post(channel_id, briefing, delivery_key=dkey)
                return Outcome(DeliveryStatus.DELIVERED, attempts, message_id)
            except PostError as err:
                rate_limited = err.reason is FailureReason.RATE_LIMITED
                rate_waits += rate_limited
                failures += not rate_limited
                wait = self.policy.delay(err, failures, rate_waits)
                if wait is None:
                    await self._refused(key.channel, err)
                    return _failed(attempts, err.reason.value, err.detail)
                record_retry(platform, rate_limited=rate_limited)
                if rate_limited:
                    pacer.pause(wait)
                settle = settle or not rate_limited  # a 5xx or timeout may have posted
                log.info("%s in %s: %s; retrying in %.2fs", key.schedule, key.channel, err, wait)
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
