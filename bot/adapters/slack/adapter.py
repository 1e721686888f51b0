"""The Slack adapter's lifecycle: build the Bolt app, then listen over HTTP or Socket Mode.

HTTP mode (``SLACK_BOT_TOKEN`` + ``SLACK_SIGNING_SECRET``) serves one endpoint,
``POST /slack/events``, for slash commands, interactivity and events; Bolt verifies every
request's signature and timestamp before any listener runs. Socket Mode (``SLACK_APP_TOKEN``
set as well) opens an outgoing WebSocket instead and needs no public URL. The adapter is an
async context manager so that ``bot.app`` can hold it in its one ``AsyncExitStack``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from contextlib import AsyncExitStack
from types import TracebackType

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.app.async_app import AsyncApp

from bot.adapters.slack.admin import Admins
from bot.adapters.slack.config import EVENTS_PATH, SlackConfig, web_client
from bot.adapters.slack.handlers import Deps, register
from bot.adapters.slack.poster import build_slack_poster
from bot.context import Context
from bot.delivery.poster import Poster
from bot.delivery.service import DeliveryService
from bot.errors import ConfigError

log = logging.getLogger(__name__)


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
        self._runner: web.AppRunner | None = None
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
        app = AsyncApp(
            client=web_client(secrets.slack_bot_token, self._config, retry_rate_limits=True),
            signing_secret=signing.get_secret_value() if signing else "",
            request_verification_enabled=signing is not None,
            name="briefbot",
        )
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
        if self._socket is not None:
            await self._socket.close_async()  # type: ignore[no-untyped-call]
            self._socket = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        log.info("Slack adapter stopped")

    async def _connect_socket(self, app: AsyncApp) -> None:
        token = self._context.secrets.slack_app_token
        assert token is not None
        self._socket = AsyncSocketModeHandler(app, token.get_secret_value())
        await self._socket.connect_async()  # type: ignore[no-untyped-call]
        log.info("Slack connected in Socket Mode")

    async def _serve_http(self, app: AsyncApp) -> None:
        self._runner = web.AppRunner(http_app(app), access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self._config.host, self._config.port)
        await site.start()
        self.port = _bound_port(self._runner, self._config.port)
        log.info("Slack listening on %s:%s%s", self._config.host, self.port, EVENTS_PATH)


def http_app(app: AsyncApp) -> web.Application:
    """The aiohttp application: the events endpoint and a health check for load balancers."""

    async def events(request: web.Request) -> web.Response:
        return await to_aiohttp_response(await app.async_dispatch(await to_bolt_request(request)))

    async def health(_request: web.Request) -> web.Response:
        return web.Response(text="ok")

    web_app = web.Application()
    web_app.add_routes([web.post(EVENTS_PATH, events), web.get("/healthz", health)])
    return web_app


def _bound_port(runner: web.AppRunner, configured: int) -> int:
    for address in runner.addresses:
        if isinstance(address, tuple) and len(address) >= 2:
            return int(address[1])
    return configured
