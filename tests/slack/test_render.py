"""Block Kit payloads within Slack's limits, split rather than cut, and inert article text."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest

from bot.adapters.slack.blocks import Message, escape, pack_lines
from bot.adapters.slack.render import QUOTES_ACTION, render, render_briefing
from bot.core.answers import answer
from bot.core.briefing import Briefing, BriefingItem, QuoteLine
from bot.core.commands import parse
from bot.core.summary import Summary
from bot.store import Store
from tests.conftest import NOW

INJECTIONS = "<!channel> <!here> <@U123> <https://evil.example|click> &amp; *bold* ~strike~ `code`"
LINK = re.compile(r"<[^>]*>")


def texts(message: Message) -> list[str]:
    """Every text object's text in a message, plus its fallback."""
    found = [message.text]

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("text"), str):
                found.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(list(message.blocks))
    return found


def assert_within_limits(message: Message) -> None:
    """Slack's documented limits, and the total well under the 12k seen to fail."""
    blocks = list(message.blocks)
    assert 1 <= len(blocks) <= 50
    assert len(json.dumps(blocks, ensure_ascii=False)) < 11_000
    assert len(message.text) <= 3000
    for block in blocks:
        if block["type"] == "header":
            assert len(block["text"]["text"]) <= 150
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= 3000
        if block["type"] == "context":
            assert len(block["elements"]) <= 10
            assert all(len(e["text"]) <= 2000 for e in block["elements"])
        if block["type"] == "actions":
            assert all(len(e["value"]) <= 2000 for e in block["elements"])


def big_item(number: int) -> BriefingItem:
    long_point = " ".join(f"Sentence {i} of a very long point & more <detail>." for i in range(60))
    return BriefingItem(
        article_id=f"article-{number:03d}-" + "x" * 40,
        title=f"Article {number}: a long title about the state of things & stuff",
        outlet="The Long Gazette",
        byline=("A. Writer", "B. Writer"),
        url=f"https://news.example/{number}?a=1&b=2",
        points=(long_point, long_point[:1500], "A short third point."),
        figures=("~20% of things", "800,000 troops", "+6,000 km²"),
        quotes=tuple(QuoteLine(f"Speaker {q}", "Words " * 40, q) for q in range(3)),
        no_comment=("ODNI", "CIA"),
        disputed=("Something contested " * 10,),
    )


@pytest.fixture
def largest_briefing() -> Briefing:
    """Far past any budget: 40 long items, each point near the section limit once escaped."""
    return Briefing("Morning briefing", dt.date(2025, 12, 20), tuple(map(big_item, range(40))))


def test_largest_briefing_is_split_between_items_within_limits(
    largest_briefing: Briefing,
) -> None:
    messages = render_briefing(largest_briefing, buttons=True)
    assert len(messages) > 1
    for message in messages:
        assert_within_limits(message)
    shown = " ".join(" ".join(texts(m)) for m in messages)
    flat = " ".join(shown.split())
    for item in largest_briefing.items:
        for point in item.points:  # nothing is truncated, only moved
            assert " ".join(escape(point).split()) in flat
    headers = [m.blocks[0]["text"]["text"] for m in messages]
    assert headers[0] == f"Morning briefing · Sat 20 Dec 2025 (1/{len(messages)})"


def test_each_message_carries_buttons_naming_its_own_articles(
    largest_briefing: Briefing,
) -> None:
    messages = render_briefing(largest_briefing, buttons=True)
    titles = {item.article_id: escape(item.title) for item in largest_briefing.items}
    named: list[str] = []
    for message in messages:
        buttons = message.blocks[-1]
        assert buttons["type"] == "actions"
        assert buttons["elements"][0]["action_id"] == QUOTES_ACTION
        ids = buttons["elements"][0]["value"].split()
        shown = json.dumps(message.blocks, ensure_ascii=False)
        assert all(titles[i] in shown for i in ids)
        named += ids
    assert named == [item.article_id for item in largest_briefing.items]


def test_one_oversized_line_is_broken_at_spaces_not_inside_an_entity() -> None:
    line = "&" * 2000 + " " + "word " * 1000
    chunks = pack_lines([escape(line)], 3000)
    assert all(len(chunk) <= 3000 for chunk in chunks)
    assert all(not re.search(r"&(?!amp;)", chunk) for chunk in chunks)
    assert "".join(chunks).replace(" ", "").count("&amp;") == 2000


def injected_item() -> BriefingItem:
    return BriefingItem(
        article_id="evil",
        title=f"Title {INJECTIONS}",
        outlet=f"Outlet {INJECTIONS}",
        byline=(f"Byline {INJECTIONS}",),
        url="https://news.example/story?x=1&y=<2>|3",
        points=(f"Point {INJECTIONS}", f"Lede {INJECTIONS}"),
        figures=(f"Figure {INJECTIONS}",),
        quotes=(QuoteLine(f"Speaker {INJECTIONS}", f"Words {INJECTIONS}", 1),),
        no_comment=(f"Nobody {INJECTIONS}",),
        disputed=(f"Claim {INJECTIONS}",),
    )


def assert_inert(message: Message) -> None:
    """No mention, no link except the article's own URL, no formatting from article text."""
    for text in texts(message):
        for bracketed in LINK.findall(text):
            assert bracketed.startswith("<https://news.example/story?x=1&amp;y=%3C2%3E%7C3|")
        assert "<!" not in text and "<@" not in text and "|click>" not in text
        assert "*bold*" not in text and "~strike~" not in text and "`code`" not in text


def test_article_text_cannot_ping_link_or_format() -> None:
    briefing = Briefing("Briefing", dt.date(2025, 12, 20), (injected_item(),))
    (message,) = render_briefing(briefing, buttons=True)
    assert_within_limits(message)
    assert_inert(message)
    shown = json.dumps(list(message.blocks), ensure_ascii=False)
    assert "&lt;!channel&gt;" in shown and "&lt;@U123&gt;" in shown
    assert "&amp;amp;" in shown  # an entity in the article stays visible as written


def test_escape_turns_every_bracket_and_ampersand_into_an_entity() -> None:
    assert escape("<!here> & <@U1>") == "&lt;!here&gt; &amp; &lt;@U1&gt;"
    assert escape("~20% *x* _y_ `z`") == "∼20% ∗x∗ ˍyˍ ˋzˋ"


async def injected_store(store: Store, seed_summary: Summary) -> Store:
    """The seed article with injection attempts in a person's name and in a quote."""
    data = seed_summary.model_dump(mode="json")
    data["article"]["id"] = "evil-article"
    data["article"]["title"] = f"Evil {INJECTIONS}"
    data["people"][0]["name"] = f"Vladimir <!channel> Putin {INJECTIONS}"
    data["statements"][0]["text"] = f"tremendous injection {INJECTIONS}"
    data["text"] = None
    await store.put(Summary.model_validate(data), content_hash="x", origin=None)
    return store


@pytest.mark.parametrize(
    "command", ["", "who putin", "said tremendous injection", "quotes evil", "sources evil"]
)
async def test_answers_from_an_injected_article_are_inert(
    store: Store, seed_summary: Summary, command: str
) -> None:
    library = await injected_store(store, seed_summary)
    for message in render(await answer(parse(command), library, now=NOW)):
        assert_within_limits(message)
        assert_inert(message)
