"""Making article text safe and short for Discord: escaping, mention breaking, fitting.

Article text is data, never markup: markdown is escaped and every mention form gets a
zero-width space after its ``@`` so that it neither pings (``allowed_mentions`` already
prevents that) nor renders as a mention. Fitting keeps whole sentences; only a single
sentence longer than the whole limit is cut, at a word boundary, with an ellipsis.
"""

from __future__ import annotations

import re

import discord

from bot.core.text import sentences

ELLIPSIS = "…"
_MENTION = re.compile(r"@(?=everyone|here|[!&]?\d)")


def escape(text: str) -> str:
    """Text from an article shown as written: no markdown, no mentions."""
    return _MENTION.sub("@\u200b", discord.utils.escape_markdown(text))


def fit(text: str, limit: int) -> str:
    """The text if it fits, else its leading whole sentences and an ellipsis."""
    if len(text) <= limit:
        return text
    kept = ""
    for sentence in sentences(text):
        joined = f"{kept} {sentence}" if kept else sentence
        if len(joined) + len(ELLIPSIS) > limit:
            break
        kept = joined
    return kept.rstrip(".…,;: ") + ELLIPSIS if kept else cut_at_word(text, limit)


def cut_at_word(text: str, limit: int) -> str:
    """Last resort for one overlong sentence: end at a word boundary, marked with an ellipsis."""
    head = text[: limit - len(ELLIPSIS)]
    space = head.rfind(" ")
    if space > limit // 2:
        head = head[:space]
    return head.rstrip(" \\") + ELLIPSIS


def fit_lines(lines: list[str], limit: int) -> str:
    """Whole lines joined while they fit; a first line too long on its own is fitted."""
    kept: list[str] = []
    size = 0
    for line in lines:
        extra = len(line) + (1 if kept else 0)
        if size + extra > limit:
            break
        kept.append(line)
        size += extra
    if not kept and lines:
        return fit(lines[0], limit)
    return "\n".join(kept)
