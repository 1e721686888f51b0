"""Asking in your own words in Discord: ``/brief ask``, mentions, DMs, follow-up buttons.

Interactions are real ``discord.Interaction`` objects run through the CommandTree; messages are
real MESSAGE_CREATE payloads parsed by discord.py's connection state, whose replies go to the
fake REST API.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

import discord
import pytest

from bot.adapters.discord.client import INTENTS, DiscordAdapter
from bot.adapters.discord.config import DiscordConfig
from bot.core.query import Intent, Query
from bot.store import Store
from tests.discord.conftest import make_context
from tests.discord.fake_api import BOT_ID, CHANNEL_ID, FakeDiscord, Received
from tests.discord.payloads import DM_CHANNEL_ID, button, command, message
from tests.discord.test_commands import EPHEMERAL, NO_PINGS, invoke, texts, until_followup


def custom_ids(received: Received) -> list[str]:
    rows = received.body.get("components") or []
    return [c["custom_id"] for row in rows for c in row["components"]]


async def replies(fake: FakeDiscord, channel: str, count: int = 1) -> list[Received]:
    """Messages the bot posted in a channel, waiting for the task discord.py started."""
    for _ in range(200):
        found = fake.requests("POST", f"/channels/{channel}/messages")
        if len(found) >= count:
            return found
        await asyncio.sleep(0.01)
    raise AssertionError(f"no reply in {channel}; received {fake.received}")


def test_no_privileged_intent_is_asked_for() -> None:
    assert not INTENTS.message_content and not INTENTS.members and not INTENTS.presences
    assert INTENTS.guild_messages and INTENTS.dm_messages


async def test_ask_answers_privately_in_place(
    adapter: DiscordAdapter, fake_discord: FakeDiscord
) -> None:
    await invoke(adapter, command("brief", "ask", question="who said tremendous progress"))
    [deferral] = fake_discord.callbacks()
    assert deferral.body["data"] == {"flags": EPHEMERAL}  # like who and said
    [reply] = fake_discord.followups()
    assert reply.body["embeds"][0]["title"].startswith("Said by: A White House official")
    assert reply.body["flags"] == EPHEMERAL and reply.body["allowed_mentions"] == NO_PINGS
    assert custom_ids(reply) == [
        "brief:who:white house official",
        "brief:sources:reuters-putin-aims-beyond-ukraine",
    ]


async def test_ask_for_an_admin_verb_points_to_brief_admin(
    adapter: DiscordAdapter, fake_discord: FakeDiscord
) -> None:
    await invoke(adapter, command("brief", "ask", question="post"))
    [reply] = fake_discord.followups()
    assert "/brief-admin" in reply.body["content"]
    assert fake_discord.requests("POST", f"/channels/{CHANNEL_ID}/messages") == []


async def test_more_from_this_speaker_answers_after_a_restart(
    adapter: DiscordAdapter, fake_discord: FakeDiscord, restarted: DiscordAdapter
) -> None:
    await invoke(adapter, command("brief", "ask", question="said tremendous progress"))
    [answer] = fake_discord.sent
    del fake_discord.received[:]
    restarted.client._connection.parse_interaction_create(
        button("brief:who:white house official", answer)
    )
    reply = await until_followup(fake_discord)
    assert reply.body["flags"] == EPHEMERAL
    assert "White House official" in texts(reply)
    assert "closer than ever" in texts(reply)


async def test_a_mention_in_a_channel_gets_a_reply_to_it(
    adapter: DiscordAdapter, fake_discord: FakeDiscord
) -> None:
    question = message(f"<@{BOT_ID}> who Zelensky", mentions=(BOT_ID,))
    adapter.client._connection.parse_message_create(question)
    [reply] = await replies(fake_discord, CHANNEL_ID)
    assert str(reply.body["message_reference"]["message_id"]) == question["id"]
    assert reply.body["allowed_mentions"] == {"parse": [], "replied_user": False}
    assert "What will these security guarantees actually do?" in texts(reply)
    assert "brief:sources:reuters-putin-aims-beyond-ukraine" in custom_ids(reply)


async def test_a_direct_message_is_answered_without_a_mention(
    adapter: DiscordAdapter, fake_discord: FakeDiscord
) -> None:
    adapter.client._connection.parse_message_create(message("who Rubio", guild=False))
    [reply] = await replies(fake_discord, DM_CHANNEL_ID)
    assert "Marco Rubio" in texts(reply)


async def test_messages_not_for_the_bot_are_left_alone(
    adapter: DiscordAdapter, fake_discord: FakeDiscord
) -> None:
    state = adapter.client._connection
    state.parse_message_create(message("who Rubio"))  # no mention
    state.parse_message_create(message("<@42> who Rubio", mentions=("42",)))  # someone else
    state.parse_message_create(message(f"<@{BOT_ID}> who Rubio", mentions=(BOT_ID,), bot=True))
    state.parse_message_create(message(f"<@{BOT_ID}> who Rubio", mentions=(BOT_ID,)))
    await replies(fake_discord, CHANNEL_ID)
    await asyncio.sleep(0.2)  # room for a wrong second answer
    assert len(fake_discord.requests("POST", f"/channels/{CHANNEL_ID}/messages")) == 1


async def test_ask_reads_a_plain_question(
    adapter: DiscordAdapter, fake_discord: FakeDiscord
) -> None:
    await invoke(adapter, command("brief", "ask", question="who is Rubio?"))
    [reply] = fake_discord.followups()
    assert reply.body["embeds"][0]["title"].startswith("Marco Rubio, U.S. Secretary of State")
    assert "brief:who:marco rubio" in custom_ids(reply)


async def test_a_plain_question_in_a_mention(
    adapter: DiscordAdapter, fake_discord: FakeDiscord
) -> None:
    text = f"<@{BOT_ID}> how many anonymous sources in the putin story?"
    adapter.client._connection.parse_message_create(message(text, mentions=(BOT_ID,)))
    [reply] = await replies(fake_discord, CHANNEL_ID)
    assert "7 anonymous source(s)" in texts(reply)


async def test_a_reply_the_channel_refuses_is_logged_not_raised(
    adapter: DiscordAdapter, fake_discord: FakeDiscord, caplog: pytest.LogCaptureFixture
) -> None:
    fake_discord.fail("POST", f"/channels/{CHANNEL_ID}/messages", 403)
    await adapter.client.responder.on_message(
        discord.Message(
            state=adapter.client._connection,
            channel=adapter.client.get_partial_messageable(int(CHANNEL_ID), guild_id=1),
            data=message(f"<@{BOT_ID}> who Rubio", mentions=(BOT_ID,)),
        ),
        adapter.client.user,
    )
    assert "could not reply to a mention" in caplog.text and "403" in caplog.text


async def diplomat(text: str) -> Query | None:
    """A stand-in for the optional model: it reads one phrasing the grammar cannot."""
    return Query(intent=Intent.SPEAKER, speaker="Rubio") if "top diplomat" in text else None


async def test_the_optional_model_reads_questions_in_discord_too(
    loaded_store: Store, tmp_path: Path, fake_discord: FakeDiscord
) -> None:
    context = replace(make_context(loaded_store, tmp_path / "data"), question_reader=diplomat)
    running = DiscordAdapter(context, DiscordConfig(api_base=fake_discord.base))
    async with running.client:
        await running.login()
        await invoke(running, command("brief", "ask", question="the top diplomat's remarks"))
    [reply] = fake_discord.followups()
    assert reply.body["embeds"][0]["title"].startswith("Marco Rubio")
