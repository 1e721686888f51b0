"""Command sync, only when the command set changed.

Discord allows 200 command creates per day per guild, and every start-up sync would spend
them. The tree's payload is hashed together with its target (a guild, or global) and the
application id; the hash of the last successful sync is kept in a small JSON file in the data
directory, so a restart with the same commands sends nothing.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Any

import discord
from discord import app_commands

log = logging.getLogger(__name__)
STATE_FILE = "discord-commands.json"


async def sync_commands(
    tree: app_commands.CommandTree[Any], *, guild_id: int | None, state_file: Path
) -> bool:
    """Sync to the guild when given (development), globally otherwise; True if it synced."""
    guild = discord.Object(guild_id) if guild_id else None
    if guild is not None:
        tree.copy_global_to(guild=guild)
    target = f"{tree.client.application_id}:{guild_id or 'global'}"
    digest = payload_hash(tree, guild)
    state = _read(state_file)
    if state.get(target) == digest:
        log.info("commands unchanged for %s; not syncing", target)
        return False
    synced = await tree.sync(guild=guild)
    log.info("synced %d command(s) to %s", len(synced), target)
    state[target] = digest
    _write(state_file, state)
    return True


def payload_hash(tree: app_commands.CommandTree[Any], guild: discord.Object | None) -> str:
    """A stable hash of exactly what ``tree.sync`` would send."""
    payload = [command.to_dict(tree) for command in tree.get_commands(guild=guild)]
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def _read(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as err:  # unreadable state costs one sync, nothing more
        log.warning("ignoring %s: %s", path, err)
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _write(path: Path, state: dict[str, str]) -> None:
    """Write atomically, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(state, indent=2, sort_keys=True), encoding="utf-8")
    os.replace(temporary, path)
