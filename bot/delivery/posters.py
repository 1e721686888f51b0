"""The posters of a process: the console here, Slack and Discord added by their adapters.

``build_posters`` is the one registry of platforms for commands that post without a running
adapter (``briefbot post``): each platform adds one line that builds its poster from the
secrets. A channel whose platform has no poster fails clearly ("slack: SLACK_BOT_TOKEN not
set") instead of being skipped.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence

from bot.adapters.console import Output
from bot.adapters.console.render import render_briefing
from bot.context import Context
from bot.core.briefing import Briefing
from bot.delivery.poster import Poster, SendPart


class ConsolePoster:
    """Prints briefings. The console has no history to ask, so delivery keys are remembered
    for this process only: after a crash a console briefing may print again, which is harmless.
    """

    platform = "console"

    def __init__(self, output: Output) -> None:
        self._output = output
        self._ids = itertools.count(1)
        self._delivered: dict[str, str] = {}

    def parts(self, briefing: Briefing, *, delivery_key: str) -> Sequence[SendPart]:
        """The console prints a briefing as one text: one part."""
        return [functools.partial(self._print, render_briefing(briefing), delivery_key)]

    async def _print(self, text: str, delivery_key: str, channel_id: str) -> str:
        """Print the briefing; the id is a per-process counter."""
        self._output.show(text)
        message_id = f"console-{next(self._ids)}"
        self._delivered[delivery_key] = message_id
        return message_id

    async def find_delivered(self, channel_id: str, delivery_key: str) -> dict[int, str]:
        """The part if this process printed it."""
        found = self._delivered.get(delivery_key)
        return {0: found} if found else {}


def build_posters(context: Context, output: Output) -> dict[str, Poster]:
    """Posters for every configured platform, keyed by channel prefix."""
    posters: dict[str, Poster] = {"console": ConsolePoster(output)}
    if context.secrets.discord:  # imported here: discord.py loads only when configured
        from bot.adapters.discord.poster import build_discord_poster

        posters["discord"] = build_discord_poster(context)
    if context.secrets.slack_bot_token is not None:  # imported here like Discord's
        from bot.adapters.slack.poster import build_slack_poster

        posters["slack"] = build_slack_poster(context)
    return posters
