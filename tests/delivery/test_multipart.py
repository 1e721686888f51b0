"""Briefings of several messages, exactly once per part, through the real posters and fakes.

A 429 on a later part must not send the earlier parts again; a 5xx on a later part must not
end with the slot marked delivered while parts are missing (issue 13, fault 2).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import AsyncIterator
from typing import Any

import bot.adapters.discord  # noqa: F401  (first: imports discord.py without its audioop warning)

# isort: split
import discord.http
import pytest
from aiohttp import web
from pydantic import SecretStr

from bot.adapters.discord.config import apply_api_base
from bot.adapters.discord.poster import DiscordPoster, delivery_marker
from bot.adapters.discord.render import footer_marker
from bot.adapters.slack.config import SlackConfig, web_client
from bot.adapters.slack.poster import SlackPoster
from bot.core.briefing import Briefing
from bot.delivery.fanout import Deliverer
from bot.delivery.ledger import Ledger, delivery_key
from bot.delivery.pacing import Pacers
from bot.delivery.retry import RetryPolicy
from bot.store import Store
from bot.store.ledger import DeliveryStatus, SlotKey
from tests.delivery import briefings
from tests.delivery.conftest import FakeTime
from tests.discord.fake_api import FakeDiscord
from tests.slack.fake_slack import FakeSlack, Fault

SLOT = dt.datetime(2026, 1, 5, 7, 0, tzinfo=dt.UTC)
NOW = SLOT + dt.timedelta(seconds=3)
SLACK_CHANNEL = "slack:C0000001"
DISCORD_CHANNEL = "discord:800000000000000010"
PARTS = 3


def long_briefing(items: int = PARTS) -> Briefing:
    return briefings.long_briefing(items, SLOT.date())


def deliverer(store: Store, poster: Any) -> Deliverer:
    """Backoff, pacing and Retry-After waits pass on a fake clock, not waited."""
    time = FakeTime(NOW)
    ledger = Ledger(store, time.now, lease_seconds=120)
    policy = RetryPolicy(rand=lambda: 0.5)
    pacers = Pacers(monotonic=time.monotonic, sleep=time.sleep)
    return Deliverer(ledger, {poster.platform: poster}, pacers, policy, time.sleep)


# -- Slack --------------------------------------------------------------------------------


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    fake = FakeSlack()
    await fake.start()
    yield fake
    await fake.close()


@pytest.fixture
def slack_poster(fake_slack: FakeSlack) -> SlackPoster:
    config = SlackConfig(api_url=fake_slack.base_url, port=0, host="127.0.0.1", timeout=2)
    return SlackPoster(web_client(SecretStr("xoxb-fake"), config, retry_rate_limits=False))


def slack_parts(fake: FakeSlack, channel: str) -> Counter[tuple[str, int]]:
    """(delivery key, part) of every message in a Slack channel, counted."""
    payloads = [m["metadata"]["event_payload"] for m in fake.history[channel.partition(":")[2]]]
    return Counter((p["key"], p["part"]) for p in payloads)


def every_part_once(key: SlotKey) -> Counter[tuple[str, int]]:
    return Counter({(delivery_key(key), part): 1 for part in range(PARTS)})


@pytest.mark.parametrize(
    "fault",
    [
        Fault(status=429, error="ratelimited", retry_after=0),
        Fault(status=503, error="service_unavailable"),
        Fault(status=200, error="internal_error"),
    ],
    ids=["429", "503", "internal_error"],
)
async def test_slack_a_failed_later_part_ends_with_every_part_exactly_once(
    store: Store, fake_slack: FakeSlack, slack_poster: SlackPoster, fault: Fault
) -> None:
    fake_slack.fail("chat.postMessage", Fault())  # part 0 lands
    fake_slack.fail("chat.postMessage", fault)  # part 1 fails the first time
    result = await deliverer(store, slack_poster).deliver(
        "morning", SLOT, [SLACK_CHANNEL], long_briefing()
    )
    key = SlotKey("morning", SLACK_CHANNEL, SLOT)
    assert result.ok
    assert slack_parts(fake_slack, SLACK_CHANNEL) == every_part_once(key)
    row = await store.delivery(key)
    assert row is not None and row.status is DeliveryStatus.DELIVERED
    assert row.message_id == fake_slack.history["C0000001"][0]["ts"]


async def test_slack_a_delivery_whose_parts_ran_out_is_failed_not_delivered(
    store: Store, fake_slack: FakeSlack, slack_poster: SlackPoster
) -> None:
    fake_slack.fail("chat.postMessage", Fault())
    fake_slack.fail("chat.postMessage", Fault(status=503), times=10)
    result = await deliverer(store, slack_poster).deliver(
        "morning", SLOT, [SLACK_CHANNEL], long_briefing()
    )
    assert not result.ok
    row = await store.delivery(SlotKey("morning", SLACK_CHANNEL, SLOT))
    assert row is not None and row.status is DeliveryStatus.FAILED
    assert len(fake_slack.history["C0000001"]) == 1  # part 0 only, never sent twice


async def test_slack_a_reopened_delivery_sends_only_the_missing_parts(
    store: Store, fake_slack: FakeSlack, slack_poster: SlackPoster
) -> None:
    fake_slack.fail("chat.postMessage", Fault())
    fake_slack.fail("chat.postMessage", Fault(status=503), times=5)
    sender = deliverer(store, slack_poster)
    first = await sender.deliver("morning", SLOT, [SLACK_CHANNEL], long_briefing())
    assert not first.ok
    again = await sender.deliver("morning", SLOT, [SLACK_CHANNEL], long_briefing(), reopen=True)
    assert again.ok
    key = SlotKey("morning", SLACK_CHANNEL, SLOT)
    assert slack_parts(fake_slack, SLACK_CHANNEL) == every_part_once(key)


# -- Discord ------------------------------------------------------------------------------


class FailingDiscord(FakeDiscord):
    """The fake Discord, failing the n-th message post (counted over every channel)."""

    def __init__(self) -> None:
        super().__init__()
        self.posts = 0
        self.failures: dict[int, int] = {}

    def fail_post(self, nth: int, status: int) -> None:
        self.failures[nth] = status

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        if request.method == "POST" and path.endswith("/messages"):
            self.posts += 1
            status = self.failures.get(self.posts)
            if status == 429:
                self.rate_limit("POST", path, retry_after=120.0)  # longer than discord.py waits
            elif status is not None:
                self.fail("POST", path, status)
        return await super()._handle(request)


@pytest.fixture
async def fake_discord() -> AsyncIterator[FailingDiscord]:
    fake = FailingDiscord()
    await fake.start()
    original = discord.http.Route.BASE
    apply_api_base(fake.base)
    yield fake
    discord.http.Route.BASE = original
    await fake.close()


def discord_parts(fake: FakeDiscord, channel: str, key: str) -> Counter[str | None]:
    """The footer reference of every message in a Discord channel, counted."""
    messages = fake.messages[channel.partition(":")[2]]
    markers = [footer_marker(discord.Embed.from_dict(m["embeds"][-1])) for m in messages]
    assert all(m and m.startswith(delivery_marker(key)) for m in markers), markers
    return Counter(markers)


@pytest.mark.parametrize("status", [503, 429])
async def test_discord_a_failed_later_part_ends_with_every_part_exactly_once(
    store: Store, fake_discord: FailingDiscord, status: int
) -> None:
    fake_discord.fail_post(2, status)
    poster = DiscordPoster(SecretStr("fake-token"))
    result = await deliverer(store, poster).deliver(
        "morning", SLOT, [DISCORD_CHANNEL], long_briefing()
    )
    key = SlotKey("morning", DISCORD_CHANNEL, SLOT)
    assert result.ok
    counts = discord_parts(fake_discord, DISCORD_CHANNEL, delivery_key(key))
    assert len(counts) == PARTS and set(counts.values()) == {1}
    row = await store.delivery(key)
    assert row is not None and row.status is DeliveryStatus.DELIVERED
