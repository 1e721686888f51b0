"""Hostile servers on 127.0.0.1: drip-fed answers, redirects to other schemes, deep JSON.

Every fetch must end within the ingest deadline with one FetchError line, and in a poll one
broken feed is reported for itself while the other feeds are still stored (issue 13 fault 4).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from bot.context import Context
from bot.errors import FetchError
from bot.ingest.articles import ARTICLE_TYPES, article_from_url
from bot.ingest.fetch import fetch
from bot.ingest.http import guarded_client
from bot.ingest.poll import poll_feeds
from bot.loader import parse_summary
from bot.settings import FeedSettings, IngestSettings, Secrets, Settings
from bot.store import Store
from tests.conftest import NOW, SEED_BRIEF
from tests.ingest.conftest import LocalServer
from tests.ingest.hostile import DRIP_BODY, DRIP_HEADERS, drip_server
from tests.test_cli import briefbot

#: Per read well above the drip interval (so only the overall deadline can stop the fetch).
SLOW = IngestSettings(timeout_seconds=5, deadline_seconds=1, max_bytes=200_000, max_redirects=3)


@pytest.mark.parametrize("path", [DRIP_HEADERS, DRIP_BODY])
async def test_drip_fed_answer_ends_at_the_deadline(path: str) -> None:
    with drip_server(interval=0.5) as server:
        started = time.monotonic()
        async with guarded_client(SLOW, allow_private=True) as client:
            with pytest.raises(FetchError, match="no complete answer within 1s"):
                await article_from_url(client, server.url(path), SLOW)
        assert time.monotonic() - started < 3
        assert server.connections == 1


@pytest.mark.parametrize(
    "location",
    [
        "data:text/html,<p>hello</p>",
        "file:///etc/passwd",
        "ftp://127.0.0.1/x",
        "gopher://127.0.0.1:70/x",
        "javascript:alert(1)",
        "http://[::1",
        "http://exa mple.com/",
    ],
)
async def test_redirect_to_another_scheme_is_a_clean_error(
    local_server: LocalServer, location: str
) -> None:
    local_server.serve("/jump", b"", status=302, Location=location)
    async with guarded_client(SLOW, allow_private=True) as client:
        with pytest.raises(FetchError) as caught:
            await fetch(client, local_server.url("/jump"), SLOW, accept=ARTICLE_TYPES)
    message = str(caught.value)
    assert "\n" not in message
    assert local_server.url("/jump") in message or "refused" in message


def deep_json(levels: int) -> str:
    return '{"summaries": ' + "[" * levels + "]" * levels + "}"


@pytest.fixture
def hostile_feeds(local_server: LocalServer) -> list[FeedSettings]:
    """Four feeds: three broken in different ways and one good JSON endpoint."""
    local_server.serve("/jump", b"", status=302, Location="data:text/html,<p>x</p>")
    local_server.serve("/deep", deep_json(50_000), "application/json")
    local_server.serve("/deep-ok-for-json", deep_json(900), "application/json")
    good = {"summaries": [_seed()]}
    local_server.serve("/good", json.dumps(good), "application/json")
    return [
        FeedSettings(name="jump", url=local_server.url("/jump"), kind="json"),
        FeedSettings(name="deep", url=local_server.url("/deep"), kind="json"),
        FeedSettings(name="deep900", url=local_server.url("/deep-ok-for-json"), kind="json"),
        FeedSettings(name="good", url=local_server.url("/good"), kind="json"),
    ]


def _seed() -> object:
    return parse_summary(SEED_BRIEF.read_bytes(), SEED_BRIEF).model_dump(mode="json")


async def test_one_broken_feed_never_stops_the_others(
    store: Store, tmp_path: Path, hostile_feeds: list[FeedSettings]
) -> None:
    with drip_server(interval=0.5) as server:
        drips = [
            FeedSettings(name="drip-head", url=server.url(DRIP_HEADERS)),
            FeedSettings(name="drip-body", url=server.url(DRIP_BODY)),
        ]
        settings = Settings(
            briefs_dir=tmp_path, feeds=drips + hostile_feeds, allow_private_addresses=True,
            ingest=SLOW,
        )  # fmt: skip
        context = Context(settings, Secrets(), store, clock=lambda: NOW)
        started = time.monotonic()
        async with guarded_client(SLOW, allow_private=True) as client:
            reports = {r.feed: r for r in await poll_feeds(context, client)}
        elapsed = time.monotonic() - started
    assert elapsed < 4, "the feeds were not polled independently, each bounded"
    assert reports["good"].added == ["reuters-putin-aims-beyond-ukraine"]
    assert not reports["good"].problems
    for name in ("drip-head", "drip-body"):
        assert "no complete answer within 1s" in reports[name].problems[0]
    assert "redirects to a location that cannot be fetched" in reports["jump"].problems[0]
    assert "nested" in reports["deep"].problems[0]
    assert "nested more than 64 levels" in reports["deep900"].problems[0]
    assert all(len(r.problems) == 1 for n, r in reports.items() if n != "good")


def _config(tmp_path: Path, feeds: list[FeedSettings]) -> Path:
    lines = [
        f'briefs_dir = "{tmp_path / "briefs"}"',
        f'data_dir = "{tmp_path / "data"}"',
        "allow_private_addresses = true",
        "[ingest]",
        "timeout_seconds = 5",
        "deadline_seconds = 1",
    ]
    for feed in feeds:
        lines += [
            "[[feeds]]",
            f'name = "{feed.name}"',
            f'url = "{feed.url}"',
            f'kind = "{feed.kind}"',
        ]
    path = tmp_path / "briefbot.toml"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    (tmp_path / "briefs").mkdir(exist_ok=True)
    return path


def test_extract_of_a_drip_fed_page_ends_with_one_line(tmp_path: Path) -> None:
    config = _config(tmp_path, [])
    with drip_server(interval=0.5) as server:
        started = time.monotonic()
        result = briefbot(tmp_path, "extract", server.url(DRIP_BODY), "-c", str(config))
        elapsed = time.monotonic() - started
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"error: gave up fetching {server.url(DRIP_BODY)}: no complete answer within 1s"
    ]
    assert elapsed < 15


def test_poll_command_reports_each_broken_feed_and_stores_the_good_one(
    tmp_path: Path, hostile_feeds: list[FeedSettings]
) -> None:
    with drip_server(interval=0.5) as server:
        drip = FeedSettings(name="drip", url=server.url(DRIP_HEADERS))
        config = _config(tmp_path, [drip, *hostile_feeds])
        result = briefbot(tmp_path, "poll", "-c", str(config))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "good: 1 new, 0 known, 0 problem(s)" in result.stdout
    for name in ("drip", "jump", "deep", "deep900"):
        assert f"{name}: 0 new, 0 known, 1 problem(s)" in result.stdout
    asked = briefbot(tmp_path, "ask", "who Rubio", "-c", str(config))
    assert "Rubio" in asked.stdout, asked.stderr
