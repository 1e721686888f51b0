"""/brief-admin through the real CommandTree: permissions, the delivery API, friendly errors."""

from __future__ import annotations

import logging

import discord
import pytest

from bot.adapters.discord.client import DiscordAdapter
from bot.store import Store
from tests.discord.fake_api import APP_ID, CHANNEL_ID, FakeDiscord, Received
from tests.discord.payloads import MANAGE_GUILD, command

CHANNEL = f"discord:{CHANNEL_ID}"


async def invoke(adapter: DiscordAdapter, payload: dict[str, object]) -> None:
    client = adapter.client
    await client.tree._call(discord.Interaction(data=payload, state=client._connection))  # type: ignore[arg-type]


def said(fake: FakeDiscord) -> str:
    """The text of the last private reply, whether a follow-up or a direct response."""
    last: Received = [*fake.callbacks(), *fake.followups()][-1]
    body = last.body.get("data", last.body)
    assert body["flags"] == 64, "admin replies are private"
    assert body["allowed_mentions"] == {"parse": []}
    return str(body["content"])


async def test_the_admin_group_is_for_server_managers(
    adapter: DiscordAdapter, fake_discord: FakeDiscord
) -> None:
    [sync] = fake_discord.requests("PUT", "/applications/")
    commands = {c["name"]: c for c in sync.body}
    assert commands["brief-admin"]["default_member_permissions"] == MANAGE_GUILD
    assert commands["brief"]["default_member_permissions"] is None


async def test_subscribe_and_change_time(
    adapter: DiscordAdapter, fake_discord: FakeDiscord, loaded_store: Store
) -> None:
    await invoke(
        adapter,
        command(
            "brief-admin",
            "subscribe",
            permissions=MANAGE_GUILD,
            cron="0 8 * * mon-fri",
            timezone="Europe/Berlin",
        ),
    )
    assert said(fake_discord) == (
        "Subscribed: At 08:00 on Monday through Friday (Europe/Berlin), cron `0 8 * * mon-fri`."
    )
    await invoke(
        adapter, command("brief-admin", "time", permissions=MANAGE_GUILD, cron="30 7 * * *")
    )
    assert said(fake_discord) == "Schedule changed: At 07:30 every day (UTC), cron `30 7 * * *`."
    subscription = await loaded_store.subscription(CHANNEL)
    assert subscription is not None and subscription.cron == "30 7 * * *"


async def test_unsubscribe(adapter: DiscordAdapter, fake_discord: FakeDiscord) -> None:
    await invoke(adapter, command("brief-admin", "unsubscribe", permissions=MANAGE_GUILD))
    assert said(fake_discord) == "This channel was not subscribed."


async def test_permissions_are_checked_when_run(
    adapter: DiscordAdapter, fake_discord: FakeDiscord, loaded_store: Store
) -> None:
    await invoke(adapter, command("brief-admin", "subscribe", cron="0 8 * * *"))
    assert "Manage Server" in said(fake_discord)
    assert await loaded_store.subscription(CHANNEL) is None


async def test_a_bad_cron_gets_a_friendly_reply(
    adapter: DiscordAdapter, fake_discord: FakeDiscord
) -> None:
    await invoke(
        adapter, command("brief-admin", "subscribe", permissions=MANAGE_GUILD, cron="every morning")
    )
    assert "cron" in said(fake_discord)
    assert "went wrong" not in said(fake_discord)


async def test_post_now_reaches_the_channel_through_the_ledger(
    adapter: DiscordAdapter, fake_discord: FakeDiscord
) -> None:
    await invoke(adapter, command("brief-admin", "post", permissions=MANAGE_GUILD))
    assert said(fake_discord) == "Posted."
    [message] = fake_discord.messages[CHANNEL_ID]
    assert message["nonce"] and message["embeds"]


async def test_a_failure_is_logged_and_apologised_for(
    adapter: DiscordAdapter, fake_discord: FakeDiscord, caplog: pytest.LogCaptureFixture
) -> None:
    payload = command("brief", "who", speaker="Rubio")
    # Discord refuses our follow-up once: a bug on our side, not the user's mistake
    fake_discord.fail("POST", f"/webhooks/{APP_ID}/{payload['token']}", 400)
    with caplog.at_level(logging.ERROR):
        await invoke(adapter, payload)
    assert said(fake_discord).startswith("Sorry, something went wrong")
    [record] = [r for r in caplog.records if r.name == "bot.adapters.discord.replies"]
    assert record.exc_info is not None
