"""Feed polling jobs on a real AsyncIOScheduler: first poll at start-up, then on interval."""

from __future__ import annotations

import asyncio
import datetime as dt

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.context import Context
from bot.ingest.service import feed_polling, job_id
from bot.settings import FeedSettings, Secrets, Settings
from bot.store import Store
from tests.conftest import NOW
from tests.ingest.conftest import ARTICLE_HTML, LocalServer


def rss(server: LocalServer) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Courier</title>'
        f"<link>{server.url('/')}</link><item><guid>g1</guid><link>{server.url('/a')}</link>"
        "<title>Harbour council approves new ferry line</title></item></channel></rss>"
    )


async def test_feeds_are_polled_at_start_and_jobs_removed_at_stop(
    store: Store, local_server: LocalServer
) -> None:
    local_server.serve("/feed.xml", rss(local_server), "application/rss+xml")
    local_server.serve("/a", ARTICLE_HTML)
    settings = Settings(
        feeds=[FeedSettings(name="courier", url=local_server.url("/feed.xml"), every_minutes=15)],
        allow_private_addresses=True,  # the test server is on loopback
    )
    context = Context(settings, Secrets(), store, clock=lambda: dt.datetime.now(dt.UTC))
    scheduler = AsyncIOScheduler(timezone=dt.UTC)
    scheduler.start()
    try:
        async with feed_polling(context, scheduler) as ids:
            assert ids == [job_id("courier")]
            job = scheduler.get_job("feed:courier")
            assert isinstance(job.trigger, IntervalTrigger)
            assert job.trigger.interval == dt.timedelta(minutes=15)
            for _ in range(200):  # the first poll runs at once, in the background
                if await store.articles():
                    break
                await asyncio.sleep(0.05)
            titles = [a.title for a in await store.articles()]
            assert titles == ["Harbour council approves new ferry line"]
        assert scheduler.get_job("feed:courier") is None
    finally:
        scheduler.shutdown(wait=False)


async def test_no_feeds_no_jobs(store: Store) -> None:
    context = Context(Settings(), Secrets(), store, clock=lambda: NOW)
    scheduler = AsyncIOScheduler(timezone=dt.UTC)
    async with feed_polling(context, scheduler) as ids:
        assert ids == [] and scheduler.get_jobs() == []
