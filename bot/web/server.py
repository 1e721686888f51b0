"""The one HTTP server of a running bot: ``/healthz``, ``/readyz``, ``/metrics``, and more.

Every mode but the console runs one: on ``[health] port`` (``BRIEFBOT_HEALTH_PORT``) beside
Socket Mode or Discord, and on ``PORT`` in Slack's HTTP mode, where the Slack adapter adds
``POST /slack/events`` to the same server. It is an async context manager so that
``bot.app`` can hold it in its exit stack; a port that cannot be bound is one ConfigError.
"""

from __future__ import annotations

import asyncio
import logging
from types import TracebackType

from aiohttp import web

from bot.errors import ConfigError
from bot.observability.metrics import CONTENT_TYPE, exposition
from bot.observability.readiness import Readiness
from bot.web.guard import AcceptErrorLog, ConnectionGuard, GuardedSite, connection_limit

log = logging.getLogger(__name__)

IDLE_SECONDS = 10.0  # a request head must arrive within this, and idle keep-alive ends then
BACKLOG = 4096  # pending connections the kernel may queue while we accept (capped by somaxconn)
MAX_BODY = 1024 * 1024  # Slack's payloads are far smaller


class WebServer:
    """Health, readiness and metrics routes plus any added before it starts."""

    def __init__(
        self,
        host: str,
        port: int,
        readiness: Readiness,
        *,
        setting: str,
        idle_seconds: float = IDLE_SECONDS,
        max_connections: int | None = None,
    ) -> None:
        self.host = host
        self.port = port  # the bound port once started (useful with port 0)
        self.readiness = readiness
        self._setting = setting  # what names the port in an error: "PORT", "[health] port"
        self._idle = idle_seconds
        self._routes: list[web.AbstractRouteDef] = [
            web.get("/healthz", self._healthz),
            web.get("/readyz", self._readyz),
            web.get("/metrics", self._metrics),
        ]
        self._runner: web.AppRunner | None = None
        self._accept_log = AcceptErrorLog()
        self.guard = ConnectionGuard(max_connections or connection_limit())

    def add_routes(self, routes: list[web.AbstractRouteDef]) -> None:
        """Serve more routes (Slack's events endpoint); only before the server starts."""
        if self._runner is not None:
            raise RuntimeError("routes must be added before the server starts")
        self._routes += routes

    async def __aenter__(self) -> WebServer:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.stop()

    async def start(self) -> None:
        """Bind and serve; a busy or forbidden port is one ConfigError naming the setting."""
        app = web.Application(middlewares=[self.guard.middleware], client_max_size=MAX_BODY)
        app.add_routes(self._routes)
        runner = web.AppRunner(
            app, access_log=None, keepalive_timeout=self._idle, lingering_time=2.0
        )
        await runner.setup()
        assert runner.server is not None
        self.guard.bind(runner.server)
        site = GuardedSite(runner, self.guard, self.host, self.port, BACKLOG)
        try:
            await site.start()
        except OSError as err:
            await runner.cleanup()
            reason = (err.strerror or str(err)).lower()
            raise ConfigError(
                f"{self._setting} {self.port}: cannot listen on {self.host}:{self.port}: {reason}"
            ) from None
        self._runner = runner
        self._accept_log.install(asyncio.get_running_loop())
        self.port = _bound_port(runner, self.port)
        log.info("HTTP server on %s:%s (/healthz /readyz /metrics)", self.host, self.port)

    async def stop(self) -> None:
        """Stop listening and close every connection."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
            self._accept_log.uninstall(asyncio.get_running_loop())

    async def _healthz(self, _request: web.Request) -> web.Response:
        return web.Response(text="ok")

    async def _readyz(self, _request: web.Request) -> web.Response:
        checks = await self.readiness.check()
        ready = all(checks.values())
        return web.json_response({"ready": ready, "checks": checks}, status=200 if ready else 503)

    async def _metrics(self, _request: web.Request) -> web.Response:
        return web.Response(body=exposition(), headers={"Content-Type": CONTENT_TYPE})


def _bound_port(runner: web.AppRunner, configured: int) -> int:
    for address in runner.addresses:
        if isinstance(address, tuple) and len(address) >= 2:
            return int(address[1])
    return configured
