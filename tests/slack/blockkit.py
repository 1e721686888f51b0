"""Reading Block Kit messages as Slack would show them: what a user reads, what is live.

Shared by the render tests and the property tests. Slack parses markup, mentions and links
only in mrkdwn text objects (and the message's notification ``text``); plain_text objects and
rich text ``text`` elements are shown literally, and a rich text ``link`` element is a link.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from bot.adapters.slack.blocks import Message

LIVE_ELEMENTS = {"user", "usergroup", "channel", "broadcast", "team", "date"}


def walk(node: Any) -> Iterator[dict[str, Any]]:
    """Every dict in a block tree, depth first."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def mrkdwn_texts(message: Message) -> list[str]:
    """Texts Slack parses as mrkdwn: the notification text and every mrkdwn object."""
    found = [message.text]
    found += [n["text"] for n in walk(list(message.blocks)) if n.get("type") == "mrkdwn"]
    return found


def shown(message: Message) -> str:
    """What a reader sees, roughly: every literal and mrkdwn text, in order."""
    return read(list(message.blocks))


def read(blocks: Any) -> str:
    """``shown`` for blocks as sent (JSON from a request the fake recorded)."""
    if isinstance(blocks, str):
        blocks = json.loads(blocks)
    parts: list[str] = []
    for node in walk(blocks):
        text = node.get("text")
        if node.get("type") in {"plain_text", "mrkdwn", "text", "link"} and isinstance(text, str):
            parts.append(text)
    return "".join(parts)


def literal_texts(message: Message) -> list[str]:
    """Texts shown exactly as written: plain_text objects and rich text elements."""
    return [
        n["text"]
        for n in walk(list(message.blocks))
        if n.get("type") in {"plain_text", "text"} and isinstance(n.get("text"), str)
    ]


def links(message: Message) -> list[str]:
    """The URLs a reader can click (rich text links), in order."""
    return [n["url"] for n in walk(list(message.blocks)) if n.get("type") == "link"]


def assert_within_limits(message: Message) -> None:
    """Slack's documented limits, and the total well under the 12k seen to fail."""
    blocks = list(message.blocks)
    assert 1 <= len(blocks) <= 50
    assert len(json.dumps(blocks, ensure_ascii=False)) < 11_000
    assert 1 <= len(message.text) <= 3000
    for block in blocks:
        kind = block["type"]
        if kind == "header":
            assert 1 <= len(block["text"]["text"]) <= 150
        if kind == "section":
            assert 1 <= len(block["text"]["text"]) <= 3000
        if kind == "context":
            assert 1 <= len(block["elements"]) <= 10
            assert all(1 <= len(e["text"]) <= 2000 for e in block["elements"])
        if kind == "actions":
            assert 1 <= len(block["elements"]) <= 25
            assert all(1 <= len(e["value"]) <= 2000 for e in block["elements"])
        if kind == "rich_text":
            texts = [e["text"] for e in walk(block["elements"]) if e.get("type") == "text"]
            assert all(texts) and sum(map(len, texts)) <= 3000
    for node in walk(blocks):
        if node.get("type") == "plain_text":
            assert node["text"] and node.get("emoji") is False


def assert_inert(message: Message, allowed_urls: set[str]) -> None:
    """No mention, no link but the article's own URL, no markup from outside text."""
    for text in mrkdwn_texts(message):
        assert "<" not in text, text  # entities only: no <!channel>, <@U…>, <url|label>
    for node in walk(list(message.blocks)):
        assert node.get("type") not in LIVE_ELEMENTS, node
        if node.get("type") == "mrkdwn":
            assert node.get("verbatim") is True  # no auto-linked URLs or channel names
    assert set(links(message)) <= allowed_urls
