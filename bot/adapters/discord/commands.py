"""The /brief command group, registered explicitly on a command tree.

Discord cannot invoke a group by itself, so "/brief" alone is ``/brief show``. Discord also
ignores ``default_permissions`` on subcommands, so the admin verbs live in their own
top-level group, ``/brief-admin``, which carries Manage Server (see ``admin.py``).
Each callback is one line: the same words as the console go through ``parse``.
"""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.adapters.discord.handlers import Responder
from bot.adapters.discord.replies import report_failure
from bot.core.commands import parse

Tree = app_commands.CommandTree[Any]
Choices = list[app_commands.Choice[str]]


def register(tree: Tree, responder: Responder) -> app_commands.Group:
    """Add /brief to the tree and make ``report_failure`` the tree's error handler."""
    group = brief_group(responder)
    tree.add_command(group)
    tree.error(report_failure)
    return group


def brief_group(responder: Responder) -> app_commands.Group:
    """The /brief group: show, who, said, quotes, sources, help."""
    group = app_commands.Group(name="brief", description="News briefings and who said what")

    @group.command(name="show", description="The latest briefing, now")
    @app_commands.describe(public="Post it in the channel for everyone (default: only you)")
    async def show(interaction: discord.Interaction, public: bool = False) -> None:
        await responder.reply(interaction, parse(""), ephemeral=not public)

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


def _speakers(responder: Responder) -> Any:
    async def complete(interaction: discord.Interaction, current: str) -> Choices:
        return await responder.speaker_choices(current)

    return complete


def _articles(responder: Responder) -> Any:
    async def complete(interaction: discord.Interaction, current: str) -> Choices:
        return await responder.article_choices(current)

    return complete
