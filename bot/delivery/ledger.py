"""The delivery ledger's rules: who may send a slot to a channel, and when a claim is stale.

A row is written (claimed) before the send and finished after it. A claim is won by inserting
the row, or by a compare-and-set on a row nobody holds any more: one whose lease ran out, or
whose owner process is known to be dead (same host, pid gone), so that a restart after a crash
does not wait for the lease. A taken-over row that may have been sent is *settled* first: the
poster is asked whether the message arrived before anything is sent again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import secrets
import socket
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from bot.store.ledger import Claim, DeliveryRecord, DeliveryStatus, LedgerStore, Outcome, SlotKey
from bot.store.sqlite_ledger import stamp

log = logging.getLogger(__name__)
Clock = Callable[[], dt.datetime]


def delivery_key(key: SlotKey) -> str:
    """A stable 25-character key for a delivery (Discord nonces allow at most 25)."""
    text = f"{key.schedule}|{key.channel}|{stamp(key.slot)}"
    return "bb-" + hashlib.blake2b(text.encode(), digest_size=11).hexdigest()


def process_owner() -> str:
    """This process's claim identity: host, pid and a random token."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"


def owner_dead(owner: str | None) -> bool:
    """True only when the owner certainly died: it ran on this host and its pid is gone."""
    if not owner:
        return True
    host, _, rest = owner.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, owned by another user
        return False
    return False


class ClaimState(StrEnum):
    """What a claim attempt found."""

    FRESH = "fresh"  # this process inserted the row: send
    RECLAIMED = "reclaimed"  # taken over from a stale or reopened row: settle, then send
    DONE = "done"  # already delivered: nothing to do
    BUSY = "busy"  # another live process holds it
    CLOSED = "closed"  # failed or missed, and not reopened


@dataclass(frozen=True)
class ClaimResult:
    """A claim attempt: its state and the row as it was found (None when fresh)."""

    state: ClaimState
    record: DeliveryRecord | None = None

    @property
    def mine(self) -> bool:
        """This process now holds the row and must finish it."""
        return self.state in (ClaimState.FRESH, ClaimState.RECLAIMED)

    @property
    def must_settle(self) -> bool:
        """The row may already have reached the platform: ask before sending."""
        record = self.record
        if self.state is not ClaimState.RECLAIMED or record is None:
            return False
        return record.status is DeliveryStatus.SENDING or record.attempts > 0


class Ledger:
    """Claims, renews and finishes ledger rows for one process."""

    def __init__(
        self, store: LedgerStore, clock: Clock, *, lease_seconds: float, owner: str | None = None
    ) -> None:
        self.store = store
        self.clock = clock
        self.lease = dt.timedelta(seconds=lease_seconds)
        self.owner = owner or process_owner()

    def _claim(self, extra: float = 0.0) -> Claim:
        now = self.clock()
        return Claim(self.owner, now + self.lease + dt.timedelta(seconds=extra), now)

    async def claim(
        self, key: SlotKey, *, adhoc: bool = False, reopen: bool = False
    ) -> ClaimResult:
        """Try to become the one process that sends this slot to this channel."""
        record: DeliveryRecord | None = None
        for _ in range(3):  # a lost compare-and-set means someone else moved: look again
            if await self.store.insert_delivery(key, delivery_key(key), self._claim(), adhoc=adhoc):
                return ClaimResult(ClaimState.FRESH)
            record = await self.store.delivery(key)
            if record is None:
                continue
            state = self._verdict(record, reopen)
            if state is not ClaimState.RECLAIMED:
                return ClaimResult(state, record)
            if await self.store.take_over_delivery(key, record.version, self._claim()):
                log.info("took over %s in %s (was %s)", key.schedule, key.channel, record.status)
                return ClaimResult(ClaimState.RECLAIMED, record)
        return ClaimResult(ClaimState.BUSY, record)

    def _verdict(self, record: DeliveryRecord, reopen: bool) -> ClaimState:
        if record.status is DeliveryStatus.DELIVERED:
            return ClaimState.DONE
        if record.status is DeliveryStatus.SENDING:
            return ClaimState.RECLAIMED if self.stale(record) else ClaimState.BUSY
        return ClaimState.RECLAIMED if reopen else ClaimState.CLOSED

    def stale(self, record: DeliveryRecord) -> bool:
        """An in-flight row nobody is working on any more."""
        if record.owner == self.owner:
            return False  # our own task is still on it
        expired = record.lease_until is None or record.lease_until <= self.clock()
        return expired or owner_dead(record.owner)

    async def renew(self, key: SlotKey, *, extra: float = 0.0) -> bool:
        """Extend our lease (by ``extra`` seconds more for a planned wait); False if lost."""
        return await self.store.renew_delivery(key, self._claim(extra))

    async def record_part(self, key: SlotKey, part: int, message_id: str) -> bool:
        """Record a part that landed; False when our claim was lost (another process has it)."""
        return await self.store.record_part(key, self.owner, part, message_id, self.clock())

    async def parts(self, key: SlotKey) -> dict[int, str]:
        """The parts of a delivery recorded so far."""
        return await self.store.delivery_parts(key)

    async def finish(self, key: SlotKey, outcome: Outcome) -> None:
        """Record the final outcome; a lost claim is logged, never overwritten."""
        if not await self.store.finish_delivery(key, self.owner, outcome, self.clock()):
            log.warning(
                "lost the claim on %s/%s/%s before recording %s",
                key.schedule,
                key.channel,
                stamp(key.slot),
                outcome.status,
            )
