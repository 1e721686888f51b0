"""Discord's embed limits, and the few builders that keep every embed within them.

Numbers from Discord's documentation (see ``platforms.md``). The builders keep whole lines
and drop whole fields; they never cut inside a sentence (see ``text.fit``).
"""

from __future__ import annotations

from collections.abc import Sequence

import discord

from bot.adapters.discord.text import escape, fit, fit_lines

TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELDS_LIMIT = 25
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
AUTHOR_LIMIT = 256
CONTENT_LIMIT = 2000
MESSAGE_EMBED_CHARS = 6000
MESSAGE_EMBEDS = 10
COLOUR = discord.Colour(0x2B6CB0)


def fit_message(embeds: list[discord.Embed]) -> list[discord.Embed]:
    """At most ten embeds with 6,000 characters between them: trailing fields go first."""
    embeds = embeds[:MESSAGE_EMBEDS]
    while size(embeds) > MESSAGE_EMBED_CHARS:
        biggest = max(embeds, key=len)
        description = biggest.description or ""
        if biggest.fields:
            biggest.remove_field(len(biggest.fields) - 1)
        elif description:
            biggest.description = fit(description, len(description) // 2) or None
        else:
            del embeds[-1]
    return embeds


def shrink(embed: discord.Embed, limit: int) -> None:
    """Drop an embed's trailing fields until it fits ``limit`` characters."""
    while len(embed) > limit and embed.fields:
        embed.remove_field(len(embed.fields) - 1)


def size(embeds: Sequence[discord.Embed]) -> int:
    """Characters across embeds, as Discord counts them for its 6,000 limit."""
    return sum(len(embed) for embed in embeds)


def new_embed(title: str, description: str = "", *, url: str | None = None) -> discord.Embed:
    """An embed in briefbot's colour; the title is escaped and fitted, the description is not."""
    return discord.Embed(
        title=fit(escape(title), TITLE_LIMIT),
        description=description or None,
        url=url,
        colour=COLOUR,
    )


def add_field(embed: discord.Embed, name: str, lines: list[str]) -> None:
    """A field of whole lines; ignored past the 25th (Discord's limit) or when empty.

    Discord refuses a field whose name or value is empty, which article text made only of
    invisible characters would otherwise produce.
    """
    value = fit_lines([line for line in lines if line.strip()], FIELD_VALUE_LIMIT)
    title = fit(escape(name), FIELD_NAME_LIMIT).strip() or "—"
    if len(embed.fields) < FIELDS_LIMIT and value.strip():
        embed.add_field(name=title, value=value, inline=False)
