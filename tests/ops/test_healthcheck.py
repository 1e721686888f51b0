"""``briefbot healthcheck``: the container's probe, against a real local HTTP server."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web

from bot.cli.health import health_url

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
async def server() -> AsyncIterator[tuple[str, dict[str, int]]]:
    state = {"status": 200}

    async def healthz(_request: web.Request) -> web.Response:
        return web.Response(status=state["status"], text="ok")

    app = web.Application()
    app.add_routes([web.get("/healthz", healthz)])
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    yield f"http://127.0.0.1:{port}/healthz", state
    await runner.cleanup()


async def probe(*args: str) -> subprocess.CompletedProcess[str]:
    import asyncio

    return await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "bot", "healthcheck", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=30,
        check=False,
    )


async def test_healthy_then_unhealthy(server: tuple[str, dict[str, int]]) -> None:
    url, state = server
    healthy = await probe("--url", url)
    assert healthy.returncode == 0 and healthy.stdout.strip() == f"{url}: ok"
    state["status"] = 503
    sick = await probe("--url", url)
    assert sick.returncode == 1
    assert sick.stderr.splitlines() == [f"error: {url}: HTTP 503"]


async def test_nothing_listening_is_one_line() -> None:
    with socket.socket() as probe_socket:
        probe_socket.bind(("127.0.0.1", 0))
        port = probe_socket.getsockname()[1]
    result = await probe("--url", f"http://127.0.0.1:{port}/healthz", "--timeout", "2")
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: http://127.0.0.1:{port}/healthz: ")


@pytest.mark.parametrize(
    ("env", "url"),
    [
        ({}, "http://127.0.0.1:8080/healthz"),
        ({"BRIEFBOT_HEALTH_PORT": "9100"}, "http://127.0.0.1:9100/healthz"),
        (
            {"SLACK_BOT_TOKEN": "x", "SLACK_SIGNING_SECRET": "y", "PORT": "5000"},
            "http://127.0.0.1:5000/healthz",
        ),
        ({"SLACK_BOT_TOKEN": "x", "SLACK_SIGNING_SECRET": "y"}, "http://127.0.0.1:3000/healthz"),
        (
            {"SLACK_BOT_TOKEN": "x", "SLACK_APP_TOKEN": "y", "BRIEFBOT_HEALTH_PORT": "9100"},
            "http://127.0.0.1:9100/healthz",
        ),
    ],
)
def test_the_probe_follows_the_mode(env: dict[str, str], url: str) -> None:
    """Slack's HTTP mode serves /healthz on PORT; the other modes on BRIEFBOT_HEALTH_PORT."""
    assert health_url(env) == url
