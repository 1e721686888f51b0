"""Property tests of the embed renderer: hostile article text never breaks a limit, never
crashes it, and never becomes a mention or a link (issue 13, "keep it fixed")."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from bot.adapters.discord.render import briefing_messages, render_messages
from bot.core.answers import Answer
from bot.core.briefing import Briefing
from bot.core.display import link_url
from tests.discord.inert import check_limits, embed_urls, live
from tests.discord.test_escaping import body
from tests.hostile import answers, briefings

# Bounded: 40 examples of at most 5 s each (a typical one takes well under 1 s), so that a
# loaded CI machine never fails on time while a run stays within about half a minute.
BOUNDED = settings(max_examples=40, deadline=5000, suppress_health_check=[HealthCheck.too_slow])


@BOUNDED
@given(briefings)
def test_any_briefing_renders_within_limits_and_inert(briefing: Briefing) -> None:
    own = {u for u in (link_url(i.url) for i in briefing.items) if u}
    for message in briefing_messages(briefing, marker="k1"):
        sent = body(message)
        check_limits(sent)
        assert live(sent) == []
        assert embed_urls(sent) <= own


@BOUNDED
@given(answers)
def test_any_answer_renders_within_limits_and_inert(answer: Answer) -> None:
    for message in render_messages(answer):
        sent = body(message)
        check_limits(sent)
        assert live(sent) == []
        assert embed_urls(sent) == set()
