"""Delivery fakes: a poster that fails on demand, a fake clock whose sleeps advance it."""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import pytest

from bot.context import Context
from bot.core.briefing import Briefing
from bot.delivery.pacing import Pacers
from bot.delivery.poster import FailureReason, PostError, SendPart
from bot.delivery.retry import RetryPolicy
from bot.delivery.service import DeliveryService
from bot.settings import Secrets, Settings
from bot.store import Store

CHANNELS = [f"slack:C{n:07d}" for n in range(1, 6)]


class FakeTime:
    """A wall clock and a monotonic clock that move only when something sleeps."""

    def __init__(self, start: dt.datetime) -> None:
        self.wall = start
        self.mono = 1000.0
        self.sleeps: list[float] = []

    def now(self) -> dt.datetime:
        return self.wall

    def monotonic(self) -> float:
        return self.mono

    def advance(self, seconds: float) -> None:
        self.mono += seconds
        self.wall += dt.timedelta(seconds=seconds)

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.advance(max(0.0, seconds))
        await asyncio.sleep(0)


def fail(reason: FailureReason, retry_after: float | None = None) -> PostError:
    return PostError(reason, f"fake {reason.value}", retry_after=retry_after)


class FakePoster:
    """Records posts per channel; ``script[channel]`` lists errors to raise, one per send.

    A briefing takes ``part_count`` messages. ``messages[channel]`` holds one entry per message:
    the delivery key for part 0, ``key#n`` for part n. ``landed`` errors still put the
    message in the channel (a timeout after the platform accepted it): exactly the case that
    must be settled, never blindly re-sent.
    """

    def __init__(self, platform: str = "slack", time: FakeTime | None = None) -> None:
        self.platform = platform
        self.time = time
        self.part_count = 1
        self.script: dict[str, list[PostError]] = defaultdict(list)
        self.landed: set[int] = set()  # ids of errors that still delivered
        self.messages: dict[str, list[str]] = defaultdict(list)  # channel → part entries
        self.attempts: dict[str, int] = defaultdict(int)
        self.finds: list[str] = []
        self.sent_at: list[tuple[str, float]] = []

    def fail_next(self, channel: str, *errors: PostError, landed: bool = False) -> None:
        self.script[channel].extend(errors)
        if landed:
            self.landed.update(id(e) for e in errors)

    def parts(self, briefing: Briefing, *, delivery_key: str) -> list[SendPart]:
        entries = [delivery_key] + [f"{delivery_key}#{n}" for n in range(1, self.part_count)]
        return [functools.partial(self._send, entry) for entry in entries]

    async def _send(self, entry: str, channel_id: str) -> str:
        self.attempts[channel_id] += 1
        if self.time is not None:
            self.sent_at.append((channel_id, self.time.monotonic()))
        if self.script[channel_id]:
            error = self.script[channel_id].pop(0)
            if id(error) in self.landed:
                self.messages[channel_id].append(entry)
            raise error
        self.messages[channel_id].append(entry)
        return f"{channel_id}-{len(self.messages[channel_id])}"

    async def find_delivered(self, channel_id: str, delivery_key: str) -> dict[int, str]:
        self.finds.append(channel_id)
        found: dict[int, str] = {}
        for number, entry in enumerate(self.messages[channel_id], start=1):
            key, _, part = entry.partition("#")
            if key == delivery_key:
                found.setdefault(int(part or 0), f"{channel_id}-{number}")
        return found


def make_settings(**delivery: Any) -> Settings:
    return Settings.model_validate(
        {
            "schedules": [
                {
                    "name": "morning",
                    "cron": "0 8 * * *",
                    "timezone": "Europe/Berlin",
                    "channels": CHANNELS,
                }
            ],
            "delivery": delivery,
        }
    )


@pytest.fixture
def time() -> FakeTime:
    return FakeTime(dt.datetime(2025, 12, 20, 7, 0, 5, tzinfo=dt.UTC))  # 08:00:05 Berlin


@pytest.fixture
def poster(time: FakeTime) -> FakePoster:
    return FakePoster("slack", time)


ServiceFactory = Callable[..., DeliveryService]


@pytest.fixture
def make_service(loaded_store: Store, time: FakeTime, poster: FakePoster) -> ServiceFactory:
    """A delivery service on the shared store, fake clock, fake sleeps, deterministic jitter."""

    def build(
        store: Store | None = None, settings: Settings | None = None, **kwargs: Any
    ) -> DeliveryService:
        context = Context(settings or make_settings(), Secrets(), store or loaded_store, time.now)
        service = DeliveryService(
            context,
            {"slack": poster},
            pacers=Pacers(monotonic=time.monotonic, sleep=time.sleep),
            policy=RetryPolicy(rand=lambda: 0.5),
            **kwargs,
        )
        service.deliverer.sleep = time.sleep
        return service

    return build
