"""Feed polling reports into /metrics: polls by outcome and articles extracted."""

from __future__ import annotations

from pathlib import Path

import httpx
from prometheus_client import REGISTRY

from bot.ingest.poll import poll_feed
from bot.settings import FeedSettings
from bot.store import Store
from tests.ingest.conftest import ARTICLE_HTML, LocalServer
from tests.ingest.test_poll import client, conditional, context_for, rss

__all__ = ["client"]  # the fixture, shared with test_poll


def value(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


async def test_polls_count_new_unchanged_and_error_and_articles_extracted(
    local_server: LocalServer, store: Store, tmp_path: Path, client: httpx.AsyncClient
) -> None:
    local_server.serve("/a1", ARTICLE_HTML)
    conditional(
        local_server, "/rss", rss(local_server, ("g1", "/a1", "Ferry")), "application/rss+xml"
    )
    good = FeedSettings(name="metered", url=local_server.url("/rss"))
    broken = FeedSettings(name="metered-broken", url=local_server.url("/missing"))
    context = context_for(store, tmp_path, good, broken)
    polls = "briefbot_feed_polls_total"
    before = {
        outcome: value(polls, feed="metered", outcome=outcome) for outcome in ("new", "unchanged")
    }
    errors_before = value(polls, feed="metered-broken", outcome="error")
    extracted_before = value("briefbot_articles_extracted_total", source="feed")

    await poll_feed(context, client, good)  # one new article
    await poll_feed(context, client, good)  # 304
    await poll_feed(context, client, broken)  # 404

    assert value(polls, feed="metered", outcome="new") == before["new"] + 1
    assert value(polls, feed="metered", outcome="unchanged") == before["unchanged"] + 1
    assert value(polls, feed="metered-broken", outcome="error") == errors_before + 1
    assert value("briefbot_articles_extracted_total", source="feed") == extracted_before + 1
