"""Benchmark: one briefing to 200 channels through a local HTTP fake of Slack's Web API.

The fake (aiohttp, on 127.0.0.1) enforces chat.postMessage pacing: about 1 message/s per
channel plus a workspace-wide limit (we choose 10 msg/s, the delivery layer's default for
Slack), answering 429 with Retry-After when a request comes too early. 10% of the requests it
accepts fail with a 500, and half of those still post the message (a failure after the write),
which only settling with conversations.history can tell apart. The client is the real
delivery path: SQLite ledger, pacing, retries with jittered backoff, an httpx poster.

Time is scaled (``--scale 0.25``: every interval, backoff and Retry-After x0.25) so the run
takes seconds; the ratio is scale-free. The minimum is what the limits allow for the requests
the fake had to accept: max((accepted - 1) x workspace interval, per-channel spacing).

With ``--store postgresql`` the ledger is a throwaway database on the local PostgreSQL server
(``BRIEFBOT_TEST_POSTGRES_URL``, default postgresql://postgres@127.0.0.1:5432/postgres),
created for the run and dropped after it: the ledger replicas share.

usage: python bench/delivery/bench_fanout.py [--channels 200] [--scale 0.25] [--seed 7]
                                             [--store sqlite|postgresql]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import functools
import os
import random
import secrets
import tempfile
import time
from collections import defaultdict
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import psycopg
from aiohttp import web

from bot.context import Context
from bot.core.briefing import Briefing
from bot.delivery.pacing import Pacers, Pacing
from bot.delivery.poster import FailureReason, PostError, SendPart
from bot.delivery.retry import RetryPolicy
from bot.delivery.service import DeliveryService
from bot.settings import Secrets, Settings
from bot.store import open_store

WORKSPACE_PER_SECOND = 10.0
CHANNEL_INTERVAL = 1.0
FAILURE_RATE = 0.10
ADMIN_URL = os.environ.get(
    "BRIEFBOT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)


@contextlib.asynccontextmanager
async def store_url(kind: str, folder: Path) -> AsyncIterator[str]:
    """A SQLite file in ``folder``, or a PostgreSQL database created now and dropped after."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'bench.sqlite3'}"
        return
    name = f"briefbot_bench_{secrets.token_hex(6)}"
    admin = await psycopg.AsyncConnection.connect(ADMIN_URL, autocommit=True, connect_timeout=5)
    try:
        await admin.execute(f"CREATE DATABASE {name}")
        yield f"{ADMIN_URL.rsplit('/', 1)[0]}/{name}"
    finally:
        await admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        await admin.close()


class Gcra:
    """Generic cell rate algorithm: one request per ``interval``, up to one interval early
    (Slack allows "short bursts"); R requests therefore need at least (R-1) x interval - tolerance.
    """

    def __init__(self, interval: float) -> None:
        self.interval = interval
        self.tolerance = interval
        self.tat = 0.0  # theoretical arrival time

    def wait(self, now: float) -> float:
        """Seconds until a request would be allowed (0: allowed now)."""
        return max(0.0, self.tat - self.tolerance - now)

    def take(self, now: float) -> None:
        self.tat = max(self.tat, now) + self.interval


class FakeSlack:
    """chat.postMessage with Slack's pacing, and conversations.history for settling."""

    def __init__(self, scale: float, seed: int) -> None:
        self.workspace = Gcra(scale / WORKSPACE_PER_SECOND)
        self.channels: dict[str, Gcra] = defaultdict(lambda: Gcra(scale * CHANNEL_INTERVAL))
        self.random = random.Random(seed)
        self.messages: dict[str, list[str]] = defaultdict(list)
        self.accepted: dict[str, int] = defaultdict(int)
        self.counts: dict[str, int] = defaultdict(int)

    async def post_message(self, request: web.Request) -> web.Response:
        body = await request.json()
        channel, now = body["channel"], time.monotonic()
        wait = max(self.workspace.wait(now), self.channels[channel].wait(now))
        if wait > 0:
            self.counts["429"] += 1
            return web.json_response(
                {"ok": False, "error": "ratelimited"},
                status=429,
                headers={"Retry-After": f"{wait:.3f}"},
            )
        self.workspace.take(now)
        self.channels[channel].take(now)
        self.accepted[channel] += 1
        key = body["metadata"]["event_payload"]["delivery_key"]
        if self.random.random() < FAILURE_RATE:
            self.counts["500"] += 1
            if self.random.random() < 0.5:
                self.messages[channel].append(key)  # written, then failed
            return web.json_response({"ok": False, "error": "internal_error"}, status=500)
        self.messages[channel].append(key)
        return web.json_response({"ok": True, "ts": f"{len(self.messages[channel])}.0"})

    async def history(self, request: web.Request) -> web.Response:
        self.counts["history"] += 1
        keys = self.messages[request.query["channel"]]
        found = [
            {"ts": f"{i + 1}.0", "metadata": {"event_payload": {"delivery_key": k}}}
            for i, k in enumerate(keys)
        ]
        return web.json_response({"ok": True, "messages": found})

    async def api_test(self, request: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/api/api.test", self.api_test)
        app.router.add_post("/api/chat.postMessage", self.post_message)
        app.router.add_get("/api/conversations.history", self.history)
        return app


class HttpSlackPoster:
    """A minimal Slack poster over httpx: the classification the real one does."""

    platform = "slack"

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    def parts(self, briefing: Briefing, *, delivery_key: str) -> list[SendPart]:
        """One message per briefing: the benchmark measures pacing, not rendering."""
        return [functools.partial(self._post, briefing.heading, delivery_key)]

    async def _post(self, text: str, delivery_key: str, channel_id: str) -> str:
        payload = {
            "channel": channel_id,
            "text": text,
            "metadata": {
                "event_type": "briefbot_delivery",
                "event_payload": {"delivery_key": delivery_key},
            },
        }
        response = await self._call("POST", "/api/chat.postMessage", json=payload)
        return str(response.json()["ts"])

    async def find_delivered(self, channel_id: str, delivery_key: str) -> dict[int, str]:
        response = await self._call(
            "GET", "/api/conversations.history", params={"channel": channel_id}
        )
        for message in response.json()["messages"]:
            if message["metadata"]["event_payload"]["delivery_key"] == delivery_key:
                return {0: str(message["ts"])}
        return {}

    async def _call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            response = await self.client.request(method, path, **kwargs)
        except httpx.TransportError as err:
            raise PostError(FailureReason.TRANSIENT, str(err)) from err
        if response.status_code == 429:
            wait = float(response.headers.get("Retry-After", "1"))
            raise PostError(FailureReason.RATE_LIMITED, "ratelimited", retry_after=wait)
        if response.status_code >= 500:
            raise PostError(FailureReason.TRANSIENT, f"HTTP {response.status_code}")
        if response.status_code >= 400:
            raise PostError(FailureReason.BAD_REQUEST, f"HTTP {response.status_code}")
        return response


async def warm_up(client: httpx.AsyncClient) -> None:
    """Open the connections first, as a running bot has them: the clock measures pacing."""
    await client.post("/api/api.test")


def minimum_seconds(fake: FakeSlack, scale: float) -> float:
    """What the limits allow for the requests the fake accepted."""
    workspace = fake.workspace.interval * (sum(fake.accepted.values()) - 2)
    channel = max(gcra.interval * (fake.accepted[c] - 2) for c, gcra in fake.channels.items())
    return max(workspace, channel)


async def run(channels: int, scale: float, seed: int, folder: Path, store: str) -> str:
    async with store_url(store, folder) as url:
        return await run_on(channels, scale, seed, folder, url)


async def run_on(channels: int, scale: float, seed: int, folder: Path, url: str) -> str:
    fake = FakeSlack(scale, seed)
    runner = web.AppRunner(fake.app(), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    names = [f"slack:C{n:07d}" for n in range(channels)]
    schedule = {"name": "bench", "cron": "0 8 * * *", "timezone": "UTC", "channels": names}
    settings = Settings.model_validate({"schedules": [schedule], "briefs_dir": str(folder)})
    store = await open_store(url)
    limits = httpx.Limits(max_connections=100)
    try:
        async with httpx.AsyncClient(
            base_url=f"http://127.0.0.1:{port}", timeout=10, limits=limits
        ) as client:
            pacing = {"slack": Pacing(scale / WORKSPACE_PER_SECOND, scale * CHANNEL_INTERVAL)}
            policy = RetryPolicy(base=scale * CHANNEL_INTERVAL, rand=random.Random(seed).random)
            service = DeliveryService(
                Context(settings, Secrets(), store),
                {"slack": HttpSlackPoster(client)},
                pacers=Pacers(pacing),
                policy=policy,
            )
            slot = dt.datetime(2026, 1, 1, 8, 0, tzinfo=dt.UTC)
            await warm_up(client)
            started = time.monotonic()
            result = await service.deliver(await service.schedule("bench"), slot)
            elapsed = time.monotonic() - started
    finally:
        await store.close()
        await runner.cleanup()
    delivered = sum(1 for keys in fake.messages.values() if keys)
    duplicates = sum(len(keys) - 1 for keys in fake.messages.values() if keys)
    minimum = minimum_seconds(fake, scale)
    print(
        f"requests={sum(fake.accepted.values())} errors_500={fake.counts['500']}"
        f" rate_limited_429={fake.counts['429']} history_calls={fake.counts['history']}"
        f" ledger_ok={result.ok} scale={scale}"
    )
    return (
        f"channels={channels} delivered={delivered} duplicates={duplicates}"
        f" seconds={elapsed:.3f} minimum_seconds={minimum:.3f} ratio={elapsed / minimum:.3f}"
        f" store={url.partition(':')[0]}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--channels", type=int, default=200)
    parser.add_argument("--scale", type=float, default=0.25)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--store", choices=["sqlite", "postgresql"], default="sqlite")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        figures = run(args.channels, args.scale, args.seed, Path(folder), args.store)
        print(asyncio.run(figures))


if __name__ == "__main__":
    main()
