"""Polling local RSS, Atom and JSON feeds: new entries stored, conditional GET, dedup."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from bot.context import Context
from bot.core.answers import latest_briefing
from bot.ingest.http import guarded_client
from bot.ingest.poll import poll_feed, poll_feeds
from bot.settings import FeedSettings, Secrets, Settings
from bot.store import Store
from tests.conftest import NOW, SEED_BRIEF
from tests.ingest.conftest import ARTICLE_HTML, LocalServer, Seen

pytestmark = pytest.mark.both_stores  # feed state on SQLite and PostgreSQL

SECOND_HTML = ARTICLE_HTML.replace(
    "Harbour council approves new ferry line", "Island school gets new roof"
).replace("ferry line between", "roof repair between")


def rss(server: LocalServer, *items: tuple[str, str, str]) -> str:
    """An RSS 2.0 document; items are (guid, path, title)."""
    body = "".join(
        f"<item><guid>{guid}</guid><link>{server.url(path)}</link><title>{title}</title>"
        f"<pubDate>Thu, 18 Dec 2025 09:00:00 GMT</pubDate>"
        f"<description>Short teaser.</description></item>"
        for guid, path, title in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Coastal Courier</title><link>{server.url('/')}</link>{body}</channel></rss>"
    )


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Island Wire</title><id>urn:island-wire</id><updated>2025-12-18T10:00:00Z</updated>
  <entry>
    <id>urn:island-wire:1</id><title>Fishermen protest quota cut</title>
    <updated>2025-12-18T10:00:00Z</updated><author><name>Lena Park</name></author>
    <content type="html">&lt;p&gt;Hundreds of fishermen protested on Wednesday against a cut in the
    cod quota that they say will ruin small boats.&lt;/p&gt;&lt;p&gt;"We cannot live on half a
    catch," said Jonas Vik, who leads the fishermen's association.&lt;/p&gt;&lt;p&gt;The
    ministry declined to comment on the protest.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def conditional(server: LocalServer, path: str, body: str, content_type: str) -> None:
    """Serve a feed with an ETag and Last-Modified, answering 304 when they come back."""
    etag, modified = '"v1"', "Thu, 18 Dec 2025 09:00:00 GMT"

    def route(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        if seen.headers.get("if-none-match") == etag:
            return 304, {"ETag": etag}, b""
        headers = {"Content-Type": content_type, "ETag": etag, "Last-Modified": modified}
        return 200, headers, body.encode("utf-8")

    server.routes[path] = route


def context_for(store: Store, tmp_path: Path, *feeds: FeedSettings) -> Context:
    settings = Settings(briefs_dir=tmp_path, feeds=list(feeds), allow_private_addresses=True)
    return Context(settings, Secrets(), store, clock=lambda: NOW)


@pytest.fixture
async def client(tmp_path: Path) -> httpx.AsyncClient:  # type: ignore[misc]
    async with guarded_client(Settings().ingest, allow_private=True) as opened:
        yield opened


async def test_rss_poll_stores_articles_that_join_the_briefing(
    local_server: LocalServer, store: Store, tmp_path: Path, client: httpx.AsyncClient
) -> None:
    local_server.serve("/a1", ARTICLE_HTML)
    local_server.serve("/a2", SECOND_HTML)
    doc = rss(
        local_server,
        ("g1", "/a1", "Harbour council approves new ferry line"),
        ("g2", "/a2", "Island school gets new roof"),
    )
    conditional(local_server, "/rss", doc, "application/rss+xml")
    feed = FeedSettings(name="courier", url=local_server.url("/rss"), topics=["Islands"])
    context = context_for(store, tmp_path, feed)

    [report] = await poll_feeds(context, client)

    assert len(report.added) == 2 and not report.problems
    origins = {o.origin for o in await store.origins()}
    assert origins == {"feed:courier:g1", "feed:courier:g2"}
    stored = await store.summary(report.added[0])
    assert stored is not None
    assert stored.article.topics == ["islands"]
    assert stored.article.outlet == "Coastal Courier"
    assert stored.provenance.reviewed is False
    briefing = await latest_briefing(store, spec=context.settings.briefing.spec(), now=NOW)
    titles = {item.title for item in briefing.items}
    assert "Harbour council approves new ferry line" in titles


async def test_second_poll_is_conditional_and_a_304_adds_nothing(
    local_server: LocalServer, store: Store, tmp_path: Path, client: httpx.AsyncClient
) -> None:
    local_server.serve("/a1", ARTICLE_HTML)
    conditional(
        local_server, "/rss", rss(local_server, ("g1", "/a1", "Ferry")), "application/rss+xml"
    )
    feed = FeedSettings(name="courier", url=local_server.url("/rss"))
    context = context_for(store, tmp_path, feed)

    first = await poll_feed(context, client, feed)
    second = await poll_feed(context, client, feed)

    assert len(first.added) == 1
    assert second.not_modified and second.added == []
    feed_requests = [r for r in local_server.requests if r.path == "/rss"]
    assert "if-none-match" not in feed_requests[0].headers
    assert feed_requests[1].headers["if-none-match"] == '"v1"'
    assert feed_requests[1].headers["if-modified-since"] == "Thu, 18 Dec 2025 09:00:00 GMT"
    assert len(await store.origins()) == 1


async def test_dedup_by_id_and_by_link(
    local_server: LocalServer, store: Store, tmp_path: Path, client: httpx.AsyncClient
) -> None:
    local_server.serve("/a1", ARTICLE_HTML)
    local_server.serve("/rss", rss(local_server, ("g1", "/a1", "Ferry")), "application/rss+xml")
    feed = FeedSettings(name="courier", url=local_server.url("/rss"))
    context = context_for(store, tmp_path, feed)
    assert len((await poll_feed(context, client, feed)).added) == 1

    again = await poll_feed(context, client, feed)  # same id: known
    assert again.added == [] and again.known == 1

    # The item was edited: new guid, same link. Not a new article.
    local_server.serve(
        "/rss", rss(local_server, ("g1-edited", "/a1", "Ferry (updated)")), "application/rss+xml"
    )
    edited = await poll_feed(context, client, feed)
    assert edited.added == [] and edited.known == 1
    assert len([r for r in local_server.requests if r.path == "/a1"]) == 1


async def test_atom_feed_uses_entry_text_when_the_link_fails(
    local_server: LocalServer, store: Store, tmp_path: Path, client: httpx.AsyncClient
) -> None:
    local_server.serve("/atom", ATOM, "application/atom+xml")
    feed = FeedSettings(name="wire", url=local_server.url("/atom"), kind="atom")
    [report] = await poll_feeds(context_for(store, tmp_path, feed), client)
    assert len(report.added) == 1, report.problems
    summary = await store.summary(report.added[0])
    assert summary is not None
    assert summary.article.title == "Fishermen protest quota cut"
    assert summary.article.byline == ["Lena Park"]
    assert summary.article.outlet == "Island Wire"
    assert any("half a catch" in s.text for s in summary.statements)


async def test_broken_feed_is_reported_and_other_feeds_still_run(
    local_server: LocalServer, store: Store, tmp_path: Path, client: httpx.AsyncClient
) -> None:
    local_server.serve("/bad", b"\x00\x01\x02 not xml at all", "application/xml")
    local_server.serve("/atom", ATOM, "application/atom+xml")
    bad = FeedSettings(name="bad", url=local_server.url("/bad"))
    good = FeedSettings(name="wire", url=local_server.url("/atom"), kind="atom")
    reports = await poll_feeds(context_for(store, tmp_path, bad, good), client)
    assert reports[0].problems and reports[0].added == []
    assert len(reports[1].added) == 1


async def test_json_endpoint_stores_valid_summaries_and_reports_invalid_ones(
    local_server: LocalServer, store: Store, tmp_path: Path, client: httpx.AsyncClient
) -> None:
    import yaml

    good = yaml.safe_load(SEED_BRIEF.read_text("utf-8"))
    bad = {"article": {"id": "Not A Slug"}, "lede": ""}
    body = json.dumps({"summaries": [good, bad]}, default=str)
    local_server.serve("/summaries.json", body, "application/json")
    feed = FeedSettings(name="pipeline", url=local_server.url("/summaries.json"), kind="json")
    context = context_for(store, tmp_path, feed)

    first = await poll_feed(context, client, feed)
    second = await poll_feed(context, client, feed)

    assert first.added == [good["article"]["id"]]
    assert len(first.problems) == 1 and "summaries[1]" in first.problems[0]
    assert second.added == [] and second.known == 1
    assert {o.origin for o in await store.origins()} == {f"feed:pipeline:{good['article']['id']}"}


async def test_json_endpoint_answering_html_is_refused(
    local_server: LocalServer, store: Store, tmp_path: Path, client: httpx.AsyncClient
) -> None:
    local_server.serve("/summaries.json", ARTICLE_HTML)
    feed = FeedSettings(name="pipeline", url=local_server.url("/summaries.json"), kind="json")
    report = await poll_feed(context_for(store, tmp_path, feed), client, feed)
    assert report.problems and "text/html" in report.problems[0]
