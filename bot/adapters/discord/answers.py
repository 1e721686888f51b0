"""Answers of the core as Discord embeds: one renderer per kind of answer, like the console's.

Article text passes through ``escape`` wherever Discord parses markdown; the builders in
``embeds`` keep every embed within Discord's limits.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import singledispatch

import discord

from bot.adapters.console.render import how_said, where
from bot.adapters.discord.embeds import (
    DESCRIPTION_LIMIT,
    FIELD_VALUE_LIMIT,
    add_field,
    new_embed,
)
from bot.adapters.discord.text import escape, fit, fit_lines
from bot.core.answers import (
    AmbiguousAnswer,
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
from bot.core.library import StatementRecord
from bot.core.sourcing import DisputeLine, SourceLine, SourcesAnswer
from bot.core.summary import StatementKind

# How the console's usage lines read in Discord (a group itself cannot be invoked there).
DISCORD_USAGE = {"/brief": "/brief show", "/brief preview": "/brief show"}
ADMIN_GROUP = "/brief-admin"


@singledispatch
def answer_embeds(answer: object) -> list[discord.Embed]:
    """The embeds of an answer (a briefing's are ``render.briefing_messages``)."""
    raise TypeError(f"no embed rendering for {type(answer).__name__}")


@answer_embeds.register
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


@answer_embeds.register
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


@answer_embeds.register
def _(answer: AmbiguousAnswer) -> list[discord.Embed]:
    lines = [f"• {escape(candidate)}" for candidate in answer.candidates]
    title = f"“{answer.query}” fits more than one {answer.what}. Which one?"
    return [new_embed(title, fit_lines(lines, DESCRIPTION_LIMIT))]


@answer_embeds.register
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


@answer_embeds.register
def _(answer: SaidAnswer) -> list[discord.Embed]:
    top = answer.matches[0]
    best = top.statement
    if top.approximate:
        lead = "No one said exactly that. Approximate match"
    else:
        lead = "Said by" if top.exact else "Said by (all the words, not as one phrase)"
    role = f", {best.speaker_role}" if best.speaker_role else ""
    embed = new_embed(f"{lead}: {best.speaker_shown}{role}")
    for number, match in enumerate(answer.matches, start=1):
        label = " (approximate)" if match.approximate and not top.approximate else ""
        notes = [f"Disputed: {_dispute_text(match.dispute)}"] if match.dispute else []
        _statement_field(embed, number, match.statement, speaker=True, label=label, notes=notes)
    return [embed]


def _dispute_text(line: DisputeLine) -> str:
    by = f"claimed by {line.claimed_by}" if line.claimed_by else "claimed"
    against = f"; disputed by {line.disputed_by}" if line.disputed_by else ""
    return f"{line.claim} ({by}{against})"


@answer_embeds.register
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


@answer_embeds.register
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


@answer_embeds.register
def _(answer: DisputesAnswer) -> list[discord.Embed]:
    if not answer.items:
        scope = f"“{answer.story.title}”" if answer.story else "the stored articles"
        return [new_embed(f"No disputed claims recorded in {scope}.")]
    embed = new_embed("Disputed")
    for item in answer.items:
        lines = []
        for label, record in (("claim", item.claim_words), ("dispute", item.dispute_words)):
            if record is not None:
                lines.append(f"{label}: **{escape(record.speaker_shown)}**: {quoted(record)}")
        name = f"{_dispute_text(item.dispute)} · {item.article.title}"
        add_field(embed, name, lines or [escape(item.article.title)])
    return [embed]


@answer_embeds.register
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
    who = f"{record.speaker_shown} · " if speaker or record.low_confidence else ""
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


@answer_embeds.register
def _(answer: QuotesAnswer) -> list[discord.Embed]:
    embed = new_embed(f"Who said what in “{answer.article.title}”")
    if not answer.groups:
        embed.description = "No statements recorded for this article."
    for group in answer.groups:
        name = group.name + (f", {group.role}" if group.role else "")
        lines = [f"¶{r.paragraph} {quoted(r)} ({escape(how_said(r))})" for r in group.statements]
        add_field(embed, name, lines)
    return [embed]


@answer_embeds.register
def _(answer: SourcesAnswer) -> list[discord.Embed]:
    people = f", {answer.anonymous_people} people where stated" if answer.anonymous_people else ""
    embed = new_embed(f"Sourcing of “{answer.article.title}”", answer.focus_line or "")
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
