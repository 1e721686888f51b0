"""Command sync only when the command set changed, to a dev guild or globally; env config."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.adapters.discord.client import DiscordAdapter, ShardedBriefClient
from bot.adapters.discord.config import DEFAULT_API_BASE, DiscordConfig
from bot.errors import ConfigError
from bot.store import Store
from tests.discord.conftest import make_context
from tests.discord.fake_api import APP_ID, FakeDiscord

GUILD = 800000000000000001


async def start(store: Store, data_dir: Path, config: DiscordConfig) -> None:
    """Log an adapter in (setup_hook runs, commands sync if needed) and close it."""
    adapter = DiscordAdapter(make_context(store, data_dir), config)
    async with adapter.client:
        await adapter.login()


async def test_a_restart_with_the_same_commands_does_not_sync(
    adapter: DiscordAdapter, restarted: DiscordAdapter, fake_discord: FakeDiscord
) -> None:
    [sync] = fake_discord.requests("PUT", "/applications/")
    assert sync.path == f"/applications/{APP_ID}/commands"
    assert {c["name"] for c in sync.body} == {"brief", "brief-admin"}


async def test_a_dev_guild_gets_its_own_sync(
    adapter: DiscordAdapter, loaded_store: Store, tmp_path: Path, fake_discord: FakeDiscord
) -> None:
    config = DiscordConfig(api_base=fake_discord.base, guild_id=GUILD)
    await start(loaded_store, tmp_path / "data", config)
    await start(loaded_store, tmp_path / "data", config)
    guild_syncs = fake_discord.requests("PUT", f"/applications/{APP_ID}/guilds/{GUILD}/commands")
    assert len(guild_syncs) == 1
    assert len(fake_discord.requests("PUT", "/applications/")) == 2


async def test_lost_state_costs_one_sync(
    loaded_store: Store, tmp_path: Path, fake_discord: FakeDiscord
) -> None:
    config = DiscordConfig(api_base=fake_discord.base)
    await start(loaded_store, tmp_path / "data", config)
    (tmp_path / "data" / "discord-commands.json").write_text("not json")
    await start(loaded_store, tmp_path / "data", config)
    await start(loaded_store, tmp_path / "data", config)
    assert len(fake_discord.requests("PUT", "/applications/")) == 2


def test_config_from_env() -> None:
    config = DiscordConfig.from_env(
        {
            "DISCORD_GUILD_ID": "800000000000000001",
            "DISCORD_SHARD_COUNT": "4",
            "DISCORD_SHARD_IDS": "0, 1",
            "DISCORD_API_BASE": "http://127.0.0.1:8080/api/v10/",
        }
    )
    assert config == DiscordConfig(
        guild_id=GUILD, shard_count=4, shard_ids=(0, 1), api_base="http://127.0.0.1:8080/api/v10"
    )
    assert DiscordConfig.from_env({}) == DiscordConfig(api_base=DEFAULT_API_BASE)


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"DISCORD_API_BASE": "https://discord.com/api"}, "DISCORD_API_BASE"),
        ({"DISCORD_GUILD_ID": "dev"}, "DISCORD_GUILD_ID"),
        ({"DISCORD_SHARD_IDS": "0,1"}, "DISCORD_SHARD_COUNT"),
        ({"DISCORD_SHARD_COUNT": "2", "DISCORD_SHARD_IDS": "2"}, "DISCORD_SHARD_IDS"),
    ],
)
def test_bad_config_names_the_variable(env: dict[str, str], named: str) -> None:
    with pytest.raises(ConfigError, match=named):
        DiscordConfig.from_env(env)


async def test_sharding_uses_the_auto_sharded_client(loaded_store: Store, tmp_path: Path) -> None:
    config = DiscordConfig(shard_count=4, shard_ids=(2, 3))
    adapter = DiscordAdapter(make_context(loaded_store, tmp_path), config)
    async with adapter.client:
        assert isinstance(adapter.client, ShardedBriefClient)
        assert adapter.client.shard_count == 4
        assert adapter.client.shard_ids == [2, 3]
        assert adapter.client.allowed_mentions is not None
        assert adapter.client.allowed_mentions.to_dict() == {"parse": []}
