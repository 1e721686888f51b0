"""Issue 13 fault 5: article text renders as text in Discord, every link and mention of it.

``discord.utils.escape_markdown`` neutralised only the first ``[text](url)`` of a string;
channel and command mentions and bare URLs stayed clickable; the author line and a
statement's cue and time were not escaped at all. Each test here failed before the fix.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from bot.adapters.discord.render import OutgoingMessage, briefing_messages, render_messages
from bot.adapters.discord.text import escape, inert
from bot.adapters.discord.views import answer_view
from bot.core.answers import answer
from bot.core.briefing import Briefing, BriefingItem, QuoteLine
from bot.core.commands import parse
from bot.core.display import link_url
from bot.core.summary import Summary
from bot.store import Store
from tests.discord.inert import check_limits, embed_urls, live, residue

NOW = dt.datetime(2025, 12, 20, 7, 30, tzinfo=dt.UTC)
HOSTILE = (
    "see [one](https://evil.example/1) and [two](https://evil.example/2), "
    "<#123456789012345678> </brief:1234> <@123> <@&456> @everyone @here <t:1766200000:R> "
    "https://bare.example/x http://plain.example"
)
ARTICLE_URL = "https://news.example/story"


def body(message: OutgoingMessage) -> dict[str, Any]:
    """A message as it is sent to Discord."""
    return {
        "content": message.content,
        "embeds": [embed.to_dict() for embed in message.embeds],
        "components": answer_view(message.follow_ups).to_components(),
    }


def hostile_item() -> BriefingItem:
    return BriefingItem(
        article_id="hostile",
        title=f"Title {HOSTILE}",
        outlet=f"Outlet {HOSTILE}",
        byline=(f"Byline {HOSTILE}",),
        url=ARTICLE_URL,
        points=(f"Point {HOSTILE}",),
        figures=(f"Figure {HOSTILE}",),
        quotes=(QuoteLine(f"Speaker {HOSTILE}", f"Words {HOSTILE}", 1),),
        no_comment=(f"Nobody {HOSTILE}",),
        disputed=(f"Claim {HOSTILE}",),
    )


def test_every_masked_link_is_escaped_not_only_the_first() -> None:
    shown = residue(escape("[one](https://a.example) and [two](https://b.example)"))
    assert "[" not in shown and "://" not in shown
    assert escape("[two](x)").count("\\[") == 1


@pytest.mark.parametrize(
    "tag", ["<#123456789012345678>", "</brief:1234>", "<t:1766200000:R>", "<:emoji:1>"]
)
def test_channel_command_time_and_emoji_tags_are_text(tag: str) -> None:
    assert escape(tag) == "\\" + tag
    assert live({"content": escape(tag)}) == []


def test_bare_urls_are_not_linked_but_read_the_same() -> None:
    escaped = escape("read https://bare.example/x now")
    assert live({"content": escaped}) == []
    assert residue(escaped).replace("\x00", ":") == "read https://bare.example/x now"


def test_a_briefing_of_hostile_text_has_no_live_link_but_the_articles_own() -> None:
    (message,) = briefing_messages(Briefing("Briefing", NOW.date(), (hostile_item(),)))
    sent = body(message)
    check_limits(sent)
    assert live(sent) == []
    assert embed_urls(sent) == {ARTICLE_URL}


def test_the_author_line_is_neutralised_without_visible_escapes() -> None:
    (message,) = briefing_messages(Briefing("Briefing", NOW.date(), (hostile_item(),)))
    author = message.embeds[0].author.name or ""
    assert "\\" not in author  # the author line is shown literally: no backslashes there
    assert live({"embeds": [{"author": {"name": author}}]}) == []
    assert author.replace("\u200b", "").startswith(f"Outlet {HOSTILE}"[:40])


def test_rtl_overrides_and_zero_width_characters_are_removed_from_titles_and_names() -> None:
    item = BriefingItem(
        article_id="bidi",
        title="Ex\u202eecnalg\u202c title\u200b here",
        outlet="Out\u2067let\u2069",
        byline=(),
        url=None,
        points=("A point.",),
        quotes=(QuoteLine("Jo\ufeffhn Sm\u200bith", "Words.", 1),),
    )
    (message,) = briefing_messages(Briefing("Briefing", NOW.date(), (item,)))
    embed = message.embeds[0]
    assert embed.title == "Execnalg title here"
    assert embed.author.name == "Outlet"
    assert "**John Smith** “Words.”" in str(embed.fields[0].value)
    assert inert("a\u202eb") == "ab"


def test_a_tag_opened_by_a_digit_is_broken_where_text_is_shown_literally() -> None:
    """A byline '<0https://…' (found by the property test): no '<' directly before a word
    character, and no '://', is left in the author name or footer."""
    item = BriefingItem(
        article_id="digit",
        title="Title",
        outlet=None,
        byline=("<0https://bare.example/x?a=1&b=2", "<_x:y"),
        url=None,
        points=("A point.",),
    )
    (message,) = briefing_messages(Briefing("Briefing", NOW.date(), (item,)))
    assert live(body(message)) == []
    assert inert("<0https://x") == "<\u200b0https:\u200b//x"


async def hostile_store(store: Store, seed_summary: Summary) -> Store:
    """The seed article with hostile text in a name, a quote, its cue and its time."""
    data = seed_summary.model_dump(mode="json")
    data["article"]["id"] = "hostile-article"
    data["article"]["title"] = f"Hostile {HOSTILE}"
    data["article"]["outlet"] = f"Outlet {HOSTILE}"
    data["people"][0]["name"] = f"Vladimir Putin {HOSTILE}"
    data["statements"][0]["text"] = f"tremendous injection {HOSTILE}"
    data["statements"][0]["cue"] = "said [cue](https://evil.example/cue) <#1>"
    data["statements"][0]["when"] = "on </brief:1> https://evil.example/when"
    data["text"] = None
    await store.put(Summary.model_validate(data), content_hash="x", origin=None)
    return store


@pytest.mark.parametrize(
    "command",
    ["", "who putin", "said tremendous injection", "quotes hostile", "sources hostile"],
)
async def test_answers_from_a_hostile_article_have_no_live_link(
    store: Store, seed_summary: Summary, command: str
) -> None:
    library = await hostile_store(store, seed_summary)
    urls = {link_url(s.article.url) for s in await library.latest(50)} - {None}
    for message in render_messages(await answer(parse(command), library, now=NOW)):
        sent = body(message)
        check_limits(sent)
        assert live(sent) == [], command
        assert embed_urls(sent) <= urls


async def test_a_statements_cue_and_time_are_escaped(store: Store, seed_summary: Summary) -> None:
    library = await hostile_store(store, seed_summary)
    (message,) = render_messages(await answer(parse("quotes hostile"), library, now=NOW))
    shown = str(body(message)["embeds"])
    assert "said \\\\[cue\\\\](https\\\\://evil.example/cue) \\\\<#1>" in shown
