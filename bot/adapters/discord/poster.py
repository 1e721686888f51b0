"""Posting briefings to Discord channels over REST only: no gateway connection.

It uses discord.py's public API only: a ``Client`` that logs in (REST, ``GET /users/@me``)
without connecting to the gateway, and ``PartialMessageable`` channels, which send and read
history by id without fetching the channel first.

Each message (part) is sent with a nonce derived from the delivery key and its index, with
``enforce_nonce``, so a repeated send within Discord's window returns the first message
instead of a duplicate. The history does not keep nonces, so every part also carries a short
reference in its footer (numbered by part), which ``find_delivered`` looks for in the
channel's recent messages.
discord.py waits out short 429s itself; a longer one (over ``max_wait``) and every other
failure become a classified ``PostError`` for the delivery layer to act on.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import logging
import os
from collections.abc import AsyncIterator, Awaitable, Mapping, Sequence
from types import TracebackType
from typing import Any, TypeVar

import aiohttp
import discord
from pydantic import SecretStr

from bot.adapters.discord.config import DiscordConfig, apply_api_base
from bot.adapters.discord.render import (
    OutgoingMessage,
    briefing_messages,
    footer_marker,
    marker_part,
)
from bot.adapters.discord.replies import NO_PINGS
from bot.adapters.discord.views import briefing_view
from bot.context import Context
from bot.core.briefing import Briefing
from bot.delivery.poster import FailureReason, PostError, SendPart
from bot.errors import ConfigError

log = logging.getLogger(__name__)
T = TypeVar("T")
NONCE_LENGTH = 25  # Discord's limit for a string nonce
HISTORY = 50  # recent messages searched by find_delivered
MAX_RATE_LIMIT_WAIT = 30.0  # discord.py's smallest allowed; longer waits are the caller's
REQUEST_TIMEOUT = 60.0  # one request, including the rate-limit waits discord.py does itself


class DiscordPoster:
    """A ``Poster`` for "discord:<channel id>" channels.

    Used as is, each call logs in over REST and closes its session afterwards; inside
    ``async with poster`` one session serves every call (and keeps discord.py's rate-limit
    buckets warm).
    """

    platform = "discord"

    def __init__(
        self,
        token: SecretStr,
        *,
        max_wait: float = MAX_RATE_LIMIT_WAIT,
        timeout: float = REQUEST_TIMEOUT,
    ) -> None:
        self._token = token
        self._max_wait = max_wait
        self._timeout = timeout
        self._session: tuple[discord.Client, int] | None = None

    async def __aenter__(self) -> DiscordPoster:
        self._session = await self._login()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._session is not None:
            await self._session[0].close()
            self._session = None

    def parts(self, briefing: Briefing, *, delivery_key: str) -> Sequence[SendPart]:
        """The briefing's messages, each with its own nonce and footer reference."""
        messages = briefing_messages(briefing, marker=delivery_marker(delivery_key))
        return [
            functools.partial(self._send_part, message, nonce(delivery_key, index))
            for index, message in enumerate(messages)
        ]

    async def _send_part(self, message: OutgoingMessage, part_nonce: str, channel_id: str) -> str:
        """Send one message; a repeat of the same nonce returns the first one."""
        async with self._http() as (client, _):
            channel = client.get_partial_messageable(_snowflake(channel_id))
            sent = await self._call(channel.send(**message_kwargs(message, nonce=part_nonce)))
        log.debug("posted a part to discord:%s", _snowflake(channel_id))
        return str(sent.id)

    async def find_delivered(self, channel_id: str, delivery_key: str) -> dict[int, str]:
        """Our recent messages carrying this delivery's references: part index → id."""
        marker = delivery_marker(delivery_key)
        async with self._http() as (client, bot_id):
            channel = client.get_partial_messageable(_snowflake(channel_id))
            history = await self._call(_recent(channel))
        found: dict[int, str] = {}
        for message in reversed(history):  # oldest first: a duplicate keeps the first id
            if message.author.id != bot_id:
                continue
            for part in _parts_carried(message, marker):
                found.setdefault(part, str(message.id))
        return found

    @contextlib.asynccontextmanager
    async def _http(self) -> AsyncIterator[tuple[discord.Client, int]]:
        """The open session, or a fresh one closed after the call."""
        if self._session is not None:
            yield self._session
            return
        session = await self._login()
        try:
            yield session
        finally:
            await session[0].close()

    async def _login(self) -> tuple[discord.Client, int]:
        """Log in over REST (``GET /users/@me``); the bot's user id identifies our messages."""
        client = discord.Client(
            intents=discord.Intents.none(), max_ratelimit_timeout=self._max_wait
        )
        try:
            await self._call(client.login(self._token.get_secret_value()))
        except BaseException:
            await client.close()
            raise
        assert client.user is not None  # set by a successful login
        return client, client.user.id

    async def _call(self, request: Awaitable[T]) -> T:
        """Await one REST call within the timeout, turning its failure into a PostError."""
        try:
            async with asyncio.timeout(self._timeout):
                return await request
        except (discord.DiscordException, aiohttp.ClientError, TimeoutError, OSError) as err:
            raise classify(err) from err


def build_discord_poster(context: Context, env: Mapping[str, str] | None = None) -> DiscordPoster:
    """The poster for the registry: token from the secrets, REST base from the environment."""
    token = context.secrets.discord_token
    if token is None:
        raise ConfigError("discord: DISCORD_TOKEN not set")
    apply_api_base(DiscordConfig.from_env(os.environ if env is None else env).api_base)
    return DiscordPoster(token)


def message_kwargs(message: OutgoingMessage, *, nonce: str) -> dict[str, Any]:
    """One message's ``send`` arguments: embeds, buttons, the nonce, and no pings.

    discord.py 2.5+ sends ``enforce_nonce`` with every nonce, so a repeated send within
    Discord's window returns the first message (the floor in pyproject.toml is for this).
    """
    return {
        "content": message.content,
        "embeds": list(message.embeds),
        "view": briefing_view(message.article_ids, message.first_number),
        "nonce": nonce,
        "allowed_mentions": NO_PINGS,
    }


async def _recent(channel: discord.PartialMessageable) -> list[discord.Message]:
    """The channel's recent messages, newest first."""
    return [message async for message in channel.history(limit=HISTORY)]


def nonce(delivery_key: str, index: int) -> str:
    """The nonce of the ``index``-th message of a delivery: stable, at most 25 characters."""
    return hashlib.sha256(f"{delivery_key}#{index}".encode()).hexdigest()[:NONCE_LENGTH]


def delivery_marker(delivery_key: str) -> str:
    """The short reference shown in a delivered briefing's footer."""
    return hashlib.sha256(delivery_key.encode()).hexdigest()[:12]


def classify(err: BaseException) -> PostError:
    """A discord.py or transport failure as a PostError the delivery layer can act on."""
    if isinstance(err, discord.RateLimited):
        return PostError(FailureReason.RATE_LIMITED, str(err), retry_after=err.retry_after)
    if isinstance(err, discord.LoginFailure):
        return PostError(FailureReason.UNAUTHORIZED, "the bot token was refused")
    if isinstance(err, discord.HTTPException):
        return _classify_http(err)
    return PostError(FailureReason.TRANSIENT, f"{type(err).__name__}: {err}")


def _classify_http(err: discord.HTTPException) -> PostError:
    detail = f"HTTP {err.status}: {err.text or 'no detail'}"
    if err.status == 429:
        return PostError(FailureReason.RATE_LIMITED, detail, retry_after=_retry_after(err))
    if err.status >= 500:
        return PostError(FailureReason.TRANSIENT, detail)
    reasons = {
        401: FailureReason.UNAUTHORIZED,
        403: FailureReason.FORBIDDEN,
        404: FailureReason.NOT_FOUND,
    }
    return PostError(reasons.get(err.status, FailureReason.BAD_REQUEST), detail)


def _retry_after(err: discord.HTTPException) -> float | None:
    """Seconds to wait from a 429 discord.py gave up on (e.g. one without the Via header)."""
    value = err.response.headers.get("Retry-After")
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _parts_carried(message: discord.Message, marker: str) -> set[int]:
    """The parts of this delivery a message's embed footers name."""
    found = (footer_marker(embed) for embed in message.embeds)
    return {p for f in found if f and (p := marker_part(f, marker)) is not None}


def _snowflake(channel_id: str) -> int:
    """A channel id with or without its "discord:" prefix."""
    value = channel_id.removeprefix("discord:")
    if not value.isdigit():
        raise PostError(FailureReason.BAD_REQUEST, f"not a Discord channel id: {channel_id!r}")
    return int(value)
