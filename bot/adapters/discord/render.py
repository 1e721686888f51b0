"""Answers and briefings as Discord embeds: pure functions, the twin of the console renderer.

Every embed is built within Discord's limits (see ``platforms.md``) by keeping whole lines,
fields and items; a briefing too large for one message becomes several, split between items.
Article text always passes through ``escape``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import singledispatch

import discord

from bot.adapters.console.render import how_said, where
from bot.adapters.discord.embeds import (
    AUTHOR_LIMIT,
    CONTENT_LIMIT,
    DESCRIPTION_LIMIT,
    FIELD_VALUE_LIMIT,
    FOOTER_LIMIT,
    MESSAGE_EMBED_CHARS,
    MESSAGE_EMBEDS,
    add_field,
    fit_message,
    new_embed,
    shrink,
    size,
)
from bot.adapters.discord.text import escape, fit, fit_lines
from bot.core.answers import (
    AmbiguousAnswer,
    Answer,
    BriefingAnswer,
    HelpAnswer,
    NotFoundAnswer,
    QuotesAnswer,
    SaidAnswer,
    SpeakerAnswer,
)
from bot.core.briefing import Briefing, BriefingItem
from bot.core.library import StatementRecord
from bot.core.sourcing import SourceLine, SourcesAnswer
from bot.core.summary import StatementKind

FOOTER_RESERVE = 200  # room kept in every message for its footer line
REF_PREFIX = "ref "

# How the console's usage lines read in Discord (a group itself cannot be invoked there).
DISCORD_USAGE = {"/brief": "/brief show", "/brief preview": "/brief show"}
ADMIN_GROUP = "/brief-admin"


@dataclass(frozen=True)
class OutgoingMessage:
    """One message of a briefing: its text, its embeds and the articles it shows."""

    content: str
    embeds: tuple[discord.Embed, ...]
    article_ids: tuple[str, ...] = ()
    first_number: int = 1  # the briefing number of its first item


def render(answer: Answer) -> list[discord.Embed]:
    """An answer as embeds that fit one message."""
    return fit_message(_embeds(answer))


def render_messages(answer: Answer) -> list[OutgoingMessage]:
    """An answer as messages: a briefing may need several, every other answer one."""
    if isinstance(answer, BriefingAnswer):
        return briefing_messages(answer.briefing)
    return [OutgoingMessage("", tuple(render(answer)))]


def briefing_messages(briefing: Briefing, *, marker: str | None = None) -> list[OutgoingMessage]:
    """A briefing as one or more messages, split only between items.

    ``marker`` (a delivery reference) goes in every message's footer, numbered by part
    (``part_marker``), where ``find_delivered`` can see each part again in the history.
    """
    if not briefing.items:
        empty = new_embed(briefing.heading, "No articles yet. Add summaries to the briefs folder.")
        return [_finish([empty], briefing, [], 1, marker, 1, 1)]
    groups = _pack([item_embed(item) for item in briefing.items])
    messages: list[OutgoingMessage] = []
    number = 1
    for index, group in enumerate(groups):
        items = briefing.items[number - 1 : number - 1 + len(group)]
        ref = part_marker(marker, index) if marker else None
        messages.append(_finish(group, briefing, items, number, ref, index + 1, len(groups)))
        number += len(group)
    return messages


def item_embed(item: BriefingItem) -> discord.Embed:
    """One article of a briefing: points in the description, quotes and notes as fields."""
    embed = new_embed(item.title, fit_lines(_point_lines(item), DESCRIPTION_LIMIT), url=item.url)
    if item.credit:
        embed.set_author(name=fit(item.credit, AUTHOR_LIMIT))
    if item.quotes:
        quotes = [
            f"**{escape(q.speaker)}** “{escape(q.words)}” (¶{q.paragraph})" for q in item.quotes
        ]
        add_field(embed, "Who said what", quotes)
    if item.no_comment:
        add_field(embed, "No comment", [escape(", ".join(item.no_comment))])
    if item.disputed:
        add_field(embed, "Disputed", [escape(claim) for claim in item.disputed])
    return embed


def _point_lines(item: BriefingItem) -> list[str]:
    lines = [f"• {escape(point)}" for point in item.points]
    if item.figures:
        lines.append("• Figures: " + escape(" · ".join(item.figures)))
    return lines


def _pack(embeds: Sequence[discord.Embed]) -> list[list[discord.Embed]]:
    """Consecutive embeds grouped so that each group fits one message with its footer."""
    budget = MESSAGE_EMBED_CHARS - FOOTER_RESERVE
    groups: list[list[discord.Embed]] = [[]]
    for embed in embeds:
        shrink(embed, budget)
        current = groups[-1]
        if current and (len(current) == MESSAGE_EMBEDS or size(current) + len(embed) > budget):
            groups.append(current := [])
        current.append(embed)
    return groups


def _finish(
    embeds: list[discord.Embed],
    briefing: Briefing,
    items: Sequence[BriefingItem],
    number: int,
    marker: str | None,
    part: int,
    parts: int,
) -> OutgoingMessage:
    """Add the message's heading and footer (omitted articles, delivery reference)."""
    content = f"**{escape(briefing.heading)}**" + (f" ({part}/{parts})" if parts > 1 else "")
    notes = []
    if part == parts and briefing.omitted:
        notes.append(f"{briefing.omitted} more article(s) left out to keep it short")
    if marker:
        notes.append(REF_PREFIX + marker)
    if notes:
        embeds[-1].set_footer(text=fit(" · ".join(notes), FOOTER_LIMIT))
    return OutgoingMessage(
        fit(content, CONTENT_LIMIT), tuple(embeds), tuple(i.article_id for i in items), number
    )


def part_marker(marker: str, part: int) -> str:
    """The reference of one part of a delivery: the first keeps the bare marker."""
    return marker if part == 0 else f"{marker}.{part}"


def marker_part(found: str, marker: str) -> int | None:
    """Which part a footer reference names, if it belongs to this delivery's marker."""
    if found == marker:
        return 0
    head, dot, number = found.partition(".")
    return int(number) if head == marker and dot and number.isdigit() else None


def footer_marker(embed: discord.Embed) -> str | None:
    """The delivery reference in an embed's footer, if any."""
    text = embed.footer.text or ""
    _, found, marker = text.rpartition(REF_PREFIX)
    return marker.strip() if found else None


# Answers: one renderer per answer type, like the console's


@singledispatch
def _embeds(answer: object) -> list[discord.Embed]:
    raise TypeError(f"no embed rendering for {type(answer).__name__}")


@_embeds.register
def _(answer: BriefingAnswer) -> list[discord.Embed]:
    messages = briefing_messages(answer.briefing)
    return list(messages[0].embeds)


@_embeds.register
def _(answer: HelpAnswer) -> list[discord.Embed]:
    embed = new_embed("How to use /brief", escape(answer.problem or ""))
    add_field(embed, "Commands", [_usage(usage, what) for usage, what in answer.usage])
    admin = [_usage(usage, what) for usage, what in answer.admin_usage if "preview" not in usage]
    add_field(embed, "Admin (Manage Server)", admin)
    return [embed]


def _usage(usage: str, what: str) -> str:
    """A console usage line in Discord's spelling: '/brief show', '/brief-admin subscribe'."""
    head, _, rest = usage.partition(" <")
    name = DISCORD_USAGE.get(head, head)
    if what.endswith("(admins)"):
        name = name.replace("/brief", ADMIN_GROUP, 1)
        what = what.removesuffix(" (admins)")
    args = f" <{rest}" if rest else ""
    return f"`{name}{args}` {what}"


@_embeds.register
def _(answer: NotFoundAnswer) -> list[discord.Embed]:
    messages = {
        "speaker": f"No speaker matches “{answer.query}”.",
        "words": f"Nobody in the stored articles said anything like “{answer.query}”.",
        "article": f"No article matches “{answer.query}”.",
        "articles": "No articles yet. Add summaries to the briefs folder.",
    }
    lines = [escape(messages.get(answer.what, f"Nothing matches “{answer.query}”."))]
    if answer.suggestions:
        lines.append("Did you mean: " + escape(", ".join(answer.suggestions)) + "?")
    return [new_embed("Not found", fit_lines(lines, DESCRIPTION_LIMIT))]


@_embeds.register
def _(answer: AmbiguousAnswer) -> list[discord.Embed]:
    lines = [f"• {escape(candidate)}" for candidate in answer.candidates]
    title = f"“{answer.query}” fits more than one {answer.what}. Which one?"
    return [new_embed(title, fit_lines(lines, DESCRIPTION_LIMIT))]


@_embeds.register
def _(answer: SpeakerAnswer) -> list[discord.Embed]:
    shown, total = len(answer.statements), answer.total
    note = f"{total} statement{'s' if total != 1 else ''}"
    note += f", first {shown} shown" if shown < total else ""
    if answer.approximate:
        note += f" (closest name to “{escape(answer.query)}”)"
    embed = new_embed(answer.title, note)
    several = len({s.speaker_key for s in answer.statements}) > 1
    for number, record in enumerate(answer.statements, start=1):
        _statement_field(embed, number, record, speaker=several)
    return [embed]


@_embeds.register
def _(answer: SaidAnswer) -> list[discord.Embed]:
    best = answer.matches[0].statement
    lead = "Closest match" if answer.approximate or not answer.matches[0].exact else "Said by"
    role = f", {best.speaker_role}" if best.speaker_role else ""
    embed = new_embed(f"{lead}: {best.speaker_name}{role}")
    for number, match in enumerate(answer.matches, start=1):
        _statement_field(embed, number, match.statement, speaker=True)
    return [embed]


def _statement_field(
    embed: discord.Embed, number: int, record: StatementRecord, *, speaker: bool
) -> None:
    """A statement as a field: how and where as the name, the words as the value."""
    who = f"{record.speaker_name} · " if speaker else ""
    name = f"{number}. {who}{how_said(record)}"
    add_field(embed, name, [quoted(record), f"*{escape(where(record))}*"])


def quoted(record: StatementRecord) -> str:
    """The words, escaped; direct quotes in quotation marks, unverified ones flagged."""
    text = escape(record.text)
    text = f"“{text}”" if record.kind is StatementKind.DIRECT else text
    if record.verified is False:
        text += " [unverified: not found word for word in the article]"
    return fit(text, FIELD_VALUE_LIMIT - 300)


@_embeds.register
def _(answer: QuotesAnswer) -> list[discord.Embed]:
    embed = new_embed(f"Who said what in “{answer.article.title}”")
    if not answer.groups:
        embed.description = "No statements recorded for this article."
    for group in answer.groups:
        name = group.name + (f", {group.role}" if group.role else "")
        lines = [f"¶{r.paragraph} {quoted(r)} ({how_said(r)})" for r in group.statements]
        add_field(embed, name, lines)
    return [embed]


@_embeds.register
def _(answer: SourcesAnswer) -> list[discord.Embed]:
    embed = new_embed(f"Sourcing of “{answer.article.title}”")
    people = f", {answer.anonymous_people} people where stated" if answer.anonymous_people else ""
    add_field(embed, f"Named ({len(answer.named)})", [_source(s) for s in answer.named] or ["none"])
    anonymous = [_source(s) for s in answer.anonymous] or ["none"]
    add_field(embed, f"Anonymous ({len(answer.anonymous)}{people})", anonymous)
    add_field(embed, "No comment", [escape(", ".join(answer.no_comment)) or "none noted"])
    disputes = [_dispute(d.claim, d.claimed_by, d.disputed_by) for d in answer.disputed]
    add_field(embed, "Disputed", disputes or ["none noted"])
    return [embed]


def _source(line: SourceLine) -> str:
    detail = f", {line.detail}" if line.detail else ""
    people = f" [{line.people} {'person' if line.people == 1 else 'people'}]" if line.people else ""
    said = f" — {line.statements} statement{'s' if line.statements != 1 else ''}"
    return f"• {escape(line.name + detail)}{people}{said}"


def _dispute(claim: str, claimed_by: str | None, disputed_by: str | None) -> str:
    parts = [
        f"claimed by {claimed_by}" if claimed_by else "",
        f"disputed by {disputed_by}" if disputed_by else "",
    ]
    who = "; ".join(p for p in parts if p)
    return "• " + escape(claim + (f" ({who})" if who else ""))
