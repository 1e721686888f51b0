"""The one small interface every platform implements to deliver a briefing.

A poster knows how to put a briefing into one channel of its platform and how to tell whether
a delivery already arrived (to settle a ledger row left in flight by a crash). It raises
``PostError`` with a classified ``reason`` so that the delivery layer alone decides what to
retry, when, and what to record.
"""

from __future__ import annotations

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


class Poster(Protocol):
    """Delivers briefings to channels of one platform (``platform`` is the channel prefix)."""

    platform: str

    async def post(self, channel_id: str, briefing: Briefing, *, delivery_key: str) -> str:
        """Post the briefing (one or more messages); return the first message's id.

        The delivery key travels with the message (Slack message metadata, Discord nonce) so
        that ``find_delivered`` can recognise it later. Raises ``PostError``.
        """
        ...

    async def find_delivered(self, channel_id: str, delivery_key: str) -> str | None:
        """The id of a message already carrying this delivery key, or None. Raises ``PostError``."""
        ...
