"""Slack's non-secret settings from the environment, and the one factory for Web API clients.

Tokens are secrets and live in ``Secrets``; everything here is safe to log. Variables:
``PORT`` (HTTP mode's listening port, default 3000), ``SLACK_HOST`` (its address, default
all interfaces) and ``SLACK_API_URL`` (another Web API base: GovSlack, a proxy, a test fake).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from pydantic import SecretStr
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import ConfigError

DEFAULT_API_URL = "https://slack.com/api/"
DEFAULT_PORT = 3000
EVENTS_PATH = "/slack/events"
USER_AGENT = "briefbot/0.1"
_API_URL = re.compile(r"^https?://[^\s/]+(/\S*)?$")


@dataclass(frozen=True)
class SlackConfig:
    """Where the HTTP endpoint listens and which Web API base the clients call."""

    api_url: str = DEFAULT_API_URL
    port: int = DEFAULT_PORT
    host: str = "0.0.0.0"
    timeout: int = 30  # seconds per Web API call (slack_sdk takes whole seconds)
    idle_seconds: float = 10.0  # HTTP mode: a request head must arrive within this
    body_seconds: float = 5.0  # HTTP mode: and then its body within this

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> SlackConfig:
        """Read and validate the variables; a bad value is one ConfigError naming it."""
        return cls(api_url=_api_url(env), port=_port(env), host=env.get("SLACK_HOST") or "0.0.0.0")


def web_client(token: SecretStr, config: SlackConfig, *, retry_rate_limits: bool) -> AsyncWebClient:
    """A Web API client on the configured base URL.

    ``retry_rate_limits`` lets interactive replies wait out one 429; the delivery poster keeps
    it off so that the delivery layer alone decides when to retry a scheduled post.
    """
    handlers: list[AsyncRetryHandler] = [AsyncConnectionErrorRetryHandler()]
    if retry_rate_limits:
        handlers.append(AsyncRateLimitErrorRetryHandler(max_retry_count=1))
    return AsyncWebClient(
        token=token.get_secret_value(),
        base_url=config.api_url,
        timeout=config.timeout,
        user_agent_prefix=USER_AGENT,
        retry_handlers=handlers,
    )


def _api_url(env: Mapping[str, str]) -> str:
    value = env.get("SLACK_API_URL", "").strip()
    if not value:
        return DEFAULT_API_URL
    if not _API_URL.match(value):
        raise ConfigError(f"SLACK_API_URL {value!r}: expected a URL like {DEFAULT_API_URL}")
    return value.rstrip("/") + "/"


def _port(env: Mapping[str, str]) -> int:
    value = env.get("PORT", "").strip()
    if not value:
        return DEFAULT_PORT
    if not value.isdigit() or not 0 <= int(value) <= 65535:
        raise ConfigError(f"PORT {value!r}: expected a port number")
    return int(value)
