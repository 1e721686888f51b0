"""The one factory for outgoing HTTP clients.

Every client briefbot opens comes from here, so that none goes out without a timeout, a user
agent, a redirect bound and (for anything a user or a feed can point at) the address guard.
Tests pass ``transport=httpx.MockTransport(...)`` or talk to a local server.
"""

from __future__ import annotations

import logging

import httpx

from bot.ingest.guard import AddressGuard
from bot.settings import IngestSettings

log = logging.getLogger(__name__)


def make_client(
    settings: IngestSettings,
    *,
    guard: AddressGuard | None,
    transport: httpx.AsyncBaseTransport | None = None,
    timeout: float | None = None,
    headers: dict[str, str] | None = None,
) -> httpx.AsyncClient:
    """An AsyncClient with explicit limits; ``guard=None`` only for endpoints from config.

    Redirects are not followed automatically: ``bot.ingest.fetch`` follows them one hop at a
    time so that a redirect's body is never read and the guard sees every hop.
    """
    hooks = {"request": [guard.check_request]} if guard is not None else {}
    seconds = timeout if timeout is not None else settings.timeout_seconds
    return httpx.AsyncClient(
        transport=transport,
        timeout=httpx.Timeout(seconds, connect=min(seconds, 10.0)),
        headers={"User-Agent": settings.user_agent, **(headers or {})},
        follow_redirects=False,
        max_redirects=settings.max_redirects,
        event_hooks=hooks,
        trust_env=False,  # a proxy from the environment would bypass the address guard
    )


def guarded_client(
    settings: IngestSettings,
    *,
    allow_private: bool,
    transport: httpx.AsyncBaseTransport | None = None,
    guard: AddressGuard | None = None,
) -> httpx.AsyncClient:
    """A client for user- and feed-supplied URLs: the address guard on every hop."""
    return make_client(
        settings, guard=guard or AddressGuard(allow_private=allow_private), transport=transport
    )
