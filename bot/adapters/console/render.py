"""Answers and briefings as plain text for the terminal: pure functions, one per answer type."""

from __future__ import annotations

from functools import singledispatch

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
from bot.core.briefing import Briefing, item_lines
from bot.core.library import StatementRecord
from bot.core.sourcing import DisputeLine, SourceLine, SourcesAnswer
from bot.core.summary import StatementKind

INDENT = "   "


def render(answer: Answer) -> str:
    """The answer as text, lines joined."""
    return "\n".join(_lines(answer))


def render_briefing(briefing: Briefing) -> str:
    """A briefing as text."""
    return "\n".join(briefing_lines(briefing))


def briefing_lines(briefing: Briefing) -> list[str]:
    """Heading, then each item numbered with its details indented."""
    lines = [briefing.heading]
    if not briefing.items:
        lines.append("No articles yet. Add summaries to the briefs folder.")
    for number, item in enumerate(briefing.items, start=1):
        head, *rest = item_lines(item)
        lines.append(f"{number}. {head}")
        lines += [INDENT + line for line in rest]
    if briefing.omitted:
        lines.append(f"({briefing.omitted} more article(s) left out to keep it short)")
    return lines


def quoted(record: StatementRecord) -> str:
    """The words as shown: direct quotes in quotation marks, paraphrase as is."""
    text = f"“{record.text}”" if record.kind is StatementKind.DIRECT else record.text
    if record.verified is False:
        text += " [unverified: not found word for word in the article]"
    return text


def how_said(record: StatementRecord) -> str:
    """'direct quote, said on December 19'."""
    kind = {
        StatementKind.DIRECT: "direct quote",
        StatementKind.PARTIAL: "partial quote",
        StatementKind.INDIRECT: "paraphrase",
    }[record.kind]
    parts = [kind, " ".join(p for p in (record.cue, record.when) if p)]
    return ", ".join(p for p in parts if p)


def where(record: StatementRecord) -> str:
    """'US spy agencies say… (Reuters, 19 Dec 2025), paragraph 7'."""
    details = [d for d in (record.outlet, _date(record)) if d]
    outlet = f" ({', '.join(details)})" if details else ""
    return f"{record.article_title}{outlet}, paragraph {record.paragraph}"


def _date(record: StatementRecord) -> str | None:
    return f"{record.published:%d %b %Y}" if record.published else None


def statement_lines(record: StatementRecord, *, speaker: bool) -> list[str]:
    """A statement in two lines: words, then who/how/where."""
    who = f"{record.speaker_shown} · " if speaker or record.low_confidence else ""
    return [f"{quoted(record)}", f"{INDENT}{who}{how_said(record)} · {where(record)}"]


@singledispatch
def _lines(answer: object) -> list[str]:
    raise TypeError(f"no text rendering for {type(answer).__name__}")


@_lines.register
def _(answer: BriefingAnswer) -> list[str]:
    return briefing_lines(answer.briefing)


@_lines.register
def _(answer: HelpAnswer) -> list[str]:
    lines = [answer.problem, ""] if answer.problem else []
    width = max(len(usage) for usage, _ in (*answer.usage, *answer.admin_usage))
    lines.append("Commands:")
    lines += [f"  {usage.ljust(width)}  {what}" for usage, what in answer.usage]
    lines.append("Admin:")
    lines += [f"  {usage.ljust(width)}  {what}" for usage, what in answer.admin_usage]
    return lines


@_lines.register
def _(answer: NotFoundAnswer) -> list[str]:
    messages = {
        "speaker": f"No speaker matches {answer.query!r}.",
        "words": f"Nobody in the stored articles said anything like {answer.query!r}.",
        "article": f"No article matches {answer.query!r}.",
        "topic": f"Nothing in the stored articles is about {answer.query!r}.",
        "dispute": f"No recorded dispute matches {answer.query!r}.",
        "articles": "No articles yet. Add summaries to the briefs folder.",
    }
    lines = [messages.get(answer.what, f"Nothing matches {answer.query!r}.")]
    if answer.suggestions:
        lines.append("Did you mean: " + ", ".join(answer.suggestions) + "?")
    return lines


@_lines.register
def _(answer: AmbiguousAnswer) -> list[str]:
    lines = [f"{answer.query!r} fits more than one {answer.what}. Which one?"]
    return lines + [f"  • {candidate}" for candidate in answer.candidates]


@_lines.register
def _(answer: SpeakerAnswer) -> list[str]:
    shown = len(answer.statements)
    count = f"{answer.total} statement{'s' if answer.total != 1 else ''}"
    lines = [
        f"{answer.title} — {count}" + (f", first {shown} shown" if shown < answer.total else "")
    ]
    if answer.approximate:
        lines.append(f"(closest name to {answer.query!r})")
    if answer.note:
        lines.append(answer.note)
    if answer.topic and answer.statements:
        lines.append(f"About {answer.topic}:")
    several = len({s.speaker_key for s in answer.statements}) > 1
    for number, record in enumerate(answer.statements, start=1):
        first, second = statement_lines(record, speaker=several)
        lines += [f"{number}. {first}", second]
    return lines


@_lines.register
def _(answer: SaidAnswer) -> list[str]:
    top = answer.matches[0]
    best = top.statement
    if top.approximate:
        lead = "No one said exactly that. Approximate match"
    else:
        lead = "Said by" if top.exact else "Said by (all the words, not as one phrase)"
    lines = [
        f"{lead}: {best.speaker_shown}" + (f", {best.speaker_role}" if best.speaker_role else "")
    ]
    for number, match in enumerate(answer.matches, start=1):
        first, second = statement_lines(match.statement, speaker=True)
        label = " (approximate)" if match.approximate and not top.approximate else ""
        lines += [f"{number}. {first}{label}", second]
        if match.dispute is not None:
            lines.append(INDENT + "Disputed: " + _dispute(match.dispute))
    return lines


def _dispute(line: DisputeLine) -> str:
    by = f"claimed by {line.claimed_by}" if line.claimed_by else "claimed"
    against = f"; disputed by {line.disputed_by}" if line.disputed_by else ""
    return f"{line.claim} ({by}{against})"


@_lines.register
def _(answer: ProfileAnswer) -> list[str]:
    speaker = answer.speaker
    lines = [speaker.name + (f", {speaker.role}" if speaker.role else "")]
    if answer.names:
        lines.append("Also: " + ", ".join(answer.names))
    count = f"{answer.total} statement{'s' if answer.total != 1 else ''}"
    lines.append(f"{count} in {len(answer.articles)} article(s):")
    lines += [
        INDENT + f"{a.title}" + (f" ({a.outlet})" if a.outlet else "") for a in answer.articles
    ]
    return lines


@_lines.register
def _(answer: NoCommentAnswer) -> list[str]:
    if answer.subject and not answer.lines:
        return [f"The stored articles record no comment from {answer.subject!r}, nor a refusal."]
    if not answer.lines:
        scope = f"“{answer.story.title}”" if answer.story else "the stored articles"
        return [f"Nobody is recorded as declining to comment in {scope}."]
    lines = [f"No: {answer.subject} gave no comment." if answer.subject else "No comment:"]
    for line in answer.lines:
        place = f", paragraph {line.paragraph}" if line.paragraph is not None else ""
        lines.append(f"{INDENT}{line.name} {line.response} · {line.article.title}{place}")
    return lines


@_lines.register
def _(answer: DisputesAnswer) -> list[str]:
    if not answer.items:
        scope = f"“{answer.story.title}”" if answer.story else "the stored articles"
        return [f"No disputed claims recorded in {scope}."]
    lines = ["Disputed:"]
    for item in answer.items:
        lines.append(f"• {_dispute(item.dispute)} · {item.article.title}")
        for label, record in (("claim", item.claim_words), ("dispute", item.dispute_words)):
            if record is not None:
                lines.append(f"{INDENT}{label}: {record.speaker_shown}: {quoted(record)}")
    return lines


@_lines.register
def _(answer: TopicAnswer) -> list[str]:
    who = "Anonymous sources on" if answer.anonymous_only else "Who said what about"
    lines = [f"{who} {answer.topic} — {answer.total} statement(s)"]
    for number, record in enumerate(answer.statements, start=1):
        first, second = statement_lines(record, speaker=True)
        lines += [f"{number}. {first}", second]
    return lines


@_lines.register
def _(answer: QuotesAnswer) -> list[str]:
    lines = [f"Who said what in “{answer.article.title}”"]
    if not answer.groups:
        lines.append("No statements recorded for this article.")
    for group in answer.groups:
        lines.append(f"{group.name}" + (f", {group.role}" if group.role else ""))
        for record in group.statements:
            lines.append(f"{INDENT}¶{record.paragraph} {quoted(record)} ({how_said(record)})")
    return lines


@_lines.register
def _(answer: SourcesAnswer) -> list[str]:
    lines = [f"Sourcing of “{answer.article.title}”"]
    if answer.focus_line:
        lines.insert(0, answer.focus_line)
    lines.append(f"Named ({len(answer.named)}):")
    lines += [INDENT + _source(line) for line in answer.named] or [INDENT + "none"]
    people = f", {answer.anonymous_people} people where stated" if answer.anonymous_people else ""
    lines.append(f"Anonymous ({len(answer.anonymous)}{people}):")
    lines += [INDENT + _source(line) for line in answer.anonymous] or [INDENT + "none"]
    lines.append("No comment: " + (", ".join(answer.no_comment) or "none noted"))
    lines.append("Disputed:" + ("" if answer.disputed else " none noted"))
    for dispute in answer.disputed:
        by = f" (claimed by {dispute.claimed_by}" if dispute.claimed_by else " ("
        by += f"; disputed by {dispute.disputed_by})" if dispute.disputed_by else ")"
        lines.append(f"{INDENT}{dispute.claim}{by if by != ' ()' else ''}")
    return lines


def _source(line: SourceLine) -> str:
    detail = f", {line.detail}" if line.detail else ""
    people = f" [{line.people} {'person' if line.people == 1 else 'people'}]" if line.people else ""
    said = f" — {line.statements} statement{'s' if line.statements != 1 else ''}"
    return f"{line.name}{detail}{people}{said}"
