"""Admin commands from Slack: who may run them, and handing them to the delivery layer.

Admins are the workspace's admins and owners (``users.info``) plus an allow-list of user ids
from the config file (``[slack] admins``), for teams whose channel managers are not workspace
admins. Everyone else gets a clear refusal.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.blocks import Message
from bot.adapters.slack.poster import call
from bot.adapters.slack.render import render_notice
from bot.context import Context
from bot.core.commands import Command, Verb
from bot.delivery import admin
from bot.delivery.fanout import DeliveryResult
from bot.delivery.poster import Poster
from bot.errors import UserInputError

log = logging.getLogger(__name__)

HINTS = {
    "forbidden": "invite me to this channel first (`/invite @briefbot`), then try again",
    "not_found": "Slack says this channel does not exist or is archived",
    "rate_limited": "Slack asked me to slow down; try again in a minute",
}
REFUSAL = (
    ":no_entry: `/brief {verb}` is for workspace admins and owners (or users on briefbot's "
    "admin list). Ask one of them to run it."
)


@dataclass(frozen=True)
class Admins:
    """Who may run admin commands besides workspace admins and owners."""

    allowed: frozenset[str] = frozenset()

    @classmethod
    def of(cls, user_ids: Iterable[str]) -> Admins:
        """An allow-list of Slack user ids."""
        return cls(frozenset(user_ids))

    async def allows(self, client: AsyncWebClient, user: str) -> bool:
        """Whether ``user`` is on the list or a workspace admin or owner."""
        if user in self.allowed:
            return True
        response = await call(client.users_info, user=user)
        profile = response.get("user") or {}
        return any(profile.get(flag) for flag in ("is_admin", "is_owner", "is_primary_owner"))


def schedule_words(argument: str) -> tuple[str, str | None]:
    """'0 8 * * mon-fri Europe/Berlin' → cron and timezone (None when not given)."""
    words = argument.split()
    if len(words) not in (5, 6):
        raise UserInputError(
            "A schedule is a cron of 5 fields and an optional timezone, "
            "e.g. `0 8 * * mon-fri Europe/Berlin`."
        )
    return " ".join(words[:5]), (words[5] if len(words) == 6 else None)


async def run_admin(
    context: Context,
    admins: Admins,
    posters: Mapping[str, Poster],
    client: AsyncWebClient,
    command: Command,
    *,
    channel: str,
    user: str,
) -> list[Message]:
    """Check the user's rights, then run the admin command for this channel."""
    if not await admins.allows(client, user):
        log.info("refused /brief %s to user %s", command.verb, user)
        return [render_notice(REFUSAL.format(verb=command.verb))]
    ref = f"slack:{channel}"
    match command.verb:
        case Verb.SUBSCRIBE | Verb.TIME:
            cron, timezone = schedule_words(command.argument)
            zone = timezone or context.settings.timezone
            if command.verb is Verb.SUBSCRIBE:
                sub = await admin.subscribe(
                    context, ref, cron=cron, timezone=zone, by=f"slack:{user}"
                )
            else:
                sub = await admin.change_time(context, ref, cron=cron, timezone=zone)
            text = f":white_check_mark: Scheduled briefings here: {admin.describe(sub)}."
        case Verb.UNSUBSCRIBE:
            removed = await admin.unsubscribe(context, ref)
            text = (
                "No more scheduled briefings here." if removed else "This channel had no schedule."
            )
        case _:
            text = posted(await admin.post_now(context, ref, posters))
    return [render_notice(text)]


def posted(result: DeliveryResult) -> str:
    """What to tell the admin after ``/brief post``."""
    failed = result.failed
    if not failed:
        return ":white_check_mark: Posted the briefing to this channel."
    outcome = failed[0]
    hint = HINTS.get(outcome.reason or "", outcome.detail or outcome.status)
    return f":warning: Could not post the briefing: {hint}."
