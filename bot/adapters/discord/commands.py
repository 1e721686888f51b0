"""The /brief command group, registered explicitly on a command tree.

Discord cannot invoke a group by itself, so "/brief" alone is ``/brief show``. Discord also
ignores ``default_permissions`` on subcommands, so the admin verbs live in their own
top-level group, ``/brief-admin``, which carries Manage Server (see ``admin.py``).
Each callback is one line: the same words as the console go through ``parse``, and
``/brief ask question:`` goes to the question layer.
"""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.adapters.discord.admin import Admin
from bot.adapters.discord.handlers import Responder
from bot.adapters.discord.replies import report_failure
from bot.core.commands import parse

Tree = app_commands.CommandTree[Any]
CRON_HELP = "minute hour day month weekday, e.g. 0 8 * * mon-fri"
ZONE_HELP = "IANA timezone, e.g. Europe/Berlin (default: the bot's)"
Choices = list[app_commands.Choice[str]]


def register(tree: Tree, responder: Responder, admin: Admin) -> None:
    """Add /brief and /brief-admin to the tree; ``report_failure`` handles their errors."""
    tree.add_command(brief_group(responder))
    tree.add_command(admin_group(admin))
    tree.error(report_failure)


def brief_group(responder: Responder) -> app_commands.Group:
    """The /brief group: show, ask, who, said, quotes, sources, help."""
    group = app_commands.Group(name="brief", description="News briefings and who said what")

    @group.command(name="show", description="The latest briefing, now")
    @app_commands.describe(public="Post it in the channel for everyone (default: only you)")
    async def show(interaction: discord.Interaction, public: bool = False) -> None:
        await responder.reply(interaction, parse(""), ephemeral=not public)

    @group.command(name="ask", description="Ask in your own words: who said what, and where")
    @app_commands.describe(question="e.g. what did Quigley say about the Europeans?")
    async def ask(interaction: discord.Interaction, question: str) -> None:
        await responder.ask(interaction, question)

    @group.command(name="who", description="What a person or source said, exact words first")
    @app_commands.describe(speaker="A name, alias or source, e.g. Rubio or White House official")
    async def who(interaction: discord.Interaction, speaker: str) -> None:
        await responder.reply(interaction, parse(f"who {speaker}"))

    @group.command(name="said", description="Who said these words (typos and fragments are fine)")
    @app_commands.describe(words="Some of the words, e.g. tremendous progress")
    async def said(interaction: discord.Interaction, words: str) -> None:
        await responder.reply(interaction, parse(f"said {words}"))

    @group.command(name="quotes", description="Every statement in an article, by speaker")
    @app_commands.describe(article="The article (default: the latest)")
    async def quotes(interaction: discord.Interaction, article: str = "") -> None:
        await responder.reply(interaction, parse(f"quotes {article}"))

    @group.command(
        name="sources", description="How a story is sourced: named, anonymous, no comment"
    )
    @app_commands.describe(article="The article (default: the latest)")
    async def sources(interaction: discord.Interaction, article: str = "") -> None:
        await responder.reply(interaction, parse(f"sources {article}"))

    @group.command(name="help", description="How to use /brief")
    async def help_(interaction: discord.Interaction) -> None:
        await responder.reply(interaction, parse("help"))

    who.autocomplete("speaker")(_speakers(responder))
    quotes.autocomplete("article")(_articles(responder))
    sources.autocomplete("article")(_articles(responder))
    return group


def admin_group(admin: Admin) -> app_commands.Group:
    """The /brief-admin group: hidden from non-managers, and checked again when run."""
    group = app_commands.Group(
        name="brief-admin",
        description="Scheduled briefings in this channel (Manage Server)",
        default_permissions=discord.Permissions(manage_guild=True),
        guild_only=True,
    )
    manager = app_commands.checks.has_permissions(manage_guild=True)

    @group.command(name="subscribe", description="Post briefings here on a schedule")
    @app_commands.describe(cron=CRON_HELP, timezone=ZONE_HELP)
    @manager
    async def subscribe(interaction: discord.Interaction, cron: str, timezone: str = "") -> None:
        await admin.subscribe(interaction, cron, timezone)

    @group.command(name="time", description="Change this channel's schedule")
    @app_commands.describe(cron=CRON_HELP, timezone=ZONE_HELP)
    @manager
    async def time(interaction: discord.Interaction, cron: str, timezone: str = "") -> None:
        await admin.change_time(interaction, cron, timezone)

    @group.command(name="unsubscribe", description="Stop scheduled briefings here")
    @manager
    async def unsubscribe(interaction: discord.Interaction) -> None:
        await admin.unsubscribe(interaction)

    @group.command(name="post", description="Post the briefing here now")
    @manager
    async def post(interaction: discord.Interaction) -> None:
        await admin.post(interaction)

    return group


def _speakers(responder: Responder) -> Any:
    async def complete(interaction: discord.Interaction, current: str) -> Choices:
        return await responder.speaker_choices(current)

    return complete


def _articles(responder: Responder) -> Any:
    async def complete(interaction: discord.Interaction, current: str) -> Choices:
        return await responder.article_choices(current)

    return complete
