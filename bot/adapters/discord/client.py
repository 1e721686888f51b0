"""The Discord client: one gateway connection (or several shards) that answers /brief.

``DiscordAdapter`` is entered into the app's ``AsyncExitStack``: it logs in (which runs
``setup_hook``: buttons, commands, sync), starts the gateway in a task, and closes the client
on exit. No privileged intent is needed: slash commands and buttons arrive without them, and
without the message content intent Discord still sends the content of a message that
mentions the bot and of direct messages to it (the only messages briefbot reads).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import Any

import discord
from discord import app_commands
from discord.backoff import ExponentialBackoff

from bot.adapters.discord.admin import Admin
from bot.adapters.discord.commands import register
from bot.adapters.discord.config import DiscordConfig, apply_api_base
from bot.adapters.discord.handlers import Responder
from bot.adapters.discord.poster import DiscordPoster
from bot.adapters.discord.replies import NO_PINGS
from bot.adapters.discord.sync import STATE_FILE, sync_commands
from bot.adapters.discord.views import ArticleButton, SpeakerButton
from bot.context import Context
from bot.delivery.poster import Poster
from bot.delivery.service import DeliveryService
from bot.errors import ConfigError

log = logging.getLogger(__name__)
# None privileged: guilds keeps guilds and channels cached; guild_messages and dm_messages
# deliver mentions of the bot and DMs to it (with content, without message_content).
INTENTS = discord.Intents(guilds=True, guild_messages=True, dm_messages=True)
SetupHook = Callable[[Any], Awaitable[None]]


class _Hooked:
    """What both client kinds add: the responder, the tree, and a setup hook passed in."""

    responder: Responder
    tree: app_commands.CommandTree[Any]
    on_setup: SetupHook

    async def setup_hook(self) -> None:
        """Called by discord.py once, after login and before the gateway connects."""
        await self.on_setup(self)

    async def on_message(self, message: discord.Message) -> None:
        """A mention of the bot or a direct message: answered by the responder."""
        await self.responder.on_message(message, getattr(self, "user", None))


class BriefClient(_Hooked, discord.Client):
    """One gateway connection."""


class ShardedBriefClient(_Hooked, discord.AutoShardedClient):
    """Several shards, for bots in many guilds (``DISCORD_SHARD_COUNT``/``_IDS``)."""


def make_client(
    responder: Responder, config: DiscordConfig, on_setup: SetupHook
) -> BriefClient | ShardedBriefClient:
    """A client of the right kind with its tree; mentions are off for every message it sends."""
    client: BriefClient | ShardedBriefClient
    if config.sharded:
        shards: dict[str, Any] = {"shard_count": config.shard_count}
        if config.shard_ids is not None:
            shards["shard_ids"] = list(config.shard_ids)
        client = ShardedBriefClient(intents=INTENTS, allowed_mentions=NO_PINGS, **shards)
    else:
        client = BriefClient(intents=INTENTS, allowed_mentions=NO_PINGS)
    client.responder = responder
    client.on_setup = on_setup
    client.tree = app_commands.CommandTree(client)
    return client


class DiscordAdapter:
    """Connects, registers /brief and the buttons, and answers until closed."""

    def __init__(self, context: Context, config: DiscordConfig) -> None:
        self._context = context
        self._config = config
        responder = Responder(
            context.store,
            spec=context.settings.briefing.spec(),
            clock=context.now,
            reader=context.question_reader,
        )
        self.client = make_client(responder, config, self._setup)
        self._gateway: asyncio.Task[None] | None = None

    async def login(self) -> None:
        """Log in over REST (runs ``setup_hook``); no gateway connection yet."""
        token = self._context.secrets.discord_token
        if token is None:
            raise ConfigError("DISCORD_TOKEN is not set")
        apply_api_base(self._config.api_base)
        try:
            await self.client.login(token.get_secret_value())
        except discord.LoginFailure as err:
            raise ConfigError(
                "DISCORD_TOKEN was refused by Discord; reset it and try again"
            ) from err

    async def __aenter__(self) -> DiscordAdapter:
        await self.client.__aenter__()
        try:
            await self.login()
        except BaseException:  # the exit stack will not call __aexit__: close here
            await self.client.close()
            raise
        self._gateway = asyncio.create_task(keep_connected(self.client), name="discord-gateway")
        self._gateway.add_done_callback(_log_gateway_end)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.client.close()
        if self._gateway is not None:
            self._gateway.cancel()
            with contextlib.suppress(asyncio.CancelledError, discord.DiscordException):
                await self._gateway

    async def _setup(self, client: BriefClient | ShardedBriefClient) -> None:
        """Persistent buttons, the command group, then a sync if the commands changed."""
        client.add_dynamic_items(ArticleButton, SpeakerButton)
        context = self._context
        token = context.secrets.discord_token
        posters: dict[str, Poster] = {"discord": DiscordPoster(token)} if token else {}
        register(client.tree, client.responder, Admin(context, posters))
        state_file = self._context.settings.data_dir / STATE_FILE
        await sync_commands(client.tree, guild_id=self._config.guild_id, state_file=state_file)


async def keep_connected(client: discord.Client) -> None:
    """``client.connect()``, started again when discord.py's own retry dies before the first
    gateway session: after a failed first handshake it reads the session of a socket it never
    had (``self.ws.sequence`` with ``ws`` None, Rapptz/discord.py#10520, open), an
    AttributeError that ends its retry loop. Without this, a gateway unreachable at start-up
    (an outage, a network blip) left the bot off Discord for good while the process ran on.
    Any other failure ends the task as before (logged by ``_log_gateway_end``)."""
    backoff: ExponentialBackoff[bool] = ExponentialBackoff()
    while not client.is_closed():
        try:
            await client.connect()
            return
        except AttributeError:
            if client.ws is not None or isinstance(client, discord.AutoShardedClient):
                raise  # not that bug: shards keep their own sockets
            delay = backoff.delay()
            log.warning("Discord gateway not reached yet; connecting again in %.1f s", delay)
            await asyncio.sleep(delay)


def _log_gateway_end(task: asyncio.Task[None]) -> None:
    """A gateway that stops on its own (bad token, disallowed intents) must not go unnoticed."""
    if not task.cancelled() and task.exception() is not None:
        log.error("Discord gateway stopped", exc_info=task.exception())


async def start_discord(
    stack: contextlib.AsyncExitStack, context: Context, delivery: DeliveryService
) -> DiscordAdapter:
    """Start the gateway client and give the scheduler a poster with one kept session.

    Both are entered into the app's exit stack, so they close with everything else.
    """
    config = DiscordConfig.from_env(os.environ)
    adapter = await stack.enter_async_context(DiscordAdapter(context, config))
    token = context.secrets.discord_token
    if token is not None:
        delivery.register(await stack.enter_async_context(DiscordPoster(token)))
    return adapter
