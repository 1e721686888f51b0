"""/brief-admin: subscribe, change time, unsubscribe and post now, for server managers.

The group carries ``default_permissions`` (Manage Server), which only hides it from others:
each command checks the member's permissions again when it runs. The work itself is the
delivery layer's (``bot.delivery.admin``); a bad cron or timezone comes back as
``UserInputError`` and reaches the admin as a friendly private reply.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import discord

from bot.adapters.discord.replies import tell
from bot.context import Context
from bot.delivery import admin
from bot.delivery.fanout import DeliveryResult
from bot.delivery.poster import Poster
from bot.store.ledger import Subscription


class Admin:
    """The admin actions on the channel an interaction comes from."""

    def __init__(self, context: Context, posters: Mapping[str, Poster]) -> None:
        self._context = context
        self._posters = posters

    async def subscribe(self, interaction: discord.Interaction[Any], cron: str, zone: str) -> None:
        """Post briefings to this channel on a schedule."""
        await _defer(interaction)
        subscription = await admin.subscribe(
            self._context,
            channel_ref(interaction),
            cron=cron,
            timezone=self._zone(zone),
            by=by(interaction),
        )
        await tell(interaction, "Subscribed: " + describe(subscription))

    async def change_time(
        self, interaction: discord.Interaction[Any], cron: str, zone: str
    ) -> None:
        """Change this channel's schedule."""
        await _defer(interaction)
        subscription = await admin.change_time(
            self._context, channel_ref(interaction), cron=cron, timezone=self._zone(zone)
        )
        await tell(interaction, "Schedule changed: " + describe(subscription))

    async def unsubscribe(self, interaction: discord.Interaction[Any]) -> None:
        """Stop scheduled briefings here."""
        await _defer(interaction)
        removed = await admin.unsubscribe(self._context, channel_ref(interaction))
        await tell(interaction, "Unsubscribed." if removed else "This channel was not subscribed.")

    async def post(self, interaction: discord.Interaction[Any]) -> None:
        """Post the briefing here now, through the delivery ledger."""
        await _defer(interaction)
        result = await admin.post_now(self._context, channel_ref(interaction), self._posters)
        await tell(interaction, outcome(result))

    def _zone(self, zone: str) -> str:
        return zone.strip() or self._context.settings.timezone


def channel_ref(interaction: discord.Interaction[Any]) -> str:
    """'discord:<channel id>', the delivery layer's name for this channel."""
    return f"discord:{interaction.channel_id}"


def by(interaction: discord.Interaction[Any]) -> str:
    """Who asked, for the subscription's record."""
    return f"discord:{interaction.user.id}"


def describe(subscription: Subscription) -> str:
    """'At 08:00 on Monday through Friday (Europe/Berlin), cron `0 8 * * mon-fri`.'"""
    return admin.describe(subscription) + "."


def outcome(result: DeliveryResult) -> str:
    """One line on what became of the post."""
    if result.ok:
        return "Posted." if not any(o.already for o in result.outcomes) else "Already posted."
    problems = "; ".join(" ".join(p for p in (o.reason, o.detail) if p) for o in result.failed)
    return f"Not posted: {problems or 'unknown reason'}."


async def _defer(interaction: discord.Interaction[Any]) -> None:
    await interaction.response.defer(ephemeral=True, thinking=True)
