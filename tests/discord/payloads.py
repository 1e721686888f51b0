"""Raw interaction payloads as the gateway delivers them, for building real Interactions."""

from __future__ import annotations

import itertools
from typing import Any

from tests.discord.fake_api import APP_ID, CHANNEL_ID, user_payload

GUILD_ID = "800000000000000001"
USER_ID = "800000000000000003"
DM_CHANNEL_ID = "800000000000000004"
MANAGE_GUILD = 1 << 5
_ids = itertools.count(700_000_000_000_000_000)

STRING, BOOLEAN, SUB_COMMAND = 3, 5, 1


def interaction(
    kind: int, data: dict[str, Any], *, permissions: int = 0, **extra: Any
) -> dict[str, Any]:
    """An interaction of ``kind`` (2 command, 3 component, 4 autocomplete) in a guild channel."""
    number = next(_ids)
    return {
        "id": str(number),
        "application_id": APP_ID,
        "token": f"interaction-token-{number}",
        "version": 1,
        "type": kind,
        "data": data,
        "guild_id": GUILD_ID,
        "channel_id": CHANNEL_ID,
        "channel": {
            "id": CHANNEL_ID,
            "type": 0,
            "guild_id": GUILD_ID,
            "name": "news",
            "position": 0,
            "parent_id": None,
            "topic": None,
            "nsfw": False,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "flags": 0,
            "permissions": str(permissions),
        },
        "member": {
            "user": user_payload(USER_ID, "reader", bot=False),
            "roles": [],
            "joined_at": "2025-01-01T00:00:00+00:00",
            "deaf": False,
            "mute": False,
            "flags": 0,
            "permissions": str(permissions),
        },
        "app_permissions": "0",
        "locale": "en-US",
        "attachment_size_limit": 8_388_608,
        "entitlements": [],
        "context": 0,
        "authorizing_integration_owners": {"0": GUILD_ID},
        **extra,
    }


def command(
    group: str,
    sub: str,
    *,
    focused: str | None = None,
    permissions: int = 0,
    **options: str | bool,
) -> dict[str, Any]:
    """``/group sub option=value …``; with ``focused`` it is an autocomplete request."""
    values = [
        {
            "type": BOOLEAN if isinstance(value, bool) else STRING,
            "name": name,
            "value": value,
            **({"focused": True} if name == focused else {}),
        }
        for name, value in options.items()
    ]
    data = {
        "id": "1",
        "type": 1,
        "name": group,
        "options": [{"type": SUB_COMMAND, "name": sub, "options": values}],
    }
    return interaction(4 if focused else 2, data, permissions=permissions)


def button(custom_id: str, message: dict[str, Any]) -> dict[str, Any]:
    """A press of the button ``custom_id`` on ``message``."""
    data = {"custom_id": custom_id, "component_type": 2}
    return interaction(3, data, message=message)


def message(
    content: str, *, mentions: tuple[str, ...] = (), guild: bool = True, bot: bool = False
) -> dict[str, Any]:
    """A MESSAGE_CREATE from the gateway: in the guild channel, or a DM if not ``guild``."""
    number = next(_ids)
    payload: dict[str, Any] = {
        "id": str(number),
        "channel_id": CHANNEL_ID if guild else DM_CHANNEL_ID,
        "author": user_payload(USER_ID, "reader", bot=bot),
        "content": content,
        "timestamp": "2025-12-20T07:31:00+00:00",
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": [user_payload(m) for m in mentions],
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "pinned": False,
        "type": 0,
        "flags": 0,
    }
    if guild:
        payload["guild_id"] = GUILD_ID
    return payload
