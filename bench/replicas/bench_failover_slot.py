"""Benchmark: fail-over time of real replicas, "leader killed → next slot fired" (issue 11).

Three ``briefbot run`` processes (Slack HTTP mode, ports of their own) share a throwaway
PostgreSQL database and post to the local fake Slack (``tests/replicas/cluster.py``); one
schedule fires every minute to ``--channels`` channels. Before each of ``--kills`` minute
boundaries the leader is killed with SIGKILL ``--before`` seconds ahead of the slot, and a
fresh replica replaces it. Measured per kill:

- ``takeover``: kill → a survivor logs that it holds the scheduler lock;
- ``failover``: kill → the first post of the next slot arrives at the fake;
- ``late``: how far after its minute that slot's first post arrived (0 would be on time).

Runs in real minutes: about ``--kills`` + 1 of them.

usage: python bench/replicas/bench_failover_slot.py [--kills 10] [--before 1.0] [--channels 20]
       (server: BRIEFBOT_TEST_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432/postgres)
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import secrets
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.replicas.cluster import Cluster, TimedFakeSlack, wait_posts  # noqa: E402

ADMIN = os.environ.get(
    "BRIEFBOT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)


def next_minute(now: float) -> dt.datetime:
    """The next minute boundary after ``now`` (unix time), in UTC."""
    moment = dt.datetime.fromtimestamp(now, dt.UTC).replace(second=0, microsecond=0)
    return moment + dt.timedelta(minutes=1)


async def one_kill(cluster: Cluster, fake: TimedFakeSlack, before: float) -> tuple[float, ...]:
    """Kill the leader ``before`` s ahead of the next slot; (takeover, failover, late) seconds."""
    slot = next_minute(time.time() + before + 0.5)
    await asyncio.sleep(max(0.0, slot.timestamp() - before - time.time()))
    leader = await cluster.leader()
    killed_at = time.time()
    leader.kill()
    cluster.start()
    await cluster.leader()
    took_over = time.time()
    await wait_posts(fake, slot, cluster.channels, cluster.channels, 120)
    fired = fake.first_post(slot, cluster.channels)
    assert fired is not None
    return took_over - killed_at, fired - killed_at, fired - slot.timestamp()


def spread(name: str, values: list[float]) -> str:
    ordered = sorted(values)
    return (
        f"{name}_median_s={statistics.median(ordered):.2f} {name}_min_s={ordered[0]:.2f}"
        f" {name}_max_s={ordered[-1]:.2f}"
    )


async def main(args: argparse.Namespace) -> str:
    name = f"briefbot_bench_{secrets.token_hex(6)}"
    admin = await psycopg.AsyncConnection.connect(ADMIN, autocommit=True, connect_timeout=5)
    await admin.execute(f"CREATE DATABASE {name}")
    fake = TimedFakeSlack()
    await fake.start()
    workdir = Path(tempfile.mkdtemp(prefix="briefbot-failover-"))
    cluster = Cluster(workdir, f"{ADMIN.rsplit('/', 1)[0]}/{name}", fake, args.channels)
    figures: list[tuple[float, ...]] = []
    try:
        for replica in [cluster.start() for _ in range(3)]:
            await cluster.ready(replica)
        await cluster.leader()
        for n in range(args.kills):
            figures.append(await one_kill(cluster, fake, args.before))
            takeover, failover, late = figures[-1]
            print(
                f"kill {n + 1}: takeover {takeover:.2f}s failover {failover:.2f}s late {late:.2f}s"
            )
    finally:
        cluster.stop()
        await fake.close()
        await admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        await admin.close()
        shutil.rmtree(workdir, ignore_errors=True)
    takeovers, failovers, lates = (list(column) for column in zip(*figures, strict=True))
    return (
        f"kills={len(figures)} before_s={args.before} channels={args.channels} "
        f"{spread('takeover', takeovers)} {spread('failover', failovers)} {spread('late', lates)}"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--before", type=float, default=1.0, help="seconds before the slot")
    parser.add_argument("--channels", type=int, default=20)
    print(asyncio.run(main(parser.parse_args())))
