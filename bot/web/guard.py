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
import socket
import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web
from aiohttp.web_protocol import RequestHandler

from bot.observability.metrics import HTTP_ACCEPT_ERRORS, HTTP_CONNECTIONS_SHED

log = logging.getLogger(__name__)

ACCEPT_BURST = 64  # connections asyncio accepts per loop tick
ACCEPT_FAILURE = "socket.accept() out of system resource"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def connection_limit() -> int:
    """How many HTTP connections fit under the soft fd limit beside everything else: the
    store, outgoing API calls (Bolt's, delivery's, feeds'), the gateway, and the accept bursts
    that arrive before the guard can shed. Half of a small limit; all but 2,048 of a large one."""
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY or soft > 65536:
        soft = 65536
    return max(16, soft // 2 if soft <= 4096 else soft - 2048)


class ConnectionGuard:
    """The server's protocol factory, shedding the longest-idle connection at the limit.

    A connection is busy while one of its requests is being handled (``middleware`` marks it);
    every other one is idle (waiting for, or slowly sending, a request) and may be closed.
    Under a flood this runs for every accept, so it does O(1) work per connection and counts
    exactly only every ``RECOUNT`` accepts.
    """

    RECOUNT = 64

    def __init__(self, limit: int, clock: Callable[[], float] = time.monotonic) -> None:
        self._server: web.Server | None = None
        self.limit = limit
        self._clock = clock
        self._opened: dict[RequestHandler, float] = {}  # made at; insertion order = age
        self._busy: set[RequestHandler] = set()
        self._accepted = 0
        self._live = 0  # open connections, exact after each recount, estimated between

    def bind(self, server: web.Server) -> None:
        """Guard this low-level server (the runner's, once set up)."""
        self._server = server

    def __call__(self) -> RequestHandler:
        """A protocol for a newly accepted connection, after making room for it."""
        assert self._server is not None, "bind() the server first"
        self._accepted += 1
        if self._accepted % self.RECOUNT == 0:
            self._recount()
        if self._live >= self.limit:
            self._shed(self._live - self.limit + 1)
        self._live += 1
        handler = self._server()
        self._opened[handler] = self._clock()
        return handler

    def _recount(self) -> None:
        """Forget closed connections and count the open ones exactly."""
        now = self._clock()
        for handler in [h for h, made in self._opened.items() if _gone(h, made, now)]:
            del self._opened[handler]
        self._live = sum(1 for h in self._opened if _open(h))

    def _shed(self, count: int) -> None:
        """Close the ``count`` longest-idle open connections, oldest first."""
        now = self._clock()
        gone: list[RequestHandler] = []
        victims: list[RequestHandler] = []
        for handler, made in self._opened.items():
            if _gone(handler, made, now):
                gone.append(handler)
            elif _open(handler) and handler not in self._busy:
                victims.append(handler)
                if len(victims) == count:
                    break
        for handler in gone:
            del self._opened[handler]
        for handler in victims:
            del self._opened[handler]
            handler.force_close()
        self._live -= len(victims)
        if victims:
            HTTP_CONNECTIONS_SHED.inc(len(victims))

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Mark the connection busy while its request is handled and its answer written
        (aiohttp would write it after the handler returns, when it looks idle again)."""
        protocol = request.protocol
        self._busy.add(protocol)
        try:
            response = await handler(request)
            if not response.prepared:
                await response.prepare(request)
            await response.write_eof()
            return response
        finally:
            self._busy.discard(protocol)


def _open(handler: RequestHandler) -> bool:
    """The connection is up and not being closed."""
    transport = handler.transport
    return transport is not None and not transport.is_closing()


def _gone(handler: RequestHandler, made: float, now: float) -> bool:
    """Closed: no transport any more. (A handler gets its transport within a loop tick of
    being made, so one without it after a second is not a connection still opening.)"""
    return handler.transport is None and now - made > 1.0


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
        """Listen, with the guard as the protocol factory.

        asyncio accepts up to ``backlog`` connections per loop tick before any protocol runs,
        so that number stays small (a burst must not overshoot the fd limit before the guard
        can shed); the kernel's queue of pending connections is then set long, so that a
        signed request waits its turn in that queue instead of having its SYN dropped and
        retried a second or more later.
        """
        await super().start()
        loop = asyncio.get_running_loop()
        family = socket.getaddrinfo(self._host, self._port, type=socket.SOCK_STREAM)[0][0]
        sock = socket.create_server((self._host, self._port), family=family)
        try:
            self._server = await loop.create_server(self._guard, sock=sock, backlog=ACCEPT_BURST)
        except BaseException:
            sock.close()
            raise
        sock.listen(self._backlog)


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
