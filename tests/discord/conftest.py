"""Fixtures for the Discord adapter: the local fake REST API and a logged-in adapter."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import bot.adapters.discord  # noqa: F401  (first: imports discord.py without its audioop warning)

# isort: split
import discord.http
import pytest
import yarl
from discord.gateway import DiscordWebSocket
from pydantic import SecretStr

from bot.adapters.discord.client import DiscordAdapter
from bot.adapters.discord.config import DiscordConfig
from bot.context import Context
from bot.settings import Secrets, Settings
from bot.store import Store
from tests.conftest import NOW
from tests.discord.fake_api import FakeDiscord

TOKEN = "fake-token"


@pytest.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    """A fake Discord REST API on 127.0.0.1; Route.BASE is restored afterwards. The fake has
    no gateway: discord.py's gateway URL points at a path of the fake that answers 404 (and
    is recorded as ``GET /gateway``), so no test reaches for the real one."""
    fake = FakeDiscord()
    await fake.start()
    original = discord.http.Route.BASE
    gateway = DiscordWebSocket.DEFAULT_GATEWAY
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(fake.base.replace("http", "ws", 1) + "/gateway")
    yield fake
    discord.http.Route.BASE = original
    DiscordWebSocket.DEFAULT_GATEWAY = gateway
    await fake.close()


def make_context(store: Store, data_dir: Path) -> Context:
    """A context on a store with a fixed clock and a fake token."""
    settings = Settings(data_dir=data_dir)
    secrets = Secrets(discord_token=SecretStr(TOKEN))
    return Context(settings, secrets, store, clock=lambda: NOW)


@pytest.fixture
async def adapter(
    loaded_store: Store, tmp_path: Path, fake_discord: FakeDiscord
) -> AsyncIterator[DiscordAdapter]:
    """A logged-in adapter (commands registered and synced, no gateway) on the shipped briefs."""
    config = DiscordConfig(api_base=fake_discord.base)
    running = DiscordAdapter(make_context(loaded_store, tmp_path / "data"), config)
    async with running.client:
        await running.login()
        yield running


@pytest.fixture
async def restarted(
    loaded_store: Store, tmp_path: Path, fake_discord: FakeDiscord
) -> AsyncIterator[DiscordAdapter]:
    """A second, freshly started adapter on the same store: a restart."""
    config = DiscordConfig(api_base=fake_discord.base)
    running = DiscordAdapter(make_context(loaded_store, tmp_path / "data"), config)
    async with running.client:
        await running.login()
        yield running
