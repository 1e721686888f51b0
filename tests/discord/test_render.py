"""The embed renderer: Discord's limits on the largest briefings, and article text kept inert."""

from __future__ import annotations

import datetime as dt

import discord
import pytest
from pydantic import SecretStr

from bot.adapters.discord.config import apply_api_base
from bot.adapters.discord.embeds import MESSAGE_EMBED_CHARS
from bot.adapters.discord.poster import DiscordPoster
from bot.adapters.discord.render import briefing_messages, footer_marker, render
from bot.adapters.discord.text import escape, fit
from bot.core.answers import HelpAnswer
from bot.core.briefing import Briefing, BriefingItem, QuoteLine, compose_briefing
from bot.core.summary import Summary
from bot.delivery.poster import send_all
from tests.discord.fake_api import FakeDiscord

NOW = dt.datetime(2025, 12, 20, 7, 30, tzinfo=dt.UTC)
SENTENCE = "Officials said the plan would take years to finish and cost far more than promised."
PINGS = "@everyone @here <@123> <@&456> <@!112233445566778899>"


def huge_item(number: int, text: str = SENTENCE) -> BriefingItem:
    """An item far over every budget: long title, many long points, quotes and notes."""
    return BriefingItem(
        article_id=f"article-{number}",
        title=f"Story {number}: " + "a very long headline " * 20,
        outlet="Outlet " * 60,
        byline=("Reporter",),
        url=f"https://news.example/{number}",
        points=tuple(" ".join([text] * 12) for _ in range(4)),
        figures=tuple(f"{n},000 things" for n in range(30)),
        quotes=tuple(QuoteLine(f"Speaker {n}", text * 3, n) for n in range(10)),
        no_comment=tuple(f"Agency {n}" for n in range(40)),
        disputed=tuple(text * 4 for _ in range(8)),
    )


def check_limits(embeds: tuple[discord.Embed, ...] | list[discord.Embed]) -> None:
    """Every limit of platforms.md, for one message."""
    assert 1 <= len(embeds) <= 10
    assert sum(len(e) for e in embeds) <= MESSAGE_EMBED_CHARS
    for embed in embeds:
        assert len(embed.title or "") <= 256
        assert len(embed.description or "") <= 4096
        assert len(embed.fields) <= 25
        assert all(len(f.name or "") <= 256 and len(f.value or "") <= 1024 for f in embed.fields)
        assert len(embed.footer.text or "") <= 2048
        assert len(embed.author.name or "") <= 256


def test_the_largest_briefing_is_split_between_items_within_limits() -> None:
    items = tuple(huge_item(n) for n in range(20))
    briefing = Briefing("Morning briefing", NOW.date(), items, omitted=3)
    messages = briefing_messages(briefing, marker="abc123")
    assert len(messages) > 1
    for message in messages:
        check_limits(message.embeds)
        assert len(message.content) <= 2000
    shown = [article for message in messages for article in message.article_ids]
    assert shown == [item.article_id for item in items], "every item, in order, once"
    assert footer_marker(messages[0].embeds[-1]) == "abc123"
    assert "3 more article(s)" in (messages[-1].embeds[-1].footer.text or "")
    assert messages[1].content.endswith(f"(2/{len(messages)})")


def test_text_is_never_cut_mid_sentence() -> None:
    [message, *_] = briefing_messages(Briefing("B", NOW.date(), (huge_item(1),)))
    description = message.embeds[0].description or ""
    for line in description.splitlines():
        assert line.endswith((".", "…")), line
        assert not line.endswith(" …")
    assert fit(f"{SENTENCE} {SENTENCE}", 100) == SENTENCE.removesuffix(".") + "…"


def test_mentions_in_article_text_are_inert() -> None:
    item = huge_item(1, text=f"{PINGS} said *this* in `code`.")
    [message, *_] = briefing_messages(Briefing("B", NOW.date(), (item,)))
    rendered = str([embed.to_dict() for embed in message.embeds])
    for attempt in ("@everyone", "@here", "<@123>", "<@&456>", "<@!1122"):
        assert attempt not in rendered
    description = message.embeds[0].description or ""
    assert "\\*this\\*" in description and "\\`code\\`" in description
    assert escape("<@&456>") == "\\<@\u200b&456>"


async def test_mentions_reach_discord_with_nothing_allowed(
    fake_discord: FakeDiscord, seed_summary: Summary
) -> None:
    noisy = seed_summary.model_copy(
        update={"key_points": [f"{PINGS} all asked for comment.", *seed_summary.key_points[1:]]}
    )
    briefing = compose_briefing([noisy], now=NOW)
    apply_api_base(fake_discord.base)
    await send_all(
        DiscordPoster(SecretStr("fake-token")), "1234567890123456789", briefing, delivery_key="k"
    )
    [sent] = fake_discord.requests("POST", "/channels/1234567890123456789/messages")
    assert sent.body["allowed_mentions"] == {"parse": []}
    description = sent.body["embeds"][0]["description"]
    assert "@\u200beveryone" in description and "<@\u200b&456>" in description


def test_an_empty_briefing_says_so() -> None:
    [message] = briefing_messages(Briefing("Morning briefing", NOW.date()))
    assert "No articles yet" in (message.embeds[0].description or "")


@pytest.mark.parametrize("problem", [None, "Unknown command 'foo'."])
def test_help_fits(problem: str | None) -> None:
    check_limits(render(HelpAnswer(problem=problem)))
