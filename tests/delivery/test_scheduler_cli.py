"""The scheduler's job firing and resync, and ``briefbot post`` / ``status`` as a user runs them."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from bot.delivery.scheduler import RESYNC_JOB, DeliveryScheduler

from .conftest import CHANNELS, FakePoster, FakeTime, ServiceFactory

ROOT = Path(__file__).resolve().parents[2]


async def test_job_fires_the_latest_slot_once_and_skips_past_grace(
    make_service: ServiceFactory, poster: FakePoster, time: FakeTime
) -> None:
    scheduler = DeliveryScheduler(make_service())
    await scheduler.resync()  # jobs + catch-up (delivers 08:00, inside grace)
    assert sum(poster.attempts.values()) == len(CHANNELS)
    again = await scheduler.fire("morning")  # the job firing too: nothing more
    assert again is not None and all(o.already for o in again.outcomes)
    assert sum(poster.attempts.values()) == len(CHANNELS)
    time.wall += dt.timedelta(hours=2)
    assert await scheduler.fire("morning") is None  # woke far too late: catch-up records it


async def test_start_registers_jobs_and_stop_shuts_down(make_service: ServiceFactory) -> None:
    async with DeliveryScheduler(make_service()) as scheduler:
        assert scheduler.scheduler.running
        assert scheduler.scheduler.get_job(RESYNC_JOB) is not None
    assert not scheduler.scheduler.running


def briefbot(workdir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))}
    env.pop("BRIEFBOT_CONFIG", None)
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=workdir,
        capture_output=True,
        text=True,
        env={**env, "PYTHONPATH": str(ROOT)},
        timeout=60,
        check=False,
    )


def test_post_and_status_commands(briefs_dir: Path) -> None:
    workdir = briefs_dir.parent
    (workdir / "config").mkdir()
    (workdir / "config" / "briefbot.toml").write_text(
        '[[schedules]]\nname = "morning"\ncron = "0 8 * * *"\ntimezone = "Europe/Berlin"\n'
        'channels = ["console"]\n'
        '[[schedules]]\nname = "mixed"\ncron = "0 8 * * *"\ntimezone = "UTC"\n'
        'channels = ["console", "slack:C0123ABCD"]\n',
        "utf-8",
    )
    first = briefbot(workdir, "post", "morning")
    assert first.returncode == 0, first.stderr
    assert "1. " in first.stdout
    rerun = briefbot(workdir, "post", "morning")
    assert rerun.returncode == 0 and rerun.stdout == ""  # no-op: nothing printed again
    mixed = briefbot(workdir, "post", "mixed")
    assert mixed.returncode == 1
    assert "not delivered to slack:C0123ABCD" in mixed.stderr
    assert "SLACK_BOT_TOKEN not set" in mixed.stderr
    status = briefbot(workdir, "status")
    assert status.returncode == 0, status.stderr
    assert "morning  At 08:00 every day (Europe/Berlin)  → console" in status.stdout
    assert "cron: '0 8 * * *'" in status.stdout
    assert "(1/1 channels hold it)" in status.stdout
    assert "no_poster" in status.stdout
    unknown = briefbot(workdir, "post", "evening")
    assert unknown.returncode == 2 and "no schedule named 'evening'" in unknown.stderr
