"""A separate process that runs ``briefbot post`` logic against a file-backed fake platform.

usage: crash_worker.py DB PLATFORM_DIR CHANNELS [--block-after N] [--delay SECONDS]

Each channel is a file in PLATFORM_DIR holding one delivery key per posted message, so the
"platform" outlives the process. With ``--block-after N`` the N-th post lands and then every
post blocks (the rows stay in flight), and a ``ready`` file tells the test to kill us.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import os
import sys
from pathlib import Path

from bot.context import Context
from bot.core.briefing import Briefing
from bot.delivery.commands import post_schedule
from bot.delivery.poster import SendPart
from bot.delivery.service import DeliveryService
from bot.settings import Secrets, Settings
from bot.store import open_store


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


async def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("platform", type=Path)
    parser.add_argument("channels", type=int)
    parser.add_argument("--block-after", type=int)
    parser.add_argument("--delay", type=float, default=0.0)
    args = parser.parse_args()
    channels = [f"slack:C{n:07d}" for n in range(args.channels)]
    schedule = {"name": "yearly", "cron": "0 0 1 1 *", "timezone": "UTC", "channels": channels}
    settings = Settings.model_validate({"schedules": [schedule]})
    store = await open_store(f"sqlite:///{args.db}")
    try:
        poster = FilePoster(args.platform, args.block_after, args.delay)
        service = DeliveryService(Context(settings, Secrets(), store), {"slack": poster})
        result = await post_schedule(service, "yearly")
    finally:
        await store.close()
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
