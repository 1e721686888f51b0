"""Benchmark: scheduler-lock fail-over time over repeated kill -9 of the leader.

Three processes (``tests/delivery/leader_worker.py``) wait for the PostgreSQL advisory lock on a
throwaway database of the local server; the leader is killed with SIGKILL, the time until
another process reports holding the lock is measured, a fresh process replaces the dead one,
and so on ``--kills`` times. This is the lock's share of "leader killed → next slot fired";
the slot itself is then fired by the resync the new leader runs at once.

usage: python bench/delivery/bench_failover.py [--kills 10] [--poll 2.0]
       (server: BRIEFBOT_TEST_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432/postgres)
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[2]
WORKER = ROOT / "tests" / "delivery" / "leader_worker.py"
ADMIN = os.environ.get(
    "BRIEFBOT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)


def start(url: str, report: Path, poll: float) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "BRIEFBOT_LEADER_POLL": str(poll)}
    return subprocess.Popen(
        [sys.executable, str(WORKER), url, str(report)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def leaders(report: Path) -> list[tuple[int, float]]:
    lines = report.read_text().splitlines()
    return [(int(pid), float(at)) for pid, at in (line.split() for line in lines)]


def wait_count(report: Path, count: int, seconds: float = 60.0) -> list[tuple[int, float]]:
    deadline = time.monotonic() + seconds
    while len(found := leaders(report)) < count:
        if time.monotonic() > deadline:
            raise SystemExit(f"no leader #{count} within {seconds}s")
        time.sleep(0.01)
    return found


def run(url: str, kills: int, poll: float, folder: Path) -> list[float]:
    report = folder / "leaders"
    report.touch()
    workers = {p.pid: p for p in (start(url, report, poll) for _ in range(3))}
    times = []
    try:
        wait_count(report, 1)
        for n in range(kills):
            pid, _ = leaders(report)[-1]
            killed = time.time()
            os.kill(pid, signal.SIGKILL)
            workers.pop(pid).wait()
            _, took_over = wait_count(report, n + 2)[-1]
            times.append(took_over - killed)
            fresh = start(url, report, poll)
            workers[fresh.pid] = fresh
            time.sleep(0.5)  # the newcomer connects and starts polling
    finally:
        for process in workers.values():
            process.send_signal(signal.SIGKILL)
            process.wait()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--poll", type=float, default=2.0)
    args = parser.parse_args()
    name = f"briefbot_bench_{secrets.token_hex(4)}"
    with psycopg.connect(ADMIN, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
        try:
            with tempfile.TemporaryDirectory() as folder:
                url = ADMIN.rsplit("/", 1)[0] + "/" + name
                times = run(url, args.kills, args.poll, Path(folder))
        finally:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    ordered = sorted(times)
    print("failover_seconds=" + ",".join(f"{t:.2f}" for t in times))
    print(
        f"kills={len(times)} poll_seconds={args.poll} median_seconds={statistics.median(times):.2f}"
        f" max_seconds={ordered[-1]:.2f} min_seconds={ordered[0]:.2f} bound_seconds=15"
    )


if __name__ == "__main__":
    main()
