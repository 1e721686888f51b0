"""Real processes: one killed in the middle of a fan-out and restarted; two at once on one DB."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

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
