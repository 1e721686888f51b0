"""Buttons under a posted briefing and mentions in its thread answer in that thread."""

from __future__ import annotations

import asyncio

import pytest

from tests.slack.blockkit import read
from tests.slack.conftest import CHANNEL, SlackClient
from tests.slack.fake_slack import Fault

SEED = "reuters-putin-aims-beyond-ukraine"
BRIEFING_TS = "1766190000.000100"


async def test_who_said_what_button_answers_in_the_briefings_thread(slack: SlackClient) -> None:
    status, _ = await slack.click("briefbot_quotes", SEED, message_ts=BRIEFING_TS)
    assert status == 200
    (reply,) = await slack.fake.wait_for("chat.postMessage")
    assert reply.args["channel"] == CHANNEL
    assert reply.args["thread_ts"] == BRIEFING_TS
    shown = read(reply.args["blocks"])
    assert "Who said what in US spy agencies say Putin aims beyond Ukraine" in shown
    assert "The intelligence has always been that Putin wants more" in shown


async def test_sources_button_answers_each_article_it_names(slack: SlackClient) -> None:
    await slack.click("briefbot_sources", f"{SEED} wire-voltra-ohio-plant", message_ts=BRIEFING_TS)
    replies = await slack.fake.wait_for("chat.postMessage", 2)
    assert all(r.args["thread_ts"] == BRIEFING_TS for r in replies)
    first, second = (read(r.args["blocks"]) for r in replies)
    assert "Sourcing of US spy agencies" in first and "CIA (did not respond)" in first
    assert "Sourcing of Voltra delays Ohio battery plant" in second


async def test_mention_in_a_thread_is_answered_in_that_thread(slack: SlackClient) -> None:
    body = slack.mention_body("<@UBOT> who said tremendous progress", thread_ts=BRIEFING_TS)
    status, _ = await slack.post(body, "application/json")
    assert status == 200
    (reply,) = await slack.fake.wait_for("chat.postMessage")
    assert reply.args["thread_ts"] == BRIEFING_TS
    assert reply.args["text"] == "Said by: A White House official, White House"


async def test_a_redelivered_event_is_acknowledged_and_ignored(slack: SlackClient) -> None:
    body = slack.mention_body("<@UBOT> who Rubio", thread_ts=BRIEFING_TS, event_id="EvSame")
    await slack.post(body, "application/json")
    await slack.fake.wait_for("chat.postMessage")
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    status, _ = await slack.post(body, "application/json", headers=retry)
    assert status == 200
    await asyncio.sleep(0.3)
    assert len(slack.fake.calls("chat.postMessage")) == 1


async def test_a_mention_with_a_bad_signature_is_refused(slack: SlackClient) -> None:
    body = slack.mention_body("<@UBOT> who Rubio", thread_ts=BRIEFING_TS)
    status, _ = await slack.post(body, "application/json", signature={"X-Slack-Signature": "v0=0"})
    assert status == 401
    await asyncio.sleep(0.2)
    assert slack.fake.calls("chat.postMessage") == []


async def test_a_failure_on_our_side_is_logged_and_gets_a_short_apology(
    slack: SlackClient, caplog: pytest.LogCaptureFixture
) -> None:
    slack.fake.fail("users.info", Fault(status=500, body="down"))
    await slack.command("unsubscribe")
    (reply,) = await slack.fake.wait_for("respond")
    assert reply.args["text"].startswith("Sorry, something went wrong on our side")
    (record,) = [r for r in caplog.records if r.name == "bot.adapters.slack.handlers"]
    assert record.exc_info is not None
    assert "xoxb-" not in caplog.text
