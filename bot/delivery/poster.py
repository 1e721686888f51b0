"""The one small interface every platform implements to deliver a briefing.

A poster turns a briefing into the messages (parts) it takes on its platform, sends one part
at a time, and tells which parts of a delivery already arrived (to settle a ledger row left in
flight by a crash or by an ambiguous failure). The delivery layer records every part in the
ledger as it lands, so a retry or a restart sends only the parts still missing: exactly once
per part. A poster raises ``PostError`` with a classified ``reason`` so that the delivery
layer alone decides what to retry, when, and what to record.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from enum import StrEnum
from typing import Protocol

from bot.core.briefing import Briefing
from bot.errors import BriefbotError


class FailureReason(StrEnum):
    """How a failed post should be treated."""

    RATE_LIMITED = "rate_limited"  # 429: wait retry_after, then retry
    TRANSIENT = "transient"  # 5xx, timeouts, connection errors: retry with backoff
    BAD_REQUEST = "bad_request"  # 400: our payload is wrong; never retry
    UNAUTHORIZED = "unauthorized"  # 401: bad token; never retry
    FORBIDDEN = "forbidden"  # 403: missing permission; mark channel failing
    NOT_FOUND = "not_found"  # 404: channel gone; mark channel failing


PERMANENT = frozenset(
    {
        FailureReason.BAD_REQUEST,
        FailureReason.UNAUTHORIZED,
        FailureReason.FORBIDDEN,
        FailureReason.NOT_FOUND,
    }
)


class PostError(BriefbotError):
    """A post failed; ``reason`` classifies it, ``retry_after`` is the platform's wait in seconds."""

    def __init__(
        self, reason: FailureReason, detail: str, *, retry_after: float | None = None
    ) -> None:
        super().__init__(f"{reason.value}: {detail}")
        self.reason = reason
        self.detail = detail
        self.retry_after = retry_after

    @property
    def permanent(self) -> bool:
        """True when retrying cannot help."""
        return self.reason in PERMANENT


SendPart = Callable[[str], Awaitable[str]]
"""Sends one prepared part to a channel id; returns the message id. Raises ``PostError``."""


class Poster(Protocol):
    """Delivers briefings to channels of one platform (``platform`` is the channel prefix)."""

    platform: str

    def parts(self, briefing: Briefing, *, delivery_key: str) -> Sequence[SendPart]:
        """The briefing as the platform's messages, in order, ready to send one by one.

        Each part carries the delivery key and its index (Slack message metadata, Discord
        nonce and footer reference) so that ``find_delivered`` can recognise it later.
        """
        ...

    async def find_delivered(self, channel_id: str, delivery_key: str) -> dict[int, str]:
        """The parts of this delivery already in the channel: part index → message id.

        Raises ``PostError`` when the platform cannot be asked.
        """
        ...


async def send_all(
    poster: Poster, channel_id: str, briefing: Briefing, *, delivery_key: str
) -> list[str]:
    """Send every part outside the ledger (tests, one-off tools); the message ids in order.

    Scheduled delivery never uses this: the fan-out sends part by part and records each.
    """
    return [await send(channel_id) for send in poster.parts(briefing, delivery_key=delivery_key)]
