"""A local fake of Discord's REST API: enough routes for login, commands, messages and faults.

It answers like Discord (status codes, JSON bodies, rate-limit headers), records every
request it received, and can be told to fail the next requests of a route with a given status
(429 with ``retry_after``, 5xx, 404, 403, 401) so that discord.py's real HTTP client and our
error classification are exercised for real. Like Discord, message history does not return
nonces; a repeated nonce with ``enforce_nonce`` returns the first message.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

BOT_ID = "900000000000000001"
APP_ID = "900000000000000002"
OWNER_ID = "900000000000000003"
CHANNEL_ID = "800000000000000002"  # the channel interactions come from
VERSION = "/api/v10"


@dataclass
class Received:
    """One request as the fake saw it."""

    method: str
    path: str
    query: dict[str, str]
    body: Any


@dataclass
class Fault:
    """A planned failure of the next request to a route."""

    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)


def user_payload(user_id: str = BOT_ID, name: str = "briefbot", bot: bool = True) -> dict[str, Any]:
    """A user object."""
    return {
        "id": user_id,
        "username": name,
        "discriminator": "0",
        "global_name": None,
        "avatar": None,
        "bot": bot,
    }


class FakeDiscord:
    """The fake server's state and handlers; ``base`` is the URL to give ``DISCORD_API_BASE``."""

    def __init__(self) -> None:
        self.received: list[Received] = []
        self.messages: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.sent: list[dict[str, Any]] = []  # follow-ups, as Discord stored them
        self.faults: dict[tuple[str, str], list[Fault]] = defaultdict(list)
        self.stalls: dict[tuple[str, str], float] = {}
        self.base = ""
        self._ids = itertools.count(1_000_000_000_000_000_000)
        self._runner: web.AppRunner | None = None

    # control

    def fail(self, method: str, path: str, status: int, body: Any = None, **headers: str) -> None:
        """Answer the next ``method path`` (e.g. "POST", "/channels/1/messages") with a fault."""
        default = {"message": f"fault {status}", "code": 0}
        self.faults[(method, path)].append(Fault(status, body or default, dict(headers)))

    def rate_limit(self, method: str, path: str, retry_after: float) -> None:
        """Answer the next request of a route with a per-route 429, as Discord does."""
        body = {
            "message": "You are being rate limited.",
            "retry_after": retry_after,
            "global": False,
        }
        headers = {
            "Via": "1.1 google",
            "X-RateLimit-Limit": "5",
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset-After": str(retry_after),
            "X-RateLimit-Bucket": "fake-bucket",
            "X-RateLimit-Scope": "user",
            "Retry-After": str(max(1, round(retry_after))),
        }
        self.fail(method, path, 429, body, **headers)

    def stall(self, method: str, path: str, seconds: float) -> None:
        """Answer the next request of a route only after ``seconds``."""
        self.stalls[(method, path)] = seconds

    def requests(self, method: str, path_start: str) -> list[Received]:
        """Recorded requests of one method whose path starts with ``path_start``."""
        return [r for r in self.received if r.method == method and r.path.startswith(path_start)]

    def callbacks(self) -> list[Received]:
        """Interaction responses (defer, message) in order."""
        return self.requests("POST", "/interactions/")

    def followups(self) -> list[Received]:
        """Follow-up messages sent through the interaction webhook."""
        return self.requests("POST", f"/webhooks/{APP_ID}/")

    # server

    async def start(self) -> None:
        """Listen on an ephemeral port of 127.0.0.1."""
        app = web.Application()
        app.router.add_route("*", VERSION + "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.base = f"http://127.0.0.1:{port}{VERSION}"

    async def close(self) -> None:
        """Stop listening."""
        if self._runner is not None:
            await self._runner.cleanup()

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        body = await request.json() if request.can_read_body else None
        self.received.append(Received(request.method, path, dict(request.query), body))
        stall = self.stalls.pop((request.method, path), 0.0)
        if stall:
            await asyncio.sleep(stall)
        planned = self.faults.get((request.method, path))
        if planned:
            fault = planned.pop(0)
            return _json(fault.body, fault.status, fault.headers)
        if request.headers.get("Authorization") not in (
            None,
            "Bot fake-token",
        ) and not path.startswith(("/webhooks/", "/interactions/")):
            return _json({"message": "401: Unauthorized", "code": 0}, 401)
        return self._route(request.method, path.split("/")[1:], request.query, body)

    def _route(self, method: str, parts: list[str], query: Any, body: Any) -> web.StreamResponse:
        match method, parts:
            case "GET", ["users", "@me"]:
                return _json(user_payload())
            case "GET", ["oauth2", "applications", "@me"]:
                return _json(self._application())
            case "PUT", ["applications", _, *_rest]:
                return _json([self._command(c) for c in body])
            case "POST", ["interactions", interaction_id, _, "callback"]:
                return _json({"interaction": {"id": interaction_id, "type": 2}})
            case "POST", ["webhooks", _, _]:
                self.sent.append(self._create(CHANNEL_ID, body))
                return _json(self.sent[-1])
            case "PATCH", ["webhooks", _, _, "messages", "@original"]:
                return _json(self._create("0", body))
            case "POST", ["channels", channel_id, "messages"]:
                return _json(self._post(channel_id, body))
            case "GET", ["channels", channel_id, "messages"]:
                limit = int(query.get("limit", 50))
                history = [_without_nonce(m) for m in reversed(self.messages[channel_id])]
                return _json(history[:limit])
        return _json({"message": "404: Not Found", "code": 0}, 404)

    def _post(self, channel_id: str, body: dict[str, Any]) -> dict[str, Any]:
        nonce = body.get("nonce")
        if nonce and body.get("enforce_nonce"):
            for message in self.messages[channel_id]:
                if message.get("nonce") == nonce:
                    return message
        message = self._create(channel_id, body)
        self.messages[channel_id].append(message)
        return message

    def _create(self, channel_id: str, body: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": str(next(self._ids)),
            "channel_id": channel_id,
            "author": user_payload(),
            "content": body.get("content") or "",
            "timestamp": "2025-12-20T07:30:00+00:00",
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "pinned": False,
            "type": 0,
            "flags": body.get("flags", 0),
            "nonce": body.get("nonce"),
        }

    def _command(self, command: dict[str, Any]) -> dict[str, Any]:
        return {
            **command,
            "id": str(next(self._ids)),
            "application_id": APP_ID,
            "version": "1",
            "default_member_permissions": command.get("default_member_permissions"),
        }

    def _application(self) -> dict[str, Any]:
        return {
            "id": APP_ID,
            "name": "briefbot",
            "description": "",
            "icon": None,
            "bot_public": False,
            "bot_require_code_grant": False,
            "owner": user_payload(OWNER_ID, "owner", bot=False),
            "verify_key": "0" * 64,
            "flags": 0,
            "interactions_endpoint_url": None,
        }


def _without_nonce(message: dict[str, Any]) -> dict[str, Any]:
    """History as Discord returns it: nonces are not kept."""
    return {k: v for k, v in message.items() if k != "nonce"}


def _json(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    # discord.py parses JSON only when the content type is exactly application/json
    all_headers = {"Content-Type": "application/json", **(headers or {})}
    return web.Response(body=json.dumps(body).encode(), status=status, headers=all_headers)
