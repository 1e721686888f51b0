"""Block Kit payloads within Slack's limits, split rather than cut, and article words verbatim."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from bot.adapters.slack.blocks import entities, pack_lines, plain, rich
from bot.adapters.slack.buttons import QUOTES_ACTION
from bot.adapters.slack.render import render, render_briefing
from bot.core.answers import answer
from bot.core.briefing import Briefing, BriefingItem, QuoteLine
from bot.core.commands import parse
from bot.core.display import link_url
from bot.core.summary import Summary
from bot.store import Store
from tests.conftest import NOW
from tests.slack.blockkit import (
    assert_inert,
    assert_within_limits,
    links,
    literal_texts,
    mrkdwn_texts,
    shown,
)

INJECTIONS = (
    "<!channel> <!here> <@U123> <#C123> <https://evil.example|click> https://bare.example "
    "&amp; *bold* ~strike~ `code` f*** the_plan ~20%"
)
ARTICLE_URL = "https://news.example/story?x=1&y=<2>|3"


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
    """Far past any budget: 40 long items, each point near the rich text limit."""
    return Briefing("Morning briefing", dt.date(2025, 12, 20), tuple(map(big_item, range(40))))


def test_largest_briefing_is_split_between_items_within_limits(
    largest_briefing: Briefing,
) -> None:
    messages = render_briefing(largest_briefing, buttons=True)
    assert len(messages) > 1
    for message in messages:
        assert_within_limits(message)
    flat = " ".join(" ".join(shown(m) for m in messages).split())
    for item in largest_briefing.items:
        for point in item.points:  # nothing is truncated, only moved
            assert " ".join(point.split()) in flat
    headers = [m.blocks[0]["text"]["text"] for m in messages]
    assert headers[0] == f"Morning briefing · Sat 20 Dec 2025 (1/{len(messages)})"


def test_each_message_carries_buttons_naming_its_own_articles(
    largest_briefing: Briefing,
) -> None:
    messages = render_briefing(largest_briefing, buttons=True)
    titles = {item.article_id: item.title for item in largest_briefing.items}
    named: list[str] = []
    for message in messages:
        buttons = message.blocks[-1]
        assert buttons["type"] == "actions"
        assert buttons["elements"][0]["action_id"] == QUOTES_ACTION
        ids = buttons["elements"][0]["value"].split()
        assert all(titles[i] in shown(message) for i in ids)
        named += ids
    assert named == [item.article_id for item in largest_briefing.items]


def test_one_oversized_line_is_broken_at_spaces_not_inside_an_entity() -> None:
    line = "&" * 2000 + " " + "word " * 1000
    chunks = pack_lines([entities(line)], 3000)
    assert all(len(chunk) <= 3000 for chunk in chunks)
    assert all(not re.search(r"&(?!amp;)", chunk) for chunk in chunks)
    assert "".join(chunks).replace(" ", "").count("&amp;") == 2000


def test_one_oversized_literal_line_is_split_into_blocks_within_the_limit() -> None:
    line = "word " * 1500
    blocks = rich([[plain(line)]])
    assert len(blocks) == 3
    texts = [e["text"] for b in blocks for e in b["elements"][0]["elements"]]
    assert all(len(t) <= 3000 for t in texts) and "".join(texts) == line


def injected_item() -> BriefingItem:
    return BriefingItem(
        article_id="evil",
        title=f"Title {INJECTIONS}",
        outlet=f"Outlet {INJECTIONS}",
        byline=(f"Byline {INJECTIONS}",),
        url=ARTICLE_URL,
        points=(f"Point {INJECTIONS}", f"Lede {INJECTIONS}"),
        figures=(f"Figure {INJECTIONS}",),
        quotes=(QuoteLine(f"Speaker {INJECTIONS}", f"Words {INJECTIONS}", 1),),
        no_comment=(f"Nobody {INJECTIONS}",),
        disputed=(f"Claim {INJECTIONS}",),
    )


def test_article_text_cannot_ping_link_or_format() -> None:
    briefing = Briefing("Briefing", dt.date(2025, 12, 20), (injected_item(),))
    (message,) = render_briefing(briefing, buttons=True)
    assert_within_limits(message)
    assert_inert(message, {link_url(ARTICLE_URL)})
    assert links(message) == [link_url(ARTICLE_URL)]  # the title links to the article alone
    assert "&lt;!channel&gt;" in message.text  # the notification text is mrkdwn: entities


def test_article_words_are_shown_verbatim_without_look_alikes() -> None:
    """Issue 9: `f***` showed as `f∗∗∗` and `the_plan` as `theˍplan` in Slack."""
    briefing = Briefing("Briefing", dt.date(2025, 12, 20), (injected_item(),))
    (message,) = render_briefing(briefing, buttons=True)
    literal = "\n".join(literal_texts(message))
    assert f"• Point {INJECTIONS}" in literal
    assert f"Speaker {INJECTIONS} “Words {INJECTIONS}”" in literal
    assert not set("∗∼ˋˍ") & set(shown(message))
    assert "&amp;amp;" not in literal  # an entity in the article stays as written, not doubled


def test_invisible_and_bidi_characters_are_removed_from_names_and_titles() -> None:
    item = BriefingItem(
        article_id="bidi",
        title="Ex\u202eecnalg\u202c title\u200b here",
        outlet=None,
        byline=(),
        url=None,
        points=("A point.",),
        quotes=(QuoteLine("Jo\u2066hn\u2069 Smith\ufeff", "Words.", 1),),
    )
    (message,) = render_briefing(Briefing("Briefing", dt.date(2025, 12, 20), (item,)))
    literal = "\n".join(literal_texts(message))
    assert "Execnalg title here" in literal and "John Smith “Words.”" in literal
    assert not re.search("[\u200b\u202a-\u202e\u2066-\u2069\ufeff]", json.dumps(message.blocks))


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
    urls = {link_url(s.article.url) for s in await library.latest(50)} - {None}
    for message in render(await answer(parse(command), library, now=NOW)):
        assert_within_limits(message)
        assert_inert(message, urls)


async def test_the_injected_quote_is_shown_as_written(store: Store, seed_summary: Summary) -> None:
    library = await injected_store(store, seed_summary)
    (message,) = render(await answer(parse("said tremendous injection"), library, now=NOW))
    assert f"tremendous injection {INJECTIONS}" in "".join(literal_texts(message))
    assert all("*bold*" not in text for text in mrkdwn_texts(message))
