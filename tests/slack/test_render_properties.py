"""Property tests of the Block Kit renderer: hostile article text never breaks a limit, never
crashes it, and never becomes a mention or a link (issue 13, "keep it fixed")."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, example, given, settings

from bot.adapters.slack.render import render, render_briefing
from bot.core.answers import Answer
from bot.core.briefing import Briefing, BriefingItem, QuoteLine
from bot.core.display import link_url
from tests.hostile import answers, briefings
from tests.slack.blockkit import assert_inert, assert_within_limits

# Bounded: 40 examples of at most 5 s each (a typical one takes well under 1 s), so that a
# loaded CI machine never fails on time while a run stays within about half a minute.
BOUNDED = settings(max_examples=40, deadline=5000, suppress_health_check=[HealthCheck.too_slow])


def own_urls(briefing: Briefing) -> set[str]:
    """The only links allowed: each article's own http(s) URL."""
    return {u for u in (link_url(i.url) for i in briefing.items) if u}


@BOUNDED
@given(briefings)
@example(  # found by this test: a context chunk of bidi controls only, empty once cleaned
    Briefing(
        "B",
        dt.date(2025, 12, 20),
        (BriefingItem("a", "T", None, (), None, quotes=(QuoteLine("\u202e" * 2100, "w", 0),)),),
    )
)
def test_any_briefing_renders_within_limits_and_inert(briefing: Briefing) -> None:
    for buttons in (True, False):
        for message in render_briefing(briefing, buttons=buttons):
            assert_within_limits(message)
            assert_inert(message, own_urls(briefing))


@BOUNDED
@given(answers)
def test_any_answer_renders_within_limits_and_inert(answer: Answer) -> None:
    for message in render(answer):
        assert_within_limits(message)
        assert_inert(message, set())
