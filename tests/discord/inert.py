"""Reading Discord messages the way Discord does: which texts parse markdown, what is live.

Shared by the render tests and the property tests. Discord parses markdown, mentions and links
in message content, embed titles, descriptions and fields; a backslash before any character
that is not a letter, digit or space shows that character as text. Embed author names and
footers are shown literally.
"""

from __future__ import annotations

import re
from typing import Any

# What would be live after escapes are applied: mentions, channel/command/time/emoji tags,
# masked links, URLs with a scheme, and mass pings.
LIVE = re.compile(
    r"<(?:@|#|/|t:|a?:\w*:|\w+:)|\[[^\]\x00]*\]\(|[a-z][a-z0-9+.-]*://|@(?:everyone|here)",
    re.IGNORECASE,
)


def residue(text: str) -> str:
    """The text with every backslash-escaped character replaced by NUL (no longer markup)."""
    out: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        following = text[index + 1] if index + 1 < len(text) else ""
        if char == "\\" and following and not following.isalnum() and not following.isspace():
            out.append("\x00")
            index += 2
            continue
        out.append(char)
        index += 1
    return "".join(out)


def texts(body: dict[str, Any]) -> list[tuple[str, bool]]:
    """Every text of a message body (as sent to Discord), with whether Discord parses it."""
    found = [(body.get("content") or "", True)]
    for embed in body.get("embeds") or []:
        found += [(embed.get("title") or "", True), (embed.get("description") or "", True)]
        for field in embed.get("fields") or []:
            found += [(field["name"], True), (field["value"], True)]
        found.append(((embed.get("author") or {}).get("name") or "", False))
        found.append(((embed.get("footer") or {}).get("text") or "", False))
    for row in body.get("components") or []:
        found += [(c.get("label") or "", False) for c in row.get("components") or []]
    return found


def live(body: dict[str, Any]) -> list[str]:
    """Everything that would render as a mention or link (the embed's own ``url`` aside)."""
    hits: list[str] = []
    for text, markdown in texts(body):
        hits += LIVE.findall(residue(text) if markdown else text)
    return hits


def embed_urls(body: dict[str, Any]) -> set[str]:
    """The URLs embeds link their titles to."""
    return {e["url"] for e in body.get("embeds") or [] if e.get("url")}


def check_limits(body: dict[str, Any]) -> None:
    """Every limit of platforms.md, for one message body."""
    embeds = body.get("embeds") or []
    assert len(body.get("content") or "") <= 2000
    assert len(embeds) <= 10
    total = 0
    for embed in embeds:
        parts = [embed.get("title") or "", embed.get("description") or ""]
        parts += [(embed.get("footer") or {}).get("text") or ""]
        parts += [(embed.get("author") or {}).get("name") or ""]
        assert len(parts[0]) <= 256 and len(parts[1]) <= 4096
        assert len(parts[2]) <= 2048 and len(parts[3]) <= 256
        fields = embed.get("fields") or []
        assert len(fields) <= 25
        for field in fields:
            assert 1 <= len(field["name"]) <= 256 and 1 <= len(field["value"]) <= 1024
            parts += [field["name"], field["value"]]
        total += sum(map(len, parts))
    assert total <= 6000
    for row in body.get("components") or []:
        assert len(row["components"]) <= 5
        for component in row["components"]:
            assert 1 <= len(component.get("label") or "x") <= 80
            assert len(component["custom_id"]) <= 100
