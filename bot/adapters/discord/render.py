"""Answers and briefings as Discord embeds: pure functions, the twin of the console renderer.

Every embed is built within Discord's limits (see ``platforms.md``) by keeping whole lines,
fields and items; a briefing too large for one message becomes several, split between items.
Article text always passes through ``escape`` (markdown places) or ``inert`` (the author line);
the only link is an article's own URL on its title.
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
from bot.adapters.discord.text import escape, fit, fit_lines, inert
from bot.core.answers import (
    AmbiguousAnswer,
    Answer,
    BriefingAnswer,
    DisputesAnswer,
    HelpAnswer,
    NoCommentAnswer,
    NotFoundAnswer,
    ProfileAnswer,
    QuotesAnswer,
    SaidAnswer,
    SpeakerAnswer,
    TopicAnswer,
)
from bot.core.briefing import Briefing, BriefingItem
from bot.core.commands import Verb
from bot.core.library import StatementRecord
from bot.core.sourcing import DisputeLine, SourceLine, SourcesAnswer
from bot.core.summary import StatementKind

FOOTER_RESERVE = 200  # room kept in every message for its footer line
BUTTON_LABEL = 80  # characters of a button label
MAX_STORIES = 3  # "Sources" buttons under one answer
REF_PREFIX = "ref "

# How the console's usage lines read in Discord (a group itself cannot be invoked there).
DISCORD_USAGE = {"/brief": "/brief show", "/brief preview": "/brief show"}
ADMIN_GROUP = "/brief-admin"


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
    return fit_message(_embeds(answer))


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

    ``marker`` (a delivery reference) goes in the first message's footer, where
    ``find_delivered`` can see it again in the channel's history.
    """
    if not briefing.items:
        empty = new_embed(briefing.heading, "No articles yet. Add summaries to the briefs folder.")
        return [_finish([empty], briefing, [], 1, marker, 1, 1)]
    groups = _pack([item_embed(item) for item in briefing.items])
    messages: list[OutgoingMessage] = []
    number = 1
    for index, group in enumerate(groups):
        items = briefing.items[number - 1 : number - 1 + len(group)]
        ref = marker if index == 0 else None
        messages.append(_finish(group, briefing, items, number, ref, index + 1, len(groups)))
        number += len(group)
    return messages


def item_embed(item: BriefingItem) -> discord.Embed:
    """One article of a briefing: points in the description, quotes and notes as fields."""
    url = item.url if item.url and item.url.startswith(("https://", "http://")) else None
    embed = new_embed(item.title, fit_lines(_point_lines(item), DESCRIPTION_LIMIT), url=url)
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
    embed = new_embed("How to use /brief", fit(escape(answer.problem or ""), DESCRIPTION_LIMIT))
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
        "topic": f"Nothing in the stored articles is about “{answer.query}”.",
        "dispute": f"No recorded dispute matches “{answer.query}”.",
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
    if answer.note:
        note += "\n" + escape(answer.note)
    if answer.topic and answer.statements:
        note += f"\nAbout {escape(answer.topic)}:"
    embed = new_embed(answer.title, fit(note, DESCRIPTION_LIMIT))
    several = len({s.speaker_key for s in answer.statements}) > 1
    for number, record in enumerate(answer.statements, start=1):
        _statement_field(embed, number, record, speaker=several)
    return [embed]


@_embeds.register
def _(answer: SaidAnswer) -> list[discord.Embed]:
    top = answer.matches[0]
    best = top.statement
    if top.approximate:
        lead = "No one said exactly that. Approximate match"
    else:
        lead = "Said by" if top.exact else "Said by (all the words, not as one phrase)"
    role = f", {best.speaker_role}" if best.speaker_role else ""
    embed = new_embed(f"{lead}: {best.speaker_name}{role}")
    for number, match in enumerate(answer.matches, start=1):
        label = " (approximate)" if match.approximate and not top.approximate else ""
        notes = [f"Disputed: {_dispute_text(match.dispute)}"] if match.dispute else []
        _statement_field(embed, number, match.statement, speaker=True, label=label, notes=notes)
    return [embed]


def _dispute_text(line: DisputeLine) -> str:
    by = f"claimed by {line.claimed_by}" if line.claimed_by else "claimed"
    against = f"; disputed by {line.disputed_by}" if line.disputed_by else ""
    return f"{line.claim} ({by}{against})"


@_embeds.register
def _(answer: ProfileAnswer) -> list[discord.Embed]:
    speaker = answer.speaker
    count = f"{answer.total} statement{'s' if answer.total != 1 else ''}"
    lines = [escape("Also: " + ", ".join(answer.names))] if answer.names else []
    lines.append(f"{count} in {len(answer.articles)} article(s):")
    lines += [
        "• " + escape(a.title + (f" ({a.outlet})" if a.outlet else "")) for a in answer.articles
    ]
    title = speaker.name + (f", {speaker.role}" if speaker.role else "")
    return [new_embed(title, fit_lines(lines, DESCRIPTION_LIMIT))]


@_embeds.register
def _(answer: NoCommentAnswer) -> list[discord.Embed]:
    scope = f"“{answer.story.title}”" if answer.story else "the stored articles"
    if answer.subject and not answer.lines:
        title = f"The stored articles record no comment from “{answer.subject}”, nor a refusal."
    elif not answer.lines:
        title = f"Nobody is recorded as declining to comment in {scope}."
    else:
        title = f"No: {answer.subject} gave no comment." if answer.subject else "No comment"
    lines = []
    for line in answer.lines:
        place = f", paragraph {line.paragraph}" if line.paragraph is not None else ""
        where_said = escape(f" {line.response} · {line.article.title}{place}")
        lines.append(f"• **{escape(line.name)}**{where_said}")
    return [new_embed(title, fit_lines(lines, DESCRIPTION_LIMIT))]


@_embeds.register
def _(answer: DisputesAnswer) -> list[discord.Embed]:
    if not answer.items:
        scope = f"“{answer.story.title}”" if answer.story else "the stored articles"
        return [new_embed(f"No disputed claims recorded in {scope}.")]
    embed = new_embed("Disputed")
    for item in answer.items:
        lines = []
        for label, record in (("claim", item.claim_words), ("dispute", item.dispute_words)):
            if record is not None:
                lines.append(f"{label}: **{escape(record.speaker_name)}**: {quoted(record)}")
        name = f"{_dispute_text(item.dispute)} · {item.article.title}"
        add_field(embed, name, lines or [escape(item.article.title)])
    return [embed]


@_embeds.register
def _(answer: TopicAnswer) -> list[discord.Embed]:
    who = "Anonymous sources on" if answer.anonymous_only else "Who said what about"
    embed = new_embed(f"{who} {answer.topic} — {answer.total} statement(s)")
    for number, record in enumerate(answer.statements, start=1):
        _statement_field(embed, number, record, speaker=True)
    return [embed]


def _statement_field(
    embed: discord.Embed,
    number: int,
    record: StatementRecord,
    *,
    speaker: bool,
    label: str = "",
    notes: Sequence[str] = (),
) -> None:
    """A statement as a field: how and where as the name, the words as the value."""
    who = f"{record.speaker_name} · " if speaker else ""
    name = f"{number}. {who}{how_said(record)}{label}"
    lines = [quoted(record), f"*{escape(where(record))}*", *(escape(n) for n in notes)]
    add_field(embed, name, lines)


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
        lines = [f"¶{r.paragraph} {quoted(r)} ({escape(how_said(r))})" for r in group.statements]
        add_field(embed, name, lines)
    return [embed]


@_embeds.register
def _(answer: SourcesAnswer) -> list[discord.Embed]:
    people = f", {answer.anonymous_people} people where stated" if answer.anonymous_people else ""
    embed = new_embed(f"Sourcing of “{answer.article.title}”", _focus(answer) or "")
    add_field(embed, f"Named ({len(answer.named)})", [_source(s) for s in answer.named] or ["none"])
    anonymous = [_source(s) for s in answer.anonymous] or ["none"]
    add_field(embed, f"Anonymous ({len(answer.anonymous)}{people})", anonymous)
    add_field(embed, "No comment", [escape(", ".join(answer.no_comment)) or "none noted"])
    disputes = [_dispute(d.claim, d.claimed_by, d.disputed_by) for d in answer.disputed]
    add_field(embed, "Disputed", disputes or ["none noted"])
    return [embed]


def _focus(answer: SourcesAnswer) -> str | None:
    """The count a question asked about, said first ("2 anonymous source(s).")."""
    people = f" ({answer.anonymous_people} people where stated)" if answer.anonymous_people else ""
    return {
        "anonymous": f"{len(answer.anonymous)} anonymous source(s){people}.",
        "named": f"{len(answer.named)} named source(s).",
        "all": f"{len(answer.named)} named and {len(answer.anonymous)} anonymous source(s).",
    }.get(answer.focus or "")


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
