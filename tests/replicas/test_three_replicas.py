"""Three real ``briefbot run`` replicas on one PostgreSQL database: kill -9 the leader mid fan-out.

Issue 11 (Measure). One schedule fires every minute to 200 Slack channels (the local fake, in
Slack's HTTP mode, each replica on its own port). The leader is killed with SIGKILL at about
10 % and 50 % of the first slot's posts (two successive leaders die in one slot) and at about
90 % of the next slot's; a fresh replica replaces each dead one, so three always run. Every
slot must reach every channel exactly once (each delivery key counted in the fake), and the
leader that took over must fire the following slot on time.

It runs in real minutes (about three), so it is marked ``replicas``: deselected from the
default run and run once by ``.ci/run`` with ``-m replicas``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest

from tests.delivery.pg import pg_url
from tests.replicas.cluster import (
    Cluster,
    TimedFakeSlack,
    post_counts,
    slot_of_first_post,
    wait_posts,
)

__all__ = ["pg_url"]  # the fixture (a throwaway database; an unreachable server fails)

pytestmark = pytest.mark.replicas

CHANNELS = 200
# (slot index, share of that slot's channels posted when the leader is killed)
KILLS = [(0, 0.10), (0, 0.50), (1, 0.90)]
ON_TIME_SECONDS = 10.0  # first post of a slot after its minute: takeover is done by then
FANOUT_SECONDS = 90.0  # 200 posts at the 10/s pacing take 20 s; room for a busy machine


async def start_cluster(fake: TimedFakeSlack, url: str, workdir: Path) -> Cluster:
    """Three replicas, all ready, one of them leading."""
    cluster = Cluster(workdir, url, fake, CHANNELS)
    replicas = [cluster.start() for _ in range(3)]
    for replica in replicas:
        await cluster.ready(replica)
    await cluster.leader()
    return cluster


async def early_in_a_minute() -> None:
    """Start in the first seconds of a minute, so the first slot's fan-out ends before the next."""
    second = dt.datetime.now(dt.UTC).second
    if second > 15:
        await asyncio.sleep(61 - second)


async def test_leader_killed_mid_fanout_each_slot_reaches_each_channel_once(
    pg_url: str, tmp_path: Path
) -> None:
    fake = TimedFakeSlack()
    await fake.start()
    await early_in_a_minute()
    started = dt.datetime.now(dt.UTC)
    cluster = await start_cluster(fake, pg_url, tmp_path)
    try:
        # The first leader's start-up catch-up delivers the minute it started in.
        await fake.wait_for("chat.postMessage", seconds=60)
        first = slot_of_first_post(fake, CHANNELS, started)
        slots = [first + dt.timedelta(minutes=n) for n in range(3)]
        killed: list[int] = []
        for index, share in KILLS:
            slot = slots[index]
            await wait_posts(fake, slot, CHANNELS, int(CHANNELS * share), FANOUT_SECONDS)
            leader = await cluster.leader()
            leader.kill()
            killed.append(leader.pid)
            cluster.start()  # three replicas again; the survivors race for the lock
            new_leader = await cluster.leader()
            assert new_leader.pid not in killed
        for slot in slots:
            await wait_posts(fake, slot, CHANNELS, CHANNELS, FANOUT_SECONDS)
        await asyncio.sleep(3)  # a duplicate sent late would land now
        for slot in slots:
            counts = post_counts(fake, slot, CHANNELS)
            twice = {k: n for k, n in counts.items() if n != 1}
            assert not twice, f"slot {slot:%H:%M}: posted more than once: {twice}"
            assert len({c for c, _ in counts}) == CHANNELS, f"slot {slot:%H:%M} incomplete"
        # Slots 1 and 2 follow a kill: the new leader fired them at their minute.
        lags = [(fake.first_post(s, CHANNELS) or 0.0) - s.timestamp() for s in slots[1:]]
        assert all(0 <= lag <= ON_TIME_SECONDS for lag in lags), f"first posts late: {lags}"
        assert sum(r.alive for r in cluster.replicas) == 3
    finally:
        cluster.stop()
        await fake.close()
