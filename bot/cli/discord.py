"""``briefbot discord-invite``: the OAuth2 URL that adds the bot to a server.

It asks for the least the bot needs: to see a channel, send messages and embeds (also in
threads) and read recent history (to recognise a briefing it already posted). discord.py is
imported inside the command so that other subcommands do not pay for loading it.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Annotated

import typer

from bot.cli.base import app, fail

if TYPE_CHECKING:
    import discord

SCOPES = ("bot", "applications.commands")


@app.command("discord-invite")
def discord_invite(
    client_id: Annotated[
        int | None,
        typer.Argument(help="The application's client id (default: $DISCORD_CLIENT_ID)."),
    ] = None,
    guild_id: Annotated[
        int | None, typer.Option("--guild-id", help="Preselect this server in the dialog.")
    ] = None,
) -> None:
    """Print the invite URL with the minimal permissions and the bot + commands scopes."""
    from bot.adapters.discord.config import DiscordConfig

    client_id = client_id or DiscordConfig.from_env(os.environ).client_id
    if client_id is None:
        raise fail("give the client id, or set DISCORD_CLIENT_ID (Developer Portal → OAuth2)")
    typer.echo(invite_url(client_id, guild_id))


def invite_url(client_id: int, guild_id: int | None = None) -> str:
    """The OAuth2 authorisation URL for adding the bot."""
    import discord

    guild = discord.Object(guild_id) if guild_id else discord.utils.MISSING
    return discord.utils.oauth_url(
        client_id, permissions=minimal_permissions(), guild=guild, scopes=SCOPES
    )


def minimal_permissions() -> discord.Permissions:
    """View Channel, Send Messages, Embed Links, Send Messages in Threads, Read History."""
    import discord

    return discord.Permissions(
        view_channel=True,
        send_messages=True,
        embed_links=True,
        send_messages_in_threads=True,
        read_message_history=True,
    )
