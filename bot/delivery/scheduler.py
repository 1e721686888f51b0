"""APScheduler 3.11 wiring: one job per schedule, fired by a trigger backed by ``bot.delivery.cron``.

APScheduler stays the timer; the fire times are the cron module's, so that what ``check`` and
``/brief subscribe`` accept is what fires, with cron's weekday numbers, day-of-month/day-of-week
OR and DST rules (APScheduler's own CronTrigger counts 0 as Monday, ANDs the day fields and
skips a midnight that a clock change removes).

Jobs coalesce (a backlog of one schedule's fire times runs once) and have a misfire grace
equal to the delivery grace window, instead of APScheduler's default of one second that
silently skips a job woken late. A resync job re-reads the database every
``delivery.resync_seconds`` (run-time subscriptions made by any process), adjusts the jobs,
and catches up: late slots within grace are delivered, older ones recorded as missed. The
ledger, not the scheduler, guarantees once: a job that fires twice, or in two processes,
posts once.

The scheduler fires only while its ``Leadership`` says this process leads (always on SQLite;
the holder of the PostgreSQL advisory lock across replicas): it starts paused, resumes on
gaining the lead, pauses on losing it, and resyncs at once when another replica announces a
subscription change. Feed polls added to the same scheduler follow the leader too.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from types import TracebackType
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.delivery.cron import Cron
from bot.delivery.fanout import DeliveryResult
from bot.delivery.leader import Leadership, leadership_for
from bot.delivery.schedules import Schedule
from bot.delivery.service import DeliveryService
from bot.errors import BriefbotError

log = logging.getLogger(__name__)
RESYNC_JOB = "delivery:resync"
STOP_GRACE_SECONDS = 10.0  # let running fan-outs finish; the ledger settles the rest
_TICK = dt.timedelta(microseconds=1)


class CronsimTrigger(BaseTrigger):  # type: ignore[misc]  # APScheduler ships no type hints
    """An APScheduler trigger whose fire times are ``Cron``'s (cronsim's), in UTC."""

    def __init__(self, cron: Cron) -> None:
        self.cron = cron

    def get_next_fire_time(
        self, previous_fire_time: dt.datetime | None, now: dt.datetime
    ) -> dt.datetime | None:
        """The first fire time at or after ``now``; after a fire, the one following it.

        Like APScheduler's own triggers, a fire time after ``previous_fire_time`` may be in
        the past: the scheduler then coalesces it or counts it as misfired.
        """
        if previous_fire_time is None or now < previous_fire_time:  # first, or clock went back
            return self.cron.next_after(now - _TICK)
        return self.cron.next_after(previous_fire_time)

    def __str__(self) -> str:
        return f"cron[{self.cron.expr!r} {self.cron.timezone}]"

    def __repr__(self) -> str:
        return f"<CronsimTrigger {self.cron.expr!r} timezone={self.cron.timezone!r}>"


class DeliveryScheduler:
    """Owns the AsyncIOScheduler; enter it in the app's AsyncExitStack."""

    def __init__(self, service: DeliveryService, leadership: Leadership | None = None) -> None:
        self.service = service
        url = service.context.settings.store_url
        self.leadership = leadership if leadership is not None else leadership_for(url)
        self._lead_task: asyncio.Task[None] | None = None
        settings = service.context.settings.delivery
        self._resync_seconds = settings.resync_seconds
        self._schedules: dict[str, Schedule] = {}
        self._active: set[asyncio.Task[Any]] = set()
        self.scheduler = AsyncIOScheduler(
            timezone=dt.UTC,
            job_defaults={
                "coalesce": True,
                "max_instances": 1,
                "misfire_grace_time": int(service.grace.total_seconds()) or 1,
            },
        )

    async def __aenter__(self) -> DeliveryScheduler:
        self.start()
        self._lead_task = asyncio.create_task(self._lead(), name="delivery-leadership")
        return self

    async def _lead(self) -> None:
        """Fire only while leading: resume on acquiring, pause on losing, resync on news."""
        while True:
            await self.leadership.acquire()
            self.scheduler.resume()
            self.resync_now()
            lost = asyncio.create_task(self.leadership.lost())
            try:
                while not lost.done():
                    news = asyncio.create_task(self.leadership.changed())
                    await asyncio.wait({lost, news}, return_when=asyncio.FIRST_COMPLETED)
                    if news.done():
                        log.info("schedules changed elsewhere: resyncing now")
                        self.resync_now()
                    else:
                        news.cancel()
            finally:
                lost.cancel()
            self.scheduler.pause()
            log.warning("no longer the leading scheduler: firing paused")

    def resync_now(self) -> None:
        """Run the resync job at once (leadership gained, or subscriptions changed)."""
        if self.scheduler.get_job(RESYNC_JOB) is not None:
            self.scheduler.modify_job(RESYNC_JOB, next_run_time=dt.datetime.now(dt.UTC))

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        # Pause first and let running fan-outs finish: shutting the scheduler down cancels
        # its executor's running jobs at once.
        if self.scheduler.running:
            self.scheduler.pause()
        if self._lead_task is not None:
            self._lead_task.cancel()
            await asyncio.gather(self._lead_task, return_exceptions=True)
        await self.leadership.release()
        await asyncio.sleep(0)  # a job submitted just now starts, and so is tracked
        if self._active:
            _, pending = await asyncio.wait(self._active, timeout=STOP_GRACE_SECONDS)
            for task in pending:
                task.cancel()  # rows stay in flight and are settled after a restart
            await asyncio.gather(*pending, return_exceptions=True)
        self.stop()
        await asyncio.sleep(0)  # AsyncIOScheduler shuts down on the loop's next turn

    def start(self) -> None:
        """Start the scheduler paused; leading resumes it and runs the first resync at once."""
        self.scheduler.add_job(
            self.resync,
            IntervalTrigger(seconds=self._resync_seconds, timezone=dt.UTC),
            id=RESYNC_JOB,
            next_run_time=dt.datetime.now(dt.UTC),
        )
        self.scheduler.start(paused=True)  # resumed while this process leads
        log.info("delivery scheduler started")

    def stop(self) -> None:
        """Stop firing; rows in flight stay claimed and are settled after a restart."""
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)

    async def resync(self) -> None:
        """Re-read schedules, adjust jobs, then catch up on late and missed slots."""
        self._track()
        try:
            self.sync_jobs(await self.service.schedules())
            await self.service.catch_up(self.service.context.clock())
        except BriefbotError:
            log.exception("delivery resync failed; retrying at the next resync")

    def _track(self) -> None:
        """Remember the running job's task so that stopping can wait for it."""
        task = asyncio.current_task()
        if task is not None:
            self._active.add(task)
            task.add_done_callback(self._active.discard)

    def sync_jobs(self, schedules: list[Schedule]) -> None:
        """Add, replace and remove jobs so that there is one per schedule."""
        wanted = {s.name: s for s in schedules}
        for name in set(self._schedules) - set(wanted):
            self.scheduler.remove_job(name)
            log.info("schedule %s removed", name)
        for name, schedule in wanted.items():
            if self._schedules.get(name) == schedule:
                continue
            self.scheduler.add_job(
                self.fire,
                CronsimTrigger(schedule.timing()),
                args=[name],
                id=name,
                replace_existing=True,
            )
            log.info("schedule %s: %r in %s", name, schedule.cron, schedule.timezone)
        self._schedules = wanted

    async def fire(self, name: str) -> DeliveryResult | None:
        """A job fired: deliver the schedule's latest slot, unless it is past grace."""
        self._track()
        schedule = self._schedules.get(name)
        now = self.service.context.clock()
        slot = schedule.timing().latest_at(now) if schedule else None
        if schedule is None or slot is None or not self.service.in_grace(slot, now):
            log.warning("schedule %s fired with no slot within grace at %s", name, now)
            return None
        try:
            return await self.service.deliver(schedule, slot)
        except BriefbotError:
            log.exception("delivery of %s failed; the resync will retry within grace", name)
            return None
