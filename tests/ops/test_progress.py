"""Progress where work is long: `extract --jsonl` (bar on a terminal, lines when piped,
several worker processes) and `poll` (each feed reported as soon as it is done)."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
import threading
from pathlib import Path

from tests.ingest.conftest import LocalServer, local_server  # noqa: F401  (fixture)

ROOT = Path(__file__).resolve().parents[2]
QUOTE = '"The ferry will run again in {month}," said Mayor Jo Park of Harbourton.'
MONTHS = ["May", "June", "July", "August", "September", "October"]


def environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "SLACK_"))}


def batch(tmp_path: Path, count: int = 24) -> Path:
    lines = [
        json.dumps({"id": f"a{i}", "text": f"Harbour news {i}\n\n" + QUOTE.format(month=m)})
        for i, m in zip(range(count), MONTHS * 10, strict=False)
    ]
    lines.insert(5, "{not json")
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def extract(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "extract", "--jsonl", str(path), *args],
        cwd=path.parent,
        capture_output=True,
        text=True,
        env=environment(),
        timeout=120,
        check=False,
    )


def test_piped_batch_prints_plain_progress_with_total_and_eta(tmp_path: Path) -> None:
    result = extract(batch(tmp_path))
    assert result.returncode == 1  # one bad line
    lines = result.stderr.splitlines()
    assert any(line.startswith("error: line 6: invalid JSON") for line in lines)
    counts = [line for line in lines if line.startswith("extract: ") and "ETA" in line]
    assert counts and all(
        re.fullmatch(r"extract: \d+/25 articles \(\d+%\), \d+/s, ETA \d+s", line) for line in counts
    )
    assert lines[-1].startswith("extract: done, 24 articles, 1 failed")
    assert "\x1b[" not in result.stderr


def test_several_workers_give_the_same_lines_in_the_same_order(tmp_path: Path) -> None:
    path = batch(tmp_path)
    one = extract(path)
    two = extract(path, "-j", "2")
    assert two.returncode == 1
    assert two.stdout == one.stdout
    assert [json.loads(line)["id"] for line in two.stdout.splitlines()] == [
        f"a{i}" for i in range(24)
    ]
    assert two.stderr.splitlines()[-1].startswith("extract: done, 24 articles, 1 failed")


def test_on_a_terminal_a_bar_shows_total_and_time_left(tmp_path: Path) -> None:
    path = batch(tmp_path)
    leader, follower = pty.openpty()
    results = (tmp_path / "out.jsonl").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "extract", "--jsonl", str(path)],
        cwd=tmp_path,
        stdout=results,
        stderr=follower,
        env=environment() | {"TERM": "xterm", "COLUMNS": "120"},
    )
    os.close(follower)
    screen = b""
    while True:  # read the terminal while it writes, until the child closes it
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the child is gone
            break
        if not chunk:
            break
        screen += chunk
    os.close(leader)
    process.wait(timeout=60)
    results.close()
    stdout = (tmp_path / "out.jsonl").read_text("utf-8")
    text = screen.decode("utf-8", "replace")
    assert process.returncode == 1
    assert "25/25" in text and "ETA" in text and "━" in text
    assert "error: line 6: invalid JSON" in text
    assert "extract: done, 24 articles, 1 failed" in text
    assert len(stdout.splitlines()) == 24  # results stay on stdout, bar on stderr


def test_poll_reports_each_feed_as_it_finishes(
    tmp_path: Path,
    local_server: LocalServer,  # noqa: F811
) -> None:
    empty = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'
    local_server.serve("/fast", empty, "application/rss+xml")
    slow_served = threading.Event()
    release = threading.Event()

    def slow(_seen: object) -> tuple[int, dict[str, str], bytes]:
        release.wait(20)
        slow_served.set()
        return 200, {"Content-Type": "application/rss+xml"}, empty.encode()

    local_server.routes["/slow"] = slow
    (tmp_path / "briefs").mkdir()
    config = tmp_path / "briefbot.toml"
    config.write_text(
        f'briefs_dir = "{tmp_path / "briefs"}"\ndata_dir = "{tmp_path / "data"}"\n'
        "allow_private_addresses = true\n"
        f'[[feeds]]\nname = "fast"\nurl = "{local_server.url("/fast")}"\n'
        f'[[feeds]]\nname = "slow"\nurl = "{local_server.url("/slow")}"\n',
        "utf-8",
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "poll", "-c", str(config)],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment(),
    )
    assert process.stdout is not None
    try:
        first = process.stdout.readline()
        slow_was_done = slow_served.is_set()
    finally:
        release.set()
        out, err = process.communicate(timeout=60)
    assert first == "fast: 0 new, 0 known, 0 problem(s)\n"
    assert not slow_was_done, "the first feed's line waited for the slow feed"
    assert out == "slow: 0 new, 0 known, 0 problem(s)\n", err
    assert process.returncode == 0
