"""A process that waits for the scheduler lock and reports when it leads, until killed.

usage: leader_worker.py DATABASE_URL REPORT_FILE   (BRIEFBOT_LEADER_POLL: seconds between tries)

Appends "<pid> <unix time>" to REPORT_FILE when it becomes the leader.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path

from bot.delivery.leader import PostgresLeadership


def append(path: Path, line: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(line)


async def main() -> int:
    url, report = sys.argv[1], Path(sys.argv[2])
    poll = float(os.environ.get("BRIEFBOT_LEADER_POLL", "0.5"))  # the benchmark uses 2.0
    leadership = PostgresLeadership(url, poll_seconds=poll, heartbeat_seconds=1.0)
    await leadership.acquire()
    await asyncio.to_thread(append, report, f"{os.getpid()} {time.time():.3f}\n")
    await leadership.lost()
    return 3  # lost the lock without being killed


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
