"""Asking in your own words in Slack: /brief <question>, mentions, direct messages, buttons.

Every request is a signed POST through the app's real request path; answers are read at the
fake Web API (``chat.postMessage``) or the response URL (``respond``).
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

import aiohttp

from bot.adapters.slack.adapter import SlackAdapter
from bot.adapters.slack.admin import Admins
from bot.adapters.slack.buttons import SOURCES_ACTION, SPEAKER_ACTION
from bot.adapters.slack.config import EVENTS_PATH, SlackConfig
from bot.core.query import Intent, Query
from bot.store import Store
from tests.slack.blockkit import read
from tests.slack.conftest import CHANNEL, DM_CHANNEL, SlackClient, make_context, settle
from tests.slack.fake_slack import FakeSlack, Recorded

JSON = "application/json"


def buttons(reply: Recorded) -> dict[str, tuple[str, str]]:
    """The buttons under a reply: label → (action id, value)."""
    found = {}
    for block in reply.args["blocks"]:
        if block["type"] == "actions":
            for element in block["elements"]:
                found[element["text"]["text"]] = (element["action_id"], element["value"])
    return found


async def test_a_direct_message_is_answered_in_that_conversation(slack: SlackClient) -> None:
    status, _ = await slack.post(slack.dm_body("who Zelensky"), JSON)
    assert status == 200
    (reply,) = await slack.fake.wait_for("chat.postMessage")
    assert reply.args["channel"] == DM_CHANNEL
    assert "thread_ts" not in reply.args  # a DM is answered in the conversation itself
    assert "What will these security guarantees actually do?" in read(reply.args["blocks"])


async def test_a_direct_message_in_a_thread_is_answered_in_the_thread(slack: SlackClient) -> None:
    body = slack.dm_body("said tremendous progress", thread_ts="1766200299.000001")
    await slack.post(body, JSON)
    (reply,) = await slack.fake.wait_for("chat.postMessage")
    assert reply.args["thread_ts"] == "1766200299.000001"
    assert reply.args["text"] == "Said by: A White House official, White House"


async def test_our_own_and_edited_messages_in_a_dm_are_not_answered(slack: SlackClient) -> None:
    await slack.post(slack.dm_body("who Rubio", event_id="EvBot", bot_id="BBOT"), JSON)
    edited = slack.dm_body("who Rubio", event_id="EvEdit", subtype="message_changed")
    await slack.post(edited, JSON)
    await slack.post(slack.dm_body("who Rubio", event_id="EvReal"), JSON)
    (reply,) = await slack.fake.wait_for("chat.postMessage")
    await asyncio.sleep(0.3)  # room for a wrong second answer to arrive
    assert slack.fake.calls("chat.postMessage") == [reply]
    assert "Marco Rubio" in read(reply.args["blocks"])


async def test_a_mention_outside_a_thread_starts_one_under_the_question(
    slack: SlackClient,
) -> None:
    await slack.post(slack.mention_body("<@UBOT> who Zelensky", thread_ts=None), JSON)
    (reply,) = await slack.fake.wait_for("chat.postMessage")
    assert (reply.args["channel"], reply.args["thread_ts"]) == (CHANNEL, "1766200200.000100")
    assert "Volodymyr Zelenskyy" in read(reply.args["blocks"])


async def test_an_answer_about_words_offers_the_speaker_and_the_story(
    slack: SlackClient,
) -> None:
    await slack.command("said tremendous progress")
    (reply,) = await slack.fake.wait_for("respond")
    offered = buttons(reply)
    assert offered["More from this speaker"] == (SPEAKER_ACTION, "A White House official")
    assert offered["Sources of this story"] == (SOURCES_ACTION, "reuters-putin-aims-beyond-ukraine")


async def test_more_from_this_speaker_answers_privately_under_a_private_answer(
    slack: SlackClient,
) -> None:
    await slack.click_ephemeral(SPEAKER_ACTION, "Volodymyr Zelenskyy")
    (reply,) = await slack.fake.wait_for("respond")
    assert reply.args["response_type"] == "ephemeral"
    assert reply.args["replace_original"] is False  # the answer it was under stays
    assert reply.path.endswith("/click")
    assert "What will these security guarantees actually do?" in read(reply.args["blocks"])
    assert slack.fake.calls("chat.postMessage") == []


async def test_sources_of_this_story_answers_in_the_thread_of_a_public_answer(
    slack: SlackClient,
) -> None:
    ts = "1766200500.000100"
    await slack.click(SOURCES_ACTION, "reuters-putin-aims-beyond-ukraine", message_ts=ts)
    (reply,) = await slack.fake.wait_for("chat.postMessage")
    assert reply.args["thread_ts"] == ts
    assert "Sourcing of US spy agencies" in read(reply.args["blocks"])


async def test_brief_with_a_plain_question_goes_to_the_question_layer(slack: SlackClient) -> None:
    await slack.command("what did Quigley say about the Europeans?")
    (reply,) = await slack.fake.wait_for("respond")
    shown = read(reply.args["blocks"])
    assert reply.args["response_type"] == "ephemeral"
    assert "Mike Quigley" in shown and "The Europeans are convinced of it." in shown


async def test_a_plain_question_in_a_mention_is_answered_in_the_thread(
    slack: SlackClient,
) -> None:
    body = slack.mention_body("<@UBOT> did the CIA comment?", thread_ts="1766190000.000100")
    await slack.post(body, JSON)
    (reply,) = await slack.fake.wait_for("chat.postMessage")
    assert reply.args["thread_ts"] == "1766190000.000100"
    assert "CIA did not respond" in read(reply.args["blocks"])


async def test_a_plain_question_in_a_direct_message(slack: SlackClient) -> None:
    await slack.post(slack.dm_body("what is disputed in the Voltra story?"), JSON)
    (reply,) = await slack.fake.wait_for("chat.postMessage")
    shown = read(reply.args["blocks"])
    assert "Voltra asked for an extra $400m in tax credits" in shown
    assert "the figure was wrong" in shown
    assert "Sources of this story" in buttons(reply)


async def diplomat(text: str) -> Query | None:
    """A stand-in for the optional model: it reads one phrasing the grammar cannot."""
    return Query(intent=Intent.SPEAKER, speaker="Rubio") if "top diplomat" in text else None


async def test_the_optional_model_reads_questions_in_slack_too(
    loaded_store: Store, tmp_path: Path, fake_slack: FakeSlack, slack_config: SlackConfig
) -> None:
    context = replace(make_context(loaded_store, tmp_path / "data"), question_reader=diplomat)
    adapter = SlackAdapter(context, slack_config, Admins(), {})
    async with adapter, aiohttp.ClientSession() as session:
        client = SlackClient(session, f"http://127.0.0.1:{adapter.port}{EVENTS_PATH}", fake_slack)
        await client.post(client.dm_body("gimme the top diplomat's remarks"), JSON)
        (reply,) = await fake_slack.wait_for("chat.postMessage")
        await settle()
    assert "Marco Rubio" in read(reply.args["blocks"])
