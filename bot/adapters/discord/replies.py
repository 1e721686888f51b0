"""Private replies and the error boundary shared by commands and buttons."""

from __future__ import annotations

import logging
from typing import Any

import discord

from bot.errors import UserInputError

log = logging.getLogger(__name__)
NO_PINGS = discord.AllowedMentions.none()


APOLOGY = "Sorry, something went wrong answering that. It has been logged."


async def report_failure(interaction: discord.Interaction[Any], error: BaseException) -> None:
    """The error boundary: a user's mistake is explained, anything else logged and apologised for.

    Used by the command tree's ``on_error`` and by the buttons, so both answer alike.
    """
    if isinstance(error, discord.app_commands.CommandInvokeError):
        error = error.original
    if isinstance(error, USER_ERRORS):
        text = str(error)
    else:
        log.error("interaction %s failed", _describe(interaction), exc_info=error)
        text = APOLOGY
    await tell(interaction, text)


async def tell(interaction: discord.Interaction[Any], text: str) -> None:
    """A short private text reply, whether or not the interaction was answered yet."""
    if interaction.response.is_done():
        await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_PINGS)
    else:
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)


def _describe(interaction: discord.Interaction[Any]) -> str:
    command = interaction.command
    return command.qualified_name if command is not None else f"component {interaction.id}"


USER_ERRORS: tuple[type[BaseException], ...] = (
    UserInputError,
    discord.app_commands.CheckFailure,
    discord.app_commands.TransformerError,
)
