"""What the store keeps so that a request is acted on once across every replica.

Slack redelivers an event it thinks was lost (``X-Slack-Retry-Num``) and a captured signed
request can be replayed within Slack's 5-minute window; behind a load balancer each copy may
reach another process, so the memory of what was handled must be in the shared store.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class SeenStore(Protocol):
    """The seen-request half of the store: one atomic insert-if-absent with a retention."""

    async def mark_seen(self, key: str, *, now: dt.datetime, keep: dt.timedelta) -> bool:
        """Record ``key`` until ``now + keep``; True if it was not already recorded (or its
        record had expired), False if another call recorded it first. Expired keys are purged."""
        ...
