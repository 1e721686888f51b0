"""Discord's non-secret settings, read from the environment once at start-up.

The token is a secret and lives in ``Secrets``; everything here is safe to log. Variables:
``DISCORD_GUILD_ID`` (sync commands to one test guild), ``DISCORD_SHARD_COUNT`` and
``DISCORD_SHARD_IDS`` (split the gateway over processes), ``DISCORD_API_BASE`` (another REST
base, e.g. a rate-limit proxy or a local fake) and ``DISCORD_CLIENT_ID`` (for invite links).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import discord.http

from bot.errors import ConfigError

DEFAULT_API_BASE = "https://discord.com/api/v10"
_API_BASE = re.compile(r"^https?://[^\s/]+(/\S*)?/v\d+$")


@dataclass(frozen=True)
class DiscordConfig:
    """Where commands sync, how the gateway is sharded, which REST base is used."""

    guild_id: int | None = None
    shard_count: int | None = None
    shard_ids: tuple[int, ...] | None = None
    api_base: str = DEFAULT_API_BASE
    client_id: int | None = None

    @property
    def sharded(self) -> bool:
        """Whether the gateway runs through ``AutoShardedClient``."""
        return self.shard_count is not None or self.shard_ids is not None

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> DiscordConfig:
        """Read and validate the variables; a bad value is one ConfigError naming it."""
        shard_ids = _int_list(env, "DISCORD_SHARD_IDS")
        shard_count = _int(env, "DISCORD_SHARD_COUNT")
        if shard_ids is not None and shard_count is None:
            raise ConfigError("DISCORD_SHARD_IDS needs DISCORD_SHARD_COUNT as well")
        if shard_ids and shard_count and max(shard_ids) >= shard_count:
            raise ConfigError("DISCORD_SHARD_IDS: every id must be below DISCORD_SHARD_COUNT")
        return cls(
            guild_id=_int(env, "DISCORD_GUILD_ID"),
            shard_count=shard_count,
            shard_ids=shard_ids,
            api_base=_api_base(env),
            client_id=_int(env, "DISCORD_CLIENT_ID"),
        )


def apply_api_base(base: str) -> None:
    """Point discord.py's REST routes (and with them interaction callbacks) at ``base``.

    discord.py builds every URL from the class attribute ``Route.BASE``; webhooks and
    interaction responses share it. It is process-wide, which is what an operator routing
    through a proxy wants.
    """
    discord.http.Route.BASE = base.rstrip("/")


def _api_base(env: Mapping[str, str]) -> str:
    value = env.get("DISCORD_API_BASE", "").strip().rstrip("/")
    if not value:
        return DEFAULT_API_BASE
    if not _API_BASE.match(value):
        raise ConfigError(
            f"DISCORD_API_BASE {value!r}: expected a full base with its version, "
            f"like {DEFAULT_API_BASE}"
        )
    return value


def _int(env: Mapping[str, str], name: str) -> int | None:
    value = env.get(name, "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise ConfigError(f"{name} {value!r}: expected a number")
    return int(value)


def _int_list(env: Mapping[str, str], name: str) -> tuple[int, ...] | None:
    value = env.get(name, "").strip()
    if not value:
        return None
    parts = [p.strip() for p in value.split(",") if p.strip()]
    if not all(p.isdigit() for p in parts):
        raise ConfigError(f"{name} {value!r}: expected comma-separated numbers, like 0,1")
    return tuple(int(p) for p in parts)
