"""The web server on its own: health, readiness, metrics, and its defences against held-open
connections and refused accepts."""

from __future__ import annotations

import asyncio
import errno
import logging
from collections.abc import AsyncIterator

import aiohttp
import pytest
from prometheus_client import REGISTRY

from bot.observability import metrics
from bot.observability.readiness import Readiness
from bot.web.guard import ACCEPT_FAILURE
from bot.web.server import WebServer


@pytest.fixture
async def server() -> AsyncIterator[WebServer]:
    """A server on an ephemeral local port with a small connection limit."""
    readiness = Readiness(timeout=0.5)
    async with WebServer(
        "127.0.0.1", 0, readiness, setting="[health] port", idle_seconds=30, max_connections=20
    ) as running:
        yield running


def shed() -> float:
    return REGISTRY.get_sample_value("briefbot_http_connections_shed_total") or 0.0


async def get(server: WebServer, path: str) -> tuple[int, str, str]:
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"http://127.0.0.1:{server.port}{path}") as response,
    ):
        return response.status, response.headers["Content-Type"], await response.text()


async def test_healthz_answers_without_asking_the_probes(server: WebServer) -> None:
    server.readiness.add("store", lambda: False)
    assert (await get(server, "/healthz"))[::2] == (200, "ok")


async def test_readyz_is_503_naming_the_part_that_is_not_ready(server: WebServer) -> None:
    async def hung() -> bool:
        await asyncio.sleep(10)
        return True

    server.readiness.add("store", lambda: True)
    server.readiness.add("scheduler", hung)  # past the deadline: not ready
    server.readiness.add("discord", lambda: 1 / 0 == 0)  # raises: not ready
    status, _, text = await get(server, "/readyz")
    assert status == 503
    assert '"checks": {"store": true, "scheduler": false, "discord": false}' in text


async def test_readyz_is_200_when_every_part_is_ready(server: WebServer) -> None:
    server.readiness.add("store", lambda: True)
    status, _, text = await get(server, "/readyz")
    assert (status, text) == (200, '{"ready": true, "checks": {"store": true}}')


async def test_metrics_are_in_prometheus_text_format(server: WebServer) -> None:
    metrics.record_delivery("slack", "delivered")
    status, content_type, text = await get(server, "/metrics")
    assert status == 200 and content_type.startswith("text/plain; version=0.0.4")
    for name in (
        "briefbot_deliveries_total",
        "briefbot_delivery_retries_total",
        "briefbot_rate_limited_total",
        "briefbot_delivery_lag_seconds",
        "briefbot_fanout_duration_seconds",
        "briefbot_command_duration_seconds",
        "briefbot_feed_polls_total",
        "briefbot_articles_extracted_total",
    ):
        assert f"# TYPE {name} " in text
    assert 'briefbot_deliveries_total{outcome="delivered",platform="slack"}' in text


async def test_held_open_connections_are_shed_to_make_room(server: WebServer) -> None:
    """At the limit, the longest-idle connection is closed so that a new request gets in."""
    before = shed()
    idle = [await asyncio.open_connection("127.0.0.1", server.port) for _ in range(60)]
    await asyncio.sleep(0.2)
    status, _, _ = await get(server, "/healthz")
    closed = 0
    for reader, writer in idle:
        try:
            async with asyncio.timeout(0.05):
                closed += await reader.read() == b""
        except TimeoutError:
            pass
        writer.close()
    assert status == 200
    assert closed >= 40  # 60 held open, at most 20 kept
    assert shed() - before >= 40


async def test_a_refused_accept_is_one_warning_line_not_a_traceback_each(
    server: WebServer, caplog: pytest.LogCaptureFixture
) -> None:
    """What asyncio reports when accept() fails with EMFILE, repeated as under a flood."""
    loop = asyncio.get_running_loop()
    with caplog.at_level(logging.WARNING):
        for _ in range(50):
            error = OSError(errno.EMFILE, "Too many open files")
            loop.call_exception_handler({"message": ACCEPT_FAILURE, "exception": error})
    (record,) = caplog.records
    assert record.levelno == logging.WARNING and record.exc_info is None
    assert record.getMessage().startswith(
        "HTTP server cannot accept connections: Too many open files"
    )


async def test_other_loop_errors_still_reach_the_previous_handler() -> None:
    seen: list[str] = []
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda _loop, context: seen.append(context["message"]))
    try:
        async with WebServer("127.0.0.1", 0, Readiness(), setting="[health] port"):
            loop.call_exception_handler({"message": "something else"})
        assert seen == ["something else"]
        assert loop.get_exception_handler() is not None  # the previous one, put back
        loop.call_exception_handler({"message": "after"})
        assert seen == ["something else", "after"]
    finally:
        loop.set_exception_handler(None)


async def test_a_busy_port_is_one_line_naming_the_setting(server: WebServer) -> None:
    from bot.errors import ConfigError

    other = WebServer("127.0.0.1", server.port, Readiness(), setting="[health] port")
    with pytest.raises(ConfigError, match=rf"^\[health\] port {server.port}: cannot listen"):
        await other.start()
