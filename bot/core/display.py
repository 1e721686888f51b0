"""Invisible characters removed from article text before any renderer shows it.

Names and titles come from articles and feeds, which are untrusted: a right-to-left override
can make "evil.exe" read "exe.live", and zero-width characters can split a word so that it
looks like another one, or hide text inside a name. Both renderers (Block Kit and Discord
embeds) show article text only after ``clean``; the platform's own escaping is applied after it,
in the platform's folder.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

# Bidirectional embeddings, overrides and isolates, the marks, and invisible separators.
_ALWAYS = "\u061c\u180e\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062"
_ALWAYS += "\u2063\u2064\u2066\u2067\u2068\u2069\ufeff\u00ad"
_INVISIBLE = re.compile(f"[{_ALWAYS}]")
# Zero-width (non-)joiners are part of the spelling of Persian and Indic words: kept between
# two letters, dropped anywhere else.
_JOINER = re.compile(r"(?<![^\W\d_])[\u200c\u200d]|[\u200c\u200d](?![^\W\d_])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """The text without bidi controls, zero-width and control characters (newlines kept)."""
    if text.isascii() and not _CONTROL.search(text):
        return text
    text = _CONTROL.sub("", _INVISIBLE.sub("", text))
    return _JOINER.sub("", unicodedata.normalize("NFC", text))


def clean_line(text: str) -> str:
    """``clean`` for one-line places (names, titles, buttons): line breaks become spaces."""
    return " ".join(clean(text).split()) if text else text


def link_url(url: str | None) -> str | None:
    """The article's own URL as a renderer may link it: http(s) only, and percent-encoded
    where a platform would read a character as markup (``<``, ``>``, ``|``, quotes, spaces)."""
    if not url or not url.lower().startswith(("http://", "https://")):
        return None
    return quote(clean_line(url), safe=":/?#[]@!$&'()*+,;=%~")
