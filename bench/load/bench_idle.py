"""Load test: signed slash commands answered in time while idle connections are held open.

The server is the real ``briefbot run`` in Slack's HTTP mode, in a subprocess limited to
1,024 file descriptors (``RLIMIT_NOFILE``), with its Web API calls going to the local fake of
Slack. This process then holds ``--idle`` connections open against it the way a slowloris
attacker does: half send nothing, half send half a request head, and every one that the
server closes is opened again at once, for the whole run. Meanwhile it sends ``--commands``
signed ``/brief who …`` slash commands, each on a new connection, and times each one until
its HTTP answer (Slack gives up after 3 s). Everything stays on 127.0.0.1 and ends by itself
after ``--seconds``.

usage: python bench/load/bench_idle.py [--idle 2000] [--commands 200] [--rate 20]
       [--fd-limit 1024] [--seconds 60] [--repo .]

``--repo`` runs another checkout's briefbot as the server (e.g. the code before the fix).
The last line holds the headline figures.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.slack.conftest import SIGNING_SECRET, sign  # noqa: E402
from tests.slack.fake_slack import FakeSlack  # noqa: E402

DEADLINE = 3.0  # Slack's: an unanswered slash command fails for the user after 3 s
FORM = "application/x-www-form-urlencoded"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def command_body(fake: FakeSlack, n: int) -> str:
    return urllib.parse.urlencode(
        {
            "team_id": "T1",
            "channel_id": "C0123ABCD",
            "user_id": "U0USER",
            "command": "/brief",
            "text": "who Zelensky",
            "api_app_id": "A1",
            "response_url": fake.response_url(f"c{n}"),
            "trigger_id": f"1.2.{n}",
        }
    )


def start_server(
    repo: Path, workdir: Path, port: int, fake: FakeSlack, fd_limit: int
) -> subprocess.Popen[bytes]:
    """``briefbot run`` in HTTP mode with at most ``fd_limit`` open files."""
    shutil.copytree(ROOT / "briefs", workdir / "briefs")
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_", "BRIEFBOT_"))
    }
    env |= {
        "SLACK_BOT_TOKEN": "xoxb-bench",
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake.base_url,
        "SLACK_HOST": "127.0.0.1",
        "PORT": str(port),
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "PYTHONPATH": str(repo),
    }

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (fd_limit, fd_limit))

    return subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        cwd=workdir,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=open(workdir / "stdout.log", "wb"),  # noqa: SIM115  (closed with the process)
        stderr=open(workdir / "stderr.log", "wb"),  # noqa: SIM115
        preexec_fn=limit,  # noqa: PLW1509  (only setrlimit, before exec)
    )


def start_attacker(port: int, idle: int, seconds: float) -> subprocess.Popen[str]:
    """The held-open connections, in their own process: its loop must not slow our timing."""
    command = [sys.executable, __file__, "--attack", str(port), "--idle", str(idle)]
    return subprocess.Popen(
        [*command, "--seconds", str(seconds)], stdout=subprocess.PIPE, text=True
    )


async def wait_ready(port: int, seconds: float = 30.0) -> None:
    async with asyncio.timeout(seconds), aiohttp.ClientSession() as session:
        while True:
            with contextlib.suppress(aiohttp.ClientError):
                async with session.get(f"http://127.0.0.1:{port}/healthz") as response:
                    if response.status in (200, 404):  # 404: older code without /healthz
                        return
            await asyncio.sleep(0.1)


async def hold_open(port: int, partial: bool, until: float, reopened: list[int]) -> None:
    """One attacker connection, reopened whenever the server closes it, until ``until``."""
    head = b"POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: appl"
    while time.monotonic() < until:
        try:
            reader, writer = await asyncio.wait_for(
                asyncio.open_connection("127.0.0.1", port),
                timeout=max(0.1, until - time.monotonic()),
            )
        except (OSError, TimeoutError):
            await asyncio.sleep(0.05)
            continue
        try:
            if partial:
                writer.write(head)
                await writer.drain()
            await asyncio.wait_for(reader.read(), timeout=max(0.1, until - time.monotonic()))
            reopened[0] += 1
        except (OSError, TimeoutError):
            pass
        finally:
            writer.close()


FAILURES: dict[str, int] = {}


async def one_command(port: int, fake: FakeSlack, n: int) -> float | None:
    """Seconds until the signed command's HTTP answer, or None if none came in 10 s."""
    body = command_body(fake, n)
    headers = {"Content-Type": FORM, **sign(body)}
    started = time.perf_counter()
    try:
        connector = aiohttp.TCPConnector(force_close=True)
        async with (
            aiohttp.ClientSession(
                connector=connector, timeout=aiohttp.ClientTimeout(total=10)
            ) as session,
            session.post(
                f"http://127.0.0.1:{port}/slack/events", data=body, headers=headers
            ) as response,
        ):
            await response.read()
            if response.status != 200:
                FAILURES[f"http_{response.status}"] = FAILURES.get(f"http_{response.status}", 0) + 1
                return None
    except (aiohttp.ClientError, TimeoutError) as err:
        FAILURES[str(err)[:80]] = FAILURES.get(str(err)[:80], 0) + 1
        return None
    return time.perf_counter() - started


async def main(args: argparse.Namespace) -> str:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))  # the attacker needs > idle fds
    fake = FakeSlack()
    await fake.start()
    workdir = Path(tempfile.mkdtemp(prefix="briefbot-load-"))
    port = free_port()
    server = start_server(args.repo, workdir, port, fake, args.fd_limit)
    try:
        await wait_ready(port)
        until = time.monotonic() + args.seconds
        attacker = start_attacker(port, args.idle, args.seconds)
        await asyncio.sleep(args.warmup)  # let the idle connections pile up first
        log_before = (workdir / "stderr.log").stat().st_size
        log_started = time.monotonic()
        latencies: list[float | None] = []
        for n in range(args.commands):
            if time.monotonic() > until - 12:
                break
            latencies.append(await asyncio.wait_for(one_command(port, fake, n), 12))
            await asyncio.sleep(1 / args.rate)
        log_rate = ((workdir / "stderr.log").stat().st_size - log_before) / (
            time.monotonic() - log_started
        )
        attacker.terminate()
        out, _ = attacker.communicate(timeout=30)
        reconnects = int(out.split()[-1]) if out.strip() else -1
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
        await fake.close()
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    answered = sorted(x for x in latencies if x is not None)
    sent = len(latencies)
    late = sent - sum(1 for x in answered if x <= DEADLINE)
    p99 = (
        answered[max(0, int(len(answered) * 0.99 + 0.5) - 1)]
        if len(answered) == sent
        else float("inf")
    )
    p50 = statistics.median(answered) if answered else float("inf")
    print(f"failures: {FAILURES}")
    print(f"server log: {workdir / 'stderr.log'} ({(workdir / 'stderr.log').stat().st_size} bytes)")
    return (
        f"idle={args.idle} fd_limit={args.fd_limit} commands={sent} answered={len(answered)}"
        f" over_3s={late} ack_p50_ms={p50 * 1000:.0f} ack_p99_ms={p99 * 1000:.0f}"
        f" ack_max_ms={(answered[-1] if answered else float('inf')) * 1000:.0f}"
        f" reconnects={reconnects} log_bytes_per_s={log_rate:.0f}"
    )


async def attack(port: int, idle: int, seconds: float) -> None:
    """The attacker process: hold ``idle`` connections open until the time is up or SIGTERM."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    until = time.monotonic() + seconds
    reopened = [0]
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    tasks = [asyncio.create_task(hold_open(port, i % 2 == 1, until, reopened)) for i in range(idle)]
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    print(reopened[0], flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--attack", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--idle", type=int, default=2000)
    parser.add_argument("--commands", type=int, default=200)
    parser.add_argument("--rate", type=float, default=10.0, help="commands per second at most")
    parser.add_argument("--fd-limit", type=int, default=1024)
    parser.add_argument("--seconds", type=float, default=60.0, help="hard end of the run")
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--repo", default=str(ROOT), help="checkout whose briefbot serves")
    parsed = parser.parse_args()
    parsed.repo = Path(parsed.repo).resolve()
    if parsed.attack:
        asyncio.run(attack(parsed.attack, parsed.idle, parsed.seconds))
    else:
        print(asyncio.run(main(parsed)))
