"""Feed polling in the running bot: one interval job per configured feed.

The jobs live on the delivery scheduler's AsyncIOScheduler (one scheduler per process) and
share one guarded HTTP client and one summariser, all closed when the bot stops. The first
poll of each feed runs at start-up, then every ``every_minutes``.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import AsyncIterator

import httpx
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.context import Context
from bot.ingest.http import guarded_client
from bot.ingest.model import open_summariser
from bot.ingest.poll import poll_feed
from bot.settings import FeedSettings

log = logging.getLogger(__name__)
STOP_GRACE_SECONDS = 10.0  # a poll running at shutdown may finish within this


def job_id(feed_name: str) -> str:
    """The scheduler job id of a feed."""
    return f"feed:{feed_name}"


@contextlib.asynccontextmanager
async def feed_polling(
    context: Context,
    scheduler: AsyncIOScheduler,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
) -> AsyncIterator[list[str]]:
    """Poll every configured feed on its interval while inside; yields the job ids."""
    settings = context.settings
    if not settings.feeds:
        yield []
        return
    client = guarded_client(
        settings.ingest, allow_private=settings.allow_private_addresses, transport=transport
    )
    running: set[asyncio.Task[object]] = set()

    async def poll(feed: FeedSettings) -> None:
        task = asyncio.current_task()
        if task is not None:  # so that stopping waits for it before closing the client
            running.add(task)
            task.add_done_callback(running.discard)
        await poll_feed(context, client, feed, summarise=summarise)

    async with client, open_summariser(settings, context.secrets) as summarise:
        ids = []
        for feed in settings.feeds:
            scheduler.add_job(
                poll,
                IntervalTrigger(minutes=feed.every_minutes, timezone=dt.UTC),
                args=(feed,),
                id=job_id(feed.name),
                next_run_time=context.clock(),
                coalesce=True,
                max_instances=1,
                misfire_grace_time=feed.every_minutes * 60,
                replace_existing=True,
            )
            ids.append(job_id(feed.name))
        log.info("polling %d feed(s)", len(ids))
        try:
            yield ids
        finally:
            for identifier in ids:
                with contextlib.suppress(Exception):  # JobLookupError once shut down
                    scheduler.remove_job(identifier)
            await asyncio.sleep(0)  # a poll submitted just now starts, and so is tracked
            if running:
                await asyncio.wait(running, timeout=STOP_GRACE_SECONDS)
