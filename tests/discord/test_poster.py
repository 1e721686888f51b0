"""The Discord poster through discord.py's real HTTP client against the local fake REST API."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import SecretStr

from bot.adapters.discord.config import apply_api_base
from bot.adapters.discord.poster import DiscordPoster, nonce
from bot.core.briefing import Briefing, compose_briefing
from bot.core.summary import Summary
from bot.delivery.poster import FailureReason, PostError, send_all
from tests.discord.fake_api import FakeDiscord

CHANNEL = "112233445566778899"
MESSAGES = f"/channels/{CHANNEL}/messages"
KEY = "morning:discord:112233445566778899:2025-12-20T08:00:00+01:00"
NOW = dt.datetime(2025, 12, 20, 7, 30, tzinfo=dt.UTC)


@pytest.fixture
def briefing(seed_summary: Summary) -> Briefing:
    return compose_briefing([seed_summary], now=NOW, title="Morning briefing")


@pytest.fixture
def poster(fake_discord: FakeDiscord) -> DiscordPoster:
    apply_api_base(fake_discord.base)
    return DiscordPoster(SecretStr("fake-token"))


async def test_post_sends_embeds_with_nonce_and_no_pings(
    poster: DiscordPoster, fake_discord: FakeDiscord, briefing: Briefing
) -> None:
    message_id = (await send_all(poster, f"discord:{CHANNEL}", briefing, delivery_key=KEY))[0]
    [sent] = fake_discord.requests("POST", MESSAGES)
    assert sent.body["nonce"] == nonce(KEY, 0)
    assert len(sent.body["nonce"]) <= 25
    assert sent.body["enforce_nonce"] is True
    assert sent.body["allowed_mentions"] == {"parse": []}
    assert sent.body["embeds"][0]["title"] == "US spy agencies say Putin aims beyond Ukraine"
    assert fake_discord.messages[CHANNEL][0]["id"] == message_id
    assert fake_discord.requests("GET", "/users/@me"), "logged in over REST"
    assert not fake_discord.requests("GET", "/gateway"), "no gateway needed"


async def test_a_repeated_send_returns_the_first_message(
    poster: DiscordPoster, fake_discord: FakeDiscord, briefing: Briefing
) -> None:
    first = (await send_all(poster, CHANNEL, briefing, delivery_key=KEY))[0]
    again = (await send_all(poster, CHANNEL, briefing, delivery_key=KEY))[0]
    assert again == first
    assert len(fake_discord.messages[CHANNEL]) == 1


async def test_find_delivered_sees_the_footer_reference(
    poster: DiscordPoster, fake_discord: FakeDiscord, briefing: Briefing
) -> None:
    assert await poster.find_delivered(CHANNEL, KEY) == {}
    async with poster:
        message_id = (await send_all(poster, CHANNEL, briefing, delivery_key=KEY))[0]
        await send_all(poster, CHANNEL, briefing, delivery_key="another slot")
        assert await poster.find_delivered(CHANNEL, KEY) == {0: message_id}
    assert len(fake_discord.requests("GET", "/users/@me")) == 2  # one per session


async def test_a_short_429_is_waited_out_by_discord_py(
    poster: DiscordPoster, fake_discord: FakeDiscord, briefing: Briefing
) -> None:
    fake_discord.rate_limit("POST", MESSAGES, retry_after=0.05)
    message_id = (await send_all(poster, CHANNEL, briefing, delivery_key=KEY))[0]
    assert len(fake_discord.requests("POST", MESSAGES)) == 2
    assert fake_discord.messages[CHANNEL][0]["id"] == message_id


async def test_a_long_429_is_rate_limited_with_retry_after(
    poster: DiscordPoster, fake_discord: FakeDiscord, briefing: Briefing
) -> None:
    fake_discord.rate_limit("POST", MESSAGES, retry_after=120.0)
    with pytest.raises(PostError) as caught:
        await send_all(poster, CHANNEL, briefing, delivery_key=KEY)
    assert caught.value.reason is FailureReason.RATE_LIMITED
    assert caught.value.retry_after == 120.0
    assert len(fake_discord.requests("POST", MESSAGES)) == 1


@pytest.mark.parametrize(
    ("status", "reason"),
    [
        (400, FailureReason.BAD_REQUEST),
        (403, FailureReason.FORBIDDEN),
        (404, FailureReason.NOT_FOUND),
        (503, FailureReason.TRANSIENT),
    ],
)
async def test_failures_are_classified(
    poster: DiscordPoster,
    fake_discord: FakeDiscord,
    briefing: Briefing,
    status: int,
    reason: FailureReason,
) -> None:
    fake_discord.fail("POST", MESSAGES, status)
    with pytest.raises(PostError) as caught:
        await send_all(poster, CHANNEL, briefing, delivery_key=KEY)
    assert caught.value.reason is reason
    assert caught.value.permanent is (status < 500)


async def test_a_refused_token_is_unauthorized_and_never_logged(
    poster: DiscordPoster,
    fake_discord: FakeDiscord,
    briefing: Briefing,
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake_discord.fail("GET", "/users/@me", 401)
    with pytest.raises(PostError) as caught:
        await send_all(poster, CHANNEL, briefing, delivery_key=KEY)
    assert caught.value.reason is FailureReason.UNAUTHORIZED
    assert "fake-token" not in str(caught.value) + caplog.text


async def test_a_slow_answer_is_transient(fake_discord: FakeDiscord, briefing: Briefing) -> None:
    apply_api_base(fake_discord.base)
    fake_discord.stall("POST", MESSAGES, seconds=1.0)
    poster = DiscordPoster(SecretStr("fake-token"), timeout=0.2)
    with pytest.raises(PostError) as caught:
        await send_all(poster, CHANNEL, briefing, delivery_key=KEY)
    assert caught.value.reason is FailureReason.TRANSIENT
