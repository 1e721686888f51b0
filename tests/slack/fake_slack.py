"""A local fake of Slack's Web API and response URLs, for the real slack_sdk client to call.

It answers the few methods briefbot uses like Slack does, keeps each channel's history (with
metadata) so that ``conversations.history`` shows what was posted, records every request, and
can be told to fail a method: 429 with ``Retry-After``, 5xx, an error code, or a slow answer.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

BOT_USER = "UBOT"


@dataclass(frozen=True)
class Recorded:
    """One request the fake received: the API method (or ``respond``) and its arguments."""

    method: str
    args: dict[str, Any]
    path: str


@dataclass(frozen=True)
class Fault:
    """How to fail one call of a method."""

    status: int = 200
    error: str | None = None
    retry_after: int | None = None
    delay: float = 0.0
    body: str | None = None  # a raw body instead of Slack's JSON


@dataclass
class FakeSlack:
    """The fake server; ``start`` binds an ephemeral port on 127.0.0.1."""

    admins: set[str] = field(default_factory=set)
    requests: list[Recorded] = field(default_factory=list)
    history: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    faults: dict[str, list[Fault]] = field(default_factory=lambda: defaultdict(list))
    port: int = 0
    sockets: list[web.WebSocketResponse] = field(default_factory=list)
    _runner: web.AppRunner | None = None
    _changed: asyncio.Condition | None = None
    _ts: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    async def start(self) -> None:
        """Serve until ``close``."""
        app = web.Application()
        app.add_routes(
            [
                web.route("*", "/api/{method}", self._api),
                web.post("/respond/{name}", self._respond),
                web.get("/socket", self._socket),
            ]
        )
        self._changed = asyncio.Condition()
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = int(self._runner.addresses[0][1])

    async def close(self) -> None:
        """Stop serving."""
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        """What ``SLACK_API_URL`` should be."""
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, name: str) -> str:
        """A response URL for one slash command or click."""
        return f"http://127.0.0.1:{self.port}/respond/{name}"

    def fail(self, method: str, fault: Fault, times: int = 1) -> None:
        """Fail the next ``times`` calls of ``method``."""
        self.faults[method] += [fault] * times

    def calls(self, method: str) -> list[Recorded]:
        """The recorded calls of one method (``respond`` for response URLs)."""
        return [r for r in self.requests if r.method == method]

    async def wait_for(
        self, method: str, count: int = 1, *, seconds: float = 5.0
    ) -> list[Recorded]:
        """Wait until ``count`` calls of ``method`` arrived; return them."""
        assert self._changed is not None
        async with asyncio.timeout(seconds), self._changed:
            await self._changed.wait_for(lambda: len(self.calls(method)) >= count)
        return self.calls(method)

    async def _record(self, recorded: Recorded) -> None:
        assert self._changed is not None
        async with self._changed:
            self.requests.append(recorded)
            self._changed.notify_all()

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        await self._record(Recorded(method, await _arguments(request), request.path))
        fault = self.faults[method].pop(0) if self.faults[method] else None
        if fault is not None:
            await asyncio.sleep(fault.delay)
            if fault.status != 200 or fault.error or fault.body is not None:
                return _fault(fault)
        handler = self._methods().get(method)
        args = self.calls(method)[-1].args
        body = handler(args) if handler else {"ok": False, "error": "unknown_method"}
        return web.json_response(body)

    async def _respond(self, request: web.Request) -> web.Response:
        args = await _arguments(request)
        await self._record(Recorded("respond", args, request.path))
        return web.Response(text="ok")

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        """Socket Mode: say hello, then record what the app sends (its acks)."""
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        self.sockets.append(socket)
        await self._record(Recorded("connected", {}, request.path))
        await socket.send_json({"type": "hello", "num_connections": 1, "debug_info": {}})
        async for message in socket:
            if message.type is WSMsgType.TEXT:
                await self._record(Recorded("socket", json.loads(message.data), request.path))
        return socket

    async def send_envelope(self, envelope: dict[str, Any]) -> None:
        """Push a Socket Mode envelope to the connected app."""
        await self.wait_for("connected")
        await self.sockets[-1].send_json(envelope)

    def _methods(self) -> dict[str, Callable[[dict[str, Any]], dict[str, Any]]]:
        return {
            "auth.test": lambda _: {
                "ok": True,
                "user_id": BOT_USER,
                "bot_id": "BBOT",
                "team_id": "T1",
                "user": "briefbot",
                "url": "https://fake.slack.com/",
            },
            "apps.connections.open": lambda _: {
                "ok": True,
                "url": f"ws://127.0.0.1:{self.port}/socket",
            },
            "chat.postMessage": self._post_message,
            "conversations.history": self._conversations_history,
            "users.info": self._users_info,
        }

    def _post_message(self, args: dict[str, Any]) -> dict[str, Any]:
        ts = f"1766200000.{next(self._ts):06d}"
        message = {"type": "message", "ts": ts, "user": BOT_USER, "text": args.get("text", "")}
        message |= {k: args[k] for k in ("blocks", "metadata", "thread_ts") if args.get(k)}
        self.history[str(args["channel"])].append(message)
        return {"ok": True, "channel": args["channel"], "ts": ts, "message": message}

    def _conversations_history(self, args: dict[str, Any]) -> dict[str, Any]:
        messages = list(reversed(self.history.get(str(args["channel"]), [])))
        limit = int(args.get("limit", 100))
        keep_metadata = str(args.get("include_all_metadata")).lower() in {"1", "true"}
        shown = [m if keep_metadata else _without(m, "metadata") for m in messages[:limit]]
        return {"ok": True, "messages": shown, "has_more": len(messages) > limit}

    def _users_info(self, args: dict[str, Any]) -> dict[str, Any]:
        user = str(args["user"])
        return {"ok": True, "user": {"id": user, "is_admin": user in self.admins}}


async def _arguments(request: web.Request) -> dict[str, Any]:
    """The call's arguments, whether sent as JSON, a form, or query parameters."""
    args: dict[str, Any] = dict(request.query)
    if request.content_type == "application/json":
        args |= await request.json()
    elif request.can_read_body:
        args |= dict(await request.post())
    return args


def _fault(fault: Fault) -> web.Response:
    headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after is not None else {}
    if fault.body is not None:
        return web.Response(status=fault.status, text=fault.body, headers=headers)
    body = {"ok": fault.status == 200 and fault.error is None, "error": fault.error}
    return web.json_response(body, status=fault.status, headers=headers)


def _without(message: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in message.items() if k != key}


def dumps(value: Any) -> str:
    """JSON as Slack would send it."""
    return json.dumps(value, separators=(",", ":"))
