"""What the store keeps for delivery: ledger rows, subscriptions, channel health, schedule marks.

These are plain records and one protocol; the rules (who may send, when a row is stale, what
to retry) live in ``bot.delivery``. The store only offers atomic primitives: insert-if-absent
and compare-and-set on a row's ``version``, so that two processes never both hold a claim.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class DeliveryStatus(StrEnum):
    """Where a ledger row stands."""

    SENDING = "sending"  # claimed; the send may or may not have reached the platform
    DELIVERED = "delivered"  # final: the platform holds the message
    FAILED = "failed"  # final for now: retries exhausted or a permanent error
    MISSED = "missed"  # final for now: the slot passed while nobody could send


@dataclass(frozen=True)
class SlotKey:
    """One delivery: a schedule's slot (an aware fire time) in one channel."""

    schedule: str
    channel: str
    slot: dt.datetime


@dataclass(frozen=True)
class DeliveryRecord:
    """A ledger row."""

    key: SlotKey
    delivery_key: str
    status: DeliveryStatus
    adhoc: bool
    owner: str | None
    lease_until: dt.datetime | None
    attempts: int
    message_id: str | None
    reason: str | None
    detail: str | None
    version: int
    updated_at: dt.datetime


@dataclass(frozen=True)
class Claim:
    """A claim to write: who holds it and until when."""

    owner: str
    lease_until: dt.datetime
    now: dt.datetime


@dataclass(frozen=True)
class Outcome:
    """How a claimed delivery ended."""

    status: DeliveryStatus
    attempts: int
    message_id: str | None = None
    reason: str | None = None
    detail: str | None = None


@dataclass(frozen=True)
class Subscription:
    """A channel subscribed at run time, with its own cron and timezone."""

    channel: str
    cron: str
    timezone: str
    created_by: str
    since: dt.datetime


@dataclass(frozen=True)
class ChannelHealth:
    """A channel the platform refused (401/403/404): nothing is sent there until fixed."""

    channel: str
    reason: str
    detail: str
    since: dt.datetime


class LedgerStore(Protocol):
    """The delivery half of the store."""

    async def insert_delivery(
        self, key: SlotKey, delivery_key: str, claim: Claim, *, adhoc: bool = False
    ) -> bool:
        """Insert a 'sending' row unless one exists; True when this call inserted it."""
        ...

    async def delivery(self, key: SlotKey) -> DeliveryRecord | None:
        """The row of a delivery, if any."""
        ...

    async def take_over_delivery(self, key: SlotKey, version: int, claim: Claim) -> bool:
        """Set the row to 'sending' under this claim if its version is still ``version``."""
        ...

    async def renew_delivery(self, key: SlotKey, claim: Claim) -> bool:
        """Extend the lease if ``claim.owner`` still holds the row in 'sending'."""
        ...

    async def finish_delivery(
        self, key: SlotKey, owner: str, outcome: Outcome, now: dt.datetime
    ) -> bool:
        """Record the outcome if ``owner`` still holds the row; False when it lost the claim."""
        ...

    async def record_missed(
        self, keys: Sequence[tuple[SlotKey, str]], detail: str, now: dt.datetime
    ) -> int:
        """Insert 'missed' rows (slot, delivery key) where there are none; how many inserted."""
        ...

    async def record_part(
        self, key: SlotKey, owner: str, part: int, message_id: str, now: dt.datetime
    ) -> bool:
        """Record that part ``part`` of a delivery landed, if ``owner`` still holds its row in
        'sending'; False when the claim was lost. A part already recorded is kept as it was.
        """
        ...

    async def delivery_parts(self, key: SlotKey) -> dict[int, str]:
        """The recorded parts of a delivery: part index → message id."""
        ...

    async def deliveries(
        self,
        *,
        status: DeliveryStatus | None = None,
        schedule: str | None = None,
        slot: dt.datetime | None = None,
        limit: int = 50,
    ) -> list[DeliveryRecord]:
        """Rows, most recently updated first, optionally filtered."""
        ...

    async def put_subscription(self, subscription: Subscription) -> None:
        """Insert or replace a channel's subscription."""
        ...

    async def subscription(self, channel: str) -> Subscription | None:
        """A channel's subscription, if any."""
        ...

    async def subscriptions(self) -> list[Subscription]:
        """Every subscription."""
        ...

    async def delete_subscription(self, channel: str) -> bool:
        """Remove a subscription; True when there was one."""
        ...

    async def mark_failing(self, health: ChannelHealth) -> None:
        """Record that a channel refuses posts."""
        ...

    async def clear_failing(self, channel: str) -> bool:
        """Forget a channel's failure; True when it was failing."""
        ...

    async def failing_channels(self) -> list[ChannelHealth]:
        """Every channel marked failing."""
        ...

    async def schedule_mark(self, schedule: str) -> dt.datetime | None:
        """The time up to which the schedule's slots are accounted for."""
        ...

    async def set_schedule_mark(self, schedule: str, until: dt.datetime) -> None:
        """Move the mark forward (never back)."""
        ...
