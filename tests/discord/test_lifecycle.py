"""Start and stop inside the app's exit stack; the registry's poster for ``briefbot post``."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

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
