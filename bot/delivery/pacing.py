"""Client-side pacing per platform, so a fan-out stays under the limits instead of provoking 429s.

Each send reserves the earliest start that keeps one platform interval from every other
reserved send (the workspace or global limit) and one per-channel interval after that
channel's previous send. A retry that must wait for its channel takes a later gap without
holding up the sends queued behind it, so a fan-out runs at the allowed rate.
A 429 pauses the whole platform for its ``Retry-After``: a limit that was hit is shared.
"""

from __future__ import annotations

import asyncio
import bisect
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

Sleep = Callable[[float], Awaitable[None]]
Monotonic = Callable[[], float]


@dataclass(frozen=True)
class Pacing:
    """Minimum seconds between sends: platform-wide and per channel."""

    interval: float
    per_channel: float


# Slack: chat.postMessage allows about 1 message/s per channel; the workspace-wide limit is
# not published, 10 msg/s (600/min) is our conservative choice. Discord: 50 requests/s global
# per bot, kept at 45 for headroom; per-route buckets are handled by discord.py itself.
PACING = {
    "slack": Pacing(interval=1 / 10, per_channel=1.0),
    "discord": Pacing(interval=1 / 45, per_channel=1.0),
}
UNPACED = Pacing(interval=0.0, per_channel=0.0)


class Pacer:
    """Hands out send times for one platform."""

    def __init__(
        self,
        pacing: Pacing,
        *,
        monotonic: Monotonic = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.pacing = pacing
        self._monotonic = monotonic
        self._sleep = sleep
        self._starts: list[float] = []  # reserved send times, sorted
        self._next_by_channel: dict[str, float] = {}
        self._paused_until = 0.0

    def reserve(self, channel: str) -> float:
        """Reserve the earliest allowed start for a send to ``channel``; seconds to wait."""
        now = self._monotonic()
        earliest = max(now, self._paused_until, self._next_by_channel.get(channel, 0.0))
        start = self._free_start(earliest, now)
        bisect.insort(self._starts, start)
        self._next_by_channel[channel] = start + self.pacing.per_channel
        if len(self._next_by_channel) > 10_000:
            self._forget(now)
        return start - now

    def _free_start(self, earliest: float, now: float) -> float:
        """The first time from ``earliest`` at least one interval away from every reservation."""
        gap = self.pacing.interval
        del self._starts[: bisect.bisect_left(self._starts, now - gap)]  # past and harmless
        start = earliest
        for reserved in self._starts[bisect.bisect_left(self._starts, earliest - gap) :]:
            if reserved - start >= gap:
                break  # a hole big enough before this reservation
            start = max(start, reserved + gap)
        return start

    async def acquire(self, channel: str) -> None:
        """Wait for a send slot; again if a 429 paused the platform meanwhile."""
        while True:
            wait = self.reserve(channel)
            if wait > 0:
                await self._sleep(wait)
            if self._monotonic() >= self._paused_until:
                return

    def pause(self, seconds: float) -> None:
        """Hold every send of this platform for ``seconds`` (after a 429)."""
        self._paused_until = max(self._paused_until, self._monotonic() + seconds)

    def _forget(self, now: float) -> None:
        self._next_by_channel = {c: t for c, t in self._next_by_channel.items() if t > now}


class Pacers:
    """One pacer per platform, created on first use; shared by every fan-out of a process."""

    def __init__(
        self,
        pacing: dict[str, Pacing] | None = None,
        *,
        monotonic: Monotonic = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self._pacing = PACING if pacing is None else pacing
        self._monotonic = monotonic
        self._sleep = sleep
        self._pacers: dict[str, Pacer] = {}

    def get(self, platform: str) -> Pacer:
        """The platform's pacer (unpaced for platforms without limits, like the console)."""
        if platform not in self._pacers:
            pacing = self._pacing.get(platform, UNPACED)
            self._pacers[platform] = Pacer(pacing, monotonic=self._monotonic, sleep=self._sleep)
        return self._pacers[platform]
