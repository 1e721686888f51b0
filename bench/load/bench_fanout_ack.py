"""Load test: slash-command ack time while a 500-channel fan-out runs (issue 12, Measure).

The server is the real ``briefbot run`` in Slack's HTTP mode (a subprocess) with a schedule
of ``--channels`` Slack channels firing every minute, posting through the real poster to the
local fake of Slack on 127.0.0.1 (no rate limits of its own: the delivery layer paces itself
at Slack's 10 messages/s). Once the first briefing of a slot arrives at the fake, this process
sends signed ``/brief who …`` commands every ``--every`` seconds, each on a new connection,
while the fan-out is still posting, and times each one until its HTTP answer (the ack).

usage: python bench/load/bench_fanout_ack.py [--channels 500] [--commands 200] [--every 0.1]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_idle import FAILURES, free_port, one_command, wait_ready  # noqa: E402

from tests.slack.conftest import SIGNING_SECRET  # noqa: E402
from tests.slack.fake_slack import FakeSlack  # noqa: E402

TARGET_MS = 100.0


def write_config(workdir: Path, channels: int) -> Path:
    """A config whose one schedule posts to ``channels`` Slack channels every minute."""
    shutil.copytree(ROOT / "briefs", workdir / "briefs")
    names = ", ".join(f'"slack:C{n:08d}"' for n in range(channels))
    config = workdir / "briefbot.toml"
    config.write_text(
        'briefs_dir = "briefs"\ndata_dir = "data"\n'
        "[delivery]\ngrace_minutes = 1\n"
        f'[[schedules]]\nname = "load"\ncron = "* * * * *"\nchannels = [{names}]\n'
    )
    return config


def start_server(
    workdir: Path, config: Path, port: int, fake: FakeSlack
) -> subprocess.Popen[bytes]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_", "BRIEFBOT_"))
    }
    env |= {
        "SLACK_BOT_TOKEN": "xoxb-bench",
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake.base_url,
        "SLACK_HOST": "127.0.0.1",
        "PORT": str(port),
        "BRIEFBOT_CONFIG": str(config),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        cwd=workdir,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=open(workdir / "stderr.log", "wb"),  # noqa: SIM115  (closed with the process)
    )


def posts(fake: FakeSlack) -> int:
    return len([r for r in fake.calls("chat.postMessage") if r.args.get("metadata")])


async def main(args: argparse.Namespace) -> str:
    fake = FakeSlack()
    await fake.start()
    workdir = Path(tempfile.mkdtemp(prefix="briefbot-fanout-ack-"))
    port = free_port()
    server = start_server(workdir, write_config(workdir, args.channels), port, fake)
    try:
        await wait_ready(port)
        await fake.wait_for("chat.postMessage", seconds=90)  # start-up catch-up, or next slot
        started, during = time.monotonic(), []
        for n in range(args.commands):
            if posts(fake) >= args.channels:
                break  # the fan-out is over: later figures would not be "during"
            during.append(await one_command(port, fake, n))
            await asyncio.sleep(args.every)
        sent_posts = posts(fake)
        window = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(20)
        await fake.close()
    answered = sorted(x for x in during if x is not None)
    p99 = answered[max(0, int(len(answered) * 0.99 + 0.5) - 1)] if answered else float("inf")
    print(f"failures: {FAILURES}; posts during the window: {sent_posts} in {window:.1f}s")
    return (
        f"channels={args.channels} commands={len(during)} answered={len(answered)}"
        f" ack_p50_ms={statistics.median(answered) * 1000:.1f} ack_p99_ms={p99 * 1000:.1f}"
        f" ack_max_ms={answered[-1] * 1000:.1f} target_ms={TARGET_MS:.0f}"
        f" posts_during={sent_posts}"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--channels", type=int, default=500)
    parser.add_argument("--commands", type=int, default=200)
    parser.add_argument("--every", type=float, default=0.1, help="seconds between commands")
    print(asyncio.run(main(parser.parse_args())))
