"""/brief through the real CommandTree: Interactions from raw payloads, replies at the fake API."""

from __future__ import annotations

import asyncio
from typing import Any

import discord

from bot.adapters.discord.client import DiscordAdapter
from tests.discord.fake_api import FakeDiscord, Received
from tests.discord.payloads import button, command

EPHEMERAL = 64
DEFERRED = 5
AUTOCOMPLETE_RESULT = 8
NO_PINGS = {"parse": []}


async def invoke(adapter: DiscordAdapter, payload: dict[str, Any]) -> None:
    """Run one interaction through the tree, as discord.py does for a gateway event."""
    client = adapter.client
    await client.tree._call(discord.Interaction(data=payload, state=client._connection))


def texts(received: Received) -> str:
    """Everything a user would read in one sent message."""
    body = received.body
    parts = [body.get("content") or ""]
    for embed in body.get("embeds", []):
        parts += [embed.get("title", ""), embed.get("description", "")]
        parts += [f"{f['name']}\n{f['value']}" for f in embed.get("fields", [])]
    return "\n".join(parts)


async def test_said_names_the_white_house_official(
    adapter: DiscordAdapter, fake_discord: FakeDiscord
) -> None:
    await invoke(adapter, command("brief", "said", words="tremendous progress"))
    [deferral] = fake_discord.callbacks()
    assert deferral.body == {"type": DEFERRED, "data": {"flags": EPHEMERAL}}
    [reply] = fake_discord.followups()
    assert reply.body["embeds"][0]["title"].startswith("Said by: A White House official")
    assert reply.body["flags"] == EPHEMERAL
    assert reply.body["allowed_mentions"] == NO_PINGS


async def test_who_zelensky_gives_his_question(
    adapter: DiscordAdapter, fake_discord: FakeDiscord
) -> None:
    await invoke(adapter, command("brief", "who", speaker="Zelensky"))
    [reply] = fake_discord.followups()
    assert reply.body["embeds"][0]["title"].startswith("Volodymyr Zelenskyy")
    assert "What will these security guarantees actually do?" in texts(reply)


async def test_speaker_autocomplete_offers_zelenskyy(
    adapter: DiscordAdapter, fake_discord: FakeDiscord
) -> None:
    await invoke(adapter, command("brief", "who", focused="speaker", speaker="Zel"))
    [result] = fake_discord.callbacks()
    assert result.body["type"] == AUTOCOMPLETE_RESULT
    choices = result.body["data"]["choices"]
    assert [c["value"] for c in choices] == ["Volodymyr Zelenskyy"]  # one per speaker, not alias
    assert choices[0]["name"] == "Volodymyr Zelenskyy, Ukrainian President"


async def test_article_autocomplete_lists_stored_articles(
    adapter: DiscordAdapter, fake_discord: FakeDiscord
) -> None:
    await invoke(adapter, command("brief", "quotes", focused="article", article="putin"))
    [result] = fake_discord.callbacks()
    [choice] = result.body["data"]["choices"]
    assert choice["value"] == "reuters-putin-aims-beyond-ukraine"


async def test_sources_and_quotes_of_an_autocompleted_article(
    adapter: DiscordAdapter, fake_discord: FakeDiscord
) -> None:
    await invoke(adapter, command("brief", "sources", article="reuters-putin-aims-beyond-ukraine"))
    await invoke(adapter, command("brief", "quotes", article="reuters-putin-aims-beyond-ukraine"))
    sources, quotes = fake_discord.followups()
    assert "Office of the Director of National Intelligence" in texts(sources)
    assert "Anonymous" in texts(sources)
    assert "Mike Quigley" in texts(quotes)


async def test_help_uses_discord_names(adapter: DiscordAdapter, fake_discord: FakeDiscord) -> None:
    await invoke(adapter, command("brief", "help"))
    [reply] = fake_discord.followups()
    assert "/brief show" in texts(reply)
    assert "/brief-admin subscribe" in texts(reply)


async def test_show_is_private_by_default_and_public_on_request(
    adapter: DiscordAdapter, fake_discord: FakeDiscord
) -> None:
    await invoke(adapter, command("brief", "show"))
    await invoke(adapter, command("brief", "show", public=True))
    private, public = fake_discord.followups()
    assert private.body["flags"] == EPHEMERAL
    assert not public.body.get("flags")
    assert public.body["allowed_mentions"] == NO_PINGS
    assert public.body["content"].startswith("**Briefing · Sat 20 Dec 2025**")
    custom_ids = [c["custom_id"] for row in public.body["components"] for c in row["components"]]
    assert "brief:quotes:reuters-putin-aims-beyond-ukraine" in custom_ids
    assert "brief:sources:reuters-putin-aims-beyond-ukraine" in custom_ids


async def test_buttons_answer_after_a_restart(
    adapter: DiscordAdapter, fake_discord: FakeDiscord, restarted: DiscordAdapter
) -> None:
    await invoke(adapter, command("brief", "show", public=True))
    [message] = fake_discord.sent
    del fake_discord.received[:]
    restarted.client._connection.parse_interaction_create(
        button("brief:sources:reuters-putin-aims-beyond-ukraine", message)
    )
    reply = await until_followup(fake_discord)
    assert "Sourcing of" in texts(reply)
    assert reply.body["flags"] == EPHEMERAL


async def until_followup(fake: FakeDiscord) -> Received:
    """The first follow-up, waiting for the task discord.py started for the press."""
    for _ in range(200):
        if fake.followups():
            return fake.followups()[0]
        await asyncio.sleep(0.01)
    raise AssertionError(f"no follow-up; received {fake.received}")


async def test_a_button_answers_once_in_the_process_that_posted_it(
    adapter: DiscordAdapter, fake_discord: FakeDiscord
) -> None:
    await invoke(adapter, command("brief", "show", public=True))
    [message] = fake_discord.sent
    del fake_discord.received[:]
    adapter.client._connection.parse_interaction_create(
        button("brief:quotes:reuters-putin-aims-beyond-ukraine", message)
    )
    reply = await until_followup(fake_discord)
    await asyncio.sleep(0.2)  # room for a second, duplicate answer to show up
    assert fake_discord.followups() == [reply]
    assert len(fake_discord.callbacks()) == 1
    assert "Who said what in" in texts(reply)
