"""The Slack adapter's lifecycle: build the Bolt app, then listen over HTTP or Socket Mode.

HTTP mode (``SLACK_BOT_TOKEN`` + ``SLACK_SIGNING_SECRET``) serves ``POST /slack/events`` for
slash commands, interactivity and events on the bot's one web server (beside ``/healthz``,
``/readyz`` and ``/metrics``); ``bot.adapters.slack.inbound`` checks every request's deadline,
signature and shape before Bolt sees it. Socket Mode (``SLACK_APP_TOKEN`` set as well) opens
an outgoing WebSocket instead and needs no public URL. In both modes a middleware asks the
store whether a request was handled already (a redelivered event, a replayed admin command),
so that replicas behind a load balancer act on it once. The adapter is an async context
manager so that ``bot.app`` can hold it in its one ``AsyncExitStack``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import time
from collections.abc import Awaitable, Callable, Mapping
from contextlib import AsyncExitStack
from types import TracebackType
from typing import Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.app.async_app import AsyncApp
from slack_bolt.logger import get_bolt_logger
from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

from bot.adapters.slack.admin import Admins
from bot.adapters.slack.config import EVENTS_PATH, SlackConfig, web_client
from bot.adapters.slack.handlers import Deps, register
from bot.adapters.slack.inbound import Refused, check_shape, read_body, verify
from bot.adapters.slack.poster import build_slack_poster
from bot.context import Context
from bot.core.commands import parse
from bot.delivery.poster import Poster
from bot.delivery.service import DeliveryService
from bot.errors import ConfigError
from bot.observability.metrics import SLACK_DUPLICATES, SLACK_REQUESTS_REFUSED
from bot.store import Store
from bot.web.server import WebServer

log = logging.getLogger(__name__)

EVENT_RETENTION = dt.timedelta(minutes=30)  # Slack retries an event for about 5 minutes
REPLAY_RETENTION = dt.timedelta(minutes=11)  # a timestamp is accepted 5 min either side


async def start_slack(stack: AsyncExitStack, context: Context, delivery: DeliveryService) -> None:
    """Start Slack inside the app's exit stack; scheduled posts go through its poster."""
    config = SlackConfig.from_env(os.environ)
    if "slack" not in delivery.posters:
        delivery.register(build_slack_poster(context, config))
    admins = Admins.of(context.settings.slack_admins)
    await stack.enter_async_context(SlackAdapter(context, config, admins, delivery.posters))


class SlackAdapter:
    """Runs briefbot's Bolt app for one workspace until the exit stack closes it."""

    def __init__(
        self,
        context: Context,
        config: SlackConfig,
        admins: Admins,
        posters: Mapping[str, Poster],
    ) -> None:
        self._context = context
        self._config = config
        self._admins = admins
        self._posters = posters  # the delivery layer's, for /brief post
        self._server: WebServer | None = None
        self._socket: AsyncSocketModeHandler | None = None
        self.port: int | None = None  # the bound port in HTTP mode (useful when PORT=0)

    @property
    def socket_mode(self) -> bool:
        """Socket Mode when an app-level token is configured."""
        return self._context.secrets.slack_app_token is not None

    def build_app(self) -> AsyncApp:
        """The Bolt app with every listener registered; no I/O happens here."""
        secrets = self._context.secrets
        if secrets.slack_bot_token is None:
            raise ConfigError("SLACK_BOT_TOKEN is not set")
        signing = secrets.slack_signing_secret
        if signing is None and not self.socket_mode:
            raise ConfigError("HTTP mode needs SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN)")
        _quiet_spurious_token_warning()
        app = AsyncApp(
            client=web_client(secrets.slack_bot_token, self._config, retry_rate_limits=True),
            signing_secret=signing.get_secret_value() if signing else "",
            request_verification_enabled=signing is not None,
            name="briefbot",
        )
        app.use(_once_per_store(self._context))  # before every listener, in both modes
        spec = self._context.settings.briefing.spec()
        register(app, Deps(self._context, spec, self._admins, self._posters))
        return app

    async def __aenter__(self) -> SlackAdapter:
        app = self.build_app()
        if self.socket_mode:
            await self._connect_socket(app)
        else:
            await self._serve_http(app)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._context.readiness.remove("slack")
        if self._socket is not None:
            await self._socket.close_async()  # type: ignore[no-untyped-call]
            self._socket = None
        if self._server is not None:
            await self._server.stop()
            self._server = None
        log.info("Slack adapter stopped")

    async def _connect_socket(self, app: AsyncApp) -> None:
        token = self._context.secrets.slack_app_token
        assert token is not None
        self._socket = socket = AsyncSocketModeHandler(app, token.get_secret_value())
        await socket.connect_async()  # type: ignore[no-untyped-call]
        self._context.readiness.add("slack", socket.client.is_connected)
        log.info("Slack connected in Socket Mode")

    async def _serve_http(self, app: AsyncApp) -> None:
        secret = self._context.secrets.slack_signing_secret
        assert secret is not None
        config = self._config
        server = WebServer(
            config.host,
            config.port,
            self._context.readiness,
            setting="PORT",
            idle_seconds=config.idle_seconds,
        )
        handler = events_handler(app, secret.get_secret_value(), body_seconds=config.body_seconds)
        server.add_routes([web.post(EVENTS_PATH, handler)])
        await server.start()
        self._server = server
        self.port = server.port
        self._context.readiness.add("slack", lambda: True)  # serving is all HTTP mode needs
        log.info("Slack listening on %s:%s%s", self._config.host, self.port, EVENTS_PATH)


def events_handler(
    app: AsyncApp,
    signing_secret: str,
    *,
    body_seconds: float,
    clock: Callable[[], float] = time.time,
) -> Callable[[web.Request], Awaitable[web.Response]]:
    """``POST /slack/events``: deadline, signature and shape checked, then Bolt dispatches."""
    secret = signing_secret.encode()

    async def events(request: web.Request) -> web.Response:
        try:
            raw = await read_body(request, body_seconds)
            verify(request.headers, raw, secret, now=clock())
            text = check_shape(raw, request.content_type)
        except Refused as refused:
            SLACK_REQUESTS_REFUSED.labels(refused.reason).inc()
            log.debug("refused a request to %s: %s", EVENTS_PATH, refused.message)
            return web.Response(status=refused.status, text=refused.message)
        bolt_request = AsyncBoltRequest(
            body=text,
            query=request.query_string,
            headers=request.headers,  # type: ignore[arg-type]
        )
        return await to_aiohttp_response(await app.async_dispatch(bolt_request))

    return events


def duplicate_key(body: dict[str, Any], raw_body: str) -> tuple[str, str] | None:
    """What identifies a request that must be acted on once: (kind, store key), or None.

    An event is known by its ``event_id`` (Slack redelivers with the same id); an admin slash
    command by a hash of its body, which holds a fresh ``trigger_id``, so that only a
    replay of the very same request matches.
    """
    if body.get("type") == "event_callback" and body.get("event_id"):
        return "event", f"slack-event:{body['event_id']}"
    if body.get("command") and parse(str(body.get("text") or "")).is_admin:
        # Socket Mode has no raw body: its envelope's payload holds the trigger_id too.
        signed = raw_body or json.dumps(body, sort_keys=True, separators=(",", ":"))
        digest = hashlib.sha256(signed.encode()).hexdigest()
        return "admin", f"slack-admin:{digest}"
    return None


def _once_per_store(
    context: Context,
) -> Callable[..., Awaitable[BoltResponse]]:
    """Middleware: acknowledge a request some replica already handled, and do nothing."""
    store: Store = context.store

    async def once_per_store(
        body: dict[str, Any],
        req: AsyncBoltRequest,
        resp: BoltResponse,
        next: Callable[[], Awaitable[None]],
    ) -> BoltResponse:
        found = duplicate_key(body, req.raw_body)
        if found is not None:
            kind, key = found
            keep = EVENT_RETENTION if kind == "event" else REPLAY_RETENTION
            if not await store.mark_seen(key, now=context.clock(), keep=keep):
                SLACK_DUPLICATES.labels(kind).inc()
                log.info("ignoring a %s Slack request already handled (%s)", kind, key[:40])
                return BoltResponse(status=200, body="")
        await next()
        return resp

    return once_per_store


class _SameToken(logging.Filter):
    """Drops Bolt's "token will be unused" warning: Bolt reads ``SLACK_BOT_TOKEN`` from the
    environment by itself and warns that the client wins, but our client is made from that
    very token, so the warning is always spurious here."""

    text = warning_client_prioritized_and_token_skipped()

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != self.text


def _quiet_spurious_token_warning() -> None:
    bolt = get_bolt_logger(AsyncApp)
    if not any(isinstance(f, _SameToken) for f in bolt.filters):
        bolt.addFilter(_SameToken())
