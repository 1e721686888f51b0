"""Which failures are retried, and after how long: a bounded policy with jittered backoff.

429 waits the platform's ``Retry-After`` (and counts separately: being told to wait is not a
failure); 5xx, timeouts and connection errors back off exponentially with jitter; everything in
``PERMANENT`` stops at once. Randomness is a parameter, so tests and benchmarks are repeatable.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.delivery.poster import FailureReason, PostError


@dataclass(frozen=True)
class RetryPolicy:
    """Bounds and shape of retries."""

    max_failures: int = 5  # transient failures before giving up (attempts = failures)
    max_rate_waits: int = 10  # 429s honoured before giving up
    base: float = 1.0  # first backoff, seconds (also about Slack's per-channel pace)
    factor: float = 2.0
    cap: float = 30.0
    max_retry_after: float = 600.0  # a longer demand is treated as an outage
    rand: Callable[[], float] = field(default=random.random, compare=False)

    def backoff(self, failures: int) -> float:
        """Equal jitter: half the exponential delay fixed, half random (no thundering herd)."""
        delay = min(self.cap, self.base * self.factor ** max(0, failures - 1))
        return delay / 2 + self.rand() * delay / 2

    def delay(self, err: PostError, failures: int, rate_waits: int) -> float | None:
        """Seconds to wait before retrying, or None to give up. Counts include this error."""
        if err.permanent:
            return None
        if err.reason is FailureReason.RATE_LIMITED:
            if rate_waits > self.max_rate_waits:
                return None
            wait = err.retry_after if err.retry_after is not None else self.backoff(rate_waits)
            return None if wait > self.max_retry_after else max(0.0, wait)
        if failures >= self.max_failures:
            return None
        return self.backoff(failures)
