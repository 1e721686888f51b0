"""Modes and setup: Socket Mode end to end, the environment, and the manifest."""

from __future__ import annotations

from pathlib import Path

import aiohttp
import pytest
import yaml

from bot.adapters.slack.adapter import SlackAdapter
from bot.adapters.slack.admin import Admins
from bot.adapters.slack.buttons import QUOTES_ACTION
from bot.adapters.slack.config import DEFAULT_API_URL, EVENTS_PATH, SlackConfig
from bot.errors import ConfigError
from bot.store import Store
from tests.conftest import ROOT
from tests.slack.conftest import CHANNEL, USER, make_context
from tests.slack.fake_slack import FakeSlack

MANIFEST = ROOT / "config" / "slack-manifest.yml"


async def test_socket_mode_answers_a_command_and_acks_its_envelope(
    loaded_store: Store, tmp_path: Path, fake_slack: FakeSlack, slack_config: SlackConfig
) -> None:
    context = make_context(loaded_store, tmp_path / "data", app_token="xapp-fake-app-token")
    adapter = SlackAdapter(context, slack_config, Admins(), {})
    async with adapter:
        assert adapter.socket_mode and adapter.port is None  # no HTTP server in Socket Mode
        payload = {
            "command": "/brief",
            "text": "who Zelensky",
            "channel_id": CHANNEL,
            "user_id": USER,
            "team_id": "T1",
            "api_app_id": "A1",
            "response_url": fake_slack.response_url("socket"),
        }
        envelope = {
            "envelope_id": "env-1",
            "type": "slash_commands",
            "accepts_response_payload": True,
            "payload": payload,
        }
        await fake_slack.send_envelope(envelope)
        (reply,) = await fake_slack.wait_for("respond")
        assert "Volodymyr Zelenskyy" in str(reply.args["blocks"])
        acks = await fake_slack.wait_for("socket")
        assert acks[0].args["envelope_id"] == "env-1"
    (opened,) = fake_slack.calls("apps.connections.open")
    assert "xapp-fake-app-token" not in str(opened.args)  # sent as a header, not logged


async def test_http_mode_serves_a_health_check(
    slack_config: SlackConfig, tmp_path: Path, store: Store
) -> None:
    adapter = SlackAdapter(make_context(store, tmp_path), slack_config, Admins(), {})
    async with (
        adapter,
        aiohttp.ClientSession() as session,
        session.get(f"http://127.0.0.1:{adapter.port}/healthz") as response,
    ):
        assert (response.status, await response.text()) == (200, "ok")


def test_environment_chooses_port_and_api_url() -> None:
    assert SlackConfig.from_env({}) == SlackConfig()
    assert SlackConfig().api_url == DEFAULT_API_URL and SlackConfig().port == 3000
    config = SlackConfig.from_env({"PORT": "8080", "SLACK_API_URL": "http://127.0.0.1:9/api"})
    assert (config.port, config.api_url) == (8080, "http://127.0.0.1:9/api/")
    with pytest.raises(ConfigError, match="PORT"):
        SlackConfig.from_env({"PORT": "eighty"})
    with pytest.raises(ConfigError, match="SLACK_API_URL"):
        SlackConfig.from_env({"SLACK_API_URL": "slack.com/api"})


def test_manifest_declares_what_the_adapter_uses() -> None:
    manifest = yaml.safe_load(MANIFEST.read_text())
    (command,) = manifest["features"]["slash_commands"]
    assert command["command"] == "/brief"
    settings = manifest["settings"]
    urls = [
        command["url"],
        settings["event_subscriptions"]["request_url"],
        settings["interactivity"]["request_url"],
    ]
    assert all(url.endswith(EVENTS_PATH) for url in urls)
    assert settings["interactivity"]["is_enabled"] is True
    assert settings["event_subscriptions"]["bot_events"] == ["app_mention", "message.im"]
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert scopes == {
        "commands",
        "chat:write",
        "app_mentions:read",  # app_mention
        "im:history",  # message.im, and nothing more: no channel messages are read
        "users:read",  # admin check
        "channels:history",  # find_delivered
        "groups:history",
    }
    home = manifest["features"]["app_home"]
    assert home["messages_tab_enabled"] is True  # else nobody can write to the bot
    assert home["messages_tab_read_only_enabled"] is False
    assert QUOTES_ACTION.startswith("briefbot_")  # action ids need no manifest entry
