"""Making article text safe and short for Discord: escaping, mention breaking, fitting.

Article text is data, never markup. Where Discord parses markdown (message content, embed
titles, descriptions and fields) every markup character is escaped with a backslash, which
Discord shows as the character itself: every ``[text](url)`` (not only the first, as
``discord.utils.escape_markdown`` does), every ``<@…>``, ``<@&…>``, ``<#…>``, ``</cmd:id>`` and
``<t:…>`` (their ``<`` is escaped), and every bare URL (the colon of its ``scheme://`` is
escaped, so it is not linked). ``@everyone`` and ``@here`` get a zero-width space after the
``@`` so that they neither ping (``allowed_mentions`` already prevents that) nor highlight.
Where Discord shows text literally (embed author and footer, button labels) ``inert`` breaks
the same forms with zero-width spaces instead, which stay invisible there. Both first remove
bidi controls and stray invisible characters (``bot.core.display.clean``).

Fitting keeps whole sentences; only a single sentence longer than the whole limit is cut, at a
word boundary, with an ellipsis.
"""

from __future__ import annotations

import re

from bot.core.display import clean, clean_line
from bot.core.text import sentences

ELLIPSIS = "…"
ZWSP = "\u200b"
_MARKUP = re.compile(r"([\\*_~`|\[\]<])")
_LINE_START = re.compile(r"^(\s*)(\d*)([#>+.)-])", re.MULTILINE)
_SCHEME = re.compile(r"(?<=[A-Za-z0-9])(:)(?=/)")
_MENTION = re.compile(r"@(?=everyone|here|[!&]?\d)", re.IGNORECASE)
# after "<" or "]", anything that could open a tag or a link (a word character too: a tag
# checker reads "<0x:" as a tag, and nothing is lost by breaking it); and "://"
_PLAIN_LIVE = re.compile(r"(?<=[<\]])(?=[@#/:!&\w(])|(?<=:)(?=//)", re.IGNORECASE)


def escape(text: str) -> str:
    """Text from an article shown as written where Discord parses markdown: nothing live."""
    escaped = _MARKUP.sub(r"\\\1", clean(text))
    escaped = _LINE_START.sub(r"\1\2\\\3", escaped)
    escaped = _SCHEME.sub(r"\\\1", escaped)
    return _MENTION.sub("@" + ZWSP, escaped)


def inert(text: str) -> str:
    """Text from an article for places Discord shows literally (author, footer, labels).

    No backslashes (they would show there); zero-width spaces break any mention, masked link
    or URL in case a client ever parses them.
    """
    return _MENTION.sub("@" + ZWSP, _PLAIN_LIVE.sub(ZWSP, clean_line(text)))


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
