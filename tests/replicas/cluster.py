"""Real ``briefbot run`` replicas on one PostgreSQL database, posting to the local fake Slack.

Each replica is a subprocess (``python -m bot run``) in Slack's HTTP mode on a port of its own,
with the same config (one schedule, every minute, to many channels) and the same
``DATABASE_URL``. Which one leads is read from its log ("scheduler lock acquired"); posts are
read from the fake, which records every ``chat.postMessage`` with the delivery key and part in
its metadata. Used by ``tests/replicas`` and by ``bench/replicas``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

from bot.delivery.ledger import delivery_key
from bot.store.ledger import SlotKey
from tests.slack.conftest import SIGNING_SECRET
from tests.slack.fake_slack import FakeSlack, Recorded

ROOT = Path(__file__).resolve().parents[2]
SCHEDULE = "replicas"
ACQUIRED = "scheduler lock acquired"
STEPPED_DOWN = "no longer the leading scheduler"


@dataclass
class TimedFakeSlack(FakeSlack):
    """The fake Slack, also noting the wall time each request arrived (``arrived[i]``)."""

    arrived: list[float] = field(default_factory=list)

    async def _record(self, recorded: Recorded) -> None:
        assert self._changed is not None
        async with self._changed:
            self.requests.append(recorded)
            self.arrived.append(time.time())
            self._changed.notify_all()

    def first_post(self, slot: dt.datetime, channels: int) -> float | None:
        """When the first post of ``slot`` arrived (unix time), or None."""
        keys = slot_keys(slot, channels)
        for recorded, arrived in zip(self.requests, self.arrived, strict=True):
            found = payload(recorded.args) if recorded.method == "chat.postMessage" else None
            if found is not None and found[0] in keys:
                return arrived
        return None


def channel_ids(count: int) -> list[str]:
    """Slack channel ids of the schedule."""
    return [f"C{n:08d}" for n in range(count)]


def write_config(workdir: Path, channels: int, *, lease_seconds: int = 10) -> Path:
    """A config whose one schedule posts to ``channels`` Slack channels every minute.

    The grace window is one minute, so a slot interrupted by a kill is still delivered by the
    next leader; the short lease lets a replica take over rows a dead process left in flight.
    """
    shutil.copytree(ROOT / "briefs", workdir / "briefs")
    names = ", ".join(f'"slack:{c}"' for c in channel_ids(channels))
    config = workdir / "briefbot.toml"
    config.write_text(
        'briefs_dir = "briefs"\ndata_dir = "data"\n'
        f"[delivery]\ngrace_minutes = 1\nlease_seconds = {lease_seconds}\n"
        f'[[schedules]]\nname = "{SCHEDULE}"\ncron = "* * * * *"\nchannels = [{names}]\n'
    )
    return config


def free_port() -> int:
    """A port nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Replica:
    """One ``briefbot run`` process and its log."""

    process: subprocess.Popen[bytes]
    port: int
    log: Path

    @property
    def pid(self) -> int:
        """The OS process id."""
        return self.process.pid

    @property
    def alive(self) -> bool:
        """Still running."""
        return self.process.poll() is None

    def leads(self) -> bool:
        """Alive, and its log says it holds the scheduler lock now."""
        if not self.alive or not self.log.exists():
            return False
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return text.rfind(ACQUIRED) > text.rfind(STEPPED_DOWN)

    def kill(self) -> None:
        """kill -9: no clean-up, the lock's connection dies with the process."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)


@dataclass
class Cluster:
    """Replicas sharing one database and one fake Slack."""

    workdir: Path
    database_url: str
    fake: FakeSlack
    channels: int
    replicas: list[Replica] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.config = write_config(self.workdir, self.channels)

    def start(self) -> Replica:
        """Start one more replica."""
        port = free_port()
        log = self.workdir / f"replica-{len(self.replicas)}.log"
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("SLACK_", "DISCORD_", "BRIEFBOT_", "DATABASE_URL"))
        }
        env |= {
            "SLACK_BOT_TOKEN": "xoxb-replicas",
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": self.fake.base_url,
            "SLACK_HOST": "127.0.0.1",
            "PORT": str(port),
            "BRIEFBOT_CONFIG": str(self.config),
            "DATABASE_URL": self.database_url,
            "PYTHONPATH": str(ROOT),
        }
        with log.open("wb") as stderr:
            process = subprocess.Popen(
                [sys.executable, "-m", "bot", "run"],
                cwd=self.workdir,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
            )
        replica = Replica(process, port, log)
        self.replicas.append(replica)
        return replica

    async def ready(self, replica: Replica, seconds: float = 90.0) -> None:
        """Wait until the replica's HTTP server answers ``/healthz``."""
        deadline = time.monotonic() + seconds
        async with aiohttp.ClientSession() as session:
            while time.monotonic() < deadline:
                if not replica.alive:
                    raise AssertionError(f"replica {replica.pid} exited: {self.tail(replica)}")
                try:
                    async with session.get(f"http://127.0.0.1:{replica.port}/healthz") as answer:
                        if answer.status == 200:
                            return
                except aiohttp.ClientError:
                    pass
                await asyncio.sleep(0.2)
        raise AssertionError(f"replica {replica.pid} not ready in {seconds}s")

    async def leader(self, seconds: float = 30.0) -> Replica:
        """The one live replica whose log says it leads (waits for a takeover)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            leading = [r for r in self.replicas if r.leads()]
            if len(leading) == 1:
                return leading[0]
            await asyncio.sleep(0.05)
        raise AssertionError(f"no single leader after {seconds}s: {self.logs()}")

    def stop(self) -> None:
        """SIGTERM every live replica, then SIGKILL what did not stop."""
        for replica in self.replicas:
            if replica.alive:
                replica.process.terminate()
        for replica in self.replicas:
            try:
                replica.process.wait(20)
            except subprocess.TimeoutExpired:
                replica.kill()

    @staticmethod
    def tail(replica: Replica, lines: int = 15) -> str:
        """The end of a replica's log, for failure messages."""
        if not replica.log.exists():
            return "(no log)"
        return "\n".join(replica.log.read_text(errors="replace").splitlines()[-lines:])

    def logs(self) -> str:
        """Every replica's log tail."""
        return "\n".join(f"--- {r.pid} alive={r.alive}\n{self.tail(r)}" for r in self.replicas)


def payload(args: dict[str, Any]) -> tuple[str, int] | None:
    """The (delivery key, part) of a recorded ``chat.postMessage``, or None without metadata."""
    metadata = args.get("metadata")
    if isinstance(metadata, str):
        metadata = json.loads(metadata)
    if not isinstance(metadata, dict):
        return None
    body = metadata.get("event_payload") or {}
    return str(body.get("key")), int(body.get("part", 0))


def slot_keys(slot: dt.datetime, channels: int) -> dict[str, str]:
    """Delivery key → channel id, for every channel of the schedule at ``slot``."""
    return {delivery_key(SlotKey(SCHEDULE, f"slack:{c}", slot)): c for c in channel_ids(channels)}


def post_counts(fake: FakeSlack, slot: dt.datetime, channels: int) -> Counter[tuple[str, int]]:
    """How many times each (channel, part) of ``slot`` was posted."""
    keys = slot_keys(slot, channels)
    counts: Counter[tuple[str, int]] = Counter()
    for recorded in fake.calls("chat.postMessage"):
        found = payload(recorded.args)
        if found is not None and found[0] in keys:
            counts[(keys[found[0]], found[1])] += 1
    return counts


def slot_of_first_post(fake: FakeSlack, channels: int, around: dt.datetime) -> dt.datetime:
    """The slot (a minute within ±3 of ``around``) that the first recorded post belongs to."""
    base = around.replace(second=0, microsecond=0)
    candidates = [base + dt.timedelta(minutes=m) for m in range(-3, 4)]
    maps = {slot: slot_keys(slot, channels) for slot in candidates}
    for recorded in fake.calls("chat.postMessage"):
        found = payload(recorded.args)
        for slot, keys in maps.items():
            if found is not None and found[0] in keys:
                return slot
    raise AssertionError("no post of the schedule recorded")


async def wait_posts(
    fake: FakeSlack, slot: dt.datetime, channels: int, count: int, seconds: float
) -> float:
    """Wait until ``count`` distinct channels hold part 0 of ``slot``; the wall time then."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        counts = post_counts(fake, slot, channels)
        if len({c for c, part in counts if part == 0}) >= count:
            return time.time()
        await asyncio.sleep(0.02)
    have = len(post_counts(fake, slot, channels))
    raise AssertionError(f"slot {slot:%H:%M}: {have} of {count} channel(s) after {seconds}s")
