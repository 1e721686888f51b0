"""``/metrics`` and ``/readyz`` in every mode a real ``run`` can be in, against the local
fakes: Slack's HTTP mode (one server, beside /slack/events), Socket Mode and Discord only;
and the start-up refusals that must be one line and a non-zero exit."""

from __future__ import annotations

import asyncio
import re
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import pytest
from pydantic import SecretStr

from bot import app
from bot.adapters.slack.config import EVENTS_PATH
from bot.settings import HealthSettings, Secrets, Settings
from tests.discord.fake_api import FakeDiscord
from tests.slack.conftest import BOT_TOKEN, SIGNING_SECRET, SlackClient
from tests.slack.fake_slack import FakeSlack
from tests.test_cli import briefbot


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@asynccontextmanager
async def running(settings: Settings, secrets: Secrets) -> AsyncIterator[None]:
    """``bot.app.run`` as ``briefbot run`` runs it, stopped (cancelled) afterwards."""
    task = asyncio.create_task(app.run(settings, secrets, console=False))
    try:
        yield
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task


async def get(port: int, path: str, *, wait: float = 10.0) -> tuple[int, str]:
    """GET, retrying while the server is still starting."""
    async with asyncio.timeout(wait), aiohttp.ClientSession() as session:
        while True:
            try:
                async with session.get(f"http://127.0.0.1:{port}{path}") as response:
                    return response.status, await response.text()
            except aiohttp.ClientConnectionError:
                await asyncio.sleep(0.05)


def settings_for(tmp_path: Path, briefs_dir: Path, health_port: int) -> Settings:
    return Settings(
        briefs_dir=briefs_dir,
        data_dir=tmp_path / "data",
        health=HealthSettings(host="127.0.0.1", port=health_port),
    )


def sample(text: str, name: str, **labels: str) -> float:
    """One sample's value from the Prometheus text, 0 when absent."""
    wanted = ",".join(f'{key}="{value}"' for key, value in sorted(labels.items()))
    match = re.search(rf"^{name}\{{{re.escape(wanted)}\}} (\S+)$", text, re.MULTILINE)
    return float(match.group(1)) if match else 0.0


async def test_slack_http_mode_serves_metrics_beside_the_events_endpoint(
    tmp_path: Path,
    briefs_dir: Path,
    fake_slack: FakeSlack,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    port, health_port = free_port(), free_port()
    monkeypatch.setenv("PORT", str(port))
    monkeypatch.setenv("SLACK_HOST", "127.0.0.1")
    monkeypatch.setenv("SLACK_API_URL", fake_slack.base_url)
    secrets = Secrets(
        slack_bot_token=SecretStr(BOT_TOKEN), slack_signing_secret=SecretStr(SIGNING_SECRET)
    )
    async with running(settings_for(tmp_path, briefs_dir, health_port), secrets):
        _, before = await get(port, "/metrics")
        async with aiohttp.ClientSession() as session:
            slack = SlackClient(session, f"http://127.0.0.1:{port}{EVENTS_PATH}", fake_slack)
            assert (await slack.command("who Zelensky"))[0] == 200
            await fake_slack.wait_for("respond")
        await asyncio.sleep(0.1)
        status, after = await get(port, "/metrics")
        ready, checks = await get(port, "/readyz")
        with pytest.raises(OSError):  # one server: nothing on the health port in this mode
            socket.create_connection(("127.0.0.1", health_port), timeout=1).close()
    assert status == 200
    count = "briefbot_command_duration_seconds_count"
    labels = {"platform": "slack", "verb": "who"}
    assert sample(after, count, **labels) == sample(before, count, **labels) + 1
    assert (ready, checks) == (
        200,
        '{"ready": true, "checks": {"store": true, "scheduler": true, "slack": true}}',
    )


async def test_socket_mode_serves_metrics_and_readiness_on_the_health_port(
    tmp_path: Path,
    briefs_dir: Path,
    fake_slack: FakeSlack,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    health_port = free_port()
    monkeypatch.setenv("SLACK_API_URL", fake_slack.base_url)
    secrets = Secrets(
        slack_bot_token=SecretStr(BOT_TOKEN), slack_app_token=SecretStr("xapp-fake-app-token")
    )
    async with running(settings_for(tmp_path, briefs_dir, health_port), secrets):
        await fake_slack.wait_for("connected")
        status, text = await get(health_port, "/metrics")
        ready, checks = await get(health_port, "/readyz")
    assert status == 200 and "# TYPE briefbot_deliveries_total counter" in text
    assert (ready, checks) == (
        200,
        '{"ready": true, "checks": {"store": true, "scheduler": true, "slack": true}}',
    )


async def test_discord_only_serves_metrics_and_says_the_gateway_is_not_up(
    tmp_path: Path,
    briefs_dir: Path,
    fake_discord: FakeDiscord,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The fake has REST only: logged in, but no gateway, so not ready (honestly)."""
    health_port = free_port()
    monkeypatch.setenv("DISCORD_API_BASE", fake_discord.base)
    secrets = Secrets(discord_token=SecretStr("fake-token"))
    async with running(settings_for(tmp_path, briefs_dir, health_port), secrets):
        status, text = await get(health_port, "/metrics")
        ready, checks = await get(health_port, "/readyz")
        alive, _ = await get(health_port, "/healthz")
    assert status == 200 and "# TYPE briefbot_command_duration_seconds histogram" in text
    assert (alive, ready) == (200, 503)
    assert checks == (
        '{"ready": false, "checks": {"store": true, "scheduler": true, "discord": false}}'
    )


def test_a_bot_token_alone_is_refused_instead_of_running_the_console(briefs_dir: Path) -> None:
    result = briefbot(briefs_dir.parent, "run", env={"SLACK_BOT_TOKEN": "xoxb-x"})
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "error: environment: SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (HTTP mode)"
        " nor SLACK_APP_TOKEN (Socket Mode) is: set one of them, or unset SLACK_BOT_TOKEN"
    )
    assert result.stdout == ""  # no briefing printed: the console never ran


def test_port_in_use_is_one_line_and_a_non_zero_exit(briefs_dir: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = {
            "SLACK_BOT_TOKEN": "xoxb-x",
            "SLACK_SIGNING_SECRET": "s",
            "SLACK_HOST": "127.0.0.1",
            "PORT": str(port),
            "SLACK_API_URL": "http://127.0.0.1:9/api/",
        }
        result = briefbot(briefs_dir.parent, "run", env=env)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith(f"error: PORT {port}: cannot listen on 127.0.0.1:{port}: ")
    assert "Traceback" not in result.stderr
    assert not any('"level": "ERROR"' in line for line in lines[:-1]), result.stderr
