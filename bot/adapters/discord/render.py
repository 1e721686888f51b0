"""Answers and briefings as Discord embeds: pure functions, the twin of the console renderer.

Every embed is built within Discord's limits (see ``platforms.md``) by keeping whole lines,
fields and items; a briefing too large for one message becomes several, split between items.
Article text always passes through ``escape`` (markdown places) or ``inert`` (the author line);
the only link is an article's own URL on its title.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import discord

from bot.adapters.discord.answers import answer_embeds
from bot.adapters.discord.embeds import (
    AUTHOR_LIMIT,
    CONTENT_LIMIT,
    DESCRIPTION_LIMIT,
    FOOTER_LIMIT,
    MESSAGE_EMBED_CHARS,
    MESSAGE_EMBEDS,
    add_field,
    fit_message,
    new_embed,
    shrink,
    size,
)
from bot.adapters.discord.text import escape, fit, fit_lines, inert
from bot.core.answers import (
    Answer,
    BriefingAnswer,
    DisputesAnswer,
    NoCommentAnswer,
    ProfileAnswer,
    QuotesAnswer,
    SaidAnswer,
    SpeakerAnswer,
    TopicAnswer,
)
from bot.core.briefing import Briefing, BriefingItem
from bot.core.commands import Verb
from bot.core.display import link_url
from bot.core.sourcing import SourcesAnswer

FOOTER_RESERVE = 200  # room kept in every message for its footer line
BUTTON_LABEL = 80  # characters of a button label
MAX_STORIES = 3  # "Sources" buttons under one answer
REF_PREFIX = "ref "


@dataclass(frozen=True)
class FollowUp:
    """A button under an answer: the command it asks (``verb argument``) and its label."""

    verb: Verb
    argument: str
    label: str


@dataclass(frozen=True)
class OutgoingMessage:
    """One message: its text, its embeds, the briefing articles it shows, its follow-ups."""

    content: str
    embeds: tuple[discord.Embed, ...]
    article_ids: tuple[str, ...] = ()
    first_number: int = 1  # the briefing number of its first item
    follow_ups: tuple[FollowUp, ...] = ()


def render(answer: Answer) -> list[discord.Embed]:
    """An answer as embeds that fit one message."""
    if isinstance(answer, BriefingAnswer):
        return list(briefing_messages(answer.briefing)[0].embeds)
    return fit_message(answer_embeds(answer))


def render_messages(answer: Answer) -> list[OutgoingMessage]:
    """An answer as messages: a briefing may need several, every other answer one."""
    if isinstance(answer, BriefingAnswer):
        return briefing_messages(answer.briefing)
    return [OutgoingMessage("", tuple(render(answer)), follow_ups=follow_ups(answer))]


def _story_follow_ups(stories: dict[str, str]) -> tuple[FollowUp, ...]:
    """'Sources of this story', or one 'Sources: <title>' per story (at most three)."""
    if len(stories) == 1:
        return (FollowUp(Verb.SOURCES, next(iter(stories)), "Sources of this story"),)
    return tuple(
        FollowUp(Verb.SOURCES, article_id, fit(inert(f"Sources: {title}"), BUTTON_LABEL))
        for article_id, title in list(stories.items())[:MAX_STORIES]
    )


def _article_ids(answer: TopicAnswer | NoCommentAnswer | DisputesAnswer) -> dict[str, str]:
    """The stories an answer draws on, id → title, in order."""
    if isinstance(answer, TopicAnswer):
        return {s.article_id: s.article_title for s in answer.statements}
    if isinstance(answer, NoCommentAnswer):
        return {line.article.id: line.article.title for line in answer.lines}
    return {item.article.id: item.article.title for item in answer.items}


def follow_ups(answer: Answer) -> tuple[FollowUp, ...]:
    """The next questions worth a button: the speaker's other words, the story's sourcing."""
    if isinstance(answer, SaidAnswer):
        best = answer.matches[0].statement
        return (
            FollowUp(Verb.WHO, best.speaker_name, "More from this speaker"),
            FollowUp(Verb.SOURCES, best.article_id, "Sources of this story"),
        )
    if isinstance(answer, SpeakerAnswer):
        return _story_follow_ups({s.article_id: s.article_title for s in answer.statements})
    if isinstance(answer, ProfileAnswer):
        return (FollowUp(Verb.WHO, answer.speaker.name, "What they said"),)
    if isinstance(answer, TopicAnswer | NoCommentAnswer | DisputesAnswer):
        return _story_follow_ups(_article_ids(answer))
    if isinstance(answer, QuotesAnswer):
        return (FollowUp(Verb.SOURCES, answer.article.id, "Sources of this story"),)
    if isinstance(answer, SourcesAnswer):
        return (FollowUp(Verb.QUOTES, answer.article.id, "Who said what"),)
    return ()


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
    description = fit_lines(_point_lines(item), DESCRIPTION_LIMIT)
    embed = new_embed(item.title, description, url=link_url(item.url))
    if item.credit:
        embed.set_author(name=fit(inert(item.credit), AUTHOR_LIMIT))
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
