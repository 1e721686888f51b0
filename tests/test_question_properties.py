"""Property tests of the question layer's entry point, end to end through both renderers.

Whatever a user types (hostile markup, mentions of either platform, bidi and zero-width
characters, very long text) ``answer_text`` answers without raising, and the answer renders
within both platforms' limits with no live mention or link but an article's own.
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.adapters.discord.render import render_messages
from bot.adapters.slack.render import render
from bot.core.commands import parse
from bot.core.display import link_url
from bot.core.grammar import understand
from bot.core.questions import answer_text
from bot.store import Store
from tests.conftest import NOW
from tests.discord.inert import check_limits, embed_urls, live
from tests.discord.test_escaping import body
from tests.hostile import hostile_text
from tests.slack.blockkit import assert_inert, assert_within_limits

WORDS = st.sampled_from(
    [
        "what",
        "did",
        "who",
        "said",
        "say",
        "about",
        "the",
        "in",
        "story",
        "Rubio",
        "Quigley",
        "Voltra",
        "sea",
        "wall",
        "comment",
        "anonymous",
        "sources",
        "disputed",
        "brief",
        "me",
        "on",
        "latest",
        "is",
        "how",
        "many",
        "declined",
        "/brief",
        "@briefbot",
        "<@U1>",
        "?",
        '"',
        "'",
    ]
)
QUESTIONS = st.one_of(
    hostile_text(), st.lists(st.one_of(WORDS, hostile_text(2)), max_size=12).map(" ".join)
)


@settings(max_examples=200, deadline=1000)
@given(QUESTIONS)
def test_the_grammar_and_the_command_parser_read_anything_without_raising(text: str) -> None:
    understand(text)
    parse(text)


@settings(
    max_examples=40,
    deadline=5000,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=QUESTIONS)
@example(text="<!channel>" * 181)  # found by this test: the usage's problem line passed 4,096
@example(text="\u200b\u202e")
async def test_any_question_is_answered_and_rendered_inert(loaded_store: Store, text: str) -> None:
    found = await answer_text(loaded_store, text, now=NOW)
    urls = {link_url(s.article.url) for s in await loaded_store.latest(50)} - {None}
    for message in render(found):
        assert_within_limits(message)
        assert_inert(message, urls)
    for outgoing in render_messages(found):
        sent = body(outgoing)
        check_limits(sent)
        assert live(sent) == []
        assert embed_urls(sent) <= urls
