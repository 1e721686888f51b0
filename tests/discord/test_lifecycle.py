"""Start and stop inside the app's exit stack; the registry's poster for ``briefbot post``."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

import pytest
from discord.backoff import ExponentialBackoff

from bot.adapters.console import Output
from bot.adapters.discord.client import start_discord
from bot.adapters.discord.poster import DiscordPoster
from bot.delivery.posters import build_posters
from bot.delivery.service import DeliveryService
from bot.errors import ConfigError
from bot.store import Store
from tests.discord.conftest import make_context
from tests.discord.fake_api import FakeDiscord


async def test_start_and_stop_in_the_exit_stack(
    loaded_store: Store, tmp_path: Path, fake_discord: FakeDiscord, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DISCORD_API_BASE", fake_discord.base)
    context = make_context(loaded_store, tmp_path / "data")
    delivery = DeliveryService(context, {})
    async with contextlib.AsyncExitStack() as stack:
        adapter = await start_discord(stack, context, delivery)
        assert isinstance(delivery.posters["discord"], DiscordPoster)
        assert adapter.client.user is not None and adapter.client.user.bot
        assert fake_discord.requests("PUT", "/applications/"), "commands synced on first start"
    assert adapter.client.is_closed()


async def test_a_gateway_unreachable_at_start_up_is_tried_until_stop(
    loaded_store: Store, tmp_path: Path, fake_discord: FakeDiscord, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fake has no gateway (its URL is a 404), as in an outage: discord.py's own retry
    dies with an AttributeError before its first session (Rapptz/discord.py#10520); the
    adapter keeps asking for the gateway until it is stopped, and stops cleanly. The
    library's backoff is shortened so that the retries come within the test."""
    monkeypatch.setenv("DISCORD_API_BASE", fake_discord.base)
    monkeypatch.setattr(ExponentialBackoff, "delay", lambda _self: 0.01)
    context = make_context(loaded_store, tmp_path / "data")
    async with contextlib.AsyncExitStack() as stack:
        adapter = await start_discord(stack, context, DeliveryService(context, {}))
        for _ in range(500):
            if len(fake_discord.requests("GET", "/gateway")) >= 4:
                break
            await asyncio.sleep(0.01)
        assert len(fake_discord.requests("GET", "/gateway")) >= 4
        assert adapter.client.ws is None and not adapter.client.is_closed()
    assert adapter.client.is_closed()


async def test_the_registry_builds_a_rest_only_poster(
    loaded_store: Store, tmp_path: Path, fake_discord: FakeDiscord, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DISCORD_API_BASE", fake_discord.base)
    context = make_context(loaded_store, tmp_path / "data")
    poster = build_posters(context, Output())["discord"]
    assert await poster.find_delivered("discord:1234567890123456789", "some key") == {}
    assert fake_discord.requests("GET", "/channels/1234567890123456789/messages")


async def test_a_refused_token_stops_start_up_cleanly(
    loaded_store: Store, tmp_path: Path, fake_discord: FakeDiscord, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DISCORD_API_BASE", fake_discord.base)
    fake_discord.fail("GET", "/users/@me", 401)
    context = make_context(loaded_store, tmp_path / "data")
    with pytest.raises(ConfigError, match="DISCORD_TOKEN was refused"):
        async with contextlib.AsyncExitStack() as stack:
            await start_discord(stack, context, DeliveryService(context, {}))
