"""The Slack poster against the fake Web API: what is sent, and how failures are classified."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from dataclasses import replace

import pytest
from pydantic import SecretStr

from bot.adapters.slack.config import SlackConfig, web_client
from bot.adapters.slack.poster import EVENT_TYPE, SlackPoster
from bot.core.answers import latest_briefing
from bot.core.briefing import Briefing, BriefingSpec
from bot.delivery.poster import FailureReason, PostError, send_all
from bot.store import Store
from tests.conftest import NOW
from tests.slack.conftest import BOT_TOKEN, CHANNEL
from tests.slack.fake_slack import FakeSlack, Fault
from tests.slack.test_render import big_item


@pytest.fixture
async def poster(slack_config: SlackConfig) -> AsyncIterator[SlackPoster]:
    """A poster whose client calls the fake, as the delivery layer would hold it."""
    quick = replace(slack_config, timeout=1)  # so that the slow-answer test is quick
    yield SlackPoster(web_client(SecretStr(BOT_TOKEN), quick, retry_rate_limits=False))


@pytest.fixture
async def briefing(loaded_store: Store) -> Briefing:
    """The briefing of the shipped briefs."""
    return await latest_briefing(loaded_store, spec=BriefingSpec("Morning briefing"), now=NOW)


async def test_post_sends_one_unfurl_free_message_with_the_key_in_metadata(
    poster: SlackPoster, briefing: Briefing, fake_slack: FakeSlack
) -> None:
    [ts] = await send_all(poster, f"slack:{CHANNEL}", briefing, delivery_key="morning/2025-12-20")
    (sent,) = fake_slack.calls("chat.postMessage")
    assert sent.args["channel"] == CHANNEL
    assert sent.args["unfurl_links"] is False and sent.args["unfurl_media"] is False
    assert sent.args["metadata"] == {
        "event_type": EVENT_TYPE,
        "event_payload": {"key": "morning/2025-12-20", "part": 0},
    }
    assert sent.args["blocks"][0]["text"]["text"] == "Morning briefing · Sat 20 Dec 2025"
    assert sent.args["blocks"][-1]["type"] == "actions"
    assert sent.args["text"].startswith("Morning briefing")
    assert fake_slack.calls("auth.test") == []  # the token goes in the header, not a probe
    assert ts == fake_slack.history[CHANNEL][0]["ts"]


async def test_find_delivered_reads_the_key_back_from_history(
    poster: SlackPoster, briefing: Briefing, fake_slack: FakeSlack
) -> None:
    assert await poster.find_delivered(CHANNEL, "morning/2025-12-20") == {}
    ts = (await send_all(poster, CHANNEL, briefing, delivery_key="morning/2025-12-20"))[0]
    await send_all(poster, CHANNEL, briefing, delivery_key="morning/2025-12-21")
    assert await poster.find_delivered(CHANNEL, "morning/2025-12-20") == {0: ts}
    (query, *_) = fake_slack.calls("conversations.history")
    assert query.args["include_all_metadata"] in {"1", "true", True}


async def test_a_long_briefing_is_several_messages_all_with_the_key(
    poster: SlackPoster, fake_slack: FakeSlack
) -> None:
    briefing = Briefing("Big", dt.date(2025, 12, 20), tuple(map(big_item, range(12))))
    ids = await send_all(poster, CHANNEL, briefing, delivery_key="big")
    sent = fake_slack.calls("chat.postMessage")
    assert len(sent) > 1
    assert [s.args["metadata"]["event_payload"]["part"] for s in sent] == list(range(len(sent)))
    assert await poster.find_delivered(CHANNEL, "big") == dict(enumerate(ids))


@pytest.mark.parametrize(
    ("fault", "reason"),
    [
        (Fault(status=429, error="ratelimited", retry_after=7), FailureReason.RATE_LIMITED),
        (Fault(status=500, body="<html>oops</html>"), FailureReason.TRANSIENT),
        (Fault(status=503, error="service_unavailable"), FailureReason.TRANSIENT),
        (Fault(error="channel_not_found"), FailureReason.NOT_FOUND),
        (Fault(status=404, body="not here"), FailureReason.NOT_FOUND),
        (Fault(error="not_in_channel"), FailureReason.FORBIDDEN),
        (Fault(error="missing_scope"), FailureReason.FORBIDDEN),
        (Fault(status=403, body="forbidden"), FailureReason.FORBIDDEN),
        (Fault(error="invalid_auth"), FailureReason.UNAUTHORIZED),
        (Fault(error="invalid_blocks"), FailureReason.BAD_REQUEST),
        (Fault(error="msg_too_long"), FailureReason.BAD_REQUEST),
    ],
)
async def test_failures_are_classified_for_the_delivery_layer(
    poster: SlackPoster,
    briefing: Briefing,
    fake_slack: FakeSlack,
    fault: Fault,
    reason: FailureReason,
) -> None:
    fake_slack.fail("chat.postMessage", fault)
    with pytest.raises(PostError) as raised:
        await send_all(poster, CHANNEL, briefing, delivery_key="k")
    assert raised.value.reason is reason
    assert raised.value.permanent is (reason not in {"rate_limited", "transient"})
    assert raised.value.retry_after == (7.0 if reason is FailureReason.RATE_LIMITED else None)
    assert BOT_TOKEN not in str(raised.value)
    assert len(fake_slack.calls("chat.postMessage")) == 1  # the poster never retries itself


async def test_a_slow_answer_is_a_transient_timeout(
    poster: SlackPoster, briefing: Briefing, fake_slack: FakeSlack
) -> None:
    fake_slack.fail("chat.postMessage", Fault(delay=1.5))
    with pytest.raises(PostError) as raised:
        await send_all(poster, CHANNEL, briefing, delivery_key="k")
    assert raised.value.reason is FailureReason.TRANSIENT


async def test_history_failures_are_classified_too(
    poster: SlackPoster, fake_slack: FakeSlack
) -> None:
    fake_slack.fail("conversations.history", Fault(error="channel_not_found"))
    with pytest.raises(PostError) as raised:
        await poster.find_delivered(CHANNEL, "k")
    assert raised.value.reason is FailureReason.NOT_FOUND
