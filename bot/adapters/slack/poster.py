"""The Slack ``Poster``: scheduled briefings through ``chat.postMessage``, errors classified.

Each message (part) carries the delivery key and its part number in its metadata, so that
after a crash or an ambiguous failure in mid-send the delivery layer can ask
``find_delivered`` which parts already reached the channel instead of posting them twice.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from bot.adapters.slack.blocks import Message
from bot.adapters.slack.config import SlackConfig, web_client
from bot.adapters.slack.render import render_briefing
from bot.context import Context
from bot.core.briefing import Briefing
from bot.delivery.poster import FailureReason, PostError, SendPart
from bot.errors import ConfigError

log = logging.getLogger(__name__)

EVENT_TYPE = "briefbot_delivery"
HISTORY_LIMIT = 100  # recent messages searched for a delivery key
PLATFORM = "slack"

_BY_ERROR: Mapping[FailureReason, frozenset[str]] = {
    FailureReason.RATE_LIMITED: frozenset({"ratelimited", "rate_limited"}),
    FailureReason.NOT_FOUND: frozenset({"channel_not_found", "is_archived", "thread_not_found"}),
    FailureReason.FORBIDDEN: frozenset(
        {
            "not_in_channel",
            "missing_scope",
            "restricted_action",
            "access_denied",
            "no_permission",
            "team_access_not_granted",
            "ekm_access_denied",
        }
    ),
    FailureReason.UNAUTHORIZED: frozenset(
        {"invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired"}
    ),
    FailureReason.TRANSIENT: frozenset(
        {"internal_error", "fatal_error", "service_unavailable", "request_timeout"}
    ),
}
_BY_STATUS = {
    429: FailureReason.RATE_LIMITED,
    404: FailureReason.NOT_FOUND,
    403: FailureReason.FORBIDDEN,
    401: FailureReason.UNAUTHORIZED,
}


class SlackPoster:
    """Posts briefings to Slack channels (ids like ``C0123ABCD``, with or without ``slack:``)."""

    platform = PLATFORM

    def __init__(self, client: AsyncWebClient, *, history_limit: int = HISTORY_LIMIT) -> None:
        self._client = client
        self._history_limit = history_limit

    def parts(self, briefing: Briefing, *, delivery_key: str) -> Sequence[SendPart]:
        """The briefing split into as many messages as needed, each tagged with its part."""
        messages = render_briefing(briefing, buttons=True)
        return [
            functools.partial(self._send_part, message, _metadata(delivery_key, part))
            for part, message in enumerate(messages)
        ]

    async def _send_part(self, message: Message, metadata: dict[str, Any], channel_id: str) -> str:
        return await self.send(channel_id, message, metadata=metadata)

    async def send(
        self,
        channel_id: str,
        message: Message,
        *,
        metadata: dict[str, Any] | None = None,
        thread_ts: str | None = None,
    ) -> str:
        """Post one message (never unfurling article links); return its ``ts``."""
        response = await call(
            self._client.chat_postMessage,
            channel=_bare(channel_id),
            unfurl_links=False,
            unfurl_media=False,
            metadata=metadata,
            thread_ts=thread_ts,
            **message.payload(),
        )
        return str(response["ts"])

    async def find_delivered(self, channel_id: str, delivery_key: str) -> dict[int, str]:
        """The parts of this delivery among recent messages: part index → ``ts``."""
        response = await call(
            self._client.conversations_history,
            channel=_bare(channel_id),
            limit=self._history_limit,
            include_all_metadata=True,
        )
        found: dict[int, str] = {}
        for message in response.get("messages") or []:
            metadata = message.get("metadata") or {}
            payload = metadata.get("event_payload") or {}
            part = payload.get("part", 0)
            ours = metadata.get("event_type") == EVENT_TYPE and payload.get("key") == delivery_key
            if ours and isinstance(part, int):
                found.setdefault(part, str(message["ts"]))
        return found


def build_slack_poster(context: Context, config: SlackConfig | None = None) -> SlackPoster:
    """The poster for the delivery registry: its own client, which never retries a 429 itself."""
    token = context.secrets.slack_bot_token
    if token is None:
        raise ConfigError("slack: SLACK_BOT_TOKEN not set")
    config = config or SlackConfig.from_env(os.environ)
    return SlackPoster(web_client(token, config, retry_rate_limits=False))


async def call(
    method: Callable[..., Awaitable[AsyncSlackResponse]], **kwargs: Any
) -> AsyncSlackResponse:
    """Call a Web API method; any failure becomes a classified ``PostError``."""
    try:
        return await method(**kwargs)
    except (SlackClientError, aiohttp.ClientError, TimeoutError) as err:
        raise classify(err) from err


def classify(err: Exception) -> PostError:
    """What a Slack failure means for delivery: retry, wait, fix, or stop posting there."""
    if isinstance(err, SlackApiError):
        return _classify_api(err)
    if isinstance(err, TimeoutError | aiohttp.ClientError):
        return PostError(FailureReason.TRANSIENT, f"{type(err).__name__}: {err}")
    return PostError(FailureReason.BAD_REQUEST, f"{type(err).__name__}: {err}")


def _classify_api(err: SlackApiError) -> PostError:
    status = int(err.response.status_code)
    data = err.response.data
    code = str(data.get("error", "")) if isinstance(data, dict) else ""
    detail = f"{code or 'http error'} (HTTP {status})"
    reason = next((r for r, codes in _BY_ERROR.items() if code in codes), None)
    reason = reason or _BY_STATUS.get(status)
    if reason is None:
        reason = FailureReason.TRANSIENT if status >= 500 else FailureReason.BAD_REQUEST
    retry_after = _retry_after(err) if reason is FailureReason.RATE_LIMITED else None
    return PostError(reason, detail, retry_after=retry_after)


def _retry_after(err: SlackApiError) -> float:
    """Slack's ``Retry-After`` in seconds; one second if it is missing or unreadable."""
    value = (err.response.headers or {}).get("Retry-After", "1")
    try:
        return max(0.0, float(value))
    except ValueError:
        return 1.0


def _metadata(delivery_key: str, part: int) -> dict[str, Any]:
    return {"event_type": EVENT_TYPE, "event_payload": {"key": delivery_key, "part": part}}


def _bare(channel_id: str) -> str:
    return channel_id.removeprefix(f"{PLATFORM}:")
