"""Block Kit building blocks: literal text, text objects, blocks, and paging within Slack's limits.

Article words are never written as mrkdwn: they go into rich text elements and plain_text
objects, which Slack shows exactly as written (no bold, no look-alike characters, no mention,
no link); mrkdwn carries only our own labels. Everything here is pure.

Slack rejects a message past 50 blocks, a section text past 3,000 characters or a header past
150, and has been seen to refuse messages near 13k characters in total even when every block
was within its own limit; the pager keeps each message well under all of these by moving whole
groups of blocks (a briefing item, a statement) to the next message instead of truncating them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.core.display import clean, link_url

Block = dict[str, Any]

MAX_BLOCKS = 50
MAX_SECTION_TEXT = 3000
MAX_CONTEXT_TEXT = 2000  # context elements are text objects; kept under section size
MAX_HEADER_TEXT = 150
MAX_BUTTON_VALUE = 2000
MAX_FALLBACK_TEXT = 3000  # the notification text; Slack advises under 4,000
MESSAGE_BUDGET = 10_000  # serialised characters of all blocks of one message
MAX_RICH_TEXT = 3000  # characters of text in one rich_text block, like a section


def entities(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities, ``&`` first so that ``&amp;`` stays visible as written.

    Slack parses ``<…>`` in mrkdwn as mentions (``<!channel>``, ``<@U…>``) and links; the few
    strings not written by us that still go into mrkdwn (notification text, what a user typed
    into an error message) go through here. Article words go into literal elements instead.
    """
    return clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass(frozen=True)
class Run:
    """A piece of a line, shown literally: Slack parses no markup, mention or link inside it.

    Only ``url`` makes a link, and only an http(s) URL is accepted: the article's own.
    """

    text: str
    bold: bool = False
    italic: bool = False
    url: str | None = None


Line = Sequence[Run]


def plain(text: str) -> Run:
    """Literal text."""
    return Run(text)


def bold(text: str) -> Run:
    """Literal text in bold (our emphasis, the words stay as written)."""
    return Run(text, bold=True)


def italic(text: str) -> Run:
    """Literal text in italics."""
    return Run(text, italic=True)


def linked(url: str | None, text: str, *, strong: bool = False) -> Run:
    """``text`` linking to ``url`` if it is an http(s) URL, else the text alone."""
    return Run(text, bold=strong, url=link_url(url))


def _element(run: Run, text: str) -> dict[str, Any]:
    """A rich text element: ``link`` for the article's URL, ``text`` for everything else."""
    element: dict[str, Any] = {"type": "link", "url": run.url} if run.url else {"type": "text"}
    element["text"] = text
    style = {k: True for k in ("bold", "italic") if getattr(run, k)}
    if style:
        element["style"] = style
    return element


def rich(lines: Sequence[Line], limit: int = MAX_RICH_TEXT) -> list[Block]:
    """Rich text blocks holding the lines, split between lines (a long line at spaces).

    Rich text elements render their text literally, so article words keep every ``*``, ``_``,
    ``~`` and ``<`` as written while mentions and links stay impossible (see ``Run``).
    """
    blocks: list[Block] = []
    current: list[dict[str, Any]] = []
    used = 0
    for line in lines:
        pieces = [(run, text) for run in line for text in _pieces(clean(run.text), limit)]
        if current and used + 1 + sum(len(text) for _, text in pieces) > limit:
            blocks.append(_rich_block(current))
            current, used = [], 0
        if current:
            current.append({"type": "text", "text": "\n"})
            used += 1
        for run, text in pieces:
            if current and used + len(text) > limit:
                blocks.append(_rich_block(current))
                current, used = [], 0
            current.append(_element(run, text))
            used += len(text)
    if current:
        blocks.append(_rich_block(current))
    return blocks


def _rich_block(elements: list[dict[str, Any]]) -> Block:
    section = {"type": "rich_text_section", "elements": elements}
    return {"type": "rich_text", "elements": [section]}


def _pieces(text: str, limit: int) -> list[str]:
    """The text in pieces of at most ``limit`` characters, cut at spaces where possible."""
    pieces: list[str] = []
    while len(text) > limit:
        cut = text.rfind(" ", 0, limit)
        cut = cut + 1 if cut > 0 else limit
        pieces.append(text[:cut])
        text = text[cut:]
    return [*pieces, text] if text else pieces


def literal(text: str) -> dict[str, Any]:
    """A plain_text object: shown as written, with no emoji codes, mentions or links."""
    return {"type": "plain_text", "text": clean(text), "emoji": False}


def mrkdwn(text: str) -> dict[str, Any]:
    """A mrkdwn text object; ``verbatim`` stops Slack from linking bare URLs and channel names."""
    return {"type": "mrkdwn", "text": text, "verbatim": True}


def header(text: str) -> Block:
    """A header block (plain text, cut at a word to fit: headers are our own titles)."""
    return {"type": "header", "text": literal(_fit(text, MAX_HEADER_TEXT))}


def sections(lines: Sequence[str]) -> list[Block]:
    """Sections holding the lines, several if needed; lines are never cut except at spaces."""
    return [
        {"type": "section", "text": mrkdwn(chunk)} for chunk in pack_lines(lines, MAX_SECTION_TEXT)
    ]


def contexts(lines: Sequence[str]) -> list[Block]:
    """Context blocks (small grey text) holding the lines literally, as plain text."""
    cleaned = [clean(line) for line in lines]  # first: a chunk must not end up empty
    return [
        {"type": "context", "elements": [literal(chunk)]}
        for chunk in pack_lines(cleaned, MAX_CONTEXT_TEXT)
        if chunk.strip()
    ]


def divider() -> Block:
    """A horizontal rule."""
    return {"type": "divider"}


def button(text: str, action_id: str, value: str) -> dict[str, Any]:
    """A button element; ``value`` comes back with the click."""
    return {
        "type": "button",
        "text": literal(text),
        "action_id": action_id,
        "value": value[:MAX_BUTTON_VALUE],
    }


def actions(*elements: dict[str, Any]) -> Block:
    """An actions block of buttons."""
    return {"type": "actions", "elements": list(elements)}


def pack_lines(lines: Sequence[str], limit: int) -> list[str]:
    """Join lines with newlines into chunks of at most ``limit`` characters.

    A line longer than the limit is broken at spaces (or, failing that, hard) but never inside
    an ``&…;`` entity, so escaping survives the split.
    """
    chunks: list[str] = []
    current = ""
    for line in (piece for raw in lines for piece in _break(raw, limit)):
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) <= limit:
            current = candidate
            continue
        chunks.append(current)
        current = line
    if current:
        chunks.append(current)
    return chunks


def _break(line: str, limit: int) -> Iterable[str]:
    while len(line) > limit:
        cut = line.rfind(" ", 0, limit + 1)
        if cut <= 0:
            cut = limit
            entity = line.rfind("&", max(0, cut - 5), cut)
            if entity > 0 and ";" not in line[entity:cut]:
                cut = entity
        yield line[:cut].rstrip()
        line = line[cut:].lstrip()
    if line:
        yield line


def _fit(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > 0 else limit - 1].rstrip() + "…"


def block_size(block: Block) -> int:
    """Characters a block takes when sent."""
    return len(json.dumps(block, ensure_ascii=False))


@dataclass
class Group:
    """Blocks that belong together (one briefing item), with the article ids they show."""

    blocks: list[Block]
    article_ids: tuple[str, ...] = ()

    @property
    def size(self) -> int:
        """Serialised characters of the group."""
        return sum(block_size(b) for b in self.blocks)


@dataclass
class Page:
    """The groups that go into one message."""

    groups: list[Group] = field(default_factory=list)

    @property
    def article_ids(self) -> tuple[str, ...]:
        """Ids of the articles shown on this page, in order."""
        return tuple(dict.fromkeys(i for g in self.groups for i in g.article_ids))

    @property
    def blocks(self) -> list[Block]:
        """The page's blocks in order."""
        return [b for g in self.groups for b in g.blocks]


def paginate(groups: Sequence[Group], *, reserved_blocks: int, reserved_size: int) -> list[Page]:
    """Spread groups over pages so that each page plus its reserved extras fits one message.

    ``reserved_*`` leave room for the header and buttons added to every page. A group too big
    for a page on its own is split into single blocks, which always fit.
    """
    max_blocks = MAX_BLOCKS - reserved_blocks
    max_size = MESSAGE_BUDGET - reserved_size
    pages = [Page()]
    for group in _splittable(groups, max_blocks, max_size):
        page = pages[-1]
        blocks = len(page.blocks) + len(group.blocks)
        size = sum(g.size for g in page.groups) + group.size
        if page.groups and (blocks > max_blocks or size > max_size):
            page = Page()
            pages.append(page)
        page.groups.append(group)
    return pages


def _splittable(groups: Sequence[Group], max_blocks: int, max_size: int) -> Iterable[Group]:
    for group in groups:
        if len(group.blocks) <= max_blocks and group.size <= max_size:
            yield group
        else:
            yield from (Group([b], group.article_ids) for b in group.blocks)


@dataclass(frozen=True)
class Message:
    """One Slack message: blocks plus the plain ``text`` shown in notifications."""

    text: str
    blocks: tuple[Block, ...]

    def payload(self) -> dict[str, Any]:
        """Keyword arguments for ``chat.postMessage`` or ``respond``."""
        return {"text": self.text, "blocks": list(self.blocks)}


def fallback(lines: Sequence[str]) -> str:
    """Notification text: the first lines that fit, each already escaped."""
    kept: list[str] = []
    used = 0
    for line in lines:
        if used + len(line) + 1 > MAX_FALLBACK_TEXT:
            break
        kept.append(line)
        used += len(line) + 1
    return "\n".join(kept) or "briefbot"
