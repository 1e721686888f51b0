"""Answers and briefings as Block Kit messages: pure functions, the Slack twin of the console's.

Every renderer returns a list of ``Message``: usually one, several when a long briefing or
answer would pass Slack's limits (see ``blocks``). All text that came from an article or from a
user goes through ``escape``/``entities``; only our own labels carry mrkdwn.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import singledispatch

from bot.adapters.slack.blocks import (
    Block,
    Group,
    Message,
    actions,
    block_size,
    button,
    contexts,
    divider,
    entities,
    escape,
    fallback,
    header,
    link,
    paginate,
    sections,
)
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

QUOTES_ACTION = "briefbot_quotes"
SOURCES_ACTION = "briefbot_sources"
MAX_IDS_VALUE = 600  # characters of article ids carried by a button
EMPTY_BRIEFING = "No articles yet. Add summaries to the briefs folder."
KIND_WORDS = {
    StatementKind.DIRECT: "direct quote",
    StatementKind.PARTIAL: "partial quote",
    StatementKind.INDIRECT: "paraphrase",
}


def render_briefing(briefing: Briefing, *, buttons: bool = False) -> list[Message]:
    """A briefing as one or more messages, split between items; ``buttons`` for channel posts."""
    groups = [_item_group(n, item) for n, item in enumerate(briefing.items, start=1)]
    if not briefing.items:
        groups.append(Group(sections([EMPTY_BRIEFING])))
    if briefing.omitted:
        note = f"({briefing.omitted} more article(s) left out to keep it short)"
        groups.append(Group(contexts([note])))
    extras = [header(briefing.heading + " (99/99)"), _buttons(["x" * MAX_IDS_VALUE])]
    reserved = sum(block_size(b) for b in extras)
    pages = paginate(groups, reserved_blocks=len(extras), reserved_size=reserved)
    titles = [f"{n}. {escape(item.title)}" for n, item in enumerate(briefing.items, start=1)]
    messages = []
    for number, page in enumerate(pages, start=1):
        heading = briefing.heading + (f" ({number}/{len(pages)})" if len(pages) > 1 else "")
        blocks = [header(heading), *page.blocks]
        if buttons and page.article_ids:
            blocks.append(_buttons(page.article_ids))
        messages.append(Message(fallback([entities(heading), *titles]), tuple(blocks)))
    return messages


def _item_group(number: int, item: BriefingItem) -> Group:
    """One briefing item: title and points, then who said what and the notes in small print."""
    title = f"*{number}. {link(item.url, escape(item.title))}*"
    lines = [f"{title} — {escape(item.credit)}" if item.credit else title]
    lines += [f"• {escape(point)}" for point in item.points]
    if item.figures:
        lines.append("• Figures: " + " · ".join(escape(f) for f in item.figures))
    small: list[str] = []
    if item.quotes:
        said = (f"*{escape(q.speaker)}* “{escape(q.words)}”" for q in item.quotes)
        small.append("Who said what: " + " · ".join(said))
    notes = []
    if item.no_comment:
        notes.append("No comment: " + ", ".join(escape(n) for n in item.no_comment))
    if item.disputed:
        notes.append("Disputed: " + "; ".join(escape(d) for d in item.disputed))
    if notes:
        small.append(" · ".join(notes))
    blocks = [divider(), *sections(lines), *contexts(small)]
    return Group(blocks, (item.article_id,))


def _buttons(article_ids: Sequence[str]) -> Block:
    """The follow-up buttons; their value names the articles on this message.

    Whole ids only, as many as fit ``MAX_IDS_VALUE`` (a page rarely holds more than a few).
    """
    kept: list[str] = []
    for article_id in article_ids:
        if len(" ".join([*kept, article_id])) > MAX_IDS_VALUE:
            break
        kept.append(article_id)
    value = " ".join(kept)
    return actions(
        button("Who said what", QUOTES_ACTION, value), button("Sources", SOURCES_ACTION, value)
    )


def render(answer: Answer) -> list[Message]:
    """Any answer as messages (usually one)."""
    if isinstance(answer, BriefingAnswer):
        return render_briefing(answer.briefing)
    title, groups = _answer_groups(answer)
    pages = paginate(groups, reserved_blocks=0, reserved_size=0)
    return [Message(fallback([title]), tuple(page.blocks)) for page in pages]


def render_notice(text: str) -> Message:
    """A short message of our own (a refusal, an apology, a confirmation); ``text`` is mrkdwn."""
    return Message(text, tuple(sections([text])))


@singledispatch
def _answer_groups(answer: object) -> tuple[str, list[Group]]:
    raise TypeError(f"no Block Kit rendering for {type(answer).__name__}")


@_answer_groups.register
def _(answer: HelpAnswer) -> tuple[str, list[Group]]:
    lines = [f"_{entities(answer.problem)}_", ""] if answer.problem else []
    lines.append("*Commands*")
    lines += [f"`{entities(usage)}` {what}" for usage, what in answer.usage]
    lines.append("*Admin*")
    lines += [f"`{entities(usage)}` {what}" for usage, what in answer.admin_usage]
    return entities(answer.problem or "briefbot help"), [Group(sections(lines))]


@_answer_groups.register
def _(answer: NotFoundAnswer) -> tuple[str, list[Group]]:
    query = escape(answer.query)
    messages = {
        "speaker": f"No speaker matches “{query}”.",
        "words": f"Nobody in the stored articles said anything like “{query}”.",
        "article": f"No article matches “{query}”.",
        "articles": EMPTY_BRIEFING,
    }
    lines = [messages.get(answer.what, f"Nothing matches “{query}”.")]
    if answer.suggestions:
        lines.append("Did you mean: " + ", ".join(escape(s) for s in answer.suggestions) + "?")
    return lines[0], [Group(sections(lines))]


@_answer_groups.register
def _(answer: AmbiguousAnswer) -> tuple[str, list[Group]]:
    first = f"“{escape(answer.query)}” fits more than one {answer.what}. Which one?"
    lines = [first, *(f"• {escape(c)}" for c in answer.candidates)]
    return first, [Group(sections(lines))]


@_answer_groups.register
def _(answer: SpeakerAnswer) -> tuple[str, list[Group]]:
    shown, total = len(answer.statements), answer.total
    count = f"{total} statement{'s' if total != 1 else ''}"
    first = f"*{escape(answer.title)}* — {count}" + (
        f", first {shown} shown" if shown < total else ""
    )
    lines = [first]
    if answer.approximate:
        lines.append(f"_(closest name to “{escape(answer.query)}”)_")
    several = len({s.speaker_key for s in answer.statements}) > 1
    groups = [Group(sections(lines))]
    groups += [_statement(record, speaker=several) for record in answer.statements]
    return first, groups


@_answer_groups.register
def _(answer: SaidAnswer) -> tuple[str, list[Group]]:
    best = answer.matches[0].statement
    lead = "Closest match" if answer.approximate or not answer.matches[0].exact else "Said by"
    role = f", {escape(best.speaker_role)}" if best.speaker_role else ""
    first = f"{lead}: *{escape(best.speaker_name)}*{role}"
    groups = [Group(sections([first]))]
    groups += [_statement(match.statement, speaker=True) for match in answer.matches]
    return first, groups


@_answer_groups.register
def _(answer: QuotesAnswer) -> tuple[str, list[Group]]:
    first = f"Who said what in *{escape(answer.article.title)}*"
    groups = [Group(sections([first]))]
    if not answer.groups:
        groups.append(Group(sections(["No statements recorded for this article."])))
    for group in answer.groups:
        role = f", {escape(group.role)}" if group.role else ""
        lines = [f"*{escape(group.name)}*{role}"]
        lines += [f"¶{r.paragraph} {_words(r)} _({_how(r)})_" for r in group.statements]
        groups.append(Group([divider(), *sections(lines)]))
    return first, groups


@_answer_groups.register
def _(answer: SourcesAnswer) -> tuple[str, list[Group]]:
    first = f"Sourcing of *{escape(answer.article.title)}*"
    people = f", {answer.anonymous_people} people where stated" if answer.anonymous_people else ""
    lines = [first, f"*Named* ({len(answer.named)})"]
    lines += [f"• {_source(line)}" for line in answer.named] or ["• none"]
    lines.append(f"*Anonymous* ({len(answer.anonymous)}{people})")
    lines += [f"• {_source(line)}" for line in answer.anonymous] or ["• none"]
    lines.append("*No comment:* " + (", ".join(escape(n) for n in answer.no_comment) or "none"))
    lines.append("*Disputed:*" + ("" if answer.disputed else " none noted"))
    for dispute in answer.disputed:
        who = [f"claimed by {escape(dispute.claimed_by)}"] if dispute.claimed_by else []
        who += [f"disputed by {escape(dispute.disputed_by)}"] if dispute.disputed_by else []
        lines.append(f"• {escape(dispute.claim)}" + (f" _({'; '.join(who)})_" if who else ""))
    return first, [Group(sections(lines))]


def _statement(record: StatementRecord, *, speaker: bool) -> Group:
    """A statement: its words, then who, how and where in small print."""
    who = f"*{escape(record.speaker_name)}* · " if speaker else ""
    outlet = f" ({escape(record.outlet)})" if record.outlet else ""
    where = f"{escape(record.article_title)}{outlet}, paragraph {record.paragraph}"
    return Group([*sections([_words(record)]), *contexts([f"{who}{_how(record)} · {where}"])])


def _words(record: StatementRecord) -> str:
    """The words as shown: direct quotes in quotation marks, paraphrase as is."""
    text = escape(record.text)
    shown = f"“{text}”" if record.kind is StatementKind.DIRECT else text
    if record.verified is False:
        shown += " _[unverified: not found word for word in the article]_"
    return shown


def _how(record: StatementRecord) -> str:
    """'direct quote, said on December 19'."""
    cue = " ".join(escape(p) for p in (record.cue, record.when) if p)
    return ", ".join(p for p in (KIND_WORDS[record.kind], cue) if p)


def _source(line: SourceLine) -> str:
    detail = f", {escape(line.detail)}" if line.detail else ""
    count = f" [{line.people} {'person' if line.people == 1 else 'people'}]" if line.people else ""
    said = f" — {line.statements} statement{'s' if line.statements != 1 else ''}"
    return f"{escape(line.name)}{detail}{count}{said}"
