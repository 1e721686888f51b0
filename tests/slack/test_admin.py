"""Admin commands from Slack: who may run them, and what they change through the delivery API."""

from __future__ import annotations

import json
import time

from bot.store import Store
from tests.slack.conftest import ALLOWED, CHANNEL, USER, SlackClient
from tests.slack.fake_slack import Fault

REF = f"slack:{CHANNEL}"


async def test_subscribe_by_an_allow_listed_user_is_stored(
    slack: SlackClient, loaded_store: Store
) -> None:
    await slack.command("subscribe 0 8 * * mon-fri Europe/Berlin", user=ALLOWED)
    (reply,) = await slack.fake.wait_for("respond")
    assert (
        reply.args["text"]
        == ":white_check_mark: Scheduled briefings here: At 08:00 on Monday through Friday"
        " (Europe/Berlin), cron `0 8 * * mon-fri`."
    )
    subscription = await loaded_store.subscription(REF)
    assert subscription is not None
    assert (subscription.cron, subscription.timezone) == ("0 8 * * mon-fri", "Europe/Berlin")
    assert subscription.created_by == f"slack:{ALLOWED}"
    assert slack.fake.calls("users.info") == []  # the allow-list needs no lookup


async def test_time_and_unsubscribe_by_a_workspace_admin(
    slack: SlackClient, loaded_store: Store
) -> None:
    slack.fake.admins.add(USER)
    await slack.command("subscribe 0 8 * * *")
    await slack.command("time 30 6 * * mon-fri America/New_York", name="second")
    await slack.fake.wait_for("respond", 2)
    subscription = await loaded_store.subscription(REF)
    assert subscription is not None
    assert (subscription.cron, subscription.timezone) == ("30 6 * * mon-fri", "America/New_York")
    await slack.command("unsubscribe", name="third")
    replies = await slack.fake.wait_for("respond", 3)
    assert replies[-1].args["text"] == "No more scheduled briefings here."
    assert await loaded_store.subscription(REF) is None


async def test_a_bad_schedule_gets_a_friendly_private_reply(slack: SlackClient) -> None:
    await slack.command("subscribe 0 8 * *", user=ALLOWED)
    (reply,) = await slack.fake.wait_for("respond")
    assert reply.args["response_type"] == "ephemeral"
    assert reply.args["text"].startswith(":warning: A schedule is a cron of 5 fields")


async def test_a_bad_timezone_is_explained_by_the_delivery_layer(slack: SlackClient) -> None:
    await slack.command("subscribe 0 8 * * * Mars/Olympus", user=ALLOWED)
    (reply,) = await slack.fake.wait_for("respond")
    assert reply.args["text"].startswith(":warning:")
    assert "Mars/Olympus" in reply.args["text"]


async def test_post_puts_the_briefing_in_the_channel_for_everyone(slack: SlackClient) -> None:
    await slack.command("post", user=ALLOWED)
    (reply,) = await slack.fake.wait_for("respond")
    assert reply.args["text"] == ":white_check_mark: Posted the briefing to this channel."
    (posted,) = slack.fake.calls("chat.postMessage")
    assert posted.args["channel"] == CHANNEL
    assert posted.args["metadata"]["event_type"] == "briefbot_delivery"
    assert posted.args["blocks"][-1]["type"] == "actions"
    assert "US spy agencies" in json.dumps(posted.args["blocks"])


async def test_post_where_the_bot_is_not_invited_says_so(slack: SlackClient) -> None:
    slack.fake.fail("chat.postMessage", Fault(error="not_in_channel"))
    await slack.command("post", user=ALLOWED)
    (reply,) = await slack.fake.wait_for("respond")
    assert "invite me to this channel first" in reply.args["text"]


async def test_post_waits_out_a_429_for_retry_after_then_delivers(slack: SlackClient) -> None:
    slack.fake.fail("chat.postMessage", Fault(status=429, error="ratelimited", retry_after=1))
    started = time.monotonic()
    await slack.command("post", user=ALLOWED)
    (reply,) = await slack.fake.wait_for("respond")
    assert reply.args["text"] == ":white_check_mark: Posted the briefing to this channel."
    assert len(slack.fake.calls("chat.postMessage")) == 2
    assert time.monotonic() - started >= 1.0  # Slack's Retry-After, honoured by delivery


async def test_a_mistake_quoting_what_was_typed_shows_it_literally(slack: SlackClient) -> None:
    await slack.command("subscribe 0 8 * * * *bold*/<!here>", user=ALLOWED)
    (reply,) = await slack.fake.wait_for("respond")
    (block,) = reply.args["blocks"]
    assert block["type"] == "rich_text"  # literal: no mrkdwn, so no bold and no ping
    assert "*bold*/<!here>" in block["elements"][0]["elements"][0]["text"]
    assert "<!here>" not in reply.args["text"]
