"""Briefings and answers as Block Kit messages: pure functions, the Slack twin of the console's.

Every renderer returns a list of ``Message``: usually one, several when a long briefing or
answer would pass Slack's limits (see ``blocks``). Article words are ``Run``s in rich text or
plain text in context blocks, shown exactly as written; only our own labels are mrkdwn. The
answers' own renderers are in ``answers``, the buttons in ``buttons``.
"""

from __future__ import annotations

from bot.adapters.slack.answers import EMPTY_BRIEFING, answer_groups
from bot.adapters.slack.blocks import (
    Group,
    Line,
    Message,
    block_size,
    contexts,
    divider,
    entities,
    fallback,
    header,
    linked,
    paginate,
    plain,
    rich,
    sections,
)
from bot.adapters.slack.buttons import MAX_IDS_VALUE, briefing_buttons
from bot.core.answers import Answer, BriefingAnswer
from bot.core.briefing import Briefing, BriefingItem, notes_line, quotes_line


def render_briefing(briefing: Briefing, *, buttons: bool = False) -> list[Message]:
    """A briefing as one or more messages, split between items; ``buttons`` for channel posts."""
    groups = [_item_group(n, item) for n, item in enumerate(briefing.items, start=1)]
    if not briefing.items:
        groups.append(Group(sections([EMPTY_BRIEFING])))
    if briefing.omitted:
        note = f"({briefing.omitted} more article(s) left out to keep it short)"
        groups.append(Group(contexts([note])))
    extras = [header(briefing.heading + " (99/99)"), briefing_buttons(["x" * MAX_IDS_VALUE])]
    reserved = sum(block_size(b) for b in extras)
    pages = paginate(groups, reserved_blocks=len(extras), reserved_size=reserved)
    titles = [f"{n}. {entities(item.title)}" for n, item in enumerate(briefing.items, start=1)]
    messages = []
    for number, page in enumerate(pages, start=1):
        heading = briefing.heading + (f" ({number}/{len(pages)})" if len(pages) > 1 else "")
        blocks = [header(heading), *page.blocks]
        if buttons and page.article_ids:
            blocks.append(briefing_buttons(page.article_ids))
        messages.append(Message(fallback([entities(heading), *titles]), tuple(blocks)))
    return messages


def _item_group(number: int, item: BriefingItem) -> Group:
    """One briefing item: title and points, then who said what and the notes in small print."""
    title = [linked(item.url, f"{number}. {item.title}", strong=True)]
    lines: list[Line] = [[*title, plain(f" — {item.credit}")] if item.credit else title]
    lines += [[plain(f"• {point}")] for point in item.points]
    if item.figures:
        lines.append([plain("• Figures: " + " · ".join(item.figures))])
    small = [line for line in (quotes_line(item, ("“", "”")), notes_line(item)) if line]
    blocks = [divider(), *rich(lines), *contexts(small)]
    return Group(blocks, (item.article_id,))


def render(answer: Answer) -> list[Message]:
    """Any answer as messages (usually one); follow-up buttons go under the last."""
    if isinstance(answer, BriefingAnswer):
        return render_briefing(answer.briefing)
    title, groups, buttons = answer_groups(answer)
    extras = [buttons] if buttons else []
    reserved = sum(block_size(b) for b in extras)
    pages = paginate(groups, reserved_blocks=len(extras), reserved_size=reserved)
    messages = [Message(fallback([title]), tuple(page.blocks)) for page in pages]
    if buttons:
        last = messages[-1]
        messages[-1] = Message(last.text, (*last.blocks, buttons))
    return messages


def render_problem(text: str) -> Message:
    """A user's mistake explained: literal, since it may quote what they typed."""
    return Message(f":warning: {entities(text)}", tuple(rich([[plain(f"⚠️ {text}")]])))


def render_notice(text: str) -> Message:
    """A short message of our own (a refusal, an apology, a confirmation); ``text`` is mrkdwn."""
    return Message(text, tuple(sections([text])))
