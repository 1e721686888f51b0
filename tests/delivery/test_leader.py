"""The scheduler lock against the real local PostgreSQL: one leader, bounded fail-over, NOTIFY.

Each test gets a throwaway database (``pg_url``); an unreachable server fails the test.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from apscheduler.schedulers.base import STATE_PAUSED, STATE_RUNNING

from bot.context import Context
from bot.delivery import admin
from bot.delivery.leader import (
    TAKEOVER_BOUND,
    PostgresLeadership,
    SoloLeadership,
    announce,
    leadership_for,
)
from bot.delivery.scheduler import DeliveryScheduler
from bot.settings import Secrets, Settings
from bot.store import Store

from .conftest import ServiceFactory, make_settings
from .pg import pg_url, terminate_sessions

__all__ = ["pg_url"]  # the fixture, imported for this module
WORKER = Path(__file__).with_name("leader_worker.py")
ROOT = Path(__file__).resolve().parents[2]


def quick(url: str) -> PostgresLeadership:
    return PostgresLeadership(url, poll_seconds=0.5, heartbeat_seconds=1.0)


async def test_one_leader_until_its_connection_dies_then_another_takes_over(pg_url: str) -> None:
    first, second = quick(pg_url), quick(pg_url)
    try:
        await asyncio.wait_for(first.acquire(), 10)
        waiting = asyncio.create_task(second.acquire())
        await asyncio.sleep(1.5)
        assert not waiting.done(), "two leaders at once"
        assert first.session_pid is not None
        started = time.monotonic()
        assert await terminate_sessions(pg_url, pid=first.session_pid) == 1
        await asyncio.wait_for(first.lost(), 5)  # the old leader steps down
        await asyncio.wait_for(waiting, TAKEOVER_BOUND)
        assert time.monotonic() - started < TAKEOVER_BOUND
        comeback = asyncio.create_task(first.acquire())  # the old leader now waits
        await asyncio.sleep(1.5)
        assert not comeback.done()
        comeback.cancel()
    finally:
        await first.release()
        await second.release()


async def test_released_lock_passes_on_and_announce_reaches_the_leader(pg_url: str) -> None:
    first, second = quick(pg_url), quick(pg_url)
    try:
        await asyncio.wait_for(first.acquire(), 10)
        await announce(pg_url)
        await asyncio.wait_for(first.changed(), 5)
        waiting = asyncio.create_task(second.acquire())
        await first.release()
        await asyncio.wait_for(waiting, 5)
    finally:
        await first.release()
        await second.release()


async def test_sqlite_has_one_solo_leader_per_process() -> None:
    leadership = leadership_for("sqlite:///data/briefbot.sqlite3")
    assert isinstance(leadership, SoloLeadership)
    await asyncio.wait_for(leadership.acquire(), 1)
    await announce("sqlite:///data/briefbot.sqlite3")  # a no-op, never an error
    assert isinstance(leadership_for("postgresql://db/briefbot"), PostgresLeadership)


def test_two_processes_one_killed_the_other_leads_within_the_bound(
    pg_url: str, tmp_path: Path
) -> None:
    report = tmp_path / "leaders"
    report.touch()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    workers = [
        subprocess.Popen(
            [sys.executable, str(WORKER), pg_url, str(report)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    try:
        leaders = wait_for_lines(report, 1, 30, workers)
        time.sleep(1.5)
        assert len(report.read_text().splitlines()) == 1, "two leaders at once"
        leader_pid = int(leaders[0].split()[0])
        killed_at = time.time()
        os.kill(leader_pid, signal.SIGKILL)
        pid, took_over_at = wait_for_lines(report, 2, TAKEOVER_BOUND + 5, workers)[1].split()
        assert int(pid) != leader_pid
        assert float(took_over_at) - killed_at < TAKEOVER_BOUND
    finally:
        for process in workers:
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
            process.communicate(timeout=10)


def wait_for_lines(
    path: Path, count: int, seconds: float, workers: list[subprocess.Popen[bytes]]
) -> list[str]:
    deadline = time.monotonic() + seconds
    while len(lines := path.read_text().splitlines()) < count:
        alive = [w for w in workers if w.poll() is None]
        assert alive, [w.communicate()[1].decode() for w in workers]
        assert time.monotonic() < deadline, f"no leader #{count} within {seconds}s"
        time.sleep(0.05)
    return lines


async def test_only_the_leading_scheduler_fires_and_hears_of_subscriptions(
    pg_url: str, make_service: ServiceFactory, loaded_store: Store
) -> None:
    slow = make_settings(resync_seconds=3600)  # only NOTIFY can bring the change quickly
    first = DeliveryScheduler(make_service(settings=slow), quick(pg_url))
    second = DeliveryScheduler(make_service(settings=slow), quick(pg_url))
    async with first, second:
        await until(
            lambda: {first.scheduler.state, second.scheduler.state} == {STATE_RUNNING, STATE_PAUSED}
        )
        leader, follower = (
            (first, second) if first.scheduler.state == STATE_RUNNING else (second, first)
        )

        elsewhere = Context(Settings(database_url=pg_url), Secrets(), loaded_store)
        await admin.subscribe(elsewhere, "console", cron="0 9 * * *", timezone="UTC", by="u1")
        await until(lambda: leader.scheduler.get_job("sub:console") is not None, 5)

        assert isinstance(leader.leadership, PostgresLeadership)
        pid = leader.leadership.session_pid
        assert pid is not None and await terminate_sessions(pg_url, pid=pid) == 1
        await until(lambda: follower.scheduler.state == STATE_RUNNING, TAKEOVER_BOUND)
        await until(lambda: leader.scheduler.state == STATE_PAUSED, 5)
        await until(lambda: follower.scheduler.get_job("sub:console") is not None, 5)


async def until(condition: object, seconds: float = 10) -> None:
    assert callable(condition)
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "condition not reached in time"
        await asyncio.sleep(0.05)
