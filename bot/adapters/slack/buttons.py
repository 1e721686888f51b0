"""The buttons under Slack messages: under a briefing, and follow-ups under an answer.

A button's ``value`` carries what it asks about (article ids, a speaker's name); clicks come
back to ``handlers`` by ``action_id``. Action ids need no entry in the app manifest.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.adapters.slack.blocks import Block, actions, button

QUOTES_ACTION = "briefbot_quotes"
SOURCES_ACTION = "briefbot_sources"
SPEAKER_ACTION = "briefbot_speaker"
MAX_IDS_VALUE = 600  # characters of article ids carried by a button
MAX_STORIES = 3  # articles a "Sources" button under an answer names


def briefing_buttons(article_ids: Sequence[str]) -> Block:
    """The follow-up buttons under a briefing; their value names the articles on this message."""
    value = ids_value(article_ids)
    return actions(
        button("Who said what", QUOTES_ACTION, value), button("Sources", SOURCES_ACTION, value)
    )


def ids_value(article_ids: Sequence[str]) -> str:
    """Whole ids only, as many as fit ``MAX_IDS_VALUE`` (a page rarely holds more than a few)."""
    kept: list[str] = []
    for article_id in dict.fromkeys(article_ids):
        if len(" ".join([*kept, article_id])) > MAX_IDS_VALUE:
            break
        kept.append(article_id)
    return " ".join(kept)


def story_buttons(article_ids: Sequence[str], speaker: str | None = None) -> Block:
    """'More from this speaker' and 'Sources of this story' under an answer."""
    ids = list(dict.fromkeys(article_ids))[:MAX_STORIES]
    elements = [button("More from this speaker", SPEAKER_ACTION, speaker)] if speaker else []
    label = "Sources of this story" if len(ids) == 1 else "Sources of these stories"
    elements.append(button(label, SOURCES_ACTION, ids_value(ids)))
    return actions(*elements)
