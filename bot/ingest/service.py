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
from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.context import Context
from bot.ingest.http import guarded_client
from bot.ingest.model import open_summariser
from bot.ingest.poll import poll_feed
from bot.ingest.summarise import Summariser
from bot.settings import FeedSettings

log = logging.getLogger(__name__)
STOP_GRACE_SECONDS = 10.0  # a poll running at shutdown may finish within this


def job_id(feed_name: str) -> str:
    """The scheduler job id of a feed."""
    return f"feed:{feed_name}"


class FeedJobs:
    """The feed jobs on a scheduler, and the polls they have running."""

    def __init__(self, context: Context, client: httpx.AsyncClient, summarise: Summariser) -> None:
        self._context = context
        self._client = client
        self._summarise = summarise
        self._running: set[asyncio.Task[object]] = set()
        self.ids: list[str] = []

    async def poll(self, feed: FeedSettings) -> None:
        """One scheduled poll; tracked so that stopping waits for it before closing the client."""
        task = asyncio.current_task()
        if task is not None:
            self._running.add(task)
            task.add_done_callback(self._running.discard)
        await poll_feed(self._context, self._client, feed, summarise=self._summarise)

    def schedule(self, scheduler: AsyncIOScheduler) -> None:
        """One interval job per feed; the first poll at once."""
        for feed in self._context.settings.feeds:
            scheduler.add_job(
                self.poll,
                IntervalTrigger(minutes=feed.every_minutes, timezone=dt.UTC),
                args=(feed,),
                id=job_id(feed.name),
                next_run_time=self._context.clock(),
                coalesce=True,
                max_instances=1,
                misfire_grace_time=feed.every_minutes * 60,
                replace_existing=True,
            )
            self.ids.append(job_id(feed.name))
        log.info("polling %d feed(s)", len(self.ids))

    async def unschedule(self, scheduler: AsyncIOScheduler) -> None:
        """Remove the jobs, then wait (bounded) for polls still running."""
        for identifier in self.ids:
            with contextlib.suppress(JobLookupError):  # the scheduler may be shut down already
                scheduler.remove_job(identifier)
        await asyncio.sleep(0)  # a poll submitted just now starts, and so is tracked
        if self._running:
            await asyncio.wait(self._running, timeout=STOP_GRACE_SECONDS)


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
    async with client, open_summariser(settings, context.secrets) as summarise:
        jobs = FeedJobs(context, client, summarise)
        jobs.schedule(scheduler)
        try:
            yield jobs.ids
        finally:
            await jobs.unschedule(scheduler)
