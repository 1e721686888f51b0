"""Discord commands report their latency into /metrics, by platform and verb."""

from __future__ import annotations

from prometheus_client import REGISTRY

from bot.adapters.discord.client import DiscordAdapter
from tests.discord.fake_api import FakeDiscord
from tests.discord.payloads import command
from tests.discord.test_commands import invoke

COUNT = "briefbot_command_duration_seconds_count"


async def test_a_command_is_timed_under_discord_and_its_verb(
    adapter: DiscordAdapter, fake_discord: FakeDiscord
) -> None:
    labels = {"platform": "discord", "verb": "said"}
    before = REGISTRY.get_sample_value(COUNT, labels) or 0.0
    await invoke(adapter, command("brief", "said", words="tremendous progress"))
    assert fake_discord.followups()
    assert REGISTRY.get_sample_value(COUNT, labels) == before + 1
