"""Answers and briefings as Block Kit messages: pure functions, the Slack twin of the console's.

Every renderer returns a list of ``Message``: usually one, several when a long briefing or
answer would pass Slack's limits (see ``blocks``). Article words and what a user typed are
``Run``s in rich text, or plain text in context blocks, so Slack shows them exactly as written;
only our own labels are mrkdwn. An answer about a speaker or a story carries follow-up buttons.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import singledispatch

from bot.adapters.slack.blocks import (
    Block,
    Group,
    Line,
    Message,
    Run,
    actions,
    block_size,
    bold,
    button,
    contexts,
    divider,
    entities,
    fallback,
    header,
    italic,
    linked,
    paginate,
    plain,
    rich,
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
SPEAKER_ACTION = "briefbot_speaker"
MAX_IDS_VALUE = 600  # characters of article ids carried by a button
MAX_STORIES = 3  # articles a "Sources" button under an answer names
EMPTY_BRIEFING = "No articles yet. Add summaries to the briefs folder."
KIND_WORDS = {
    StatementKind.DIRECT: "direct quote",
    StatementKind.PARTIAL: "partial quote",
    StatementKind.INDIRECT: "paraphrase",
}
Rendered = tuple[str, list[Group], Block | None]  # fallback text, groups, buttons


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
    titles = [f"{n}. {entities(item.title)}" for n, item in enumerate(briefing.items, start=1)]
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
    title = [linked(item.url, f"{number}. {item.title}", strong=True)]
    lines: list[Line] = [[*title, plain(f" — {item.credit}")] if item.credit else title]
    lines += [[plain(f"• {point}")] for point in item.points]
    if item.figures:
        lines.append([plain("• Figures: " + " · ".join(item.figures))])
    small: list[str] = []
    if item.quotes:
        small.append(
            "Who said what: " + " · ".join(f"{q.speaker} “{q.words}”" for q in item.quotes)
        )
    notes = []
    if item.no_comment:
        notes.append("No comment: " + ", ".join(item.no_comment))
    if item.disputed:
        notes.append("Disputed: " + "; ".join(item.disputed))
    if notes:
        small.append(" · ".join(notes))
    blocks = [divider(), *rich(lines), *contexts(small)]
    return Group(blocks, (item.article_id,))


def _buttons(article_ids: Sequence[str]) -> Block:
    """The follow-up buttons under a briefing; their value names the articles on this message."""
    value = _ids_value(article_ids)
    return actions(
        button("Who said what", QUOTES_ACTION, value), button("Sources", SOURCES_ACTION, value)
    )


def _ids_value(article_ids: Sequence[str]) -> str:
    """Whole ids only, as many as fit ``MAX_IDS_VALUE`` (a page rarely holds more than a few)."""
    kept: list[str] = []
    for article_id in dict.fromkeys(article_ids):
        if len(" ".join([*kept, article_id])) > MAX_IDS_VALUE:
            break
        kept.append(article_id)
    return " ".join(kept)


def render(answer: Answer) -> list[Message]:
    """Any answer as messages (usually one); follow-up buttons go under the last."""
    if isinstance(answer, BriefingAnswer):
        return render_briefing(answer.briefing)
    title, groups, buttons = _answer_groups(answer)
    extras = [buttons] if buttons else []
    reserved = sum(block_size(b) for b in extras)
    pages = paginate(groups, reserved_blocks=len(extras), reserved_size=reserved)
    messages = [Message(fallback([title]), tuple(page.blocks)) for page in pages]
    if buttons:
        last = messages[-1]
        messages[-1] = Message(last.text, (*last.blocks, buttons))
    return messages


def render_notice(text: str) -> Message:
    """A short message of our own (a refusal, an apology, a confirmation); ``text`` is mrkdwn."""
    return Message(text, tuple(sections([text])))


def story_buttons(article_ids: Sequence[str], speaker: str | None = None) -> Block:
    """'More from this speaker' and 'Sources of this story' under an answer."""
    ids = list(dict.fromkeys(article_ids))[:MAX_STORIES]
    elements = [button("More from this speaker", SPEAKER_ACTION, speaker)] if speaker else []
    label = "Sources of this story" if len(ids) == 1 else "Sources of these stories"
    elements.append(button(label, SOURCES_ACTION, _ids_value(ids)))
    return actions(*elements)


@singledispatch
def _answer_groups(answer: object) -> Rendered:
    raise TypeError(f"no Block Kit rendering for {type(answer).__name__}")


@_answer_groups.register
def _(answer: HelpAnswer) -> Rendered:
    lines = [f"_{entities(answer.problem)}_", ""] if answer.problem else []
    lines.append("*Ask in your own words*, e.g. `/brief what did Quigley say about Europe?`")
    lines.append("*Commands*")
    lines += [f"`{entities(usage)}` {what}" for usage, what in answer.usage]
    lines.append("*Admin*")
    lines += [f"`{entities(usage)}` {what}" for usage, what in answer.admin_usage]
    return entities(answer.problem or "briefbot help"), [Group(sections(lines))], None


@_answer_groups.register
def _(answer: NotFoundAnswer) -> Rendered:
    query = answer.query
    messages = {
        "speaker": f"No speaker matches “{query}”.",
        "words": f"Nobody in the stored articles said anything like “{query}”.",
        "article": f"No article matches “{query}”.",
        "articles": EMPTY_BRIEFING,
    }
    lines = [messages.get(answer.what, f"Nothing matches “{query}”.")]
    if answer.suggestions:
        lines.append("Did you mean: " + ", ".join(answer.suggestions) + "?")
    return entities(lines[0]), [Group(rich([[plain(line)] for line in lines]))], None


@_answer_groups.register
def _(answer: AmbiguousAnswer) -> Rendered:
    first = f"“{answer.query}” fits more than one {answer.what}. Which one?"
    lines = [[plain(first)], *([plain(f"• {c}")] for c in answer.candidates)]
    return entities(first), [Group(rich(lines))], None


@_answer_groups.register
def _(answer: SpeakerAnswer) -> Rendered:
    shown, total = len(answer.statements), answer.total
    count = f" — {total} statement{'s' if total != 1 else ''}"
    count += f", first {shown} shown" if shown < total else ""
    lines: list[Line] = [[bold(answer.title), plain(count)]]
    if answer.approximate:
        lines.append([italic(f"(closest name to “{answer.query}”)")])
    several = len({s.speaker_key for s in answer.statements}) > 1
    groups = [Group(rich(lines))]
    groups += [_statement(record, speaker=several) for record in answer.statements]
    buttons = story_buttons([s.article_id for s in answer.statements])
    return entities(answer.title + count), groups, buttons if answer.statements else None


@_answer_groups.register
def _(answer: SaidAnswer) -> Rendered:
    best = answer.matches[0].statement
    lead = "Closest match" if answer.approximate or not answer.matches[0].exact else "Said by"
    role = f", {best.speaker_role}" if best.speaker_role else ""
    groups = [Group(rich([[plain(f"{lead}: "), bold(best.speaker_name), plain(role)]]))]
    groups += [_statement(match.statement, speaker=True) for match in answer.matches]
    buttons = story_buttons([best.article_id], best.speaker_name)
    return entities(f"{lead}: {best.speaker_name}{role}"), groups, buttons


@_answer_groups.register
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


@_answer_groups.register
def _(answer: SourcesAnswer) -> Rendered:
    title = answer.article.title
    people = f", {answer.anonymous_people} people where stated" if answer.anonymous_people else ""
    lines: list[Line] = [
        [plain("Sourcing of "), bold(title)],
        [bold(f"Named ({len(answer.named)})")],
    ]
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


def _statement(record: StatementRecord, *, speaker: bool) -> Group:
    """A statement: its words, then who, how and where in small print."""
    who = f"{record.speaker_name} · " if speaker else ""
    outlet = f" ({record.outlet})" if record.outlet else ""
    where = f"{record.article_title}{outlet}, paragraph {record.paragraph}"
    return Group([*rich([_words(record)]), *contexts([f"{who}{_how(record)} · {where}"])])


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
