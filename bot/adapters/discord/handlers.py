"""What every /brief interaction does: parse → core → render → reply, privately by default.

``Responder`` holds the library, the briefing spec and the clock (passed in, never reached
for), so command callbacks and buttons stay a few lines each. Every message it sends carries
``allowed_mentions`` that allows nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from typing import Any

import discord

from bot.adapters.discord.render import OutgoingMessage, render_messages
from bot.adapters.discord.replies import NO_PINGS
from bot.adapters.discord.views import briefing_view
from bot.core.answers import answer
from bot.core.briefing import BriefingSpec
from bot.core.commands import Command
from bot.core.library import ArticleRecord, Library
from bot.core.suggest import suggest_speakers
from bot.observability.metrics import time_command

log = logging.getLogger(__name__)
AUTOCOMPLETE_LIMIT = 25
CHOICE_NAME_LIMIT = 100
Clock = Callable[[], dt.datetime]


class Responder:
    """Answers commands and button presses with embeds."""

    def __init__(self, library: Library, *, spec: BriefingSpec, clock: Clock) -> None:
        self.library = library
        self.spec = spec
        self.clock = clock

    async def reply(
        self, interaction: discord.Interaction[Any], command: Command, *, ephemeral: bool = True
    ) -> None:
        """Defer first (the store may be slow), answer, then send every message of the answer."""
        with time_command("discord", command.verb.value):
            await interaction.response.defer(ephemeral=ephemeral, thinking=True)
            reply = await answer(command, self.library, now=self.clock(), spec=self.spec)
            await send(interaction, render_messages(reply), ephemeral=ephemeral)

    async def speaker_choices(self, current: str) -> list[discord.app_commands.Choice[str]]:
        """Speakers whose name or alias contains what was typed so far, one per speaker."""
        found = await suggest_speakers(self.library, current, AUTOCOMPLETE_LIMIT)
        return [_choice(s.label, s.value) for s in found]

    async def article_choices(self, current: str) -> list[discord.app_commands.Choice[str]]:
        """Articles whose title or id contains what was typed so far, newest first."""
        typed = current.strip().casefold()
        articles = await self.library.articles()
        found = [a for a in articles if typed in a.title.casefold() or typed in a.id]
        return [_choice(_article_label(a), a.id) for a in found[:AUTOCOMPLETE_LIMIT]]


async def send(
    interaction: discord.Interaction[Any],
    messages: Sequence[OutgoingMessage],
    *,
    ephemeral: bool,
) -> None:
    """Send messages as follow-ups of a deferred interaction, briefings with their buttons."""
    for message in messages:
        view = briefing_view(message.article_ids, message.first_number)
        await interaction.followup.send(
            content=message.content,
            embeds=list(message.embeds),
            view=view,
            ephemeral=ephemeral,
            allowed_mentions=NO_PINGS,
        )
        # The dynamic items registered in setup_hook answer these buttons in any process;
        # the copy discord.py stores for a timeout-less view would only stay in memory.
        view.stop()


def _choice(name: str, value: str) -> discord.app_commands.Choice[str]:
    """A choice within Discord's 100-character limits."""
    return discord.app_commands.Choice(
        name=name[:CHOICE_NAME_LIMIT], value=value[:CHOICE_NAME_LIMIT]
    )


def _article_label(article: ArticleRecord) -> str:
    outlet = f" — {article.outlet}" if article.outlet else ""
    return f"{article.title}{outlet}"
