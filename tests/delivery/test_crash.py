"""Real processes: one killed in the middle of a fan-out and restarted; two at once on one DB.

The multi-part trials run the real Slack and Discord posters in the worker against the local
fakes, served from a thread of this process so that the "platform" outlives the worker. The
fake hangs the answer to the n-th message, having stored it ("landed") or not ("lost"), and the
worker is killed there with SIGKILL; a restart must complete the missing parts only.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from aiohttp import web

import bot.adapters.discord  # noqa: F401  (first: imports discord.py without its audioop warning)

# isort: split
import discord

from bot.adapters.discord.render import footer_marker
from tests.discord.fake_api import FakeDiscord
from tests.slack.fake_slack import FakeSlack

T = TypeVar("T")

WORKER = Path(__file__).with_name("crash_worker.py")
ROOT = Path(__file__).resolve().parents[2]
CHANNELS = 12


def worker(tmp_path: Path, *extra: str) -> subprocess.Popen[bytes]:
    platform = tmp_path / "platform"
    platform.mkdir(exist_ok=True)
    command = [sys.executable, str(WORKER), str(tmp_path / "db.sqlite3"), str(platform)]
    return subprocess.Popen(
        [*command, str(CHANNELS), *extra],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def posts_per_channel(tmp_path: Path) -> dict[str, int]:
    folder = tmp_path / "platform"
    return {path.name: len(path.read_text().splitlines()) for path in folder.iterdir()}


def wait_for(path: Path, process: subprocess.Popen[bytes], seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert process.poll() is None, process.communicate()[1].decode()
        assert time.monotonic() < deadline, "worker never reached the crash point"
        time.sleep(0.02)


def test_killed_mid_fan_out_then_restarted_posts_every_channel_exactly_once(
    tmp_path: Path,
) -> None:
    first = worker(tmp_path, "--block-after", "4")
    wait_for(tmp_path / "ready", first)
    first.send_signal(signal.SIGKILL)
    first.communicate(timeout=10)  # reaps it and closes its pipes
    before = posts_per_channel(tmp_path)
    assert sum(before.values()) == 4  # four landed, the rest claimed or not started

    second = worker(tmp_path)
    _, err = second.communicate(timeout=60)
    assert second.returncode == 0, err.decode()
    assert posts_per_channel(tmp_path) == {f"C{n:07d}": 1 for n in range(CHANNELS)}

    rerun = worker(tmp_path)  # a no-op rerun exits 0 and posts nothing
    _, err = rerun.communicate(timeout=60)
    assert rerun.returncode == 0, err.decode()
    assert sum(posts_per_channel(tmp_path).values()) == CHANNELS


def test_two_processes_at_once_post_each_channel_once(tmp_path: Path) -> None:
    workers = [worker(tmp_path, "--delay", "0.05") for _ in range(2)]
    for process in workers:
        _, err = process.communicate(timeout=60)
        assert process.returncode == 0, err.decode()
    assert posts_per_channel(tmp_path) == {f"C{n:07d}": 1 for n in range(CHANNELS)}


# -- multi-part briefings through the real posters ------------------------------------------

PARTS = 3
PART_CHANNELS = 3


class Hang:
    """When to hang a message post: the n-th one, after storing it (landed) or before."""

    def __init__(self) -> None:
        self.nth: int | None = None
        self.landed = True
        self.count = 0
        self.reached = threading.Event()
        self.release: asyncio.Event | None = None

    def arm(self, nth: int, *, landed: bool) -> None:
        self.nth, self.landed, self.count = nth, landed, 0
        self.reached.clear()

    def disarm(self) -> None:
        self.nth = None
        if self.release is not None:
            self.release.set()  # let hung handlers of the killed worker finish
        self.release = None

    def due(self) -> bool:
        """Count a post; True when this one (or any after it) must hang."""
        self.count += 1
        return self.nth is not None and self.count >= self.nth

    async def wait(self) -> None:
        self.reached.set()
        if self.release is None:
            self.release = asyncio.Event()
        await self.release.wait()


class HangingSlack(FakeSlack):
    """The fake Slack Web API, hanging chat.postMessage when armed."""

    hang: Hang

    async def _api(self, request: web.Request) -> web.Response:
        if request.match_info["method"] != "chat.postMessage" or not self.hang.due():
            return await super()._api(request)
        if not self.hang.landed:
            await self.hang.wait()
            return web.json_response({"ok": False, "error": "request_timeout"}, status=504)
        response = await super()._api(request)
        await self.hang.wait()
        return response

    def parts(self) -> dict[str, Counter[tuple[str, int]]]:
        """Per channel: (delivery key, part) of every message, counted."""
        return {
            channel: Counter(
                (m["metadata"]["event_payload"]["key"], m["metadata"]["event_payload"]["part"])
                for m in messages
            )
            for channel, messages in self.history.items()
        }


class HangingDiscord(FakeDiscord):
    """The fake Discord REST API, hanging message posts when armed."""

    hang: Hang

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        posting = request.method == "POST" and request.path.endswith("/messages")
        if not posting or not self.hang.due():
            return await super()._handle(request)
        if not self.hang.landed:
            await self.hang.wait()
            return web.json_response({"message": "timeout", "code": 0}, status=503)
        response = await super()._handle(request)
        await self.hang.wait()
        return response

    def parts(self) -> dict[str, Counter[str | None]]:
        """Per channel: the footer reference of every message, counted."""
        return {
            channel: Counter(
                footer_marker(discord.Embed.from_dict(m["embeds"][-1])) for m in messages
            )
            for channel, messages in self.messages.items()
        }


class Served:
    """A fake platform served by its own event loop on a thread of the test process."""

    def __init__(self, fake: HangingSlack | HangingDiscord) -> None:
        self.fake = fake
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    def run(self, work: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(work, self.loop).result(30)

    def __enter__(self) -> Served:
        self.thread.start()
        self.run(self.fake.start())
        return self

    def __exit__(self, *exc: object) -> None:
        self.loop.call_soon_threadsafe(self.fake.hang.disarm)
        self.run(self.fake.close())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()

    @property
    def api(self) -> str:
        if isinstance(self.fake, HangingSlack):
            return self.fake.base_url
        return self.fake.base


@pytest.fixture(params=["slack", "discord"])
def platform(request: pytest.FixtureRequest) -> Iterator[tuple[str, Served]]:
    fake: HangingSlack | HangingDiscord = (
        HangingSlack() if request.param == "slack" else HangingDiscord()
    )
    fake.hang = Hang()
    with Served(fake) as served:
        yield request.param, served


def part_worker(tmp_path: Path, name: str, served: Served) -> subprocess.Popen[bytes]:
    command = [sys.executable, str(WORKER), str(tmp_path / "db.sqlite3"), "-", str(PART_CHANNELS)]
    options = ["--platform", name, "--api", served.api, "--parts", str(PARTS)]
    return subprocess.Popen(
        [*command, *options],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def finish(process: subprocess.Popen[bytes]) -> None:
    _, err = process.communicate(timeout=90)
    assert process.returncode == 0, err.decode()


def every_part_once(served: Served) -> None:
    counts = served.fake.parts()
    assert len(counts) == PART_CHANNELS, counts
    for channel, parts in counts.items():
        assert len(parts) == PARTS and set(parts.values()) == {1}, (channel, parts)


# (n-th message post the worker is killed at, whether that message reached the platform)
KILL_POINTS = [(1, True), (2, False), (4, True), (PARTS * PART_CHANNELS, True)]


@pytest.mark.parametrize(("nth", "landed"), KILL_POINTS)
def test_multi_part_briefing_killed_mid_fan_out_ends_with_every_part_exactly_once(
    tmp_path: Path, platform: tuple[str, Served], nth: int, landed: bool
) -> None:
    name, served = platform
    served.loop.call_soon_threadsafe(lambda: served.fake.hang.arm(nth, landed=landed))
    first = part_worker(tmp_path, name, served)
    deadline = time.monotonic() + 60
    while not served.fake.hang.reached.wait(0.05):
        assert first.poll() is None, first.communicate()[1].decode()
        assert time.monotonic() < deadline, "worker never reached the crash point"
    time.sleep(0.2)  # let concurrent sends reach the fake too
    first.send_signal(signal.SIGKILL)
    first.communicate(timeout=10)
    served.loop.call_soon_threadsafe(served.fake.hang.disarm)

    finish(part_worker(tmp_path, name, served))  # the restart completes the missing parts
    every_part_once(served)
    finish(part_worker(tmp_path, name, served))  # a rerun is a no-op
    every_part_once(served)
