"""Answers of the core as Block Kit: one renderer per kind of answer, pure functions.

Article words and what a user typed are ``Run``s in rich text, or plain text in context
blocks, so that Slack shows them exactly as written; only our own labels are mrkdwn. Each
renderer returns the notification text, the groups of blocks (kept whole by the pager) and
the follow-up buttons, if any.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import singledispatch

from bot.adapters.slack.blocks import (
    Block,
    Group,
    Line,
    Run,
    actions,
    bold,
    button,
    contexts,
    divider,
    entities,
    italic,
    plain,
    rich,
    sections,
)
from bot.adapters.slack.buttons import QUOTES_ACTION, SPEAKER_ACTION, story_buttons
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

EMPTY_BRIEFING = "No articles yet. Add summaries to the briefs folder."
KIND_WORDS = {
    StatementKind.DIRECT: "direct quote",
    StatementKind.PARTIAL: "partial quote",
    StatementKind.INDIRECT: "paraphrase",
}
Rendered = tuple[str, list[Group], Block | None]  # fallback text, groups, buttons


@singledispatch
def answer_groups(answer: object) -> Rendered:
    """The answer as fallback text, groups of blocks and follow-up buttons."""
    raise TypeError(f"no Block Kit rendering for {type(answer).__name__}")


@answer_groups.register
def _(answer: HelpAnswer) -> Rendered:
    groups = [Group(rich([[italic(answer.problem)]]))] if answer.problem else []
    lines = ["*Ask in your own words*, e.g. `/brief what did Quigley say about Europe?`"]
    lines.append("*Commands*")
    lines += [f"`{entities(usage)}` {what}" for usage, what in answer.usage]
    lines.append("*Admin*")
    lines += [f"`{entities(usage)}` {what}" for usage, what in answer.admin_usage]
    groups.append(Group(sections(lines)))
    return entities(answer.problem or "briefbot help"), groups, None


@answer_groups.register
def _(answer: NotFoundAnswer) -> Rendered:
    query = answer.query
    messages = {
        "speaker": f"No speaker matches “{query}”.",
        "words": f"Nobody in the stored articles said anything like “{query}”.",
        "article": f"No article matches “{query}”.",
        "topic": f"Nothing in the stored articles is about “{query}”.",
        "dispute": f"No recorded dispute matches “{query}”.",
        "articles": EMPTY_BRIEFING,
    }
    lines = [messages.get(answer.what, f"Nothing matches “{query}”.")]
    if answer.suggestions:
        lines.append("Did you mean: " + ", ".join(answer.suggestions) + "?")
    return entities(lines[0]), [Group(rich([[plain(line)] for line in lines]))], None


@answer_groups.register
def _(answer: AmbiguousAnswer) -> Rendered:
    first = f"“{answer.query}” fits more than one {answer.what}. Which one?"
    lines = [[plain(first)], *([plain(f"• {c}")] for c in answer.candidates)]
    return entities(first), [Group(rich(lines))], None


@answer_groups.register
def _(answer: SpeakerAnswer) -> Rendered:
    shown, total = len(answer.statements), answer.total
    count = f" — {total} statement{'s' if total != 1 else ''}"
    count += f", first {shown} shown" if shown < total else ""
    lines: list[Line] = [[bold(answer.title), plain(count)]]
    if answer.approximate:
        lines.append([italic(f"(closest name to “{answer.query}”)")])
    if answer.note:
        lines.append([italic(answer.note)])
    if answer.topic and answer.statements:
        lines.append([plain(f"About {answer.topic}:")])
    several = len({s.speaker_key for s in answer.statements}) > 1
    groups = [Group(rich(lines))]
    groups += [_statement(record, speaker=several) for record in answer.statements]
    buttons = story_buttons([s.article_id for s in answer.statements])
    return entities(answer.title + count), groups, buttons if answer.statements else None


@answer_groups.register
def _(answer: SaidAnswer) -> Rendered:
    top = answer.matches[0]
    best = top.statement
    if top.approximate:
        lead = "No one said exactly that. Approximate match"
    else:
        lead = "Said by" if top.exact else "Said by (all the words, not as one phrase)"
    role = f", {best.speaker_role}" if best.speaker_role else ""
    groups = [Group(rich([[plain(f"{lead}: "), bold(best.speaker_shown), plain(role)]]))]
    for match in answer.matches:
        label = " (approximate)" if match.approximate and not top.approximate else ""
        disputed = [f"Disputed: {_dispute(match.dispute)}"] if match.dispute else []
        groups.append(_statement(match.statement, speaker=True, label=label, notes=disputed))
    buttons = story_buttons([best.article_id], best.speaker_name)
    return entities(f"{lead}: {best.speaker_shown}{role}"), groups, buttons


def _dispute(line: DisputeLine) -> str:
    by = f"claimed by {line.claimed_by}" if line.claimed_by else "claimed"
    against = f"; disputed by {line.disputed_by}" if line.disputed_by else ""
    return f"{line.claim} ({by}{against})"


@answer_groups.register
def _(answer: ProfileAnswer) -> Rendered:
    speaker = answer.speaker
    title = speaker.name + (f", {speaker.role}" if speaker.role else "")
    count = f"{answer.total} statement{'s' if answer.total != 1 else ''}"
    lines: list[Line] = [[bold(title)]]
    if answer.names:
        lines.append([plain("Also: " + ", ".join(answer.names))])
    lines.append([plain(f"{count} in {len(answer.articles)} article(s):")])
    lines += [
        [plain("• "), bold(a.title), plain(f" ({a.outlet})" if a.outlet else "")]
        for a in answer.articles
    ]
    buttons = actions(button("What they said", SPEAKER_ACTION, speaker.name))
    return entities(title), [Group(rich(lines))], buttons


@answer_groups.register
def _(answer: NoCommentAnswer) -> Rendered:
    scope = f"“{answer.story.title}”" if answer.story else "the stored articles"
    if answer.subject and not answer.lines:
        first = f"The stored articles record no comment from “{answer.subject}”, nor a refusal."
    elif not answer.lines:
        first = f"Nobody is recorded as declining to comment in {scope}."
    else:
        first = f"No: {answer.subject} gave no comment." if answer.subject else "No comment:"
    lines: list[Line] = [[plain(first)]]
    for line in answer.lines:
        place = f", paragraph {line.paragraph}" if line.paragraph is not None else ""
        where = plain(f" {line.response} · {line.article.title}{place}")
        lines.append([plain("• "), bold(line.name), where])
    ids = [line.article.id for line in answer.lines]
    return entities(first), [Group(rich(lines))], story_buttons(ids) if ids else None


@answer_groups.register
def _(answer: DisputesAnswer) -> Rendered:
    if not answer.items:
        scope = f"“{answer.story.title}”" if answer.story else "the stored articles"
        first = f"No disputed claims recorded in {scope}."
        return entities(first), [Group(rich([[plain(first)]]))], None
    groups = [Group(rich([[bold("Disputed")]]))]
    for item in answer.items:
        lines: list[Line] = [[plain(f"• {_dispute(item.dispute)} · "), bold(item.article.title)]]
        for label, record in (("claim", item.claim_words), ("dispute", item.dispute_words)):
            if record is not None:
                who = [plain(f"{label}: "), bold(record.speaker_shown), plain(": ")]
                lines.append([*who, *_words(record)])
        groups.append(Group([divider(), *rich(lines)]))
    buttons = story_buttons([item.article.id for item in answer.items])
    return "Disputed claims", groups, buttons


@answer_groups.register
def _(answer: TopicAnswer) -> Rendered:
    who = "Anonymous sources on" if answer.anonymous_only else "Who said what about"
    first = f"{who} {answer.topic} — {answer.total} statement(s)"
    count = plain(f" — {answer.total} statement(s)")
    groups = [Group(rich([[plain(f"{who} "), bold(answer.topic), count]]))]
    groups += [_statement(record, speaker=True) for record in answer.statements]
    ids = [record.article_id for record in answer.statements]
    return entities(first), groups, story_buttons(ids) if ids else None


@answer_groups.register
def _(answer: QuotesAnswer) -> Rendered:
    title = answer.article.title
    groups = [Group(rich([[plain("Who said what in "), bold(title)]]))]
    if not answer.groups:
        groups.append(Group(sections(["No statements recorded for this article."])))
    for group in answer.groups:
        lines: list[Line] = [[bold(group.name), plain(f", {group.role}" if group.role else "")]]
        lines += [
            [plain(f"¶{r.paragraph} "), *_words(r), italic(f" ({_how(r)})")]
            for r in group.statements
        ]
        groups.append(Group([divider(), *rich(lines)]))
    buttons = story_buttons([answer.article.id])
    return entities(f"Who said what in {title}"), groups, buttons


@answer_groups.register
def _(answer: SourcesAnswer) -> Rendered:
    title = answer.article.title
    people = f", {answer.anonymous_people} people where stated" if answer.anonymous_people else ""
    lines: list[Line] = [
        [plain("Sourcing of "), bold(title)],
        [bold(f"Named ({len(answer.named)})")],
    ]
    focus = answer.focus_line
    if focus:
        lines.insert(0, [plain(focus)])
    lines += [[plain(f"• {_source(line)}")] for line in answer.named] or [[plain("• none")]]
    lines.append([bold(f"Anonymous ({len(answer.anonymous)}{people})")])
    lines += [[plain(f"• {_source(line)}")] for line in answer.anonymous] or [[plain("• none")]]
    lines.append([bold("No comment: "), plain(", ".join(answer.no_comment) or "none")])
    lines.append([bold("Disputed:"), plain("" if answer.disputed else " none noted")])
    for dispute in answer.disputed:
        who = [f"claimed by {dispute.claimed_by}"] if dispute.claimed_by else []
        who += [f"disputed by {dispute.disputed_by}"] if dispute.disputed_by else []
        lines.append([plain(f"• {dispute.claim}"), italic(f" ({'; '.join(who)})" if who else "")])
    buttons = actions(button("Who said what", QUOTES_ACTION, answer.article.id))
    return entities(f"Sourcing of {title}"), [Group(rich(lines))], buttons


def _statement(
    record: StatementRecord, *, speaker: bool, label: str = "", notes: Sequence[str] = ()
) -> Group:
    """A statement: its words, then who, how and where (and any notes) in small print."""
    who = f"{record.speaker_shown} · " if speaker or record.low_confidence else ""
    details = [d for d in (record.outlet, _date(record)) if d]
    outlet = f" ({', '.join(details)})" if details else ""
    where = f"{record.article_title}{outlet}, paragraph {record.paragraph}"
    words = [*_words(record), italic(label)]
    return Group([*rich([words]), *contexts([f"{who}{_how(record)} · {where}", *notes])])


def _date(record: StatementRecord) -> str | None:
    return f"{record.published:%d %b %Y}" if record.published else None


def _words(record: StatementRecord) -> list[Run]:
    """The words as written: direct quotes in quotation marks, paraphrase as is."""
    text = f"“{record.text}”" if record.kind is StatementKind.DIRECT else record.text
    shown = [plain(text)]
    if record.verified is False:
        shown.append(italic(" [unverified: not found word for word in the article]"))
    return shown


def _how(record: StatementRecord) -> str:
    """'direct quote, said on December 19'."""
    cue = " ".join(p for p in (record.cue, record.when) if p)
    return ", ".join(p for p in (KIND_WORDS[record.kind], cue) if p)


def _source(line: SourceLine) -> str:
    detail = f", {line.detail}" if line.detail else ""
    count = f" [{line.people} {'person' if line.people == 1 else 'people'}]" if line.people else ""
    said = f" — {line.statements} statement{'s' if line.statements != 1 else ''}"
    return f"{line.name}{detail}{count}{said}"
