"""Keeping the HTTP server answering when connections are slow, idle or too many.

Three defences, all without any authentication (an attacker has none):

- ``keepalive_timeout`` (aiohttp's own) closes a connection that has not sent a complete
  request head within ``idle_seconds``, and one idle between requests as long; request bodies
  get their own deadline where they are read (``bot.adapters.slack.inbound``).
- ``ConnectionGuard`` wraps the server's protocol factory: when the open connections reach the
  limit (derived from ``RLIMIT_NOFILE``), the connection idle the longest is closed to make
  room, so that held-open sockets cannot starve Slack's signed requests of file descriptors.
- ``AcceptErrorLog`` turns asyncio's traceback per refused ``accept()`` (EMFILE) into one
  warning line per minute with a count.
"""

from __future__ import annotations

import asyncio
import logging
import resource
import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web
from aiohttp.web_protocol import RequestHandler

from bot.observability.metrics import HTTP_ACCEPT_ERRORS, HTTP_CONNECTIONS_SHED

log = logging.getLogger(__name__)

RESERVED_FDS = 128  # for the store, outgoing API clients, the gateway, logs
ACCEPT_FAILURE = "socket.accept() out of system resource"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def connection_limit(reserved: int = RESERVED_FDS) -> int:
    """How many HTTP connections fit beside everything else under the soft fd limit."""
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY or soft > 65536:
        soft = 65536
    return max(16, min(soft - reserved, soft * 3 // 4))


class ConnectionGuard:
    """The server's protocol factory, shedding the longest-idle connection at the limit.

    A connection is busy while one of its requests is being handled (``middleware`` marks it);
    every other one is idle (waiting for, or slowly sending, a request) and may be closed.
    """

    def __init__(self, limit: int) -> None:
        self._server: web.Server | None = None
        self.limit = limit
        # Insertion order is age, oldest first; the value says whether it was seen open (a
        # handler is made before asyncio calls its connection_made, so "not open" alone
        # cannot tell a new connection from a closed one).
        self._opened: dict[RequestHandler, bool] = {}
        self._busy: set[RequestHandler] = set()
        self._accepted = 0

    def bind(self, server: web.Server) -> None:
        """Guard this low-level server (the runner's, once set up)."""
        self._server = server

    def __call__(self) -> RequestHandler:
        """A protocol for a newly accepted connection, after making room for it."""
        assert self._server is not None, "bind() the server first"
        self._accepted += 1
        if self._accepted % 256 == 0:
            self._prune(set(self._server.connections))
        open_now = len(self._server.connections)
        if open_now >= self.limit:
            self._shed(open_now - self.limit + 1)
        handler = self._server()
        self._opened[handler] = False
        return handler

    def _prune(self, live: set[RequestHandler]) -> None:
        """Forget closed connections; mark the open ones."""
        for handler, was_open in list(self._opened.items()):
            if handler in live:
                self._opened[handler] = True
            elif was_open:
                del self._opened[handler]

    def _shed(self, count: int) -> None:
        assert self._server is not None
        live = set(self._server.connections)
        self._prune(live)
        victims = [h for h in self._opened if h in live and h not in self._busy][:count]
        for handler in victims:
            del self._opened[handler]
            handler.force_close()
        if victims:
            HTTP_CONNECTIONS_SHED.inc(len(victims))
            log.debug(
                "closed %d idle HTTP connections at the limit of %d", len(victims), self.limit
            )

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Mark the connection busy while its request is handled."""
        protocol = request.protocol
        self._busy.add(protocol)
        try:
            return await handler(request)
        finally:
            self._busy.discard(protocol)


class GuardedSite(web.BaseSite):
    """A TCP site whose connections go through a ``ConnectionGuard``."""

    def __init__(
        self, runner: web.AppRunner, guard: ConnectionGuard, host: str, port: int, backlog: int
    ) -> None:
        super().__init__(runner, backlog=backlog)
        self._guard = guard
        self._host = host
        self._port = port

    @property
    def name(self) -> str:
        """The URL it serves, as aiohttp's sites name themselves."""
        return f"http://{self._host}:{self._port}"

    async def start(self) -> None:
        """Listen, with the guard as the protocol factory."""
        await super().start()
        loop = asyncio.get_running_loop()
        self._server = await loop.create_server(
            self._guard, self._host, self._port, backlog=self._backlog, reuse_address=True
        )


class AcceptErrorLog:
    """A loop exception handler: refused accepts become one warning a minute, not a traceback.

    Everything else goes to the handler that was there before (or asyncio's default).
    """

    def __init__(self, every: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self._every = every
        self._clock = clock
        self._last: float | None = None
        self._suppressed = 0
        self._previous: Callable[[asyncio.AbstractEventLoop, dict[str, Any]], object] | None = None

    def install(self, loop: asyncio.AbstractEventLoop) -> None:
        """Become the loop's exception handler, remembering the one before."""
        self._previous = loop.get_exception_handler()
        loop.set_exception_handler(self)

    def uninstall(self, loop: asyncio.AbstractEventLoop) -> None:
        """Put the previous handler back."""
        if loop.get_exception_handler() is self:
            loop.set_exception_handler(self._previous)

    def __call__(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        if context.get("message") != ACCEPT_FAILURE:
            if self._previous is not None:
                self._previous(loop, context)
            else:
                loop.default_exception_handler(context)
            return
        HTTP_ACCEPT_ERRORS.inc()
        now = self._clock()
        if self._last is not None and now - self._last < self._every:
            self._suppressed += 1
            return
        error = context.get("exception")
        reason = getattr(error, "strerror", None) or type(error).__name__
        more = f" ({self._suppressed} more since the last warning)" if self._suppressed else ""
        log.warning(
            "HTTP server cannot accept connections: %s; retrying each second%s", reason, more
        )
        self._last, self._suppressed = now, 0
