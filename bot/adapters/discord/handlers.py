"""What every /brief interaction and mention does: parse → core → render → reply.

``Responder`` holds the library, the briefing spec and the clock (passed in, never reached
for), so command callbacks and buttons stay a few lines each. Interactions are answered
privately by default; a message that mentions the bot (or a direct message to it) is answered
with a reply to that message. Whatever a user typed in their own words goes through one
function, ``answer_text``. Every message it sends carries ``allowed_mentions`` that allows
nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Sequence
from typing import Any

import discord

from bot.adapters.discord.render import OutgoingMessage, render_messages
from bot.adapters.discord.replies import APOLOGY, NO_PINGS, USER_ERRORS
from bot.adapters.discord.text import escape
from bot.adapters.discord.views import answer_view, briefing_view
from bot.core.answers import answer
from bot.core.briefing import BriefingSpec
from bot.core.commands import Command, parse
from bot.core.display import clean_line
from bot.core.library import ArticleRecord, Library
from bot.core.questions import QueryReader, answer_text
from bot.core.suggest import suggest_speakers
from bot.observability.metrics import time_command

log = logging.getLogger(__name__)
MAX_REPLIES = 5  # messages answering one mention
_ANY_MENTION = re.compile(r"<@!?(\d+)>")
AUTOCOMPLETE_LIMIT = 25
CHOICE_NAME_LIMIT = 100
Clock = Callable[[], dt.datetime]


class Responder:
    """Answers commands and button presses with embeds."""

    def __init__(
        self,
        library: Library,
        *,
        spec: BriefingSpec,
        clock: Clock,
        reader: QueryReader | None = None,
    ) -> None:
        self.library = library
        self.spec = spec
        self.clock = clock
        self.reader = reader  # the optional model reading questions; the grammar without it

    async def reply(
        self, interaction: discord.Interaction[Any], command: Command, *, ephemeral: bool = True
    ) -> None:
        """Defer first (the store may be slow), answer, then send every message of the answer."""
        with time_command("discord", command.verb.value):
            await interaction.response.defer(ephemeral=ephemeral, thinking=True)
            reply = await answer(command, self.library, now=self.clock(), spec=self.spec)
            await send(interaction, render_messages(reply), ephemeral=ephemeral)

    async def ask(self, interaction: discord.Interaction[Any], question: str) -> None:
        """``/brief ask``: a question in the user's own words, answered privately in place."""
        with time_command("discord", "question"):
            await interaction.response.defer(ephemeral=True, thinking=True)
            await send(interaction, await self.answer_words(question), ephemeral=True)

    async def answer_words(self, text: str) -> list[OutgoingMessage]:
        """What a user typed, answered by the question layer and rendered."""
        if parse(text).is_admin:
            return [_notice("Scheduling and posting are in `/brief-admin` (Manage Server).")]
        now = self.clock()
        found = await answer_text(self.library, text, now=now, spec=self.spec, reader=self.reader)
        return render_messages(found)

    async def on_message(self, message: discord.Message, me: discord.ClientUser | None) -> None:
        """Answer a message that mentions the bot, or any message in a DM with it.

        Without the privileged message content intent Discord still sends the content of
        these two kinds of message, and only those: nothing else is read.
        """
        if me is None or message.author.bot or not addressed_to(message, me):
            return
        text = " ".join(_ANY_MENTION.sub(" ", message.content).split())
        try:
            replies = await self.answer_words(text)
        except USER_ERRORS as err:
            replies = [_notice(escape(str(err)))]
        except Exception:  # the edge: logged with its traceback, the user gets an apology
            log.exception("answering a Discord mention failed")
            replies = [_notice(APOLOGY)]
        try:
            for reply in replies[:MAX_REPLIES]:
                await message.reply(
                    content=reply.content or None,
                    embeds=list(reply.embeds),
                    view=_view(reply),
                    allowed_mentions=NO_PINGS,
                    mention_author=False,
                )
        except discord.HTTPException as err:  # e.g. no Send Messages in that channel
            log.warning(
                "could not reply to a mention in %s: HTTP %s", message.channel.id, err.status
            )

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
        view = _view(message)
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


def _view(message: OutgoingMessage) -> discord.ui.View:
    """A briefing's buttons, or an answer's follow-ups."""
    if message.article_ids:
        return briefing_view(message.article_ids, message.first_number)
    return answer_view(message.follow_ups)


def _notice(text: str) -> OutgoingMessage:
    return OutgoingMessage(text, ())


def addressed_to(message: discord.Message, me: discord.ClientUser) -> bool:
    """A direct message to the bot, or a server message that mentions it by name."""
    if isinstance(message.channel, discord.DMChannel):
        return True
    return any(user.id == me.id for user in message.mentions)


def _choice(name: str, value: str) -> discord.app_commands.Choice[str]:
    """A choice within Discord's 100-character limits, its name cleaned of bidi tricks."""
    shown = clean_line(name) or value
    return discord.app_commands.Choice(
        name=shown[:CHOICE_NAME_LIMIT], value=value[:CHOICE_NAME_LIMIT]
    )


def _article_label(article: ArticleRecord) -> str:
    outlet = f" — {article.outlet}" if article.outlet else ""
    return f"{article.title}{outlet}"
