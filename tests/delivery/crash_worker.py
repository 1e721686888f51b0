"""A separate process that runs ``briefbot post`` logic, to be killed in the middle of it.

usage: crash_worker.py DB PLATFORM_DIR CHANNELS [--block-after N] [--delay SECONDS]
       crash_worker.py DB - CHANNELS --platform slack|discord --api URL [--parts N]

With the file platform each channel is a file in PLATFORM_DIR holding one delivery key per
posted message, so the "platform" outlives the process; ``--block-after N`` lets the N-th post
land and then blocks every post (the rows stay in flight), and a ``ready`` file tells the test
to kill us. With ``--platform slack`` or ``discord`` the real poster talks to a local fake the
test runs (and makes hang when it wants us killed), posting a briefing of ``--parts`` messages.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import functools
import os
import sys
from pathlib import Path

from pydantic import SecretStr

from bot.context import Context
from bot.core.briefing import Briefing
from bot.delivery.commands import post_schedule
from bot.delivery.pacing import Pacers, Pacing
from bot.delivery.poster import Poster, SendPart
from bot.delivery.schedules import Schedule
from bot.delivery.service import DeliveryService
from bot.settings import Secrets, Settings
from bot.store import open_store
from tests.delivery.briefings import long_briefing

SLACK_IDS = "C{:07d}"
DISCORD_IDS = "8000000000000{:05d}"
FAST = Pacing(interval=0.01, per_channel=0.05)  # the fakes do not rate-limit: keep trials short


class FilePoster:
    """Posts are lines appended (and fsynced) to one file per channel."""

    platform = "slack"

    def __init__(self, folder: Path, block_after: int | None, delay: float) -> None:
        self.folder = folder
        self.block_after = block_after
        self.delay = delay
        self.posted = 0

    def parts(self, briefing: Briefing, *, delivery_key: str) -> list[SendPart]:
        return [functools.partial(self._post, delivery_key)]

    async def _post(self, delivery_key: str, channel_id: str) -> str:
        if self.block_after is not None and self.posted >= self.block_after:
            await asyncio.sleep(3600)  # in flight, never completed: the test kills us here
        await asyncio.sleep(self.delay)
        path = self.folder / channel_id
        with path.open("a", encoding="utf-8") as handle:
            handle.write(delivery_key + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        self.posted += 1
        if self.posted == self.block_after:
            (self.folder.parent / "ready").write_text("ready")
            await asyncio.sleep(3600)  # landed on the platform, ledger not completed
        return f"{channel_id}-{len(path.read_text().splitlines())}"

    async def find_delivered(self, channel_id: str, delivery_key: str) -> dict[int, str]:
        path = self.folder / channel_id
        keys = path.read_text().splitlines() if path.exists() else []
        return {0: f"{channel_id}-{keys.index(delivery_key) + 1}"} if delivery_key in keys else {}


class LongBriefingService(DeliveryService):
    """Posts a briefing of a fixed number of messages, whatever the store holds."""

    parts = 1

    async def briefing(self, schedule: Schedule, slot: dt.datetime) -> Briefing:
        return long_briefing(self.parts, slot.date())


def platform_poster(platform: str, api: str) -> Poster:
    """The real poster of a platform, pointed at the test's fake."""
    if platform == "slack":
        from bot.adapters.slack.config import SlackConfig, web_client
        from bot.adapters.slack.poster import SlackPoster

        config = SlackConfig(api_url=api, port=0, host="127.0.0.1", timeout=120)
        return SlackPoster(web_client(SecretStr("xoxb-fake"), config, retry_rate_limits=False))
    from bot.adapters.discord.config import apply_api_base
    from bot.adapters.discord.poster import DiscordPoster

    apply_api_base(api)
    return DiscordPoster(SecretStr("fake-token"), timeout=120)


def channel_names(platform: str, count: int) -> list[str]:
    """Channel refs as the settings spell them."""
    pattern = DISCORD_IDS if platform == "discord" else SLACK_IDS
    return [f"{platform}:{pattern.format(n)}" for n in range(count)]


async def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("folder")
    parser.add_argument("channels", type=int)
    parser.add_argument("--block-after", type=int)
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("--platform", default="file", choices=["file", "slack", "discord"])
    parser.add_argument("--api", default="")
    parser.add_argument("--parts", type=int, default=1)
    args = parser.parse_args()
    platform = "slack" if args.platform == "file" else args.platform
    channels = channel_names(platform, args.channels)
    schedule = {"name": "yearly", "cron": "0 0 1 1 *", "timezone": "UTC", "channels": channels}
    settings = Settings.model_validate({"schedules": [schedule]})
    if args.platform == "file":
        poster: Poster = FilePoster(Path(args.folder), args.block_after, args.delay)
    else:
        poster = platform_poster(args.platform, args.api)
    store = await open_store(f"sqlite:///{args.db}")
    try:
        service = LongBriefingService(
            Context(settings, Secrets(), store),
            {platform: poster},
            pacers=Pacers({platform: FAST}),
        )
        service.parts = args.parts
        result = await post_schedule(service, "yearly")
    finally:
        await store.close()
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
